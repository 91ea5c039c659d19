"""Validation of what caseworkers type: BSN, postcode, dates, e-mail and phone numbers.

Each `*_problem` function returns None for good input or a Dutch message that says what to fix;
each `normalize_*` function returns the canonical stored form of input that passed.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from app.domain.dates import FIRST_DAY, LAST_DAY
from app.domain.formatting import format_date, format_number

_BSN_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)


def normalize_bsn(value: str) -> str:
    """Digits only; an eight-digit number gets its leading zero back (RULES.md)."""
    digits = re.sub(r"[\s.\-]", "", value or "")
    if len(digits) == 8 and digits.isdigit():
        digits = "0" + digits
    return digits


def is_valid_bsn(value: str) -> bool:
    """The elfproef of RULES.md on a BSN as typed (spaces, dots and dashes allowed)."""
    digits = normalize_bsn(value)
    if len(digits) != 9 or not digits.isascii() or not digits.isdigit():
        return False
    if digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits, _BSN_WEIGHTS, strict=True))
    return total % 11 == 0


def bsn_problem(value: str) -> str | None:
    digits = normalize_bsn(value)
    if not digits:
        return "Vul het BSN in."
    if not (digits.isascii() and digits.isdigit()):
        return "Een BSN bestaat alleen uit cijfers."
    if len(digits) != 9:
        return f"Een BSN heeft 9 cijfers; u typte er {len(digits)}."
    if not is_valid_bsn(digits):
        return "Dit BSN klopt niet (elfproef). Controleer de cijfers."
    return None


_POSTCODE = re.compile(r"^([1-9][0-9]{3})\s*([A-Za-z]{2})$")
_UNUSED_POSTCODE_LETTERS = {"SA", "SD", "SS"}


def normalize_postcode(value: str) -> str:
    match = _POSTCODE.match((value or "").strip())
    if not match:
        return (value or "").strip()
    return f"{match.group(1)} {match.group(2).upper()}"


def postcode_problem(value: str) -> str | None:
    text = (value or "").strip()
    if not text:
        return "Vul de postcode in."
    match = _POSTCODE.match(text)
    if not match:
        return "Een postcode is 4 cijfers (niet beginnend met 0) en 2 letters, zoals 7551 AB."
    if match.group(2).upper() in _UNUSED_POSTCODE_LETTERS:
        return f"De lettercombinatie {match.group(2).upper()} komt in postcodes niet voor."
    return None


_DATE = re.compile(r"^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def parse_date(value: str) -> dt.date | None:
    """A date typed as dd-mm-jjjj (also d-m-jjjj, with / or .), or ISO jjjj-mm-dd."""
    text = (value or "").strip()
    match = _DATE.match(text)
    try:
        if match:
            return dt.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        iso = _ISO_DATE.match(text)
        if iso:
            return dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    except ValueError:
        return None
    return None


def date_problem(
    value: str,
    *,
    required: bool = True,
    earliest: dt.date | None = None,
    latest: dt.date | None = None,
    what: str = "de datum",
) -> str | None:
    text = (value or "").strip()
    if not text:
        return f"Vul {what} in." if required else None
    parsed = parse_date(text)
    if parsed is None:
        return f"Typ {what} als dd-mm-jjjj, bijvoorbeeld 05-03-1984."
    if earliest and parsed < earliest:
        return f"{what.capitalize()} mag niet vóór {format_date(earliest)} liggen."
    if latest and parsed > latest:
        return f"{what.capitalize()} mag niet na {format_date(latest)} liggen."
    if not FIRST_DAY <= parsed <= LAST_DAY:
        return day_range_problem()
    return None


def day_range_problem() -> str:
    return (
        f"Typ een datum tussen {format_date(FIRST_DAY)} en {format_date(LAST_DAY)}; "
        "controleer het jaartal."
    )


def birth_date_problem(value: str, *, today: dt.date) -> str | None:
    return date_problem(
        value,
        earliest=dt.date(today.year - 110, 1, 1),
        latest=dt.date(today.year - 14, today.month, min(today.day, 28)),
        what="de geboortedatum",
    )


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]{2,}$")


def email_problem(value: str, *, required: bool = False) -> str | None:
    text = (value or "").strip()
    if not text:
        return "Vul het e-mailadres in." if required else None
    if not _EMAIL.match(text) or ".." in text:
        return "Dit e-mailadres is niet compleet; het ziet eruit als naam@voorbeeld.nl."
    return None


def normalize_phone(value: str) -> str:
    """Keep digits and a leading +; +31 and 0031 become a national 0-number."""
    text = re.sub(r"[\s\-()./]", "", value or "")
    if text.startswith("0031"):
        text = "0" + text[4:]
    elif text.startswith("+31"):
        text = "0" + text[3:]
    return text


def phone_problem(value: str, *, required: bool = False) -> str | None:
    raw = (value or "").strip()
    if not raw:
        return "Vul het telefoonnummer in." if required else None
    text = normalize_phone(raw)
    if text.startswith("+"):
        digits = text[1:]
        if digits.isdigit() and 8 <= len(digits) <= 15:
            return None
        return "Een buitenlands nummer begint met + en de landcode, gevolgd door 8 tot 15 cijfers."
    if not text.isdigit():
        return "Een telefoonnummer bevat alleen cijfers, spaties, streepjes of een + vooraan."
    if len(text) != 10 or not text.startswith("0"):
        return "Een Nederlands telefoonnummer heeft 10 cijfers en begint met 0, zoals 06 12345678."
    return None


_KVK = re.compile(r"^\d{8}$")


def normalize_kvk(value: str) -> str:
    return re.sub(r"\s", "", value or "")


def kvk_problem(value: str, *, required: bool = False) -> str | None:
    text = re.sub(r"\s", "", value or "")
    if not text:
        return "Vul het KvK-nummer in." if required else None
    if not _KVK.match(text):
        return "Een KvK-nummer heeft precies 8 cijfers."
    return None


_NUMBER = re.compile(r"^-?\d+(?:[.,]\d+)?$")


def parse_decimal(value: str) -> Decimal | None:
    """A number as typed in Dutch or English: '16,50', '16.50', '€ 16,50', '60%'."""
    text = (value or "").strip().replace("€", "").replace("%", "").replace(" ", "")
    if "," in text and "." in text:  # 1.234,56
        text = text.replace(".", "")
    if not _NUMBER.match(text):
        return None
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation:
        return None


def decimal_problem(
    value: str,
    *,
    what: str,
    minimum: Decimal | None = None,
    maximum: Decimal | None = None,
    required: bool = True,
    above_minimum: bool = False,
) -> str | None:
    """A message when `value` is not a number within the bounds (None when it is fine)."""
    text = (value or "").strip()
    if not text:
        return f"Vul {what} in." if required else None
    number = parse_decimal(text)
    if number is None:
        return f"Typ {what} als getal, bijvoorbeeld 16,50."
    if minimum is not None and (number <= minimum if above_minimum else number < minimum):
        word = "meer dan" if above_minimum else "minstens"
        return f"{what.capitalize()} moet {word} {format_number(minimum)} zijn."
    if maximum is not None and number > maximum:
        return f"{what.capitalize()} is ten hoogste {format_number(maximum)}."
    return None


_DURATION = re.compile(r"^(\d{1,2}):(\d{2})$")


def parse_duration_minutes(value: str) -> int | None:
    """A duration as '1:30', '90' (minutes) or '1,5u' / '1.5 uur' (hours); None if unreadable."""
    text = (value or "").strip().lower().replace(" ", "")
    clock = _DURATION.match(text)
    if clock:
        minutes = int(clock.group(2))
        return int(clock.group(1)) * 60 + minutes if minutes < 60 else None
    for suffix in ("uur", "u", "h"):
        if text.endswith(suffix):
            hours = parse_decimal(text[: -len(suffix)])
            return (
                int(hours * 60)
                if hours is not None and hours == hours.quantize(Decimal("0.01"))
                else None
            )
    if text.endswith("min"):
        text = text[:-3]
    return int(text) if text.isdigit() else None

"""Dutch notation for dates (dd-mm-jjjj), months (november 2026) and money (€ 1.234,56)."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction


def format_date(value: dt.date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


def format_moment(value: dt.datetime | None) -> str:
    """A point in time in the laptop's own time zone: dd-mm-jjjj uu:mm."""
    if value is None:
        return ""
    local = value.astimezone()
    return f"{format_date(local.date())} {local:%H:%M}"


def format_money(amount: Decimal) -> str:
    cents = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "-" if cents < 0 else ""
    whole, fraction = f"{abs(cents):.2f}".split(".")
    groups: list[str] = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return f"{sign}€ {'.'.join(groups)},{fraction}"


def format_number(value: Decimal, places: int | None = None) -> str:
    """'16,5', '6,25', '1.234,5': Dutch decimal comma, no trailing zeros unless `places`."""
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        text = f"{value:.{places}f}"
    else:
        text = f"{value.normalize():f}" if value == value.to_integral() else f"{value:f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
    whole, _, fraction = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    groups: list[str] = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return sign + ".".join(groups or ["0"]) + ("," + fraction if fraction else "")


def format_optional_number(value: Decimal | None) -> str:
    """A number as a form field holds it: empty when there is none."""
    return "" if value is None else format_number(value)


MONTH_NAMES = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip


def format_month(day: dt.date) -> str:
    """'november 2026': the month of `day`, as Dutch texts write it."""
    return f"{MONTH_NAMES[day.month - 1]} {day.year}"


def fraction_text(pct: Decimal) -> str:
    """A percentage as the simple fraction a rule names it by: 6.25 -> '1/16'."""
    fraction = Fraction(pct / 100).limit_denominator(1000)
    return f"{fraction.numerator}/{fraction.denominator}"

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import validation as v


def elfproef_reference(digits: str) -> bool:
    """Independent re-statement of RULES.md for the property test."""
    if len(digits) != 9 or not digits.isdigit() or set(digits) == {"0"}:
        return False
    weights = [9, 8, 7, 6, 5, 4, 3, 2, -1]
    return sum(int(d) * w for d, w in zip(digits, weights, strict=False)) % 11 == 0


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_is_valid_bsn_matches_the_elfproef(digits: str) -> None:
    assert v.is_valid_bsn(digits) == elfproef_reference(digits)


@given(st.integers(min_value=0, max_value=10**8 - 1))
def test_eight_digits_get_a_leading_zero(number: int) -> None:
    eight = f"{number:08d}"
    assert v.is_valid_bsn(eight) == elfproef_reference("0" + eight)


def test_known_bsn_values() -> None:
    assert v.is_valid_bsn("123456782")
    assert v.is_valid_bsn("1234 56 782")
    assert not v.is_valid_bsn("123456781")
    assert not v.is_valid_bsn("000000000")
    assert not v.is_valid_bsn("12345678a")
    assert not v.is_valid_bsn("１２３４５６７８２")  # full-width digits are not a BSN
    assert not v.is_valid_bsn("")


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("", "Vul het BSN"),
        ("12345", "9 cijfers"),
        ("123456781", "elfproef"),
        ("12345678x", "alleen uit cijfers"),
    ],
)
def test_bsn_problem_says_what_to_fix(value: str, fragment: str) -> None:
    assert fragment in (v.bsn_problem(value) or "")


def test_postcode() -> None:
    assert v.postcode_problem("7551 AB") is None
    assert v.postcode_problem("7551ab") is None
    assert v.normalize_postcode("7551ab") == "7551 AB"
    assert "4 cijfers" in (v.postcode_problem("0551 AB") or "")
    assert "4 cijfers" in (v.postcode_problem("755 AB") or "")
    assert "SS" in (v.postcode_problem("7551 SS") or "")


def test_dates_in_dutch_notation() -> None:
    assert v.parse_date("05-03-1984") == dt.date(1984, 3, 5)
    assert v.parse_date("5/3/1984") == dt.date(1984, 3, 5)
    assert v.parse_date("1984-03-05") == dt.date(1984, 3, 5)
    assert v.parse_date("31-02-2020") is None
    assert v.format_date(dt.date(2026, 1, 2)) == "02-01-2026"
    assert "dd-mm-jjjj" in (v.date_problem("morgen") or "")
    today = dt.date(2026, 11, 22)
    assert "na" in (v.birth_date_problem("01-01-2020", today=today) or "")
    assert v.birth_date_problem("01-01-1980", today=today) is None


def test_email_and_phone() -> None:
    assert v.email_problem("") is None
    assert v.email_problem("a.b@voorbeeld.nl") is None
    assert v.email_problem("a.b@voorbeeld") is not None
    assert v.phone_problem("06 12345678") is None
    assert v.phone_problem("+31 6 12345678") is None
    assert v.normalize_phone("+31 6 12345678") == "0612345678"
    assert v.phone_problem("+49 30 1234567") is None
    assert "10 cijfers" in (v.phone_problem("0612345") or "")
    assert v.phone_problem("06-abc") is not None


def test_kvk() -> None:
    assert v.kvk_problem("12345678") is None
    assert v.kvk_problem("1234567") is not None


def test_money_in_dutch_notation() -> None:
    from decimal import Decimal

    from app.domain.formatting import format_money

    assert format_money(Decimal("1234.56")) == "€ 1.234,56"
    assert format_money(Decimal("708.825")) == "€ 708,83"
    assert format_money(Decimal("0")) == "€ 0,00"
    assert format_money(Decimal("-5.5")) == "-€ 5,50"
    assert format_money(Decimal("1000000")) == "€ 1.000.000,00"

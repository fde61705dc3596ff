from decimal import Decimal

import pytest
from recon_extractor.amounts import format_money, parse_amount


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("$1,234.56", "1234.56"),
        ("-$0.45", "-0.45"),
        ("$-0.45", "-0.45"),
        ("($12.00)", "-12.00"),
        ("12.00 CR", "-12.00"),
        ("$14.18-", "-14.18"),
        ("2.76054", "2.76054"),
        ("-13.28", "-13.28"),
        ("RM 60.30", "60.30"),
        ("€5.10", "5.10"),
        ("1234", "1234"),
    ],
)
def test_amounts(text: str, value: str) -> None:
    assert parse_amount(text) == Decimal(value)


@pytest.mark.parametrize("text", ["", None, "ABC", "($1.00", "03/04/2025", "1,23.4"])
def test_not_amounts(text: str | None) -> None:
    assert parse_amount(text) is None


def test_format_money() -> None:
    assert format_money(Decimal("-1234.5")) == "-$1,234.50"

"""Printed dates: formats as regexes, yearless dates, and the year taken from the statement period."""

from __future__ import annotations

import re
from datetime import date

import pytest
from recon_extractor.statements.date_order import decide_order, formats_for
from recon_extractor.statements.dates import PrintedDate, format_regex, parse_printed_date, resolve_date

DEC_JAN = (date(2024, 12, 8), date(2025, 1, 7))


@pytest.mark.parametrize(
    ("fmt", "text"),
    [
        ("%m/%d", "12/28"),
        ("%m/%d/%y", "1/7/25"),
        ("%b %d", "Dec  8"),
        ("%b %d, %Y", "Jan. 7, 2025"),
        ("%d %b", "07 JAN"),
    ],
)
def test_format_regex_matches_what_the_format_prints(fmt: str, text: str) -> None:
    assert re.fullmatch(format_regex(fmt), text)


def test_unsupported_format_is_refused() -> None:
    with pytest.raises(ValueError, match="%H"):
        format_regex("%m/%d %H")


def test_yearless_dates_parse_even_on_29_february() -> None:
    assert parse_printed_date("02/29", ("%m/%d",)) == PrintedDate(2, 29, None)
    assert parse_printed_date("DEC 28", ("%b %d",)) == PrintedDate(12, 28, None)
    assert parse_printed_date("Jan. 2", ("%b %d",)) == PrintedDate(1, 2, None)
    assert parse_printed_date("12/28/24", ("%m/%d", "%m/%d/%y")) == PrintedDate(12, 28, 2024)
    assert parse_printed_date("13/45", ("%m/%d",)) is None


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        (PrintedDate(12, 28, None), date(2024, 12, 28)),
        (PrintedDate(1, 3, None), date(2025, 1, 3)),
        (PrintedDate(12, 6, None), date(2024, 12, 6)),  # a charge made before the cycle opened
        (PrintedDate(1, 9, None), date(2025, 1, 9)),
        (PrintedDate(3, 1, 2023), date(2023, 3, 1)),  # a printed year wins
    ],
)
def test_year_comes_from_the_period_across_december_and_january(printed: PrintedDate, expected: date) -> None:
    assert resolve_date(printed, *DEC_JAN) == expected


def test_only_a_closing_date_still_places_the_year() -> None:
    assert resolve_date(PrintedDate(12, 20, None), None, date(2025, 1, 7)) == date(2024, 12, 20)
    assert resolve_date(PrintedDate(12, 20, None), None, None) is None


def test_29_february_takes_the_leap_year_near_the_period() -> None:
    assert resolve_date(PrintedDate(2, 29, None), date(2024, 2, 10), date(2024, 3, 9)) == date(2024, 2, 29)


FORMATS = ("%m/%d/%Y", "%m/%d", "%b %d, %Y", "%b %d", "%d %b", "%Y-%m-%d")


def test_day_first_swaps_numeric_day_and_month_only() -> None:
    assert formats_for("day_first", FORMATS) == ("%d/%m/%Y", "%d/%m", "%b %d, %Y", "%b %d", "%d %b", "%Y-%m-%d")


@pytest.mark.parametrize(
    ("period", "dates", "order"),
    [
        (None, ["28/12", "05/01"], "day_first"),  # 28 cannot be a month
        (None, ["12/28", "01/05"], "month_first"),
        (None, ["28/12/2024", "05/01/2025"], "day_first"),
        (("08/12/2024", "07/01/2025"), ["05/01"], "day_first"),  # month-first the period is eleven months long
        (("Dec 8, 2024", "Jan 7, 2025"), ["05/01", "06/01"], "day_first"),  # only day-first fits the period
        (("Dec 8, 2024", "Jan 7, 2025"), ["01/05/2025"], "month_first"),
    ],
)
def test_the_order_is_what_the_dates_and_the_period_allow(
    period: tuple[str, str] | None, dates: list[str], order: str
) -> None:
    decided = decide_order(period, dates, FORMATS, FORMATS)
    assert (decided.order, decided.doubt) == (order, None)


def test_dates_that_read_the_same_either_way_raise_no_doubt() -> None:
    assert decide_order(None, ["12/12", "Jan 5", "28 DEC"], FORMATS, FORMATS).doubt is None


def test_an_order_nothing_decides_is_month_first_with_a_doubt() -> None:
    decided = decide_order(None, ["01/02", "02/01"], FORMATS, FORMATS)
    assert decided.order == "month_first" and decided.doubt and "day-first or month-first" in decided.doubt

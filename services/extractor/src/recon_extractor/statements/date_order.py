"""Day-first or month-first: which way a statement prints its numeric dates, decided from what it prints.

`05/01` is 5 January or 1 May. A statement says which by itself: a first field of 13-31 (`28/12`) cannot
be a month, and its printed period and lines fit only one reading (a period of 08/12/2024 - 07/01/2025
is a month long day-first and eleven months month-first; lines dated 01/01 to 28/01 fit inside a
December-January period only day-first). When both readings are possible and fit, the order truly cannot
be known: the lines are read month-first and the caller is told so (`DateOrder.doubt`), never silently.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from recon_extractor.statements.dates import PrintedDate, parse_printed_date, resolve_date

Order = Literal["month_first", "day_first"]
ORDERS: tuple[Order, ...] = ("month_first", "day_first")
LONGEST_PERIOD = timedelta(days=62)
# A charge may be made before the period opens and posted in it; nothing is dated after the closing date.
BEFORE_PERIOD = timedelta(days=31)
AFTER_PERIOD = timedelta(days=3)


@dataclass(frozen=True)
class DateOrder:
    """The order decided, the period read that way, and why a person should check, when they should."""

    order: Order
    period: tuple[date | None, date | None] | None
    doubt: str | None = None


def formats_for(order: Order, formats: Sequence[str]) -> tuple[str, ...]:
    """`formats` read in `order`: day-first swaps a numeric day and month, never in year-first (ISO) dates."""
    if order == "month_first":
        return tuple(formats)
    return tuple(_day_first(f) for f in formats)


def _day_first(fmt: str) -> str:
    if fmt.startswith("%Y") or "%m" not in fmt or "%d" not in fmt:
        return fmt
    return fmt.replace("%m", "\0").replace("%d", "%m").replace("\0", "%d")


def read_period(texts: tuple[str | None, str | None], formats: Sequence[str]) -> tuple[date | None, date | None] | None:
    """The printed period in one reading (a start without a year takes the end's), or None when that reading
    is not a statement period (a date unread, the end before the start, or longer than two months)."""
    start_p = parse_printed_date(texts[0], tuple(formats)) if texts[0] else None
    end_p = parse_printed_date(texts[1], tuple(formats)) if texts[1] else None
    if (texts[0] and start_p is None) or (texts[1] and end_p is None):
        return None
    end = resolve_date(end_p, None, None) if end_p else None
    start = resolve_date(start_p, None, end) if start_p else None
    if start and end and not (start <= end <= start + LONGEST_PERIOD):
        return None
    return (start, end) if start or end else None


def _lines(texts: Sequence[str], formats: Sequence[str]) -> list[PrintedDate] | None:
    read = [parse_printed_date(t, tuple(formats)) for t in texts]
    return None if any(r is None for r in read) else [r for r in read if r is not None]


def _fits(dates: Sequence[PrintedDate], period: tuple[date | None, date | None] | None) -> bool:
    if period is None:
        return True
    start, end = period
    low = (start or (end - LONGEST_PERIOD if end else None)) if start or end else None
    high = end or (start + LONGEST_PERIOD if start else None)
    if low is None or high is None:
        return True
    for printed in dates:
        day = resolve_date(printed, *period)
        if day is None or not (low - BEFORE_PERIOD <= day <= high + AFTER_PERIOD):
            return False
    return True


def decide_order(
    period_texts: tuple[str | None, str | None] | None,
    line_texts: Sequence[str],
    formats: Sequence[str],
    period_formats: Sequence[str],
) -> DateOrder:
    """The one order in which the period and every line date are valid and the lines fit the period."""
    fitting: list[DateOrder] = []
    readings: list[object] = []
    for order in ORDERS:
        period = read_period(period_texts, formats_for(order, period_formats)) if period_texts else None
        if period_texts and period is None:
            continue
        dates = _lines(line_texts, formats_for(order, formats))
        if dates is not None and _fits(dates, period):
            fitting.append(DateOrder(order, period))
            readings.append((period, dates))
    if len(fitting) == 1 or (len(fitting) == 2 and readings[0] == readings[1]):
        return fitting[0]  # one reading fits, or both read every date the same (no day-month date is printed)
    fallback = read_period(period_texts, period_formats) if period_texts else None
    doubt = (
        "the dates read either day-first or month-first and nothing printed says which; they were read "
        "month-first: check them against the statement"
        if fitting
        else "the dates fit the statement period neither day-first nor month-first; they were read month-first: "
        "check them against the statement"
    )
    return DateOrder("month_first", fitting[0].period if fitting else fallback, doubt)

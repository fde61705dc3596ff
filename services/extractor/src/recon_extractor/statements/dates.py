"""Printed statement dates: formats as regexes, dates with or without a year, the year from the period.

Consumer statements print `12/28`, `Dec 28` or `28 DEC` without a year; the year comes from the statement
period, so a December charge on a December-January statement lands in the earlier year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

_FIELDS = {
    "%m": r"\d{1,2}",
    "%d": r"\d{1,2}",
    "%y": r"\d{2}",
    "%Y": r"\d{4}",
    "%b": r"[A-Za-z]{3}\.?",
    "%B": r"[A-Za-z]{3,9}\.?",
}
# Without a period we still accept a yearless date this far either side of the one date we know.
OPEN_PERIOD = timedelta(days=62)
# A leap year, so that "02/29" parses before the real year is known.
_PARSE_YEAR = 2000


@dataclass(frozen=True, slots=True)
class PrintedDate:
    """A date as printed: the year is None when the statement leaves it out."""

    month: int
    day: int
    year: int | None


def format_regex(fmt: str) -> str:
    """A regex for what `strftime(fmt)` prints (`%m/%d` -> `\\d{1,2}/\\d{1,2}`); spaces match any run of spaces."""
    out: list[str] = []
    i = 0
    while i < len(fmt):
        token = fmt[i : i + 2]
        if token in _FIELDS:
            out.append(_FIELDS[token])
            i += 2
        elif token[0] == "%":
            raise ValueError(f"date format {fmt!r}: {token!r} is not supported (use %m %d %y %Y %b %B)")
        else:
            out.append(r"\s+" if fmt[i] == " " else re.escape(fmt[i]))
            i += 1
    return "".join(out)


def has_year(fmt: str) -> bool:
    return "%y" in fmt or "%Y" in fmt


@lru_cache(maxsize=4096)
def parse_printed_date(text: str, formats: tuple[str, ...]) -> PrintedDate | None:
    """The first format that reads `text`; `Jan.` and `JAN` read like `Jan`."""
    cleaned = " ".join(re.sub(r"(?<=[A-Za-z])\.", "", text).split())
    for fmt in formats:
        try:
            if has_year(fmt):
                parsed = datetime.strptime(cleaned, fmt)
                return PrintedDate(parsed.month, parsed.day, parsed.year)
            parsed = datetime.strptime(f"{cleaned} {_PARSE_YEAR}", f"{fmt} %Y")
            return PrintedDate(parsed.month, parsed.day, None)
        except ValueError:
            continue
    return None


def _distance(day: date, low: date, high: date) -> int:
    if day < low:
        return (low - day).days
    return (day - high).days if day > high else 0


def resolve_date(printed: PrintedDate, start: date | None, end: date | None) -> date | None:
    """The printed date with its year: as printed, else the year that puts it nearest the period."""
    if printed.year is not None:
        try:
            return date(printed.year, printed.month, printed.day)
        except ValueError:
            return None
    if start is None and end is None:
        return None
    low = start or (end - OPEN_PERIOD if end else None)
    high = end or (start + OPEN_PERIOD if start else None)
    assert low is not None and high is not None
    candidates = []
    for year in (high.year - 1, high.year, high.year + 1):
        try:
            candidates.append(date(year, printed.month, printed.day))
        except ValueError:
            continue  # 29 February outside a leap year
    return min(candidates, key=lambda d: _distance(d, low, high), default=None)

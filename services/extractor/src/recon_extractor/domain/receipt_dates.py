"""The date a receipt was issued, with day/month order decided from the document where it can be.

Formats: YYYY-MM-DD, DD Mon YYYY, Mon DD YYYY, and NN/NN/YYYY, NN-NN-YYYY, NN.NN.YYYY (also 2-digit years).
An all-numeric date with both parts <= 12 is ambiguous: the order of an unambiguous date elsewhere on the
receipt decides, else the currency ($: month first; RM, EUR, GBP: day first), else month first with a
confidence of 0.5 (reported as ambiguous).
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    m: i + 1 for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))
}
_MON = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_ISO = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_DAY_MON = re.compile(rf"(?<!\d)(\d{{1,2}})[\s-]*{_MON}[\s,-]*(\d{{4}}|\d{{2}})(?!\d)", re.I)
_MON_DAY = re.compile(rf"\b{_MON}\s*(\d{{1,2}}),?\s+(\d{{4}})(?!\d)", re.I)
_NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/.-]*\d)")
DAY_FIRST_CURRENCIES = frozenset({"MYR", "EUR", "GBP"})


def _year(text: str) -> int:
    value = int(text)
    return value + 2000 if value < 100 else value


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _named(line: str) -> date | None:
    if m := _ISO.search(line):
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := _DAY_MON.search(line):
        return _make(_year(m.group(3)), _MONTHS[m.group(2).lower()[:3]], int(m.group(1)))
    if m := _MON_DAY.search(line):
        return _make(int(m.group(3)), _MONTHS[m.group(1).lower()[:3]], int(m.group(2)))
    return None


def _numeric(lines: list[str]) -> list[tuple[int, int, int, str, str]]:
    """(first, second, year, separator, line) for every all-numeric date."""
    found = []
    for line in lines:
        for m in _NUMERIC.finditer(line):
            found.append((int(m.group(1)), int(m.group(3)), _year(m.group(4)), m.group(2), line))
    return found


def _day_first(
    candidates: list[tuple[int, int, int, str, str]], currency: str | None, separator: str
) -> tuple[bool, float]:
    for a, b, _, _, _ in candidates:
        if a > 12 >= b:
            return True, 0.9
        if b > 12 >= a:
            return False, 0.9
    if currency in DAY_FIRST_CURRENCIES:
        return True, 0.7
    if currency == "USD":
        return False, 0.7
    if separator == ".":
        return True, 0.6
    return False, 0.5


def find_date(lines: list[str], currency: str | None = None) -> tuple[date | None, float]:
    """The receipt's date (lines mentioning DATE first) and a confidence."""
    ordered = [ln for ln in lines if "date" in ln.lower()] + [ln for ln in lines if "date" not in ln.lower()]
    for line in ordered:
        if named := _named(line):
            return named, 0.95
    candidates = _numeric(ordered)
    for a, b, year, separator, _ in candidates:
        if a > 12 or b > 12 or a == b:
            value = _make(year, b, a) if a > 12 else _make(year, a, b)
            if value:
                return value, 0.9
            continue
        day_first, confidence = _day_first(candidates, currency, separator)
        value = _make(year, b, a) if day_first else _make(year, a, b)
        if value:
            return value, confidence
    return None, 0.0

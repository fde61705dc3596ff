"""The date a receipt was issued, with day/month order decided from the document where it can be.

Formats: YYYY-MM-DD, DD Mon YYYY, DD-MON-YY, Mon DD YYYY, and NN/NN/YYYY, NN-NN-YYYY, NN.NN.YYYY (also
2-digit years), and an 8-digit date right before a time. The receipt's date is the first one on a line
saying DATE, else on a line with a time of day, else the first one printed, skipping expiry, due and phone
lines. Letters OCR confuses with digits are read as digits inside date-shaped tokens (`2O/1l/2018`).
An all-numeric date with both parts <= 12 is ambiguous, and the order is decided, in this order, by:
1. another numeric date on the same document that is not ambiguous (`13/02/2018` says day first),
2. a date with a named month written day first (`25 Dec 2018`) or month first (`Dec 25, 2018`),
3. the country or currency the receipt shows (`day_first_hint`, see `receipt_locale`),
else it is read month first (the users are American) and reported `ambiguous` with confidence 0.5.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

_MONTHS = {
    m: i + 1 for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))
}
_MON = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|[o0]ct|nov|dec)[a-z]*\.?"
_ISO = re.compile(r"(?<![\w/.])(?<!\d-)((?:19|20)\d\d)([-/.])(\d{1,2})\2(\d\d(?=\d\d?:\d\d)|\d{1,2}(?![\d/.-]*\d))")
_DAY_MON = re.compile(
    rf"(?<![\d.])(\d{{1,2}})(?:st|nd|rd|th)?[\s/,.-]*{_MON}[\s/,.'-]*(\d{{4}}|\d{{2}})(?![\d.:])", re.I
)
_MON_DAY = re.compile(rf"(?<![a-z]){_MON}\s*(\d{{1,2}})(?:st|nd|rd|th)?,?\s*(\d{{4}})(?!\d)", re.I)
_NUMERIC = re.compile(
    r"(?:(?<![\w/.])(?<!\d-)|(?<=\d:\d\d))(?:(\d{1,2})([/-])(\d{1,2})\2|(\d\d)(\.)(\d\d)\5)"
    r"(\d{4}(?=\d\d?:\d\d)|\d{4}(?![\d/.-]*\d)|\d{2}(?![\d/.-]*\d))(?!\s?%)"
)
_COMPACT = re.compile(r"(?<![\w/.-])(\d{8})(?=\s+\d\d?:\d\d)")
_TIME = re.compile(r"\d:[0-5]\d")
_DATE_LABEL = re.compile(r"DATE|TARIKH|\bDTE?\b", re.I)
_NOT_ISSUE = re.compile(
    r"\bEXP|EXPIR|VALID|BEST\s+BEFORE|\bDUE\b|\bBIRTH|\bDOB\b|\bUNTIL\b|\bTEL\b|\bFAX\b|PHONE", re.I
)
_OCR_DIGITS = str.maketrans({"O": "0", "o": "0", "D": "0", "l": "1", "I": "1", "|": "1", "Z": "2", "S": "5"})
_DATEISH = re.compile(r"(?<![A-Za-z])[\dOoDlI|ZS]{1,4}[/.-][\dOoDlI|ZS]{1,2}[/.-][\dOoDlI|ZS]{2,4}(?![A-Za-z])")


@dataclass(frozen=True)
class FoundDate:
    """The issue date, how sure we are (0..1), and whether day/month order could not be decided."""

    value: date | None
    confidence: float
    ambiguous: bool = False


@dataclass(frozen=True)
class _Numeric:
    first: int
    second: int
    year: int


def _year(text: str) -> int:
    value = int(text)
    return value + 2000 if value < 100 else value


def _month(name: str) -> int:
    return _MONTHS[name.lower().replace("0", "o")[:3]]


def _make(year: int, month: int, day: int) -> date | None:
    if not 1990 <= year <= 2099:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _iso_compact(digits: str) -> date | None:
    """`20180428` before a time is YYYYMMDD; other 8-digit dates are read as DDMMYYYY / MMDDYYYY."""
    return _make(int(digits[:4]), int(digits[4:6]), int(digits[6:])) if digits[:2] in ("19", "20") else None


def _fix_ocr(line: str) -> str:
    """`2O/1l/2018` -> `20/11/2018`: letters OCR confuses with digits, inside date-shaped tokens only."""
    return _DATEISH.sub(lambda m: m.group().translate(_OCR_DIGITS), line)


def _named(line: str) -> tuple[date | None, bool | None]:
    """A date with a named month or in ISO order, and whether it was written day first (None: ISO)."""
    if m := _ISO.search(line):
        return _make(int(m.group(1)), int(m.group(3)), int(m.group(4))), None
    for m in _COMPACT.finditer(line):
        if value := _iso_compact(m.group(1)):
            return value, None
    if m := _DAY_MON.search(line):
        return _make(_year(m.group(3)), _month(m.group(2)), int(m.group(1))), True
    if m := _MON_DAY.search(line):
        return _make(int(m.group(3)), _month(m.group(1)), int(m.group(2))), False
    return None, None


def _numeric(line: str) -> list[_Numeric]:
    found = []
    for m in _COMPACT.finditer(line):
        digits = m.group(1)
        if not _iso_compact(digits):
            found.append(_Numeric(int(digits[:2]), int(digits[2:4]), int(digits[4:])))
    for m in _NUMERIC.finditer(line):
        first, second = (m.group(1), m.group(3)) if m.group(1) else (m.group(4), m.group(6))
        found.append(_Numeric(int(first), int(second), _year(m.group(7))))
    return found


def _order(lines: Sequence[str], day_first_hint: bool | None) -> tuple[bool, float]:
    """Day first or not for ambiguous numeric dates, and the confidence that goes with the evidence."""
    for line in lines:
        for n in _numeric(line):
            if n.first > 12 >= n.second >= 1:
                return True, 0.9
            if n.second > 12 >= n.first >= 1:
                return False, 0.9
    for line in lines:
        value, day_first = _named(line)
        if value is not None and day_first is not None:
            return day_first, 0.8
    if day_first_hint is not None:
        return day_first_hint, 0.8
    return False, 0.5


def find_date(lines: Sequence[str], day_first_hint: bool | None = None) -> FoundDate:
    """The receipt's issue date (see the module docstring)."""
    fixed = [_fix_ocr(line) for line in lines]
    issue = [ln for ln in fixed if not _NOT_ISSUE.search(ln)] or fixed
    ordered = sorted(issue, key=lambda ln: (not _DATE_LABEL.search(ln), not _TIME.search(ln)))
    day_first, order_confidence = _order(fixed, day_first_hint)
    for line in ordered:
        named, _ = _named(line)
        if named is not None:
            return FoundDate(named, 0.95)
        for n in _numeric(line):
            decided = n.first > 12 or n.second > 12 or n.first == n.second
            if decided:
                value = _make(n.year, n.first, n.second) or _make(n.year, n.second, n.first)
                if value is not None:
                    return FoundDate(value, 0.9)
                continue
            value = _make(n.year, n.second, n.first) if day_first else _make(n.year, n.first, n.second)
            if value is not None:
                return FoundDate(value, order_confidence, ambiguous=order_confidence <= 0.5)
    return FoundDate(None, 0.0)

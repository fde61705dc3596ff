"""Amounts on receipt text lines and what their labels say they are: total, subtotal, tax, tip, tendered.

OCR text is noisy (`TOTL`, `Tatal`, `TUTAL`), so labels are matched loosely, and a receipt prints the
same money several ways, so the total is chosen by evidence rather than by the first label: see
`receipt_total`. An amount belongs to a label when it follows it on the row (a row is the label plus
whatever the OCR put beside it), else it is the last amount on the row, else the next row when that row
is an amount alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from recon_extractor.amounts import parse_amount

_CURRENCY = r"(?:[$€£]|RM\s?|USD\s?|MYR\s?|EUR\s?|GBP\s?|S\$\s?)"
_MONEY = re.compile(
    # A currency may be glued to the label before it (`Grand TotalRM15.40`); bare digits may not.
    rf"(?:(?<![\w.,/-])|(?<=[A-Za-z])(?={_CURRENCY}))(?P<sign>-\s?)?(?P<open>\()?{_CURRENCY}?(?P<sign2>-\s?)?"
    r"(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)?\.\d{2})(?P<close>\))?(?P<sign3>-(?!\d))?(?:\s?CR)?(?![\d.,/-]*\d)(?!\s?%)",
    re.IGNORECASE,
)
# On a labelled row only, and only when it has no ordinary amount: `78-10`, `15 15`, `12,50` at the end
# (OCR lost the decimal point, or the receipt uses a decimal comma).
_LOOSE_MONEY = re.compile(rf"(?<![\w.,/-]){_CURRENCY}?(\d{{1,6}})[\s,-](\d{{2}})\W*$", re.IGNORECASE)
_AMOUNT_ONLY = re.compile(r"^\W*(?:RM|MYR|USD|EUR|GBP|S?\$|€|£)?\s*-?\s*(?:\d[\d,]*)?\.\d\d\W*$", re.IGNORECASE)
SUBTOTAL = re.compile(
    r"\bSUB\s*[-.]?\s*T\w{0,2}TAL\b|\bSUBTOTAL|TOTAL\s*[(\[]?\s*EXCL|TOTAL\s+(?:SALES?\s+)?\(?EXCL|"
    r"TOTAL\s+BEFORE|TOTAL\s+EXCLUD\w*|AMOUNT\s+BEFORE\s+(?:GST|TAX)|TOTAL\s+EXCL\w*",
    re.IGNORECASE,
)
TAX = re.compile(r"\b(?:SALES\s+TAX|TAX|GST|VAT|HST|SST)\b", re.IGNORECASE)
NOT_TAX = re.compile(
    r"INVOICE|\bREG|\bI[D1]\b|\bNO\b|\bNO\.|\bNUM|\bINCL|INCLU|EXCL|EXEMPT|SUMMARY|\bCODE\b|"
    r"RELIEF|\bSR\b|\bZR\b|\bTAX\s+INV",
    re.IGNORECASE,
)
TIP = re.compile(r"\b(?:TIPS?|GRATUITY)\b", re.IGNORECASE)
ROUNDING = re.compile(r"\bR\w?OU\w{0,3}D\w*|\bADJ(?:USTMENT)?\b", re.IGNORECASE)
TENDERED = re.compile(
    r"\bCASH\b|TENDER|ACCEPTED|\bPAID\b|\bPAY\b|\bPAYMENT\b|RECEIVED|\bVISA\b|MASTER|\bAMEX\b|CREDIT\s*CARD|DEBIT|\bCARD\b",
    re.IGNORECASE,
)
CHANGE = re.compile(r"\bCHANGE\b|\bCHG\b|\bBAKI\b", re.IGNORECASE)
SUMMARY = re.compile(r"\b(?:GST|TAX|VAT|SST)\s*SU\w{2,4}RY", re.IGNORECASE)
"""The header of a tax summary table (`GST Summary`, OCR'd `GST Sumsary`): its totals are per tax rate."""


@dataclass(frozen=True, slots=True)
class Amount:
    """An amount printed on row `row`, from character `start` on."""

    value: Decimal
    row: int
    start: int


def amounts(line: str, row: int = 0) -> list[Amount]:
    found = []
    for m in _MONEY.finditer(line):
        value = parse_amount(m.group("num"))
        if value is None:
            continue
        bracketed = bool(m.group("open") and m.group("close"))
        negative = (
            bool(m.group("sign") or m.group("sign2") or m.group("sign3"))
            or bracketed
            or m.group().rstrip().upper().endswith("CR")
        )
        found.append(Amount(-value if negative else value, row, m.start()))
    return found


def after_label(lines: Sequence[str], row: int, label_end: int) -> Amount | None:
    """The amount a label at `label_end` of row `row` introduces (see the module docstring)."""
    on_row = amounts(lines[row], row)
    following = [a for a in on_row if a.start >= label_end]
    if following:
        return following[0]
    if on_row:
        return on_row[-1]
    if loose := _LOOSE_MONEY.search(lines[row][label_end:]):
        return Amount(Decimal(f"{loose.group(1)}.{loose.group(2)}"), row, label_end + loose.start())
    if row + 1 < len(lines) and _AMOUNT_ONLY.match(lines[row + 1]):
        return amounts(lines[row + 1], row + 1)[0]
    return None


def labelled(lines: Sequence[str], label: re.Pattern[str], exclude: re.Pattern[str] | None = None) -> list[Amount]:
    """The amount after each matching label, top to bottom."""
    found = []
    for row, line in enumerate(lines):
        m = label.search(line)
        if m is None or (exclude is not None and exclude.search(line)):
            continue
        amount = after_label(lines, row, m.end())
        if amount is not None:
            found.append(amount)
    return found


def summary_start(lines: Sequence[str]) -> int:
    """The row where a tax summary table starts (len(lines) when there is none)."""
    return next((i for i, line in enumerate(lines) if SUMMARY.search(line)), len(lines))


def first_value(found: Sequence[Amount]) -> Decimal | None:
    return found[0].value if found else None

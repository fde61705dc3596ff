"""Text from uploads made safe for a spreadsheet: never a formula, never a character a workbook refuses.

Merchant names, purposes, file names, OCR text and coding all come from files someone else wrote. A cell that
starts with `=`, `+`, `-` or `@` (or a tab or carriage return, which some spreadsheets skip before reading
the rest as a formula) is a live formula when a CSV is opened in Excel: `csv_cell` prefixes it with `'`, which
spreadsheets show as a text marker (OWASP's "CSV injection" advice). In the workbook every text cell is written
as a string cell, so it stays text whatever it starts with. Control characters (other than tab, line feed and
carriage return) mean nothing in a report and make openpyxl refuse the whole workbook, so they are removed.

Only text read from files goes through here: amounts and dates the reporter formats itself (a credit's
`-12.34`) are numbers, not text, and stay as they are.
"""

from __future__ import annotations

import re

# C0 controls except tab, line feed and carriage return; DEL; C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A worksheet cell holds at most this many characters (Excel's limit; longer text is cut, and says so).
CELL_LIMIT = 32767
_CUT = " [cut]"


def clean_text(value: str) -> str:
    """`value` without control characters, and no longer than a workbook cell holds."""
    text = _CONTROL.sub("", value)
    return text if len(text) <= CELL_LIMIT else text[: CELL_LIMIT - len(_CUT)] + _CUT


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def csv_cell(value: str) -> str:
    """A text cell for a CSV: control characters removed, a leading formula character neutralised with `'`."""
    text = clean_text(value)
    return "'" + text if is_formula_like(text) else text

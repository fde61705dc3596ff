"""What kind of document a file is, from the text of its first page."""

from __future__ import annotations

import re
from typing import Literal

DocumentKind = Literal["statement", "expense_report", "receipt"]

_STATEMENT_TITLES = ("cardholder activity report",)
_STATEMENT_HINTS = (
    "statement period",
    "closing date",
    "new balance",
    "previous balance",
    "payment due date",
    "minimum payment due",
    "statement date",
)
_EMPLOYEE = re.compile(r"^\s*Employee\s*:", re.IGNORECASE | re.MULTILINE)
_EXPENSE_TYPE = re.compile(r"^\s*Expense\s+Type\s*:", re.IGNORECASE | re.MULTILINE)


def detect_document_kind(first_page_text: str) -> DocumentKind:
    """`statement` for a card statement, `expense_report` for labelled expense entries, else `receipt`."""
    lowered = first_page_text.lower()
    if any(title in lowered for title in _STATEMENT_TITLES):
        return "statement"
    if _EMPLOYEE.search(first_page_text) and _EXPENSE_TYPE.search(first_page_text):
        return "expense_report"
    if sum(hint in lowered for hint in _STATEMENT_HINTS) >= 2:
        return "statement"
    return "receipt"

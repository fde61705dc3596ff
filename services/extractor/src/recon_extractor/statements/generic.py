"""The fallback reader: date + description + amount rows on any text statement, and a warning that says so.

It uses `layouts/generic.yaml` with the layout engine, so it gets year inference, the three credit
styles, multi-line descriptions and dropping of rows repeated on every page; what it cannot know (sections,
cardholders, printed totals to check against) is said in the statement's first warning.
"""

from __future__ import annotations

from recon_extractor.errors import StatementFormatError
from recon_extractor.statements.layout import load_statement_layout
from recon_extractor.statements.layout_parser import LayoutParser
from recon_extractor.statements.model import Statement

GENERIC_LAYOUT = "generic"
FALLBACK_WARNING = (
    "no built-in layout recognised this statement, so it was read by the generic reader: every row that starts "
    "with a date and ends with an amount is a line; sections, cardholders and printed totals were not checked. "
    "Compare the lines with the statement."
)


def generic_parser() -> LayoutParser:
    """A layout parser for the generic layout, its statement warned as read by the fallback."""
    return LayoutParser(load_statement_layout(GENERIC_LAYOUT), [FALLBACK_WARNING])


def require_lines(statement: Statement) -> Statement:
    """The fallback found nothing: the document is not a statement we can read, which is an error, not a warning;
    when it has rows like charges that could not be read, the error says why."""
    if statement.lines:
        return statement
    unread = [f for f in statement.findings if f.kind == "unread_row"]
    if not unread:
        raise StatementFormatError(
            "not a card statement this tool can read: no built-in layout recognised it and no row starts with "
            "a date and ends with an amount"
        )
    why = (
        "no statement period was found to give their dates a year"
        if statement.period_end is None
        else unread[0].message
    )
    raise StatementFormatError(
        f"not a card statement this tool can read: no built-in layout recognised it, and none of its {len(unread)} "
        f"rows that start with a date and end with an amount could be read ({why})"
    )

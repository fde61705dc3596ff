"""Where things go on a generated WEX report: columns, vertical metrics and pagination (pure, no PDF)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from recon_docgen.truth import GenStatement

PAGE_WIDTH = 792.0
PAGE_HEIGHT = 612.0
TOP = 28.0
ROW_HEIGHT = 11.0
BLOCK_LINE_HEIGHT = 10.0
REPORT_HEADER_LINES = 9
BLOCK_LINES = 5
FOOTER_Y = PAGE_HEIGHT - 18.0
LAST_ROW_Y = PAGE_HEIGHT - 34.0
TOTALS_LABEL_X = 452.0

RowKind = Literal["item", "swipe_totals", "cardholder_totals", "report_totals"]


@dataclass(frozen=True)
class Column:
    """A table column: `x` is the left edge, or the right edge when `right` (numbers)."""

    key: str
    title: str
    x: float
    right: bool = False


def columns(interleave: bool = False) -> tuple[Column, ...]:
    """The column header; with `interleave` the city column starts under long merchant names."""
    return (
        Column("trans_date", "Trans Date", 18.0),
        Column("posted_date", "Posted Date", 60.0),
        Column("level", "Lvl", 104.0),
        Column("reference", "Transaction #", 120.0),
        Column("merchant", "Merchant Name", 172.0),
        Column("city", "City, State", 230.0 if interleave else 268.0),
        Column("group", "Merchant Group", 350.0),
        Column("description", "Product Description", 412.0),
        Column("ppu", "PPU/G", 532.0, right=True),
        Column("quantity", "Quantity", 572.0, right=True),
        Column("gross", "Gross Cost", 632.0, right=True),
        Column("discount", "Discount", 684.0, right=True),
        Column("net", "Net Cost", 760.0, right=True),
    )


@dataclass(frozen=True)
class LaidRow:
    """One table row: a product row, or a totals row; indexes point into the statement."""

    kind: RowKind
    cardholder: int
    line: int | None = None
    item: int | None = None


@dataclass(frozen=True)
class LaidPage:
    """One page: whose block it prints and its table rows."""

    number: int
    cardholder: int
    rows: tuple[LaidRow, ...]


def report_header_height() -> float:
    return 16.0 + REPORT_HEADER_LINES * BLOCK_LINE_HEIGHT + 8.0


def table_top(first_page: bool) -> float:
    """Baseline of the column header."""
    top = TOP + (report_header_height() if first_page else 0.0)
    return top + BLOCK_LINES * BLOCK_LINE_HEIGHT + 16.0


def rows_on_page(first_page: bool) -> int:
    return int((LAST_ROW_Y - table_top(first_page)) // ROW_HEIGHT)


def _cardholder_rows(stmt: GenStatement, c: int) -> list[LaidRow]:
    rows: list[LaidRow] = []
    for li, line in enumerate(stmt.cardholders[c].lines):
        rows.extend(LaidRow("item", c, li, ii) for ii in range(len(line.items)))
        rows.append(LaidRow("swipe_totals", c, li))
    rows.append(LaidRow("cardholder_totals", c))
    if c == len(stmt.cardholders) - 1:
        rows.append(LaidRow("report_totals", c))
    return rows


def paginate(stmt: GenStatement) -> list[LaidPage]:
    """Pages in print order: every cardholder starts a page; rows flow on, splitting swipes anywhere."""
    pages: list[LaidPage] = []
    for c in range(len(stmt.cardholders)):
        rows = _cardholder_rows(stmt, c)
        while rows:
            capacity = rows_on_page(first_page=not pages)
            pages.append(LaidPage(len(pages) + 1, c, tuple(rows[:capacity])))
            rows = rows[capacity:]
    return pages

"""Where things go on a generated WEX report: the default columns, and the pages under a style (pure, no PDF).

A page is a list of bands (report header, title, cardholder block, column header, table row), each at a y:
the top of a header or block, the baseline of a column header or row. Rows flow on, splitting swipes
anywhere unless the style keeps them together; a cardholder starts a new page, or (when the style lets
blocks start mid-page) below the previous one when its block, header and first row fit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from recon_docgen.truth import GenStatement
from recon_docgen.wex_style import DEFAULT_STYLE, WexStyle

REPORT_HEADER_LINES = 9
TITLE_HEIGHT = 24.0
BLOCK_TO_HEADER = 16.0
FOOTER_RISE = 16.0
"""The footer's baseline sits this far below the lowest row baseline allowed."""
# The default (fixed) layout's totals label, header rule end and footer, in points from the left.
TOTALS_LABEL_X = 452.0
RULE_END = 774.0
FOOTER_X = 700.0

RowKind = Literal["item", "swipe_totals", "cardholder_totals", "report_totals"]
BandKind = Literal["report_header", "title", "block", "header", "row"]


@dataclass(frozen=True)
class Column:
    """A table column: `x` is the left edge, or the right edge when `right` (numbers)."""

    key: str
    title: str
    x: float
    right: bool = False


def columns(interleave: bool = False) -> tuple[Column, ...]:
    """The default column header; with `interleave` the city column starts under long merchant names."""
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
class Band:
    """One thing printed on a page, at `y`; `cardholder` is whose block or row it is."""

    kind: BandKind
    y: float
    cardholder: int = 0
    row: LaidRow | None = None
    continued: bool = False  # a block repeated on a page its cardholder's rows continue on


@dataclass(frozen=True)
class LaidPage:
    """One page: the cardholder whose block or rows it starts with, its table rows, and every band."""

    number: int
    cardholder: int
    rows: tuple[LaidRow, ...]
    bands: tuple[Band, ...] = field(default=(), compare=False)


def report_header_height(style: WexStyle = DEFAULT_STYLE) -> float:
    return 16.0 + REPORT_HEADER_LINES * style.block_line_height + 8.0


def block_lines(style: WexStyle) -> int:
    return 3 if style.block_labels == "two_columns" else 5


def header_step(style: WexStyle) -> float:
    """Distance between the lines of a multi-line column header."""
    return round(style.row_size * 1.25, 2)


def wrap_step(style: WexStyle) -> float:
    """Distance between the lines of a wrapped cell."""
    return round(style.row_size * 1.2, 2)


def _swipes(stmt: GenStatement, c: int) -> list[list[LaidRow]]:
    """A cardholder's rows in groups that a style may keep on one page: each swipe, then the totals."""
    groups = [
        [*(LaidRow("item", c, li, ii) for ii in range(len(line.items))), LaidRow("swipe_totals", c, li)]
        for li, line in enumerate(stmt.cardholders[c].lines)
    ]
    groups.append([LaidRow("cardholder_totals", c)])
    if c == len(stmt.cardholders) - 1:
        groups.append([LaidRow("report_totals", c)])
    return groups


class _Flow:
    def __init__(self, stmt: GenStatement, style: WexStyle, lines: Callable[[LaidRow], int]) -> None:
        self.stmt, self.style, self.lines = stmt, style, lines
        self.limit = style.page_size[1] - style.bottom
        self.pages: list[list[Band]] = []
        self.last = 0.0  # baseline of the last line printed (or the top of the free space)
        self.step = 0.0  # from `last` to the next row's baseline

    def new_page(self, continuing: int | None) -> None:
        style = self.style
        top = style.top
        page: list[Band] = []
        if not self.pages or style.report_header_every_page:
            page.append(Band("report_header", top))
            top += report_header_height(style)
        elif style.title_every_page:
            page.append(Band("title", top))
            top += TITLE_HEIGHT
        self.pages.append(page)
        self.last, self.step = top, style.row_height
        if continuing is not None:
            if style.block_on_continuation:
                self.block(continuing, top, continued=True)
            if style.header_on_continuation:
                self.header(continuing)

    def block(self, c: int, top: float, *, continued: bool = False) -> None:
        self.pages[-1].append(Band("block", top, c, continued=continued))
        self.last, self.step = top + block_lines(self.style) * self.style.block_line_height, BLOCK_TO_HEADER

    def header(self, c: int) -> None:
        span = (self.style.header_lines - 1) * header_step(self.style)
        base = self.last + self.step + span
        self.pages[-1].append(Band("header", base, c))
        self.last, self.step = base, self.style.row_height

    def height(self, rows: list[LaidRow]) -> float:
        extra = sum(self.lines(r) - 1 for r in rows) * wrap_step(self.style)
        return len(rows) * self.style.row_height + extra

    def start_cardholder(self, c: int) -> None:
        style = self.style
        if self.pages and not style.cardholder_on_new_page:
            top = self.last + style.row_height
            span = (style.header_lines - 1) * header_step(style)
            first = _swipes(self.stmt, c)[0][:1]
            need = block_lines(style) * style.block_line_height + BLOCK_TO_HEADER + span + self.height(first)
            if top + need <= self.limit:
                self.block(c, top)
                self.header(c)
                return
        self.new_page(None)
        self.block(c, self.last)
        self.header(c)

    def add(self, c: int, row: LaidRow) -> None:
        extra = (self.lines(row) - 1) * wrap_step(self.style)
        if self.last + self.step + extra > self.limit:
            self.new_page(c)
        base = self.last + self.step
        self.pages[-1].append(Band("row", base, c, row))
        space = self.style.space_after_swipe if row.kind == "swipe_totals" else 0.0
        self.last, self.step = base + extra, self.style.row_height + space

    def run(self) -> list[LaidPage]:
        for c in range(len(self.stmt.cardholders)):
            self.start_cardholder(c)
            for group in _swipes(self.stmt, c):
                fits = self.last + self.step - self.style.row_height + self.height(group) <= self.limit
                if self.style.keep_swipes_together and not fits and self.pages[-1][-1].kind == "row":
                    self.new_page(c)
                for row in group:
                    self.add(c, row)
        return [_page(n, bands) for n, bands in enumerate(self.pages, start=1)]


def _page(number: int, bands: list[Band]) -> LaidPage:
    owner = next(b.cardholder for b in bands if b.kind in ("block", "row"))
    rows = tuple(b.row for b in bands if b.row is not None)
    return LaidPage(number, owner, rows, tuple(bands))


def paginate(
    stmt: GenStatement, style: WexStyle = DEFAULT_STYLE, lines: Callable[[LaidRow], int] = lambda _: 1
) -> list[LaidPage]:
    """Pages in print order; `lines(row)` is how many printed lines a row takes (wrapped cells)."""
    return _Flow(stmt, style, lines).run()

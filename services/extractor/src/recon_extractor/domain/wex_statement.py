"""WEX "Cardholder Activity Report General": read by position, page by page, checked against every total.

One `CardLine` per swipe: its product rows become `items`, its amount is the net of its `Transaction Totals`
row (which may sit at the top of the next page). Lines belong to the cardholder named in the block printed
on the page where the swipe starts. Sums that disagree with a printed total become warnings, never errors.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from recon_extractor.domain.amounts import format_money
from recon_extractor.domain.errors import StatementFormatError, UnreadableDocumentError
from recon_extractor.domain.pdf_words import Backend, PdfSource, iter_page_words
from recon_extractor.domain.statement_model import Cardholder, CardLine, Statement, StatementItem
from recon_extractor.domain.text_rows import Row, group_rows
from recon_extractor.domain.wex_columns import Columns, find_header, row_cells
from recon_extractor.domain.wex_rows import (
    ItemRow,
    block_field,
    is_footer,
    parse_item,
    parse_totals,
    report_period,
    totals_kind,
)

ISSUER = "WEX"
TITLE = "cardholder activity report"
ZERO = Decimal("0.00")
Sums = tuple[Decimal, Decimal, Decimal]
HolderKey = tuple[str, str | None, str | None]


@dataclass
class _Holder:
    name: str
    employee_id: str | None
    card_last4: str | None
    lines: list[CardLine] = field(default_factory=list)


@dataclass
class _Swipe:
    first: ItemRow
    holder: HolderKey
    page: int
    items: list[StatementItem] = field(default_factory=list)


def _sums(lines: list[CardLine]) -> Sums:
    return (
        sum((ln.gross if ln.gross is not None else ln.amount for ln in lines), ZERO),
        sum((ln.discount or ZERO for ln in lines), ZERO),
        sum((ln.amount for ln in lines), ZERO),
    )


def _mismatch(what: str, computed: Sums, printed: Sums) -> str | None:
    names = ("gross", "discount", "net")
    diffs = [
        f"{n} {format_money(c)} vs printed {format_money(p)}"
        for n, c, p in zip(names, computed, printed, strict=True)
        if c != p
    ]
    return f"{what}: lines add up to " + "; ".join(diffs) if diffs else None


class WexParser:
    """Feed pages in order, then `finish()`."""

    def __init__(self) -> None:
        self.period: tuple[date, date] | None = None
        self.account: str | None = None
        self.holders: dict[HolderKey, _Holder] = {}
        self.current: HolderKey | None = None
        self.columns: Columns | None = None
        self.swipe: _Swipe | None = None
        self.section: list[CardLine] = []
        self.report_totals: Sums | None = None
        self.warnings: list[str] = []

    def feed(self, number: int, rows: list[Row]) -> None:
        block: dict[str, str] = {}
        in_table = False
        for row in rows:
            text = row.text
            field_value = block_field(text)
            if field_value:
                block[field_value[0]] = field_value[1]
                continue
            if self.period is None:
                self.period = report_period(text)
            header = find_header(row)
            if header:
                self._start_page(number, block)
                self.columns, in_table = header, True
            elif in_table and not is_footer(text):
                self._table_row(number, row, text)
        if not in_table:
            self._start_page(number, block)
            self.warnings.append(f"page {number}: no column header found")

    def _start_page(self, number: int, block: dict[str, str]) -> None:
        name = block.get("Cardholder Name")
        if not name:
            if self.current is None:
                self.warnings.append(f"page {number}: no Cardholder Name block")
            return
        card = block.get("Card Number", "").split(" ")[0]
        last4 = card[-4:] if card[-4:].isdigit() else None
        key: HolderKey = (name, block.get("Employee ID") or None, last4)
        if self.account is None and block.get("Account Code"):
            self.account = block["Account Code"].split(" ")[0]
        if key != self.current:
            self._close_swipe(number, None)
            self.section = []
            self.current = key
            self.holders.setdefault(key, _Holder(name, key[1], last4))

    def _table_row(self, number: int, row: Row, text: str) -> None:
        assert self.columns is not None
        cells = row_cells(row, self.columns)
        kind = totals_kind(text)
        if kind:
            sums = parse_totals(cells)
            if sums is None:
                self.warnings.append(f"page {number}: unreadable totals row: {text!r}")
            elif kind == "transaction":
                self._close_swipe(number, sums)
            elif kind == "cardholder":
                self._check_cardholder(sums)
            else:
                self.report_totals = sums
            return
        item = parse_item(cells)
        if item is None:
            self.warnings.append(f"page {number}: unrecognised row: {text!r}")
        else:
            self._add_item(number, item)

    def _add_item(self, number: int, row: ItemRow) -> None:
        if self.current is None:
            self.warnings.append(f"page {number}: product row before any cardholder block: {row.reference}")
            return
        if self.swipe and self.swipe.first.reference != row.reference:
            self._close_swipe(number, None)
        if self.swipe is None:
            self.swipe = _Swipe(row, self.current, number)
        self.swipe.items.append(row.item)
        item = row.item
        if item.gross - item.discount != item.net:
            self.warnings.append(
                f"page {number}: swipe {row.reference}: product row gross "
                f"{format_money(item.gross)} - discount {format_money(item.discount)} "
                f"!= net {format_money(item.net)}"
            )

    def _close_swipe(self, number: int, printed: Sums | None) -> None:
        swipe, self.swipe = self.swipe, None
        if swipe is None:
            if printed is not None:
                self.warnings.append(f"page {number}: Transaction Totals without product rows")
            return
        items = tuple(swipe.items)
        computed = (
            sum((i.gross for i in items), ZERO),
            sum((i.discount for i in items), ZERO),
            sum((i.net for i in items), ZERO),
        )
        ref = swipe.first.reference
        if printed is None:
            self.warnings.append(
                f"page {number}: swipe {ref} has no Transaction Totals row; amount is the sum of its product rows"
            )
            printed = computed
        else:
            problem = _mismatch(f"page {number}: swipe {ref} product rows", computed, printed)
            if problem:
                self.warnings.append(problem)
        first = swipe.first
        line = CardLine(
            transaction_date=first.transaction_date,
            posted_date=first.posted_date,
            reference=ref,
            merchant=first.merchant,
            city=first.city,
            state=first.state,
            category=first.category,
            description=next((i.description for i in items if i.description), None),
            amount=printed[2],
            gross=printed[0],
            discount=printed[1],
            items=items,
            page=swipe.page,
        )
        self.holders[swipe.holder].lines.append(line)
        self.section.append(line)

    def _check_cardholder(self, printed: Sums) -> None:
        name = self.current[0] if self.current else "?"
        problem = _mismatch(f"cardholder {name}: Cardholder Totals", _sums(self.section), printed)
        if problem:
            self.warnings.append(problem)
        self.section = []

    def finish(self, pages: int) -> Statement:
        self._close_swipe(pages, None)
        lines = [ln for h in self.holders.values() for ln in h.lines]
        computed = _sums(lines)
        if self.report_totals is None:
            self.warnings.append("no Report Totals row printed; totals are computed from the lines")
            totals = computed
        else:
            totals = self.report_totals
            problem = _mismatch("report: Report Totals", computed, totals)
            if problem:
                self.warnings.append(problem)
        cardholders = tuple(
            Cardholder(h.name, h.employee_id, h.card_last4, tuple(h.lines)) for h in self.holders.values()
        )
        start, end = self.period or (None, None)
        return Statement(
            ISSUER,
            start,
            end,
            self.account,
            cardholders,
            dict(zip(("gross", "discount", "net"), totals, strict=True)),
            tuple(self.warnings),
        )


def _check_is_wex(rows: list[Row]) -> None:
    texts = [r.text for r in rows]
    if any(TITLE in t.lower() for t in texts):
        return
    if any(find_header(r) for r in rows) and any(t.startswith("Cardholder Name:") for t in texts):
        return
    first = next((t for t in texts if t.strip()), "(no text on page 1)")
    raise StatementFormatError(f"not a WEX Cardholder Activity Report (page 1 starts {first[:60]!r})")


def parse_wex_statement(
    pdf: PdfSource,
    on_page: Callable[[int, int], None] | None = None,
    *,
    backend: Backend = "pdfium",
) -> Statement:
    """Parse a WEX report page by page; `on_page(page_no, page_count)` runs after each page."""
    parser = WexParser()
    pages = 0
    for page in iter_page_words(pdf, backend):
        rows = group_rows(page.words)
        if page.number == 1:
            _check_is_wex(rows)
        parser.feed(page.number, rows)
        pages = page.number
        if on_page:
            on_page(page.number, page.count)
    if pages == 0:
        raise UnreadableDocumentError("the PDF has no pages")
    return parser.finish(pages)

"""WEX "Cardholder Activity Report General": read by position, row by row, checked against every total.

A page is a sequence of rows, each one of: a cardholder block row (`wex_blocks`: the block may start
anywhere, labels stacked or side by side), a column header line (`wex_header`: one to three lines), a
product row, a totals row, page furniture (title, criteria, footers), or a row not understood. One
`CardLine` per swipe: its product rows become `items`, its amount is the net of its `Transaction Totals` row
(which may sit on the next page). A page without a header is read with the last header's columns, moved to
where the page's rows print their cells (`wex_locate`).

Nothing is silently dropped: a row that looks like a charge but was not read is an `unread_row` finding, a
printed total the lines contradict a `total_mismatch` finding; columns taken from an earlier page are a
warning when the printed totals confirm the lines read with them, else a finding. A report that yields no
lines, or a block that names no readable cardholder, fails the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from recon_contracts.card_numbers import mask_card_numbers

from recon_extractor.errors import StatementFormatError
from recon_extractor.pdf.pages import page_list
from recon_extractor.pdf.text_rows import Row
from recon_extractor.statements.checks import SUM_NAMES, Sums, line_sums, mismatch
from recon_extractor.statements.model import Finding, Statement
from recon_extractor.statements.wex_blocks import Block, block_fields
from recon_extractor.statements.wex_columns import Columns, row_cells
from recon_extractor.statements.wex_header import find_header
from recon_extractor.statements.wex_locate import relocate
from recon_extractor.statements.wex_rows import (
    SWIPE_FIELDS,
    TotalsKind,
    is_furniture,
    looks_like_charge,
    parse_item,
    parse_product,
    parse_totals,
    report_period,
    totals_kind,
)
from recon_extractor.statements.wex_swipes import HolderKey, SwipeBook

ISSUER = "WEX"
WRAPPING = frozenset({"merchant", "city", "group", "description"})
"""Text columns whose long values may wrap onto a line of their own below the product row."""


@dataclass
class PageCount:
    """What became of a page's table rows."""

    read: int = 0
    unread: int = 0


class WexParser:
    """Feed pages in order, then `finish()`."""

    def __init__(self) -> None:
        self.period: tuple[date, date] | None = None
        self.account: str | None = None
        self.card_digits: dict[HolderKey, str] = {}
        self.columns: Columns | None = None
        self.header_page = 0
        self.report_totals: Sums | None = None
        self.warnings: list[str] = []
        self.findings: list[Finding] = []
        self.book = SwipeBook(self.warnings, self.findings)
        self.block: Block | None = None
        self.counts: dict[int, PageCount] = {}
        self.borrowed: set[int] = set()  # pages read with the columns of a header printed on an earlier page
        self.confirmed: set[int] = set()
        self.unsure: set[int] = set()  # pages whose text columns were placed by guesswork no total can check
        self.section_from = 1
        self.after_item = False  # the row above was a product row (or a wrapped line of one)

    def feed(self, number: int, rows: Sequence[Row]) -> None:
        """One page, top to bottom."""
        count = self.counts[number] = PageCount()
        self.after_item = False  # a wrapped line is printed on its product row's page
        if self.columns is not None:
            first_header = next((i for i in range(len(rows)) if find_header(rows, i)), len(rows))
            if first_header:
                self.columns, unsure = relocate(self.columns, rows[:first_header])
                if unsure:
                    self.unsure.add(number)
        i = 0
        while i < len(rows):
            row, step, after_item = rows[i], 1, False
            if fields := block_fields(row.text):
                self._block_row(number, row.text, fields)
            elif self.block is not None and is_furniture(row.text):
                pass  # a block broken by a page break goes on after the next page's title and footer
            elif found := find_header(rows, i):
                self._end_block()
                self.columns, step = found
                self.header_page = number
            else:
                self._end_block()
                after_item = self._row(number, row, count)
            self.after_item = after_item
            i += step

    def _block_row(self, page: int, text: str, fields: list[tuple[str, str]]) -> None:
        for label, value in fields:
            if self.block is None or self.block.has(label):
                self._end_block()
                self.block = Block(page)
            self.block.add(label, value, text)

    def _end_block(self) -> None:
        block, self.block = self.block, None
        if block is None:
            return
        self.account = self.account or block.account()
        key = block.holder()
        if key is not None and (digit := block.card_first_digit()):
            self.card_digits.setdefault(key, digit)
        if key is not None and key != self.book.current:
            self.section_from = block.page
            self.book.cardholder(block.page, key)

    def _row(self, page: int, row: Row, count: PageCount) -> bool:
        """Read a row that is no block and no header; True when it was a product row or a wrapped line of one."""
        text = row.text
        if period := report_period(text):  # printed again on every page by some report versions
            self.period = self.period or period
            return False
        if is_furniture(text):
            return False
        if self.columns is None:
            if looks_like_charge(text):
                self._unread(page, text, "printed before any column header", count)
            return False
        cells = row_cells(row, self.columns)
        kind = totals_kind(text)
        if kind is not None:
            self._totals(page, text, kind, cells, count)
            return False
        return self._product_row(page, text, cells, count)

    def _product_row(self, page: int, text: str, cells: dict[str, str], count: PageCount) -> bool:
        """A product row, a later product of the open swipe (its fields left blank), or a wrapped line."""
        if any(key.startswith("?") for key in cells):
            self._unread(page, text, "has text outside the columns its header names", count)
            return False
        if (item := parse_item(cells)) is not None:
            self._read(page, count)
            self.book.add_item(page, item)
            return True
        product = parse_product(cells) if SWIPE_FIELDS.isdisjoint(cells) else None
        if product is not None and self.book.add_product(page, product):
            self._read(page, count)
            return True
        if product is not None or looks_like_charge(text):
            self._unread(page, text, "looks like a charge but was not read", count)
        elif self.after_item and WRAPPING.issuperset(cells) and self.book.continue_item(cells):
            return True
        else:
            count.unread += 1
            self.warnings.append(f"page {page}: row not understood: {mask_card_numbers(text)!r}")
        return False

    def _totals(self, page: int, text: str, kind: TotalsKind, cells: dict[str, str], count: PageCount) -> None:
        sums = parse_totals(cells)
        if sums is None:
            self._unread(page, text, "a totals row whose amounts could not be read", count)
            return
        self._read(page, count)
        if kind == "transaction":
            self.book.close_swipe(page, sums)
        elif kind == "cardholder":
            if self.book.check_cardholder(page, sums):
                self.confirmed.update(range(self.section_from, page + 1))
            self.section_from = page
        else:
            self.report_totals = sums

    def _read(self, page: int, count: PageCount) -> None:
        count.read += 1
        if self.header_page != page:
            self.borrowed.add(page)

    def _unread(self, page: int, text: str, why: str, count: PageCount) -> None:
        count.unread += 1
        self.findings.append(Finding("unread_row", f"page {page}: {why}: {mask_card_numbers(text)!r}", page))

    def _check_report(self, computed: Sums) -> None:
        if self.report_totals is None:
            self.warnings.append("no Report Totals row printed; totals are computed from the lines")
        elif problem := mismatch("report: Report Totals", computed, self.report_totals):
            self.findings.append(Finding("total_mismatch", problem))
        else:
            self.confirmed.update(self.counts)

    def _check_borrowed(self) -> None:
        confirmed = sorted(p for p in self.borrowed if p in self.confirmed and p not in self.unsure)
        unconfirmed = sorted(p for p in self.borrowed if p not in self.confirmed)
        if confirmed:
            self.warnings.append(
                f"{page_list(confirmed)}: no column header printed; read with the columns of the header above "
                "them, and the lines agree with the printed totals"
            )
        if unconfirmed:
            message = (
                f"{page_list(unconfirmed)}: no column header printed; read with the columns of the header above "
                "them, and no printed total confirms those lines: check them against the statement"
            )
            self.findings.append(Finding("unconfirmed_rows", message, unconfirmed[0]))
        if unsure := sorted(p for p in self.borrowed if p in self.confirmed and p in self.unsure):
            message = (
                f"{page_list(unsure)}: no column header printed and the columns set elsewhere than the header "
                "above them; the amounts agree with the printed totals, but where merchant, city, group and "
                "description part was guessed: check them against the statement"
            )
            self.findings.append(Finding("unconfirmed_rows", message, unsure[0]))

    def finish(self, pages: int) -> Statement:
        self._end_block()
        self.book.close_swipe(pages, None)
        cardholders = tuple(
            replace(ch, card_first_digit=self.card_digits.get((ch.name, ch.employee_id, ch.card_last4)))
            for ch in self.book.cardholders()
        )
        if not any(ch.lines for ch in cardholders):
            raise StatementFormatError(self._nothing_read(pages))
        computed = line_sums(line for ch in cardholders for line in ch.lines)
        self._check_report(computed)
        self._check_borrowed()
        totals = dict(zip(SUM_NAMES, self.report_totals or computed, strict=True))
        start, end = self.period or (None, None)
        return Statement(
            ISSUER,
            start,
            end,
            self.account,
            cardholders,
            totals,
            tuple(self.warnings),
            findings=tuple(self.findings),
        )

    def _nothing_read(self, pages: int) -> str:
        unread = sum(c.unread for c in self.counts.values())
        why = "no column header was found" if self.columns is None else f"{unread} table rows were not understood"
        return f"no card lines could be read from this WEX report ({pages} pages; {why})"

"""WEX "Cardholder Activity Report General": read by position, page by page, checked against every total.

One `CardLine` per swipe: its product rows become `items`, its amount is the net of its `Transaction Totals`
row (which may sit at the top of the next page). Lines belong to the cardholder named in the block printed
on the page where the swipe starts. Sums that disagree with a printed total become warnings, never errors.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from recon_extractor.pdf.text_rows import Row
from recon_extractor.statements.checks import SUM_NAMES, Sums, line_sums, mismatch
from recon_extractor.statements.model import Finding, Statement
from recon_extractor.statements.wex_columns import Columns, find_header, row_cells
from recon_extractor.statements.wex_rows import (
    block_field,
    is_footer,
    parse_item,
    parse_totals,
    report_period,
    totals_kind,
)
from recon_extractor.statements.wex_swipes import HolderKey, SwipeBook

ISSUER = "WEX"
TITLE = "cardholder activity report"


class WexParser:
    """Feed pages in order, then `finish()`."""

    def __init__(self) -> None:
        self.period: tuple[date, date] | None = None
        self.account: str | None = None
        self.card_digits: dict[HolderKey, str] = {}
        self.columns: Columns | None = None
        self.report_totals: Sums | None = None
        self.warnings: list[str] = []
        self.book = SwipeBook(self.warnings)

    def feed(self, number: int, rows: list[Row]) -> None:
        """One page: its block, its column header, then its table rows."""
        block: dict[str, str] = {}
        table_from = 0
        header: Columns | None = None
        for i, row in enumerate(rows):
            if field := block_field(row.text):
                block[field[0]] = field[1]
                table_from = i + 1
            elif header := find_header(row):
                table_from = i + 1
                break
            elif self.period is None:
                self.period = report_period(row.text)
        self._start_page(number, block)
        if header is None:
            if self.columns is None:
                self.warnings.append(f"page {number}: no column header found; page skipped")
                return
            self.warnings.append(f"page {number}: no column header found; using the previous page's columns")
        self.columns = header or self.columns
        for row in rows[table_from:]:
            if not is_footer(row.text):
                self._table_row(number, row)

    def _start_page(self, number: int, block: dict[str, str]) -> None:
        name = block.get("Cardholder Name")
        if not name:
            if self.book.current is None:
                self.warnings.append(f"page {number}: no Cardholder Name block")
            return
        card = block.get("Card Number", "").split(" ")[0]
        key: HolderKey = (name, block.get("Employee ID") or None, card[-4:] if card[-4:].isdigit() else None)
        if card[:1].isdigit():
            self.card_digits[key] = card[:1]
        if self.account is None and block.get("Account Code"):
            self.account = block["Account Code"].split(" ")[0]
        self.book.cardholder(number, key)

    def _table_row(self, number: int, row: Row) -> None:
        assert self.columns is not None
        cells = row_cells(row, self.columns)
        kind = totals_kind(row.text)
        if kind is None:
            item = parse_item(cells)
            if item is None:
                self.warnings.append(f"page {number}: unrecognised row: {row.text!r}")
            else:
                self.book.add_item(number, item)
            return
        sums = parse_totals(cells)
        if sums is None:
            self.warnings.append(f"page {number}: unreadable totals row: {row.text!r}")
        elif kind == "transaction":
            self.book.close_swipe(number, sums)
        elif kind == "cardholder":
            self.book.check_cardholder(sums)
        else:
            self.report_totals = sums

    def finish(self, pages: int) -> Statement:
        self.book.close_swipe(pages, None)
        cardholders = tuple(
            replace(ch, card_first_digit=self.card_digits.get((ch.name, ch.employee_id, ch.card_last4)))
            for ch in self.book.cardholders()
        )
        computed = line_sums(line for ch in cardholders for line in ch.lines)
        findings: tuple[Finding, ...] = ()
        if self.report_totals is None:
            self.warnings.append("no Report Totals row printed; totals are computed from the lines")
        elif problem := mismatch("report: Report Totals", computed, self.report_totals):
            self.warnings.append(problem)
            findings = (Finding("total_mismatch", problem),)
        totals = dict(zip(SUM_NAMES, self.report_totals or computed, strict=True))
        start, end = self.period or (None, None)
        return Statement(ISSUER, start, end, self.account, cardholders, totals, tuple(self.warnings), findings=findings)

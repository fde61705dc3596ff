"""Render a `GenStatement` as a WEX "Cardholder Activity Report General" PDF with a real text layer."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from fpdf import FPDF

from recon_docgen import wex_layout as lay
from recon_docgen.truth import GenCardholder, GenItem, GenLine, GenStatement

FONT = "Helvetica"
ROW_SIZE = 7.0
BLOCK_SIZE = 8.0
BOLD_OFFSET = 0.35
BOLD_ROW_EVERY = 5
PRODUCED_AT = time(8, 15, 32)


def money(value: Decimal) -> str:
    """`$1,234.56`, credits `-$0.45`."""
    sign = "-" if value < 0 else ""
    return f"{sign}${abs(value):,.2f}"


def us_date(value: date) -> str:
    return value.strftime("%m/%d/%Y")


def short_date(value: date) -> str:
    return f"{value.month}/{value.day}/{value.year}"


def produced_on(stmt: GenStatement) -> date:
    """The report is run two days after the period ends."""
    return stmt.period_end + timedelta(days=2)


class _Writer:
    def __init__(self, stmt: GenStatement, doubled_bold: bool, interleave: bool) -> None:
        self.stmt = stmt
        self.doubled = doubled_bold
        self.cols = {c.key: c for c in lay.columns(interleave)}
        self.pdf = FPDF(orientation="L", unit="pt", format="letter")
        self.pdf.set_auto_page_break(False)
        self.pdf.set_margins(0, 0, 0)
        self.pdf.set_creation_date(datetime.combine(produced_on(stmt), PRODUCED_AT, tzinfo=UTC))
        self._font: tuple[str, float] | None = None

    def font(self, bold: bool, size: float) -> None:
        style = "B" if bold else ""
        if self._font != (style, size):
            self.pdf.set_font(FONT, style, size)
            self._font = (style, size)

    def text(self, x: float, y: float, s: str, *, bold: bool = False, size: float = ROW_SIZE) -> None:
        if not s:
            return
        self.font(bold, size)
        self.pdf.text(x, y, s)
        if bold and self.doubled:
            self.pdf.text(x + BOLD_OFFSET, y, s)

    def cell(self, key: str, y: float, s: str, *, bold: bool = False) -> None:
        col = self.cols[key]
        if col.right:
            self.font(bold, ROW_SIZE)
            self.text(col.x - self.pdf.get_string_width(s), y, s, bold=bold)
        else:
            self.text(col.x, y, s, bold=bold)

    def report_header(self) -> float:
        s = self.stmt
        y = lay.TOP + 10.0
        self.text(18.0, y, "Cardholder Activity Report General", bold=True, size=12.0)
        lines = (
            f"Produced On: {short_date(produced_on(s))} 8:15:32 AM",
            f"Posted Date between {short_date(s.period_start)} and {short_date(s.period_end)}",
            "Employee Number = ALL",
            "Card First Name = ALL",
            "Card Last Name = ALL",
            f"Account Code = {s.account_code}",
            f"Customer ID = {s.customer_id}",
            "Primary Sort: Cardholder Name",
            f"From: {us_date(s.period_start)} To: {us_date(s.period_end)}",
        )
        y += 6.0
        for line in lines:
            y += lay.BLOCK_LINE_HEIGHT
            self.text(18.0, y, line, size=BLOCK_SIZE)
        return lay.TOP + lay.report_header_height()

    def block(self, top: float, ch: GenCardholder) -> None:
        s = self.stmt
        lines = (
            f"Account Code: {s.account_code} - {s.company}",
            f"Customer ID: {s.customer_id} {s.street}",
            f"Card Number: {ch.card_number} {s.city_state_zip}",
            f"Cardholder Name: {ch.name}",
            f"Employee ID: {ch.employee_id}",
        )
        for i, line in enumerate(lines):
            self.text(18.0, top + (i + 1) * lay.BLOCK_LINE_HEIGHT, line, bold=True, size=BLOCK_SIZE)

    def header(self, y: float) -> None:
        for col in self.cols.values():
            self.cell(col.key, y, col.title, bold=True)
        self.pdf.set_line_width(0.5)
        self.pdf.line(18.0, y + 2.5, 774.0, y + 2.5)

    def item_row(self, y: float, line: GenLine, item: GenItem, bold: bool) -> None:
        cells = (
            ("trans_date", us_date(line.transaction_date)),
            ("posted_date", us_date(line.posted_date)),
            ("level", line.level),
            ("reference", line.reference),
            ("merchant", line.merchant),
            ("city", f"{line.city}, {line.state}"),
            ("group", line.category),
            ("ppu", f"{item.ppu:.5f}"),
            ("quantity", f"{item.quantity:.2f}"),
            ("gross", money(item.gross)),
            ("discount", money(item.discount)),
            ("net", money(item.net)),
        )
        for key, value in cells:
            self.cell(key, y, value, bold=bold)
        self.cell("description", y, item.description or "", bold=True)

    def totals_row(self, y: float, label: str, gross: Decimal, discount: Decimal, net: Decimal) -> None:
        self.text(lay.TOTALS_LABEL_X, y, label, bold=True)
        for key, value in (("gross", gross), ("discount", discount), ("net", net)):
            self.cell(key, y, money(value), bold=True)

    def row(self, y: float, row: lay.LaidRow) -> None:
        ch = self.stmt.cardholders[row.cardholder]
        if row.kind == "item" and row.line is not None and row.item is not None:
            line = ch.lines[row.line]
            self.item_row(y, line, line.items[row.item], bold=row.line % BOLD_ROW_EVERY == BOLD_ROW_EVERY - 1)
        elif row.kind == "swipe_totals" and row.line is not None:
            line = ch.lines[row.line]
            self.totals_row(y, "Transaction Totals:", line.gross, line.discount, line.net)
        elif row.kind == "cardholder_totals":
            self.totals_row(y, "Cardholder Totals:", ch.gross, ch.discount, ch.net)
        else:
            s = self.stmt
            self.totals_row(y, "Report Totals:", s.gross, s.discount, s.net)

    def page(self, page: lay.LaidPage, count: int) -> None:
        self.pdf.add_page()
        top = self.report_header() if page.number == 1 else lay.TOP
        self.block(top, self.stmt.cardholders[page.cardholder])
        y = lay.table_top(page.number == 1)
        self.header(y)
        for row in page.rows:
            y += lay.ROW_HEIGHT
            self.row(y, row)
        self.text(700.0, lay.FOOTER_Y, f"Page {page.number} of {count}")


def render_wex_statement(
    stmt: GenStatement,
    out: str | Path | BinaryIO,
    *,
    doubled_bold: bool = False,
    interleave_columns: bool = False,
    owner_password: str | None = None,
    user_password: str | None = None,
) -> None:
    """Write the report; `doubled_bold` draws bold text twice, `interleave_columns` overlaps merchant/city.

    `owner_password` alone gives a permissions-only encrypted PDF that opens without a password;
    `user_password` gives one that cannot be opened without it.
    """
    if not stmt.cardholders:
        raise ValueError("a WEX report needs at least one cardholder")
    writer = _Writer(stmt, doubled_bold, interleave_columns)
    pages = lay.paginate(stmt)
    for page in pages:
        writer.page(page, len(pages))
    if owner_password or user_password:
        writer.pdf.set_encryption(owner_password=owner_password or "owner", user_password=user_password)
    data = bytes(writer.pdf.output())
    if isinstance(out, str | Path):
        Path(out).write_bytes(data)
    else:
        out.write(data)

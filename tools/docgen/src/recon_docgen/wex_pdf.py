"""Render a `GenStatement` as a WEX "Cardholder Activity Report General" PDF with a real text layer.

`style` (see `wex_style`) says how it is drawn; the default is the layout this generator always drew.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from recon_docgen import wex_layout as lay
from recon_docgen.truth import GenCardholder, GenStatement
from recon_docgen.wex_pen import Pen, new_pdf
from recon_docgen.wex_style import DEFAULT_STYLE, WexStyle
from recon_docgen.wex_table import BANDS, item_cells, money, plan_columns, us_date, wrap

BOLD_ROW_EVERY = 5
PRODUCED_AT = time(8, 15, 32)
WRAPPING = ("merchant", "city")


def short_date(value: date) -> str:
    return f"{value.month}/{value.day}/{value.year}"


def produced_on(stmt: GenStatement) -> date:
    """The report is run two days after the period ends."""
    return stmt.period_end + timedelta(days=2)


class _Writer(Pen):
    def __init__(self, stmt: GenStatement, style: WexStyle) -> None:
        super().__init__(new_pdf(style), style)
        self.stmt = stmt
        self.pdf.set_creation_date(datetime.combine(produced_on(stmt), PRODUCED_AT, tzinfo=UTC))
        self.cols = {c.key: c for c in plan_columns(style, stmt, self.bold_width)}

    def report_header(self, top: float) -> None:
        s, left, step = self.stmt, self.style.left, self.style.block_line_height
        y = top + 10.0
        self.text(left, y, "Cardholder Activity Report General", bold=True, size=12.0)
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
            y += step
            self.text(left, y, line, size=self.style.block_size)

    def block(self, top: float, ch: GenCardholder, continued: bool) -> None:
        s, style = self.stmt, self.style
        fields = (
            ("Account Code", f"{s.account_code} - {s.company}"),
            ("Customer ID", f"{s.customer_id} {s.street}"),
            ("Card Number", f"{ch.card_number} {s.city_state_zip}"),
            ("Cardholder Name", f"{ch.name} (continued)" if continued and style.continued_marker else ch.name),
            ("Employee ID", ch.employee_id),
        )
        places = [(style.left, i) for i in range(5)]
        self.font(True, style.block_size)
        if style.block_labels == "two_columns":
            widest = max(self.pdf.get_string_width(f"{label}: {value}") for label, value in fields[:3])
            right = max(style.left + (style.page_size[0] - 2 * style.left) / 2, style.left + widest + 24.0)
            places = [(style.left, 0), (style.left, 1), (style.left, 2), (right, 0), (right, 1)]
        indent = max(self.pdf.get_string_width(f"{label}:") for label, _ in fields) + 4.0
        for (label, value), (x, i) in zip(fields, places, strict=True):
            y = top + (i + 1) * style.block_line_height
            if style.block_labels == "aligned":
                self.text(x, y, f"{label}:", bold=True, size=style.block_size)
                self.text(x + indent, y, value, bold=True, size=style.block_size)
            else:
                self.text(x, y, f"{label}: {value}".rstrip(), bold=True, size=style.block_size)

    def header(self, y: float) -> None:
        step, count = lay.header_step(self.style), self.style.header_lines
        if count == 3:
            self.bands(y - 2 * step)
        for col in self.cols.values():
            for i, title in enumerate(col.title):
                self.cell(col.key, y - (count - 1 - i) * step, title, bold=True)
        self.pdf.set_line_width(0.5)
        end = max(c.end for c in self.cols.values()) if self.style.fitted_columns else lay.RULE_END
        self.pdf.line(self.style.left, y + 2.5, end, y + 2.5)

    def bands(self, y: float) -> None:
        for title, keys in BANDS:
            cols = [self.cols[k] for k in keys]
            left, end = min(c.left for c in cols), max(c.end for c in cols)
            self.text((left + end - self.bold_width(title)) / 2, y, title, bold=True)

    def wrapped(self, key: str, text: str) -> list[str]:
        if self.style.overflow != "wrap" or key not in WRAPPING:
            return [text]
        return wrap(text, self.cols[key].width, self.bold_width)

    def row_lines(self, row: lay.LaidRow) -> int:
        if row.kind != "item" or row.line is None or self.style.overflow != "wrap":
            return 1
        line = self.stmt.cardholders[row.cardholder].lines[row.line]
        return max(len(self.wrapped(k, v)) for k, v in item_cells(line, line.items[0], self.style).items())

    def item_row(self, y: float, row: lay.LaidRow) -> None:
        assert row.line is not None and row.item is not None
        line = self.stmt.cardholders[row.cardholder].lines[row.line]
        bold = row.line % BOLD_ROW_EVERY == BOLD_ROW_EVERY - 1
        cells = item_cells(line, line.items[row.item], self.style)
        description = cells.pop("description")
        for key, value in cells.items():
            for i, part in enumerate(self.wrapped(key, value)):
                self.cell(key, y + i * lay.wrap_step(self.style), part, bold=bold)
        self.cell("description", y, description, bold=True)

    def totals_row(self, y: float, label: str, gross: Decimal, discount: Decimal, net: Decimal) -> None:
        x = lay.TOTALS_LABEL_X
        if self.style.fitted_columns:
            first = min(self.cols[k].left for k in ("gross", "discount", "net"))
            x = first - self.style.column_gap - self.bold_width(label)
        self.text(x, y, label, bold=True)
        for key, value in (("gross", gross), ("discount", discount), ("net", net)):
            self.cell(key, y, money(value, self.style), bold=True)

    def row(self, y: float, row: lay.LaidRow) -> None:
        ch = self.stmt.cardholders[row.cardholder]
        if row.kind == "item":
            self.item_row(y, row)
        elif row.kind == "swipe_totals" and row.line is not None:
            line = ch.lines[row.line]
            self.totals_row(y, "Transaction Totals:", line.gross, line.discount, line.net)
        elif row.kind == "cardholder_totals":
            self.totals_row(y, "Cardholder Totals:", ch.gross, ch.discount, ch.net)
        else:
            s = self.stmt
            self.totals_row(y, "Report Totals:", s.gross, s.discount, s.net)

    def footer(self, number: int, count: int) -> None:
        style = self.style
        y = style.page_size[1] - style.bottom + lay.FOOTER_RISE
        if style.footer_run_date:
            self.text(style.left, y, f"Run on {short_date(produced_on(self.stmt))} 8:15:32 AM")
        if style.footer == "none":
            return
        text = f"Page {number} of {count}" if style.footer == "page_of" else f"Page {number}"
        x = style.page_size[0] - style.left - self.row_width(text) if style.fitted_columns else lay.FOOTER_X
        self.text(x, y, text)

    def page(self, page: lay.LaidPage, count: int) -> None:
        self.pdf.add_page()
        for band in page.bands:
            if band.kind == "report_header":
                self.report_header(band.y)
            elif band.kind == "title":
                self.text(self.style.left, band.y + 10.0, "Cardholder Activity Report General", bold=True, size=12.0)
            elif band.kind == "block":
                self.block(band.y, self.stmt.cardholders[band.cardholder], band.continued)
            elif band.kind == "header":
                self.header(band.y)
            elif band.row is not None:
                self.row(band.y, band.row)
        self.footer(page.number, count)


def render_wex_statement(
    stmt: GenStatement,
    out: str | Path | BinaryIO,
    *,
    doubled_bold: bool = False,
    interleave_columns: bool = False,
    owner_password: str | None = None,
    user_password: str | None = None,
    style: WexStyle = DEFAULT_STYLE,
) -> None:
    """Write the report; `doubled_bold` draws bold text twice, `interleave_columns` overlaps merchant/city
    (both override `style`).

    `owner_password` alone gives a permissions-only encrypted PDF that opens without a password;
    `user_password` gives one that cannot be opened without it.
    """
    if not stmt.cardholders:
        raise ValueError("a WEX report needs at least one cardholder")
    style = replace(style, doubled_bold=style.doubled_bold or doubled_bold)
    if interleave_columns:
        style = replace(style, overflow="interleave")
    writer = _Writer(stmt, style)
    pages = lay.paginate(stmt, style, writer.row_lines)
    for page in pages:
        writer.page(page, len(pages))
    if owner_password or user_password:
        writer.pdf.set_encryption(owner_password=owner_password or "owner", user_password=user_password)
    data = bytes(writer.pdf.output())
    if isinstance(out, str | Path):
        Path(out).write_bytes(data)
    else:
        out.write(data)

"""The page furniture of a WEX report: the report header, the title, the cardholder block and the footer."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from recon_docgen import wex_layout as lay
from recon_docgen.truth import GenCardholder, GenStatement
from recon_docgen.wex_pen import Pen, new_pdf
from recon_docgen.wex_style import WexStyle
from recon_docgen.wex_table import us_date
from recon_docgen.wex_titles import label

PRODUCED_AT = time(8, 15, 32)
TITLE = "Cardholder Activity Report General"


def short_date(value: date) -> str:
    return f"{value.month}/{value.day}/{value.year}"


def produced_on(stmt: GenStatement) -> date:
    """The report is run two days after the period ends."""
    return stmt.period_end + timedelta(days=2)


def masked(card_number: str, style: WexStyle) -> str:
    """The card number as the report version masks it; the last four always show."""
    hidden = {"middle": card_number[:-4], "all_x": "X" * (len(card_number) - 4), "stars": "*" * (len(card_number) - 4)}
    return hidden[style.card_mask] + card_number[-4:]


class Furniture(Pen):
    """Draws everything on a page but the table."""

    def __init__(self, stmt: GenStatement, style: WexStyle) -> None:
        super().__init__(new_pdf(style), style)
        self.stmt = stmt
        self.pdf.set_creation_date(datetime.combine(produced_on(stmt), PRODUCED_AT, tzinfo=UTC))

    def title(self, top: float) -> None:
        self.text(self.style.left, top + 10.0, TITLE, bold=True, size=12.0)

    def report_header(self, top: float) -> None:
        s, left, step = self.stmt, self.style.left, self.style.block_line_height
        self.title(top)
        y = top + 10.0
        lines = (
            f"Produced On: {short_date(produced_on(s))} 8:15:32 AM",
            f"Posted Date between {short_date(s.period_start)} and {short_date(s.period_end)}"
            if self.style.period_lines != "from_to"
            else "",
            "Employee Number = ALL",
            "Card First Name = ALL",
            "Card Last Name = ALL",
            f"Account Code = {s.account_code}",
            f"Customer ID = {s.customer_id}",
            "Primary Sort: Cardholder Name",
            f"From: {us_date(s.period_start)} To: {us_date(s.period_end)}"
            if self.style.period_lines != "between"
            else "",
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
            ("Card Number", f"{masked(ch.card_number, style)} {s.city_state_zip}"),
            ("Cardholder Name", f"{ch.name} (continued)" if continued and style.continued_marker else ch.name),
            ("Employee ID", ch.employee_id),
        )
        places = [(style.left, i) for i in range(5)]
        self.font(True, style.block_size)
        if style.block_labels == "two_columns":
            widest = max(self.pdf.get_string_width(f"{label(style, name)}: {value}") for name, value in fields[:3])
            right = max(style.left + (style.page_size[0] - 2 * style.left) / 2, style.left + widest + 24.0)
            places = [(style.left, 0), (style.left, 1), (style.left, 2), (right, 0), (right, 1)]
        indent = max(self.pdf.get_string_width(f"{label(style, name)}:") for name, _ in fields) + 4.0
        for (name, value), (x, i) in zip(fields, places, strict=True):
            y = top + (i + 1) * style.block_line_height
            if style.block_labels == "aligned":
                self.text(x, y, f"{label(style, name)}:", bold=True, size=style.block_size)
                self.text(x + indent, y, value, bold=True, size=style.block_size)
            else:
                self.text(x, y, f"{label(style, name)}: {value}".rstrip(), bold=True, size=style.block_size)

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

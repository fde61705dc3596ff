"""Render a `GenReceipt` as a one-page till receipt with a real text layer."""

from __future__ import annotations

from datetime import UTC, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from fpdf import FPDF

from recon_docgen.truth import GenReceipt

WIDTH = 226.0
LEFT = 12.0
RIGHT = WIDTH - 12.0
LINE = 12.0
FONT = "Courier"


def _amount(value: Decimal, dollar: bool = False) -> str:
    sign = "-" if value < 0 else ""
    return f"{sign}{'$' if dollar else ''}{abs(value):,.2f}"


class _Receipt:
    def __init__(self, lines: int) -> None:
        self.pdf = FPDF(unit="pt", format=(WIDTH, 40.0 + lines * LINE))
        self.pdf.set_auto_page_break(False)
        self.pdf.add_page()
        self.y = 28.0

    def center(self, text: str, size: float = 9.0, bold: bool = False) -> None:
        self.pdf.set_font(FONT, "B" if bold else "", size)
        self.pdf.text((WIDTH - self.pdf.get_string_width(text)) / 2, self.y, text)
        self.y += LINE + (size - 9.0)

    def pair(self, label: str, value: str, bold: bool = False) -> None:
        self.pdf.set_font(FONT, "B" if bold else "", 9.0)
        self.pdf.text(LEFT, self.y, label)
        self.pdf.text(RIGHT - self.pdf.get_string_width(value), self.y, value)
        self.y += LINE

    def left(self, text: str) -> None:
        self.pdf.set_font(FONT, "", 9.0)
        self.pdf.text(LEFT, self.y, text)
        self.y += LINE


def render_receipt(receipt: GenReceipt, out: str | Path | BinaryIO) -> None:
    """Vendor, address, date (MM/DD/YYYY), items, SUBTOTAL/TAX/TIP when known, TOTAL, card when known."""
    r = _Receipt(lines=16 + len(receipt.items))
    r.pdf.set_creation_date(datetime.combine(receipt.date, time(14, 32), tzinfo=UTC))
    r.center(receipt.vendor, size=12.0, bold=True)
    r.center(receipt.address)
    r.center(receipt.city_state_zip)
    r.left(f"DATE: {receipt.date:%m/%d/%Y}  TIME: 14:32")
    r.left("-" * 34)
    for name, amount in receipt.items or (("MERCHANDISE", receipt.subtotal or receipt.total),):
        r.pair(name, _amount(amount))
    r.left("-" * 34)
    for label, value in (("SUBTOTAL", receipt.subtotal), ("TAX", receipt.tax), ("TIP", receipt.tip)):
        if value is not None:
            r.pair(label, _amount(value))
    r.pair("TOTAL", _amount(receipt.total, dollar=True), bold=True)
    if receipt.card_last4:
        r.left(f"VISA XXXX{receipt.card_last4}")
    r.center("REFUND" if receipt.total < 0 else "THANK YOU FOR YOUR BUSINESS")
    data = bytes(r.pdf.output())
    if isinstance(out, str | Path):
        Path(out).write_bytes(data)
    else:
        out.write(data)

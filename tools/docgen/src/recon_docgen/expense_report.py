"""Render the expense system's "Receipt Images Report" with known ground truth (`GenExpenseEntry`).

What the PDF prints, so parsers can check themselves:

- Every page: `Receipt Images Report` and `Report Date: MM/DD/YYYY` at the top, `Page N of M` at the foot.
- Per entry, on one page: a rule, then one row per label in a left column (`Employee:`, `Expense Type:`,
  `Date:`, `Amount:`, `Purpose:`, `Merchant:`, `Address:`, `GL Account:`, `Job:`, `Phase:`, `Cost Type:`)
  with its value in a right column (blank when missing). Long values wrap at spaces onto following rows
  in the value column; rejoining the rows with one space gives the value back.
- Then the entry's images, one per slot of 1/`images_per_page` of the page height, on the same or
  following pages, up to the next entry. JPEG bytes are embedded unchanged.
- Dates `MM/DD/YYYY`; amounts `$1,234.56` with every decimal kept (`$2,323.5625`); refunds `-$12.34`
  or `($12.34)` (`refund_style`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO, Literal

from fpdf import FPDF

PAGE_W, PAGE_H = 612.0, 792.0
LABEL_X, VALUE_X, RIGHT = 36.0, 130.0, 576.0
BODY_TOP, BODY_BOTTOM = 76.0, 752.0
LINE, SIZE, FONT = 12.0, 9.0, "Helvetica"
IMAGE_GAP = 8.0
LABELS = (
    ("employee", "Employee:"),
    ("expense_type", "Expense Type:"),
    ("date", "Date:"),
    ("amount", "Amount:"),
    ("purpose", "Purpose:"),
    ("merchant", "Merchant:"),
    ("address", "Address:"),
    ("gl_account", "GL Account:"),
    ("job", "Job:"),
    ("phase", "Phase:"),
    ("cost_type", "Cost Type:"),
)


@dataclass(frozen=True)
class GenExpenseEntry:
    """One claimed charge as the expense system holds it; `images` are the attached JPEG files."""

    employee: str
    expense_type: str
    date: date
    amount: Decimal
    purpose: str
    merchant: str
    address: str
    gl_account: str | None
    job: str | None
    phase: str | None
    cost_type: str | None
    images: tuple[str, ...] = ()


def format_amount(value: Decimal, refund_style: Literal["minus", "parentheses"] = "minus") -> str:
    """`$1,234.56`, `$2,323.5625`; refunds `-$12.34` or `($12.34)`."""
    text = f"${abs(value):,}"
    if value >= 0:
        return text
    return f"({text})" if refund_style == "parentheses" else f"-{text}"


def _value(entry: GenExpenseEntry, key: str, refund_style: Literal["minus", "parentheses"]) -> str:
    if key == "date":
        return entry.date.strftime("%m/%d/%Y")
    if key == "amount":
        return format_amount(entry.amount, refund_style)
    value: str | None = getattr(entry, key)
    return value or ""


class _Writer:
    def __init__(self, report_date: date, images_per_page: int) -> None:
        self.pdf = FPDF(unit="pt", format="letter")
        self.pdf.set_auto_page_break(False)
        self.pdf.set_creation_date(datetime.combine(report_date, time(7, 0), tzinfo=UTC))
        self.report_date = report_date
        self.slot = (BODY_BOTTOM - BODY_TOP) / images_per_page - IMAGE_GAP
        self.y = BODY_BOTTOM

    def new_page(self) -> None:
        pdf = self.pdf
        pdf.add_page()
        pdf.set_font(FONT, "B", 14.0)
        pdf.text(LABEL_X, 44.0, "Receipt Images Report")
        pdf.set_font(FONT, "", SIZE)
        pdf.text(LABEL_X, 58.0, f"Report Date: {self.report_date:%m/%d/%Y}")
        self.y = BODY_TOP

    def footers(self) -> None:
        """`Page N of M` on every page, drawn last because M is known only then."""
        pdf, last = self.pdf, self.pdf.page
        pdf.set_font(FONT, "", SIZE)
        for number in range(1, last + 1):
            pdf.page = number
            footer = f"Page {number} of {last}"
            pdf.text((PAGE_W - pdf.get_string_width(footer)) / 2, 776.0, footer)
        pdf.page = last

    def wrap(self, text: str) -> list[str]:
        """Greedy wrap at single spaces, so rejoining with one space restores the text."""
        self.pdf.set_font(FONT, "", SIZE)
        lines: list[str] = []
        for word in text.split(" "):
            if lines and self.pdf.get_string_width(f"{lines[-1]} {word}") <= RIGHT - VALUE_X:
                lines[-1] = f"{lines[-1]} {word}"
            else:
                lines.append(word)
        return lines or [""]

    def block(self, rows: Sequence[tuple[str, list[str]]]) -> None:
        height = LINE * (1 + sum(len(lines) for _, lines in rows))
        if self.y + height > BODY_BOTTOM:
            self.new_page()
        self.pdf.line(LABEL_X, self.y, RIGHT, self.y)
        self.y += LINE
        for label, lines in rows:
            self.pdf.set_font(FONT, "B", SIZE)
            self.pdf.text(LABEL_X, self.y, label)
            self.pdf.set_font(FONT, "", SIZE)
            for line in lines:
                if line:
                    self.pdf.text(VALUE_X, self.y, line)
                self.y += LINE

    def image(self, path: str, size: tuple[int, int]) -> None:
        width_px, height_px = size
        scale = min(self.slot / height_px, (RIGHT - VALUE_X) / width_px)
        if self.y + IMAGE_GAP + height_px * scale > BODY_BOTTOM:
            self.new_page()
        self.y += IMAGE_GAP
        self.pdf.image(path, x=VALUE_X, y=self.y, w=width_px * scale, h=height_px * scale)
        self.y += height_px * scale


def _pixel_size(path: str) -> tuple[int, int]:
    from PIL import Image

    with Image.open(path) as img:
        return img.size


def render_expense_report(
    entries: Sequence[GenExpenseEntry],
    out: str | Path | BinaryIO,
    *,
    images_per_page: int = 2,
    refund_style: Literal["minus", "parentheses"] = "minus",
    report_date: date | None = None,
) -> None:
    """Write the report; `images_per_page` sets each image's slot (1 = a whole page body per image)."""
    if images_per_page < 1:
        raise ValueError("images_per_page must be at least 1")
    writer = _Writer(report_date or max((e.date for e in entries), default=date(2025, 1, 31)), images_per_page)
    writer.new_page()
    for entry in entries:
        writer.block([(label, writer.wrap(_value(entry, key, refund_style))) for key, label in LABELS])
        for path in entry.images:
            writer.image(str(path), _pixel_size(str(path)))
    writer.footers()
    if isinstance(out, str | Path):
        writer.pdf.output(str(out))
    else:
        out.write(bytes(writer.pdf.output()))

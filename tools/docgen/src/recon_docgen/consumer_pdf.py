"""Render a `ConsumerStatement` as a letter-size PDF with a real text layer, paginated like the issuer's.

Every page after the first repeats the issuer's page header and its "continued" column header; a
transaction's rows (description continuations, foreign-currency details) stay together on one page.
A `Typeset` sets the font, leading and font size, and the artefacts real statements carry: `doubled_bold`
draws bold text twice (fake bold), right after itself or, with `bold_copies_last`, after the rest of the
page (as Chase's text layer has it: the copy is far from its original in the stream); `letter_spaced` sets
Amex card member headers one glyph at a time, spaced apart, as the real ones are (text extraction then sees
single letters, not words). `owner_password` alone gives a permissions-only encrypted PDF that opens
without a password.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from fpdf import FPDF

from recon_docgen.consumer_amex import AmexPrinter
from recon_docgen.consumer_bank_of_america import BankOfAmericaPrinter
from recon_docgen.consumer_capital_one import CapitalOnePrinter
from recon_docgen.consumer_chase import ChasePrinter
from recon_docgen.consumer_chase_freedom import ChaseFreedomPrinter
from recon_docgen.consumer_formats import Printer, Row
from recon_docgen.consumer_scenario import (
    FORMATS,
    ConsumerCardholder,
    ConsumerForeign,
    ConsumerLine,
    ConsumerStatement,
    make_consumer_statement,
)
from recon_docgen.consumer_us_bank import UsBankPrinter

PAGE_WIDTH, PAGE_HEIGHT = 612.0, 792.0
TOP = 36.0
ROW = 11.0
LAST_ROW = 740.0
FOOTER_Y = 770.0
BOLD_OFFSET = 0.35
LATE_BOLD_OFFSET = 0.04
LETTER_GAP = 0.2  # of the font size, between the glyphs of letter-spaced text
WORD_GAP = 0.7  # of the font size, between its words

__all__ = [
    "FORMATS",
    "PLAIN",
    "ConsumerCardholder",
    "ConsumerForeign",
    "ConsumerLine",
    "ConsumerStatement",
    "Typeset",
    "make_consumer_statement",
    "paginate",
    "render_consumer_statement",
]


def printer_for(stmt: ConsumerStatement, *, parentheses: bool = False) -> Printer:
    """The issuer's printer; `parentheses` prints Capital One credits the older way, `($23.45)`."""
    if stmt.format == "amex":
        return AmexPrinter(stmt)
    if stmt.format == "chase":
        return ChasePrinter(stmt)
    if stmt.format == "chase_consumer":
        return ChaseFreedomPrinter(stmt)
    if stmt.format == "capital_one":
        return CapitalOnePrinter(stmt, parentheses)
    if stmt.format == "bank_of_america":
        return BankOfAmericaPrinter(stmt)
    return UsBankPrinter(stmt)


@dataclass(frozen=True)
class Typeset:
    """How the pages are set: font, leading (points per row), a font-size scale, and the artefacts real
    statements carry (see the module docstring)."""

    font: str = "Helvetica"
    leading: float = ROW
    scale: float = 1.0
    doubled_bold: bool = False
    bold_copies_last: bool = False
    letter_spaced: bool = False


PLAIN = Typeset()


def paginate(printer: Printer, leading: float = ROW) -> list[list[Row]]:
    """Each page's body rows: page 1 opens with the summary; later pages get the header at render time."""
    rows_per_page = int((LAST_ROW - TOP) // leading)
    later = rows_per_page - len(printer.page_header(2, 2)) - len(printer.continued())
    pages: list[list[Row]] = [list(printer.first_page())]
    room = rows_per_page - len(pages[0])
    for block in printer.blocks():
        if len(block) > room:
            pages.append([])
            room = later
        pages[-1].extend(block)
        room -= len(block)
    return pages


class _Writer:
    def __init__(self, typeset: Typeset) -> None:
        self.set = typeset
        self.copies: list[tuple[float, float, str, float]] = []
        self.pdf = FPDF(unit="pt", format="letter")
        self.pdf.set_auto_page_break(False)
        self.pdf.set_margins(0, 0, 0)
        self._font: tuple[str, float] | None = None

    def row(self, y: float, row: Row, count: int) -> None:
        ts = self.set
        for cell in row:
            if not cell.text:
                continue
            style, size = ("B" if cell.bold else ""), cell.size * ts.scale
            if self._font != (style, size):
                self.pdf.set_font(ts.font, style, size)
                self._font = (style, size)
            text = cell.text.replace("{count}", str(count))
            x = cell.x - self.pdf.get_string_width(text) if cell.right else cell.x
            if cell.spaced and ts.letter_spaced:
                self._spaced(x, y, text, size)
                continue
            self.pdf.text(x, y, text)
            if cell.bold and ts.doubled_bold and ts.bold_copies_last:
                self.copies.append((x + LATE_BOLD_OFFSET, y, text, size))
            elif cell.bold and ts.doubled_bold:
                self.pdf.text(x + BOLD_OFFSET, y, text)

    def end_page(self) -> None:
        """Draw the bold copies kept for the end of the page."""
        for x, y, text, size in self.copies:
            self.pdf.set_font(self.set.font, "B", size)
            self.pdf.text(x, y, text)
        self.copies, self._font = [], None

    def _spaced(self, x: float, y: float, text: str, size: float) -> None:
        """One glyph at a time, no space characters: a reader sees the gaps, not the words."""
        for ch in text:
            if ch == " ":
                x += WORD_GAP * size
                continue
            self.pdf.text(x, y, ch)
            x += self.pdf.get_string_width(ch) + LETTER_GAP * size


def render_consumer_statement(
    stmt: ConsumerStatement,
    out: str | Path | BinaryIO,
    *,
    typeset: Typeset = PLAIN,
    parentheses: bool = False,
    owner_password: str | None = None,
) -> int:
    """Write the statement; returns its page count. `parentheses`: Capital One credits as `($x)`."""
    printer = printer_for(stmt, parentheses=parentheses)
    leading = typeset.leading
    pages = paginate(printer, leading)
    writer = _Writer(typeset)
    for number, rows in enumerate(pages, start=1):
        writer.pdf.add_page()
        head = [] if number == 1 else [*printer.page_header(number, len(pages)), *printer.continued()]
        y = TOP
        for row in [*head, *rows]:
            y += leading
            writer.row(y, row, len(pages))
        for i, row in enumerate(printer.footer(number, len(pages))):
            writer.row(FOOTER_Y + i * leading, row, len(pages))
        writer.end_page()
    if owner_password:
        writer.pdf.set_encryption(owner_password=owner_password)
    data = bytes(writer.pdf.output())
    if isinstance(out, str | Path):
        Path(out).write_bytes(data)
    else:
        out.write(data)
    return len(pages)

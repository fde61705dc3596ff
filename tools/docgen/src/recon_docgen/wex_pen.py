"""Text on a WEX report page: the font (standard PDF or embedded TrueType), doubled bold, table cells."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from fpdf import FPDF

from recon_docgen.wex_style import WexStyle
from recon_docgen.wex_table import TableColumn, narrowest_table

BOLD_OFFSET = 0.35
"""A doubled bold glyph is drawn again this far to the right (naive extractors read it twice)."""


def new_pdf(style: WexStyle) -> FPDF:
    """An empty PDF for `style`: page size and orientation, no automatic breaks, its fonts registered."""
    pdf = FPDF(orientation="L" if style.landscape else "P", unit="pt", format=style.page)
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    for bold in (False, True):
        if (path := style.font_file(bold)) is not None:
            pdf.add_font(style.font, "B" if bold else "", str(path))
    return pdf


@lru_cache(maxsize=8)
def _measuring_pdf(font: str) -> FPDF:
    """A PDF that only measures text, one per font (loading a TrueType font is the slow part)."""
    return new_pdf(WexStyle(font=font))


def table_fits(shapes: dict[str, frozenset[str]], style: WexStyle) -> bool:
    """Whether a table of these texts (`wex_table.text_shapes`) fits across the page of `style`."""
    pdf = _measuring_pdf(style.font)
    pdf.set_font(style.font, "B", style.row_size)
    need = narrowest_table(style, shapes, lambda s: float(pdf.get_string_width(s)))
    return need <= style.page_size[0] - 2 * style.left


@dataclass(frozen=True)
class _Text:
    x: float
    y: float
    s: str
    bold: bool
    size: float
    column: int  # the table column's place left to right, -1 outside the table


class Pen:
    """Draws text in the style's order and pieces; in the default style exactly as the old renderer did."""

    def __init__(self, pdf: FPDF, style: WexStyle) -> None:
        self.pdf, self.style = pdf, style
        self.cols: dict[str, TableColumn] = {}
        self._font: tuple[str, float] | None = None
        self._held: list[_Text] | None = None if style.draw_order == "rows" else []

    def font(self, bold: bool, size: float) -> None:
        style = "B" if bold else ""
        if self._font != (style, size):
            self.pdf.set_font(self.style.font, style, size)
            self._font = (style, size)

    def bold_width(self, s: str) -> float:
        self.font(True, self.style.row_size)
        return float(self.pdf.get_string_width(s))

    def row_width(self, s: str) -> float:
        self.font(False, self.style.row_size)
        return float(self.pdf.get_string_width(s))

    def text(
        self, x: float, y: float, s: str, *, bold: bool = False, size: float | None = None, column: int = -1
    ) -> None:
        if not s:
            return
        piece = _Text(x, y, s, bold, size or self.style.row_size, column)
        if self._held is None:
            self._draw(piece)
        else:
            self._held.append(piece)

    def cell(self, key: str, y: float, s: str, *, bold: bool = False) -> None:
        """`s` in column `key`: from its left edge, or ending at its right edge (numbers)."""
        col = self.cols[key]
        column = list(self.cols).index(key)
        if self.style.column_rises:
            y -= self.style.column_rises[column]
        if col.right:
            self.font(bold, self.style.row_size)
            self.text(col.x - self.pdf.get_string_width(s), y, s, bold=bold, column=column)
        else:
            self.text(col.x, y, s, bold=bold, column=column)

    def flush(self) -> None:
        """Draw what the page holds, in the style's order (stable: ties keep the order they were written)."""
        if not self._held:
            return
        if self.style.draw_order == "columns":
            order = sorted(self._held, key=lambda t: (t.column, t.y if t.column >= 0 else 0.0))
        else:
            order = sorted(self._held, key=lambda t: (t.y, -t.x))
        for piece in order:
            self._draw(piece)
        self._held.clear()

    def _draw(self, t: _Text) -> None:
        self.font(t.bold, t.size)
        self._put(t.x, t.y, t.s)
        if t.bold and self.style.doubled_bold:
            self._put(t.x + BOLD_OFFSET, t.y, t.s)

    def _put(self, x: float, y: float, s: str) -> None:
        if not self.style.glyph_by_glyph:
            self.pdf.text(x, y, s)
            return
        for i, char in enumerate(s):
            if char != " ":
                self.pdf.text(x + self.pdf.get_string_width(s[:i]), y, char)

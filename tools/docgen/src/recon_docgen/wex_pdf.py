"""Render a `GenStatement` as a WEX "Cardholder Activity Report General" PDF with a real text layer.

`style` (see `wex_style`) says how it is drawn; the default is the layout this generator always drew.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from recon_docgen import wex_layout as lay
from recon_docgen.truth import GenStatement
from recon_docgen.wex_furniture import Furniture
from recon_docgen.wex_style import DEFAULT_STYLE, WexStyle
from recon_docgen.wex_table import cell_shapes, item_cells, plan_columns, text_shapes, totals_cells, wrap
from recon_docgen.wex_titles import BANDS, TOTALS_LABELS, label

BOLD_ROW_EVERY = 5
WRAPPING = ("merchant", "city")
SWIPE_FIELDS = frozenset({"trans_date", "posted_date", "level", "reference", "merchant", "city", "group"})


class _Writer(Furniture):
    def __init__(self, stmt: GenStatement, style: WexStyle) -> None:
        super().__init__(stmt, style)
        self.plan(text_shapes(stmt, style))

    def plan(self, shapes: dict[str, frozenset[str]]) -> None:
        self.cols = {c.key: c for c in plan_columns(self.style, shapes, self.bold_width)}

    def page_shapes(self, page: lay.LaidPage) -> dict[str, frozenset[str]]:
        """The shapes of what this page's table prints, for a style that fits every page on its own."""
        return cell_shapes(self.cells(row) if row.kind == "item" else self.totals(row) for row in page.rows)

    def totals(self, row: lay.LaidRow) -> dict[str, str]:
        ch = self.stmt.cardholders[row.cardholder]
        if row.kind == "swipe_totals" and row.line is not None:
            return totals_cells(ch.lines[row.line], self.style)
        return totals_cells(ch if row.kind == "cardholder_totals" else self.stmt, self.style)

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
            text = label(self.style, title)
            self.text((left + end - self.bold_width(text)) / 2, y, text, bold=True)

    def wrapped(self, key: str, text: str) -> list[str]:
        if self.style.overflow != "wrap" or key not in WRAPPING:
            return [text]
        return wrap(text, self.cols[key].width, self.bold_width)

    def cells(self, row: lay.LaidRow) -> dict[str, str]:
        """A product row's texts; a later product of a swipe may leave the swipe's fields blank."""
        assert row.line is not None and row.item is not None
        line = self.stmt.cardholders[row.cardholder].lines[row.line]
        cells = item_cells(line, line.items[row.item], self.style)
        if row.item and not self.style.repeat_swipe_fields:
            return {k: v for k, v in cells.items() if k not in SWIPE_FIELDS}
        return cells

    def row_lines(self, row: lay.LaidRow) -> int:
        if row.kind != "item" or self.style.overflow != "wrap":
            return 1
        return max(len(self.wrapped(k, v)) for k, v in self.cells(row).items())

    def item_row(self, y: float, row: lay.LaidRow) -> None:
        assert row.line is not None
        bold = row.line % BOLD_ROW_EVERY == BOLD_ROW_EVERY - 1
        cells = self.cells(row)
        description = cells.pop("description")
        for key, value in cells.items():
            for i, part in enumerate(self.wrapped(key, value)):
                self.cell(key, y + i * lay.wrap_step(self.style), part, bold=bold)
        self.cell("description", y, description, bold=True)

    def totals_row(self, y: float, row: lay.LaidRow) -> None:
        kinds = ("swipe_totals", "cardholder_totals", "report_totals")
        text = label(self.style, dict(zip(kinds, TOTALS_LABELS[self.style.totals_labels], strict=True))[row.kind])
        x = lay.TOTALS_LABEL_X
        if self.style.fitted_columns:
            first = min(self.cols[k].left for k in ("gross", "discount", "net"))
            x = first - self.style.column_gap - self.bold_width(text)
        self.text(x, y, text, bold=True)
        for key, value in self.totals(row).items():
            self.cell(key, y, value, bold=True)

    def row(self, y: float, row: lay.LaidRow) -> None:
        if row.kind == "item":
            self.item_row(y, row)
        else:
            self.totals_row(y, row)

    def page(self, page: lay.LaidPage, count: int) -> None:
        self.pdf.add_page()
        if self.style.columns_per_page:
            self.plan(self.page_shapes(page))
        for band in page.bands:
            if band.kind == "report_header":
                self.report_header(band.y)
            elif band.kind == "title":
                self.title(band.y)
            elif band.kind == "block":
                self.block(band.y, self.stmt.cardholders[band.cardholder], band.continued)
            elif band.kind == "header":
                self.header(band.y)
            elif band.row is not None:
                self.row(band.y, band.row)
        self.footer(page.number, count)
        self.flush()


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

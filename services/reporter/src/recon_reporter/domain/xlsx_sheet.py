"""A write-only XLSX sheet with a bold frozen header, column widths, number formats and a header filter.

Every text value is cleaned (`safe_cells.clean_text`) and written as a string cell: openpyxl would otherwise
store text starting with `=` as a live formula and `#N/A` as an error (see `safe_cells`).
"""

from __future__ import annotations

from collections.abc import Sequence
from copy import copy
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from recon_reporter.domain.safe_cells import clean_text

CURRENCY = '"$"#,##0.00;[Red]-"$"#,##0.00'
DATE = "yyyy-mm-dd"
DATETIME = "yyyy-mm-dd hh:mm"
Columns = Sequence[tuple[str, int, str | None]]  # title, width, number format


class Sheet:
    """A write-only sheet with a bold frozen header, widths and per-column number formats."""

    def __init__(self, wb: Workbook, title: str, columns: Columns, *, header_row: int = 1) -> None:
        self.ws: Any = wb.create_sheet(title)
        self.columns = columns
        for index, (_, width, _) in enumerate(columns, start=1):
            self.ws.column_dimensions[get_column_letter(index)].width = width
        self.ws.freeze_panes = f"A{header_row + 1}"
        self.header_row = header_row
        self.rows = 0
        self._templates: dict[tuple[str | None, str | None, Font | None], Any] = {}

    def header(self) -> None:
        self.append([title for title, _, _ in self.columns], font=Font(bold=True))

    def filter(self, last_row: int | None = None) -> None:
        """A filter on the header over the rows written so far (or up to `last_row`)."""
        self.ws.auto_filter.ref = f"A{self.header_row}:{get_column_letter(len(self.columns))}{last_row or self.rows}"

    def append(self, values: Sequence[Any], *, fill: str | None = None, font: Font | None = None) -> None:
        """Append a row; only cells that need a style become cell objects (plain values are much faster)."""
        row: list[Any] = []
        for index, value in enumerate(values):
            if isinstance(value, Decimal):
                value = float(value)
            elif isinstance(value, str):
                value = clean_text(value)
            fmt = self.columns[index][2] if index < len(self.columns) and value is not None else None
            literal = isinstance(value, str) and (value.startswith("=") or value in ERROR_CODES)
            if fmt is None and fill is None and font is None and not literal:
                row.append(value)
                continue
            cell = WriteOnlyCell(self.ws, value=value)
            if literal:
                cell.data_type = "s"
            if fmt is not None or fill is not None or font is not None:
                # Assigning a style looks it up in the workbook's registry on every cell; copying the style
                # array of a template cell styled once is the same result at a fraction of the cost.
                cell._style = copy(self._template(fmt, fill, font)._style)  # type: ignore[attr-defined]
            row.append(cell)
        self.ws.append(row)
        self.rows += 1

    def _template(self, fmt: str | None, fill: str | None, font: Font | None) -> Any:
        key = (fmt, fill, font)
        if key not in self._templates:
            cell = WriteOnlyCell(self.ws)
            if fmt:
                cell.number_format = fmt
            if fill:
                cell.fill = PatternFill("solid", fgColor=fill)
            if font:
                cell.font = font
            self._templates[key] = cell
        return self._templates[key]

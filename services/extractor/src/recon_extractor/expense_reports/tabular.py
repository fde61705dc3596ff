"""The expense system's CSV or XLSX export: one row per entry, columns found by header name (`ColumnMapping`).

Rows are streamed (csv reader; openpyxl read-only), the header may sit below a few title rows, and header
names are compared case-insensitively with spaces collapsed and a trailing colon ignored.

Bounds, so a hostile file is refused in moments instead of filling the reader's memory or time: at most
`MAX_ENTRIES` rows (a month's report holds a few thousand), a workbook whose XML parts inflate to at most
`MAX_WORKBOOK_XML_BYTES` (checked from the zip's directory before anything is inflated), and no XML entity
declarations (openpyxl parses with defusedxml: an entity bomb is named as such).
"""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from recon_extractor.amounts import parse_amount
from recon_extractor.errors import DocumentLimitError, ExtractionError, UnreadableDocumentError
from recon_extractor.expense_reports.model import ExpenseEntry, ExpenseReport, entry_from_fields

CENT = Decimal("0.01")
MAX_ENTRIES = 50_000
MAX_WORKBOOK_XML_BYTES = 128 * 1024 * 1024
DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "employee": ("employee name", "employee", "cardholder name", "cardholder", "name"),
    "expense_type": ("expense type", "expense category", "category", "type"),
    "date": ("transaction date", "date", "expense date", "posted date", "post date", "trans date"),
    "amount": ("amount", "transaction amount", "expense amount", "amount (usd)", "total"),
    "purpose": ("business purpose", "purpose", "description", "comment", "memo"),
    "merchant": ("vendor", "merchant", "vendor name", "merchant name", "payee"),
    "address": ("vendor address", "merchant address", "address"),
    "gl_account": ("gl account", "gl code", "gl", "account", "gl account number"),
    "job": ("job number", "job", "job #", "job no", "project"),
    "phase": ("phase", "phase code"),
    "cost_type": ("cost type", "cost code"),
}


def _norm(header: Any) -> str:
    return " ".join(str(header).split()).casefold().rstrip(":").strip()


@dataclass(frozen=True)
class ColumnMapping:
    """Accepted header names per entry field, the fields a file must have, and how its dates are printed."""

    columns: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: dict(DEFAULT_COLUMNS))
    required: tuple[str, ...] = ("employee", "date", "amount")
    date_formats: tuple[str, ...] = ("%m/%d/%Y", "%Y-%m-%d", "%m/%d/%y", "%d-%b-%Y")
    header_search_rows: int = 20

    def locate(self, row: Sequence[Any]) -> dict[str, int]:
        """Column index per field found in `row` (the first matching header wins)."""
        names = {_norm(cell): i for i, cell in reversed(list(enumerate(row))) if cell not in (None, "")}
        found: dict[str, int] = {}
        for name, headers in self.columns.items():
            hit = next((names[h] for h in map(_norm, headers) if h in names), None)
            if hit is not None and hit not in found.values():
                found[name] = hit
        return found


def _csv_rows(path: Path) -> Iterator[list[Any]]:
    # utf-8-sig reads files with and without a byte-order mark alike.
    with path.open("r", encoding="utf-8-sig", newline="") as fh:
        sample = fh.read(64 * 1024)
        fh.seek(0)
        try:
            dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t|")
        except csv.Error:
            dialect = csv.excel
        yield from csv.reader(fh, dialect)


def _check_workbook_size(path: Path) -> None:
    """Refuse a zip bomb from the sizes the zip's directory declares (inflating stops at a declared size)."""
    try:
        with zipfile.ZipFile(path) as archive:
            xml = sum(i.file_size for i in archive.infolist() if i.filename.endswith((".xml", ".rels")))
    except (zipfile.BadZipFile, OSError) as exc:
        raise UnreadableDocumentError(f"cannot open the workbook: {exc}") from exc
    if xml > MAX_WORKBOOK_XML_BYTES:
        mib = 1024 * 1024
        raise DocumentLimitError(
            f"the workbook's sheets inflate to {xml // mib:,} MiB, more than the {MAX_WORKBOOK_XML_BYTES // mib} MiB "
            "an expense report may (a zip bomb or a damaged file); the file was not read"
        )


def _unreadable_workbook(exc: BaseException) -> UnreadableDocumentError:
    cause: BaseException | None = exc
    while cause is not None:
        if type(cause).__module__.startswith("defusedxml"):
            return UnreadableDocumentError(
                f"the workbook's XML declares entities or a DTD ({type(cause).__name__}), as an XML bomb does; "
                "the file was not read"
            )
        cause = cause.__cause__ or cause.__context__
    return UnreadableDocumentError(f"cannot open the workbook: {str(exc).splitlines()[0]}")


def _xlsx_rows(path: Path) -> Iterator[list[Any]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    _check_workbook_size(path)

    # Opened as a file object: openpyxl refuses a path without an .xlsx suffix, and the blob store names an
    # upload by its id (the bytes already said it is a workbook).
    with path.open("rb") as fh:
        try:
            wb = load_workbook(fh, read_only=True, data_only=True)
        except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
            raise _unreadable_workbook(exc) from exc
        try:
            yield from (list(row) for row in wb.worksheets[0].iter_rows(values_only=True))
        finally:
            wb.close()


def _rows(path: Path) -> Iterator[list[Any]]:
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise UnreadableDocumentError(f"{path.name}: legacy .xls is not supported; export as .xlsx or CSV")
    with path.open("rb") as fh:
        zipped = fh.read(4) == b"PK\x03\x04"
    return _xlsx_rows(path) if suffix in (".xlsx", ".xlsm") or zipped else _csv_rows(path)


def _text(value: Any) -> str | None:
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a GL account typed as a number
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None


def _amount(value: Any) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, float):
        # A float's repr is its shortest round-trip text: 2323.5625 stays 2323.5625, never 2323.56249999...
        amount: Decimal | None = Decimal(repr(value))
    elif isinstance(value, int | Decimal):
        amount = Decimal(value)
    else:
        amount = parse_amount(str(value))
    if amount is None or not amount.is_finite():
        return None
    if amount is not None and amount.as_tuple().exponent in (0, -1):
        amount = amount.quantize(CENT)
    return amount


def _date(value: Any, formats: Sequence[str]) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    for fmt in formats:
        try:
            return datetime.strptime(str(value).strip(), fmt).date()
        except ValueError:
            continue
    return None


class _Table:
    def __init__(self, mapping: ColumnMapping, columns: dict[str, int]) -> None:
        self.mapping, self.columns = mapping, columns
        self.entries: list[ExpenseEntry] = []
        self.warnings: list[str] = []

    def cell(self, row: Sequence[Any], name: str) -> Any:
        i = self.columns.get(name)
        return row[i] if i is not None and i < len(row) else None

    def add(self, number: int, row: Sequence[Any]) -> None:
        if all(_text(v) is None for v in row):
            return
        text = {name: _text(self.cell(row, name)) for name in self.mapping.columns}
        who = text.get("employee")
        if not who:
            self.warnings.append(f"row {number}: no employee; skipped")
            return
        raw_date, raw_amount = self.cell(row, "date"), self.cell(row, "amount")
        day = _date(raw_date, self.mapping.date_formats) if _text(raw_date) else None
        amount = _amount(raw_amount) if _text(raw_amount) else None
        if _text(raw_date) and day is None:
            self.warnings.append(f"row {number} ({who}): cannot read date {raw_date!r}")
        if _text(raw_amount) and amount is None:
            self.warnings.append(f"row {number} ({who}): cannot read amount {raw_amount!r}")
        self.entries.append(entry_from_fields(len(self.entries), who, day, amount, text))


def parse_expense_table(path: str | Path, *, mapping: ColumnMapping | None = None) -> ExpenseReport:
    """Every data row below the header row as an `ExpenseEntry` (no attachments, no page)."""
    path, mapping = Path(path), mapping or ColumnMapping()
    if not path.is_file():
        raise UnreadableDocumentError(f"no such file: {path}")
    table: _Table | None = None
    best: dict[str, int] = {}
    try:
        for number, row in enumerate(_rows(path), start=1):
            if table is not None:
                if len(table.entries) == MAX_ENTRIES:
                    raise DocumentLimitError(
                        f"more than {MAX_ENTRIES:,} entries, far more than an expense report of one month holds; "
                        "the file was not stored (split it, or check it is the right export)"
                    )
                table.add(number, row)
                continue
            found = mapping.locate(row)
            if all(name in found for name in mapping.required):
                table = _Table(mapping, found)
            elif len(found) > len(best):
                best = found
            if number >= mapping.header_search_rows and table is None:
                break
    except UnicodeDecodeError as exc:
        raise UnreadableDocumentError(f"{path.name} is neither UTF-8 text nor a workbook: {exc.reason}") from exc
    except csv.Error as exc:
        raise UnreadableDocumentError(f"{path.name} is not a readable CSV file: {exc}") from exc
    if table is None:
        missing = "; ".join(
            f"{name} (a column headed {' or '.join(repr(h) for h in mapping.columns.get(name, ())[:3])})"
            for name in mapping.required
            if name not in best
        )
        raise ExtractionError(f"{path.name}: required columns missing: {missing}")
    return ExpenseReport(tuple(table.entries), tuple(table.warnings))

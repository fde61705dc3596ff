from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from recon_docgen.expense_exports import write_expense_csv, write_expense_xlsx
from recon_docgen.expense_report import GenExpenseEntry
from recon_docgen.expense_scenario import make_expense_entries
from recon_extractor.errors import ExtractionError, UnreadableDocumentError
from recon_extractor.expense_reports.model import ExpenseReport
from recon_extractor.expense_reports.tabular import ColumnMapping, parse_expense_table

FIELDS = ("employee", "expense_type", "date", "amount", "purpose", "merchant", "address")
CODING = ("gl_account", "job", "phase", "cost_type")


@pytest.fixture(scope="module")
def truth(tmp_path_factory: pytest.TempPathFactory) -> list[GenExpenseEntry]:
    entries = make_expense_entries(8, 150, None, generated_dir=tmp_path_factory.mktemp("img"), image_weights=(1,))
    assert any(e.amount.as_tuple().exponent == -4 for e in entries) and any(e.amount < 0 for e in entries)
    return entries


def _check(truth: list[GenExpenseEntry], report: ExpenseReport) -> None:
    assert report.warnings == ()
    assert len(report.entries) == len(truth)
    for i, (want, got) in enumerate(zip(truth, report.entries, strict=True)):
        assert got.index == i and got.page is None and got.attachments == ()
        for name in FIELDS + CODING:
            assert getattr(got, name) == getattr(want, name), (i, name)
        assert str(got.amount) == str(want.amount), "decimals as exported"


@pytest.mark.parametrize(("delimiter", "bom"), [(",", False), (";", True), ("\t", True), ("|", False)])
def test_csv_round_trip(truth: list[GenExpenseEntry], tmp_path: Path, delimiter: str, bom: bool) -> None:
    path = tmp_path / "export.csv"
    write_expense_csv(truth, path, delimiter=delimiter, bom=bom)
    _check(truth, parse_expense_table(path))


@pytest.mark.parametrize("title_rows", [False, True])
def test_xlsx_round_trip(truth: list[GenExpenseEntry], tmp_path: Path, title_rows: bool) -> None:
    path = tmp_path / "export.xlsx"
    write_expense_xlsx(truth, path, title_rows=title_rows)
    _check(truth, parse_expense_table(path))


def test_a_workbook_stored_without_its_extension_is_read(truth: list[GenExpenseEntry], tmp_path: Path) -> None:
    """The blob store names an upload by its id: the bytes say it is a workbook, not the name."""
    path = tmp_path / "fe7e8519-b3f2-46a2-952d-2ff63be62c51"
    write_expense_xlsx(truth, tmp_path / "export.xlsx")
    (tmp_path / "export.xlsx").rename(path)
    _check(truth, parse_expense_table(path))


def test_headers_are_matched_loosely_and_mappings_are_configurable(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text(
        "CARDHOLDER NAME , Post Date,Amount (USD),Merchant Name,GL Code:\n"
        'JOSEPHWCORTEZ,2025-03-04,"$1,234.50",SHELL OIL 57444,6100\n'
        "JOSEPHWCORTEZ,03/05/2025,(12.34),CHEVRON,\n"
    )
    report = parse_expense_table(path)
    assert [(e.employee, e.date, e.amount, e.merchant, e.gl_account) for e in report.entries] == [
        ("JOSEPHWCORTEZ", date(2025, 3, 4), Decimal("1234.50"), "SHELL OIL 57444", "6100"),
        ("JOSEPHWCORTEZ", date(2025, 3, 5), Decimal("-12.34"), "CHEVRON", None),
    ]
    custom = tmp_path / "custom.csv"
    custom.write_text("Who,When,How Much\nMARIABURT,31.03.2025,7\n")
    mapping = ColumnMapping(
        {"employee": ("who",), "date": ("when",), "amount": ("how much",)}, date_formats=("%d.%m.%Y",)
    )
    (entry,) = parse_expense_table(custom, mapping=mapping).entries
    assert (entry.employee, entry.date, entry.amount, entry.purpose) == (
        "MARIABURT",
        date(2025, 3, 31),
        Decimal("7.00"),
        None,
    )


def test_odd_rows_become_warnings(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(
        "Employee Name,Transaction Date,Amount\n"
        "JOSEPHWCORTEZ,13/45/2025,12.00\n"
        ",,\n"
        "GARYLEE,03/01/2025,twelve\n"
        ",,24.00\n"
    )
    report = parse_expense_table(path)
    assert [(e.employee, e.date, e.amount) for e in report.entries] == [
        ("JOSEPHWCORTEZ", None, Decimal("12.00")),
        ("GARYLEE", date(2025, 3, 1), None),
    ]
    assert report.warnings == (
        "row 2 (JOSEPHWCORTEZ): cannot read date '13/45/2025'",
        "row 4 (GARYLEE): cannot read amount 'twelve'",
        "row 5: no employee; skipped",
    )


def test_missing_required_columns_are_named(tmp_path: Path) -> None:
    path = tmp_path / "partial.csv"
    path.write_text("Employee Name,Vendor,Business Purpose\nJOSEPHWCORTEZ,SHELL,fuel\n")
    with pytest.raises(ExtractionError, match=r"required columns missing: date .*; amount ") as err:
        parse_expense_table(path)
    assert "employee" not in str(err.value).split("missing:")[1]
    (tmp_path / "empty.csv").write_text("")
    with pytest.raises(ExtractionError, match="employee"):
        parse_expense_table(tmp_path / "empty.csv")


def test_bad_files_are_clear_errors(tmp_path: Path) -> None:
    (tmp_path / "latin1.csv").write_bytes(
        "Employee Name,Transaction Date,Amount\nJOS\xc9,03/01/2025,1\n".encode("latin-1")
    )
    with pytest.raises(UnreadableDocumentError, match="neither UTF-8 text nor a workbook"):
        parse_expense_table(tmp_path / "latin1.csv")
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(UnreadableDocumentError, match="cannot open the workbook"):
        parse_expense_table(tmp_path / "broken.xlsx")
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(UnreadableDocumentError, match=r"legacy \.xls"):
        parse_expense_table(tmp_path / "old.xls")
    with pytest.raises(UnreadableDocumentError, match="no such file"):
        parse_expense_table(tmp_path / "missing.csv")

import csv
import hashlib
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest
from recon_docgen.expense_exports import HEADERS, write_expense_csv, write_expense_xlsx
from recon_docgen.expense_report import GenExpenseEntry, format_amount, render_expense_report
from recon_docgen.expense_scenario import EXPENSE_TYPES, make_expense_entries, sample_receipt_dir


@pytest.fixture(scope="module")
def entries(tmp_path_factory: pytest.TempPathFactory) -> list[GenExpenseEntry]:
    return make_expense_entries(11, 200, None, generated_dir=tmp_path_factory.mktemp("img"))


def _page_texts(pdf: Path) -> list[str]:
    doc = pdfium.PdfDocument(pdf)
    try:
        return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    finally:
        doc.close()


def test_entries_are_reproducible(tmp_path: Path) -> None:
    first = make_expense_entries(3, 20, None, generated_dir=tmp_path / "a")
    again = make_expense_entries(3, 20, None, generated_dir=tmp_path / "b")
    strip = [(e.employee, e.date, e.amount, e.purpose, len(e.images)) for e in first]
    assert strip == [(e.employee, e.date, e.amount, e.purpose, len(e.images)) for e in again]


def test_entries_look_like_the_expense_system(entries: list[GenExpenseEntry]) -> None:
    assert all(e.employee.isalpha() and e.employee.isupper() for e in entries)
    assert {e.expense_type for e in entries} == set(EXPENSE_TYPES)
    assert any(e.amount < 0 for e in entries), "refunds"
    assert any(e.amount.as_tuple().exponent == -4 for e in entries), "4-decimal amounts"
    assert all(e.amount.as_tuple().exponent in (-2, -4) for e in entries)
    assert any(e.gl_account is None and e.job is None for e in entries), "entries never coded"
    assert any(e.gl_account and e.phase is None for e in entries), "entries partly coded"
    counts = {len(e.images) for e in entries}
    assert {0, 1, 2, 3} <= counts
    assert any(", ," in e.address for e in entries)
    assert any(len(e.purpose) > 120 for e in entries), "purposes long enough to wrap"
    assert all(Path(p).read_bytes()[:2] == b"\xff\xd8" for e in entries for p in e.images)


def test_sample_scans_are_referenced_in_place() -> None:
    scans = sample_receipt_dir()
    if scans is None:
        pytest.skip("../shared/data/sroie-dev not present (set RECON_SAMPLE_DATA)")
    entries = make_expense_entries(5, 30, scans)
    assert all(Path(p).parent == scans for e in entries for p in e.images)


def test_report_prints_labels_values_and_footers(entries: list[GenExpenseEntry], tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    render_expense_report(entries[:12], out, refund_style="parentheses")
    texts = _page_texts(out)
    assert all(f"Page {n} of {len(texts)}" in t for n, t in enumerate(texts, start=1))
    whole = "\n".join(texts)
    for e in entries[:12]:
        assert f"Employee: {e.employee}" in whole.replace("\r\n", " ")
        assert e.date.strftime("%m/%d/%Y") in whole
        assert format_amount(e.amount, "parentheses") in whole


def test_images_are_embedded_unchanged(tmp_path: Path) -> None:
    images = make_expense_entries(2, 8, None, generated_dir=tmp_path, image_weights=(0, 0, 0, 1))
    out = tmp_path / "report.pdf"
    render_expense_report(images, out, images_per_page=1)
    expected = [hashlib.sha256(Path(p).read_bytes()).hexdigest() for e in images for p in e.images]
    doc = pdfium.PdfDocument(out)
    found = []
    for i in range(len(doc)):
        for obj in doc[i].get_objects(filter=(pdfium_raw.FPDF_PAGEOBJ_IMAGE,)):
            found.append(hashlib.sha256(bytes(obj.get_data(decode_simple=True))).hexdigest())
    doc.close()
    assert found == expected
    assert len(_page_texts(out)) >= len(expected), "one image per page"


def test_amount_formats() -> None:
    assert format_amount(Decimal("2323.5625")) == "$2,323.5625"
    assert format_amount(Decimal("-12.30")) == "-$12.30"
    assert format_amount(Decimal("-12.30"), "parentheses") == "($12.30)"


def test_images_per_page_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        render_expense_report([], tmp_path / "x.pdf", images_per_page=0)


def test_csv_and_xlsx_exports(entries: list[GenExpenseEntry], tmp_path: Path) -> None:
    from openpyxl import load_workbook

    write_expense_csv(entries, tmp_path / "e.csv", bom=True)
    raw = (tmp_path / "e.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert tuple(rows[0]) == HEADERS and len(rows) == len(entries) + 1
    assert rows[1][3] == str(entries[0].amount)
    write_expense_xlsx(entries, tmp_path / "e.xlsx", title_rows=True)
    ws = load_workbook(tmp_path / "e.xlsx", read_only=True).worksheets[0]
    values = list(ws.iter_rows(values_only=True))
    assert values[0][0] == "Expense Export" and tuple(values[2][: len(HEADERS)]) == HEADERS
    when = values[3][2]
    assert isinstance(when, datetime) and when.date() == entries[0].date and values[3][0] == entries[0].employee


def test_empty_report_still_renders(tmp_path: Path) -> None:
    render_expense_report([], tmp_path / "empty.pdf", report_date=date(2025, 3, 31))
    assert _page_texts(tmp_path / "empty.pdf")[0].startswith("Receipt Images Report")

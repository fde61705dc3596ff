import hashlib
import io
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from fpdf import FPDF
from PIL import Image
from recon_docgen.expense_report import GenExpenseEntry, render_expense_report
from recon_docgen.expense_scenario import make_expense_entries, sample_receipt_dir
from recon_docgen.receipt_pdf import render_receipt
from recon_docgen.truth import GenReceipt
from recon_extractor.errors import ExtractionError, UnreadableDocumentError
from recon_extractor.expense_reports.layout import ExpenseLayout, load_expense_layout, load_layout_file
from recon_extractor.expense_reports.model import ExpenseReport
from recon_extractor.expense_reports.pdf_report import parse_expense_report

FIELDS = ("employee", "expense_type", "date", "amount", "purpose", "merchant", "address")
CODING = ("gl_account", "job", "phase", "cost_type")
LONG = (
    "Overnight stay for the Geismar outage; crew arrived late after the safety orientation ran long and the "
    "foreman asked everyone to stay close to the plant gate, so two rooms were booked for the weekend as well"
)


def _jpeg(path: Path, shade: int, size: tuple[int, int] = (300, 460)) -> str:
    Image.new("L", size, shade).save(path, format="JPEG", quality=80)
    return str(path)


def _sha(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def crafted(tmp_path_factory: pytest.TempPathFactory) -> list[GenExpenseEntry]:
    d = tmp_path_factory.mktemp("crafted")
    img = [_jpeg(d / f"{k}.jpg", 40 + 30 * k) for k in range(6)]
    none: tuple[None, None, None, None] = (None, None, None, None)
    rows = [
        ("JOSEPHWCORTEZ", "Fuel", 3, "2323.5625", LONG, "SHELL OIL 57444", "27952 WALKER SOUTH, , WALKER, LA, 70785-",
         ("6100-003", "23-1773", "02", "M"), img[:1]),
        ("JOSEPHWCORTEZ", "Meals", 4, "-12.34", "Lunch with crew", "WHATABURGER 1043",
         "12 N MAIN ST, STE 200, HOUSTON, TX, 77002-1234", none, []),
        ("MARIABURT", "Hotel", 5, "1480.00", LONG, "HAMPTON INN BATON ROUGE",
         "4550 AIRLINE HWY, , BATON ROUGE, LA, 70805-", ("7200-010", None, "04", None), img[1:4]),
        ("MARIABURT", "Legal", 31, "25.00", "Annual report filing fee", "LA SECRETARY OF STATE",
         "8585 ARCHIVES AVE, , BATON ROUGE, LA, 70809-", ("6510-000", "25-1000", "12", "O"), img[4:]),
    ]  # fmt: skip
    return [
        GenExpenseEntry(who, kind, date(2025, 3, day), Decimal(amount), why, where, address, *coding, tuple(images))
        for who, kind, day, amount, why, where, address, coding, images in rows
    ]


def _check(truth: list[GenExpenseEntry], report: ExpenseReport) -> None:
    assert len(report.entries) == len(truth)
    for i, (want, got) in enumerate(zip(truth, report.entries, strict=True)):
        assert got.index == i
        for name in FIELDS + CODING:
            assert getattr(got, name) == getattr(want, name), (i, name)
        assert str(got.amount) == str(want.amount), "printed decimals kept"
        assert [a.sha256 for a in got.attachments] == [_sha(p) for p in want.images], i
        assert [a.size for a in got.attachments] == [Path(p).stat().st_size for p in want.images]
        assert all(a.media_type == "image/jpeg" for a in got.attachments)
        assert all(a.page >= (got.page or 0) for a in got.attachments)


@pytest.mark.parametrize("refund_style", ["minus", "parentheses"])
def test_crafted_entries_exact(crafted: list[GenExpenseEntry], tmp_path: Path, refund_style: Any) -> None:
    pdf = tmp_path / "r.pdf"
    render_expense_report(crafted, pdf, images_per_page=2, refund_style=refund_style)
    report = parse_expense_report(pdf)
    _check(crafted, report)
    assert report.warnings == ()
    hotel = report.entries[2]
    pages = [a.page for a in hotel.attachments]
    assert pages[0] == hotel.page and pages[-1] > hotel.page, "images continue on the next page"
    assert report.entries[1].attachments == () and report.entries[1].gl_account is None
    assert report.entries[0].purpose == LONG and report.entries[0].amount == Decimal("2323.5625")
    assert report.entries[1].amount == Decimal("-12.34")


def test_images_share_a_page_with_the_next_entry(crafted: list[GenExpenseEntry], tmp_path: Path) -> None:
    pdf = tmp_path / "r.pdf"
    render_expense_report(crafted, pdf, images_per_page=4)
    report = parse_expense_report(pdf)
    _check(crafted, report)
    on_page = [(a.page, a.index_on_page) for e in report.entries for a in e.attachments]
    assert len(set(on_page)) == len(on_page)
    assert any(e.page == a.page for e in report.entries[1:] for a in report.entries[0].attachments)


@pytest.mark.parametrize("source", ["generated", "sroie"])
def test_generated_report_exact(source: str, tmp_path: Path) -> None:
    scans = sample_receipt_dir() if source == "sroie" else None
    if source == "sroie" and scans is None:
        pytest.skip("../shared/data/sroie-dev not present (set RECON_SAMPLE_DATA)")
    truth = make_expense_entries(21, 60, scans, generated_dir=tmp_path / "img")
    pdf = tmp_path / "r.pdf"
    render_expense_report(truth, pdf)
    pages: list[tuple[int, int]] = []
    report = parse_expense_report(pdf, on_page=lambda n, count: pages.append((n, count)))
    _check(truth, report)
    assert report.warnings == ()
    assert [n for n, _ in pages] == list(range(1, pages[-1][1] + 1))


def test_each_attachment_is_read_as_a_receipt(crafted: list[GenExpenseEntry], tmp_path: Path) -> None:
    pdf = tmp_path / "r.pdf"
    render_expense_report(crafted, pdf)
    seen: list[tuple[str, str]] = []

    def read(data: bytes, media_type: str) -> dict[str, Any]:
        seen.append((hashlib.sha256(data).hexdigest(), media_type))
        with Image.open(io.BytesIO(data)) as img:
            return {"size": img.size}

    report = parse_expense_report(pdf, read_image=read)
    attachments = [a for e in report.entries for a in e.attachments]
    assert [(a.sha256, a.media_type) for a in attachments] == seen
    assert all(a.receipt == {"size": (a.width, a.height)} == {"size": (300, 460)} for a in attachments)


def test_a_failing_reader_costs_one_receipt_not_the_report(crafted: list[GenExpenseEntry], tmp_path: Path) -> None:
    pdf = tmp_path / "r.pdf"
    render_expense_report(crafted, pdf)

    def read(data: bytes, media_type: str) -> str:
        if data == Path(crafted[2].images[1]).read_bytes():
            raise RuntimeError("OCR timed out")
        return "ok"

    report = parse_expense_report(pdf, read_image=read)
    receipts = [a.receipt for a in report.entries[2].attachments]
    assert receipts == ["ok", None, "ok"]
    assert len(report.warnings) == 1 and "OCR timed out" in report.warnings[0]


def test_images_before_the_first_entry_and_png_images(tmp_path: Path) -> None:
    pdf = FPDF(unit="pt", format="letter")
    pdf.add_page()
    pdf.image(_jpeg(tmp_path / "stray.jpg", 90), x=130, y=80, w=100, h=150)
    pdf.set_font("Helvetica", "", 9)
    for k, (label, value) in enumerate([("Employee:", "LINDABROWN"), ("Date:", "03/07/2025"), ("Amount:", "$9.99")]):
        pdf.text(36, 300 + 12 * k, label)
        pdf.text(130, 300 + 12 * k, value)
    png = tmp_path / "photo.png"
    Image.new("RGB", (64, 48), (200, 10, 10)).save(png)
    pdf.image(str(png), x=130, y=360, w=128, h=96)
    pdf.output(str(tmp_path / "odd.pdf"))
    report = parse_expense_report(tmp_path / "odd.pdf", read_image=lambda data, media: Image.open(io.BytesIO(data)))
    (entry,) = report.entries
    assert (entry.employee, entry.date, entry.amount, entry.purpose) == (
        "LINDABROWN",
        date(2025, 3, 7),
        Decimal("9.99"),
        None,
    )
    (attachment,) = entry.attachments
    assert (attachment.media_type, attachment.width, attachment.height, attachment.index_on_page) == (
        "image/png",
        64,
        48,
        1,
    )
    assert attachment.receipt.getpixel((0, 0))[:3] == (200, 10, 10)
    assert report.warnings == ("page 1: image 0 comes before the first entry; not attached",)


def _labelled(path: Path, pages: list[list[tuple[str, str]]]) -> None:
    """Pages of label/value rows under the report's page header."""
    pdf = FPDF(unit="pt", format="letter")
    pdf.set_font("Helvetica", "", 9)
    for rows in pages:
        pdf.add_page()
        pdf.text(36, 44, "Receipt Images Report")
        for k, (label, value) in enumerate(rows):
            if label:
                pdf.text(36, 620 - 12 * len(rows) + 12 * k, label)
            pdf.text(130, 620 - 12 * len(rows) + 12 * k, value)
        pdf.text(280, 776, f"Page {pdf.page_no()} of {len(pages)}")
    pdf.output(str(path))


def test_an_entry_block_split_by_a_page_break(tmp_path: Path) -> None:
    first = [("Employee:", "GARYLEE"), ("Date:", "03/01/2025"), ("Amount:", "$1,000.00"), ("Purpose:", "Crew lunch")]
    second = [("", "for the Norco turnaround"), ("Merchant:", "POPEYES 0412"), ("Employee:", "LISAHEBERT")]
    _labelled(tmp_path / "split.pdf", [first, second])
    report = parse_expense_report(tmp_path / "split.pdf")
    assert report.warnings == ()
    gary, lisa = report.entries
    assert (gary.purpose, gary.merchant, gary.page, lisa.page) == (
        "Crew lunch for the Norco turnaround",
        "POPEYES 0412",
        1,
        2,
    )


def test_reopening_the_document_changes_nothing(
    crafted: list[GenExpenseEntry], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from recon_extractor.expense_reports import pages as expense_pages

    pdf = tmp_path / "r.pdf"
    render_expense_report(crafted, pdf, images_per_page=3)
    monkeypatch.setattr(expense_pages, "REOPEN_PAGES", 1)
    _check(crafted, parse_expense_report(pdf))
    monkeypatch.setattr(expense_pages, "REOPEN_BYTES", 1)
    _check(crafted, parse_expense_report(pdf))


def test_unreadable_values_are_warnings(tmp_path: Path) -> None:
    pdf = FPDF(unit="pt", format="letter")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 9)
    for k, (label, value) in enumerate([("Employee:", "GARYLEE"), ("Date:", "31/03/2025"), ("Amount:", "12.34 CR")]):
        pdf.text(36, 100 + 12 * k, label)
        pdf.text(130, 100 + 12 * k, value)
    pdf.output(str(tmp_path / "bad.pdf"))
    report = parse_expense_report(tmp_path / "bad.pdf")
    assert (report.entries[0].date, report.entries[0].amount) == (None, None)
    assert "cannot read date '31/03/2025'" in report.warnings[0]
    assert "cannot read amount '12.34 CR'" in report.warnings[1]


def test_not_an_expense_report(tmp_path: Path) -> None:
    (tmp_path / "text.pdf").write_bytes(b"hello, not a pdf")
    with pytest.raises(UnreadableDocumentError):
        parse_expense_report(tmp_path / "text.pdf")
    with pytest.raises(UnreadableDocumentError, match="no such file"):
        parse_expense_report(tmp_path / "missing.pdf")
    render_receipt(
        GenReceipt("SHELL OIL", date(2025, 3, 4), Decimal("41.14"), None, None, None, None), tmp_path / "r.pdf"
    )
    with pytest.raises(ExtractionError, match="no entries found"):
        parse_expense_report(tmp_path / "r.pdf")


def test_layouts_are_validated(tmp_path: Path) -> None:
    layout = load_expense_layout()
    assert layout.entry_start == "employee" and layout.field("purpose").wraps
    assert layout.parse_amount("($1,234.5625)") == Decimal("-1234.5625")
    assert layout.parse_amount("$1.23456") is None and layout.parse_amount("1.00 CR") is None
    with pytest.raises(ExtractionError, match="no expense layout named 'nope'"):
        load_expense_layout("nope")
    data = layout.model_dump(mode="json")
    data["fields"][1]["name"] = "colour"
    bad = tmp_path / "bad.yaml"
    import yaml

    bad.write_text(yaml.safe_dump(data))
    with pytest.raises(ExtractionError, match="unknown field 'colour'"):
        load_layout_file(bad)
    data["fields"][1] = {"name": "expense_type", "labels": ["Employee:"]}
    with pytest.raises(ValueError, match="label is declared twice"):
        ExpenseLayout.model_validate(data)


def test_a_receipt_attached_twice_is_read_once(tmp_path: Path) -> None:
    entries = make_expense_entries(41, 3, generated_dir=tmp_path / "img", image_weights=(0, 1, 0, 0))
    shared = entries[0].images[0]
    entries = [entries[0], replace(entries[1], images=(shared,)), entries[2]]
    pdf = tmp_path / "r.pdf"
    render_expense_report(entries, pdf)
    reads: list[str] = []

    def read(data: bytes, media_type: str) -> str:
        reads.append(hashlib.sha256(data).hexdigest())
        return f"read {len(reads)}"

    report = parse_expense_report(pdf, read_image=read)
    attachments = [a for e in report.entries for a in e.attachments]
    assert len(attachments) == 3 and len(reads) == len(set(reads)) == 2
    assert attachments[0].receipt == attachments[1].receipt == "read 1" and attachments[2].receipt == "read 2"


def test_each_distinct_attachment_is_kept_once_byte_for_byte(tmp_path: Path) -> None:
    entries = make_expense_entries(43, 3, generated_dir=tmp_path / "img", image_weights=(0, 1, 0, 0))
    entries = [entries[0], replace(entries[1], images=(entries[0].images[0],)), entries[2]]
    render_expense_report(entries, tmp_path / "r.pdf")
    kept: dict[str, bytes] = {}

    def keep(sha: str, data: bytes) -> None:
        assert sha not in kept
        kept[sha] = data

    report = parse_expense_report(tmp_path / "r.pdf", keep_image=keep)
    attachments = [a for e in report.entries for a in e.attachments]
    assert set(kept) == {a.sha256 for a in attachments} and len(kept) == 2
    assert all(hashlib.sha256(data).hexdigest() == sha for sha, data in kept.items())
    assert kept[attachments[0].sha256] == Path(entries[0].images[0]).read_bytes()  # JPEGs kept as embedded

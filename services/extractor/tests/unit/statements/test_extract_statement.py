"""`extract_statement`: the right reader for each statement, every page reported, scans refused or OCRed,
and the issue's done-when: a 500+ page WEX report with 100+ cardholders and every artefact, exact."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from recon_docgen import wex_layout
from recon_docgen.check import statement_differences
from recon_docgen.consumer_check import consumer_differences
from recon_docgen.consumer_pdf import make_consumer_statement, render_consumer_statement
from recon_docgen.scanned_copy import scan_pdf
from recon_docgen.scenario import make_statement
from recon_docgen.wex_pdf import render_wex_statement
from recon_extractor.errors import NoTextLayerError, StatementFormatError
from recon_extractor.ocr.engine import OcrLine
from recon_extractor.pdf.pages import MAX_RENDER_SIDE, OCR_DPI, iter_statement_pages, ocr_words
from recon_extractor.statements.reader import read_statement


def test_wex_500_pages_100_cardholders_every_artefact_exact(tmp_path: Path) -> None:
    truth = make_statement(2026, cardholders=104, lines_per_cardholder=(70, 100), credit_ratio=0.06)
    layout = wex_layout.paginate(truth)
    path = tmp_path / "wex.pdf"
    render_wex_statement(truth, path, doubled_bold=True, interleave_columns=True)
    split = {(r.cardholder, r.line) for p in layout for r in p.rows if r.kind == "item" and r is p.rows[-1]}
    assert len(layout) >= 500 and len(truth.cardholders) >= 100 and split, "swipes split over pages"
    assert any(ln.net < 0 for ln in truth.lines) and any(i.description is None for ln in truth.lines for i in ln.items)
    calls: list[tuple[int, int]] = []
    started = time.perf_counter()
    parsed = read_statement(path, on_page=lambda n, total: calls.append((n, total)))
    elapsed = time.perf_counter() - started
    assert statement_differences(truth, parsed) == []
    assert parsed.warnings == () and parsed.findings == () and parsed.issuer == "WEX"
    assert calls == [(n, len(layout)) for n in range(1, len(layout) + 1)]
    assert elapsed < 60, f"{len(layout)} pages took {elapsed:.1f} s"  # a guard against a pathology, not a benchmark


@pytest.mark.parametrize(("fmt", "issuer"), [("amex", "American Express"), ("us_bank", "U.S. Bank")])
def test_consumer_layouts_are_recognised(tmp_path: Path, fmt: str, issuer: str) -> None:
    truth = make_consumer_statement(fmt, 3)
    path = tmp_path / "s.pdf"
    render_consumer_statement(truth, path)
    parsed = read_statement(io.BytesIO(path.read_bytes()))
    assert parsed.issuer == issuer and consumer_differences(truth, parsed) == []


def test_a_receipt_is_not_a_statement(tmp_path: Path) -> None:
    from recon_docgen.receipt_pdf import render_receipt
    from recon_docgen.scenario import receipt_for

    render_receipt(receipt_for(make_statement(4, cardholders=1).lines[0], 4), tmp_path / "r.pdf")
    with pytest.raises(StatementFormatError, match="not a card statement"):
        read_statement(tmp_path / "r.pdf")


def _box(x0: float, top: float, x1: float, bottom: float) -> tuple[tuple[float, float], ...]:
    return (x0, top), (x1, top), (x1, bottom), (x0, bottom)


def _scan(text_pdf: Path, out: Path) -> list[list[OcrLine]]:
    """An image-only copy of `text_pdf` (letter pages), and what a perfect OCR engine would read on each page."""
    scale = min(OCR_DPI / 72, MAX_RENDER_SIDE / 792)
    answers = [
        [OcrLine(w.text, 0.99, _box(w.x0 * scale, w.top * scale, w.x1 * scale, w.bottom * scale)) for w in p.words]
        for p in iter_statement_pages(text_pdf)
    ]
    scan_pdf(text_pdf, out, dpi=72, skew_degrees=0)
    return answers


def test_scanned_statements_need_ocr(tmp_path: Path) -> None:
    render_consumer_statement(make_consumer_statement("chase", 2), tmp_path / "text.pdf")
    _scan(tmp_path / "text.pdf", tmp_path / "scan.pdf")
    with pytest.raises(NoTextLayerError, match="has no text layer; scanned statements need OCR"):
        read_statement(tmp_path / "scan.pdf")


def test_scanned_statements_read_by_an_injected_ocr_are_flagged(tmp_path: Path) -> None:
    truth = make_consumer_statement("chase", 2, cardholders=3, lines_per_cardholder=(20, 30))
    render_consumer_statement(truth, tmp_path / "text.pdf")
    answers = _scan(tmp_path / "text.pdf", tmp_path / "scan.pdf")
    images: list[bytes] = []

    steps: list[str] = []

    def fake_ocr(png: bytes, det_max_side: int | None = None) -> list[OcrLine]:
        images.append(png)
        steps.append(f"ocr {len(images)}")
        return answers[len(images) - 1]

    parsed = read_statement(tmp_path / "scan.pdf", ocr=fake_ocr, on_page=lambda n, _: steps.append(f"page {n}"))
    # Each page is reported as soon as it is read, also while the first pages pick the reader.
    assert steps == [step for n in range(1, len(answers) + 1) for step in (f"ocr {n}", f"page {n}")]
    assert len(images) == len(answers) >= 2 and all(png.startswith(b"\x89PNG") for png in images)
    assert consumer_differences(truth, parsed) == []
    assert parsed.warnings == (
        f"pages 1-{len(answers)} had no text layer and were read by OCR: lower confidence, check their lines "
        "against the statement",
    )


def test_a_blank_page_is_a_warning(tmp_path: Path) -> None:
    truth = make_consumer_statement("amex", 5)
    render_consumer_statement(truth, tmp_path / "s.pdf")
    doc = pdfium.PdfDocument(tmp_path / "s.pdf")
    doc.new_page(612, 792)
    doc.save(tmp_path / "blank.pdf")
    doc.close()
    parsed = read_statement(tmp_path / "blank.pdf")
    assert consumer_differences(truth, parsed) == []
    assert any("had no text: blank, or scanned" in w for w in parsed.warnings)


def test_ocr_fragments_become_words_in_points() -> None:
    words = ocr_words([OcrLine("12/28 COFFEE  4.50", 0.9, _box(300.0, 100.0, 1200.0, 130.0))], scale=300 / 72)
    assert [w.text for w in words] == ["12/28", "COFFEE", "4.50"]
    assert words[0].x0 == pytest.approx(72.0) and words[-1].x1 == pytest.approx(288.0)
    assert words[0].top == pytest.approx(24.0) and words[0].bottom == pytest.approx(31.2)

"""A scanned WEX statement (no text layer, a little skewed) read end to end by the real OCR engine.

OCR is not exact everywhere (a quantity can lose its decimal point), so the test holds the reader to what
reconciliation depends on: every cardholder, and every swipe's dates, reference and amount, exact; merchant
names close; every integrity check passing; and the statement saying that it was read by OCR.
"""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from fpdf import FPDF
from rapidfuzz import fuzz
from recon_docgen.scenario import make_statement
from recon_docgen.wex_pdf import render_wex_statement
from recon_extractor.domain.extract_statement import extract_statement
from recon_extractor.ocr_pool import OcrPool, OcrSettings

SCAN_DPI = 200
SKEW_DEGREES = 0.8


def _scan(text_pdf: Path, out: Path) -> int:
    """An image-only copy of `text_pdf`: each page a slightly rotated 200 dpi grayscale JPEG, as a scanner makes."""
    source = pdfium.PdfDocument(text_pdf)
    width, height = source[0].get_size()
    scan = FPDF(unit="pt", format=(width, height))
    for index in range(len(source)):
        image = source[index].render(scale=SCAN_DPI / 72, grayscale=True).to_pil()
        jpeg = io.BytesIO()
        image.rotate(SKEW_DEGREES, fillcolor=255).save(jpeg, format="JPEG", quality=85)
        scan.add_page()
        scan.image(jpeg, x=0, y=0, w=width, h=height)
    pages = len(source)
    source.close()
    out.write_bytes(bytes(scan.output()))
    return pages


@pytest.fixture(scope="module")
def ocr_pool() -> OcrPool:
    with OcrPool(OcrSettings(ocr_workers=1)) as pool:
        yield pool


def test_a_scanned_wex_statement_reads_exact_amounts_by_ocr(tmp_path: Path, ocr_pool: OcrPool) -> None:
    truth = make_statement(11, cardholders=3, lines_per_cardholder=(8, 10), credit_ratio=0.1)
    render_wex_statement(truth, tmp_path / "text.pdf")
    pages = _scan(tmp_path / "text.pdf", tmp_path / "scan.pdf")
    assert any(line.net < 0 for line in truth.lines), "a credit among the lines"

    parsed = extract_statement(tmp_path / "scan.pdf", ocr=ocr_pool.read)

    assert [(h.name, h.employee_id, h.card_last4) for h in parsed.cardholders] == [
        (h.name, h.employee_id, h.card_number[-4:]) for h in truth.cardholders
    ]
    for holder, expected in zip(parsed.cardholders, truth.cardholders, strict=True):
        lines = [(ln.transaction_date, ln.posted_date, ln.reference, ln.amount) for ln in holder.lines]
        assert lines == [(ln.transaction_date, ln.posted_date, ln.reference, ln.net) for ln in expected.lines]
        for line, want in zip(holder.lines, expected.lines, strict=True):
            assert fuzz.ratio(line.merchant, want.merchant) >= 85, (line.merchant, want.merchant)
    assert parsed.totals["net"] == truth.net
    assert parsed.warnings == (
        f"pages 1-{pages} had no text layer and were read by OCR: lower confidence, check their lines "
        "against the statement",
    )

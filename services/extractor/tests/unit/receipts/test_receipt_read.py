"""Receipt files: text layer first, OCR for scans and photos, embedded scans passed on byte for byte."""

from __future__ import annotations

import hashlib
import io
from datetime import date
from decimal import Decimal

import pytest
from fpdf import FPDF
from PIL import Image
from recon_docgen.receipt_pdf import render_receipt
from recon_docgen.scenario import make_statement, receipt_for
from recon_extractor.errors import NoTextLayerError, UnreadableDocumentError
from recon_extractor.ocr.engine import OcrLine
from recon_extractor.receipts.read import read_receipt, receipt_image_reader

RECEIPT_ROWS = ["KEDAI MAJU SDN BHD", "NO 5, JALAN BESAR, 81100 JOHOR", "25/12/2018 10:00", "TOTAL RM 12.50"]


class FakeOcr:
    """Answers the n-th image with the n-th page of rows (the last page once they run out), one box per
    row, and records the images it was given."""

    def __init__(self, *pages: list[str]) -> None:
        self.pages = pages or (RECEIPT_ROWS,)
        self.seen: list[bytes] = []

    def __call__(self, image: bytes, det_max_side: int | None = None) -> list[OcrLine]:
        rows = self.pages[min(len(self.seen), len(self.pages) - 1)]
        self.seen.append(image)
        return [
            OcrLine(text, 0.95, ((10.0, 30.0 * k), (300.0, 30.0 * k), (300.0, 30.0 * k + 20), (10.0, 30.0 * k + 20)))
            for k, text in enumerate(rows)
        ]


def _jpeg() -> bytes:
    buf = io.BytesIO()
    Image.new("L", (400, 800), 255).save(buf, format="JPEG")
    return buf.getvalue()


def _scanned_pdf(jpeg: bytes, pages: int = 1) -> bytes:
    pdf = FPDF(unit="pt", format=(200, 400))
    for _ in range(pages):
        pdf.add_page()
        pdf.image(io.BytesIO(jpeg), x=0, y=0, w=200, h=400)
    return bytes(pdf.output())


def test_a_text_pdf_needs_no_ocr() -> None:
    line = make_statement(2, cardholders=1).cardholders[0].lines[0]
    receipt = receipt_for(line, 2)
    buf = io.BytesIO()
    render_receipt(receipt, buf)
    (read,) = read_receipt(buf.getvalue(), ocr=None)
    assert (read.source, read.fields.total, read.fields.vendor) == ("text", receipt.total, receipt.vendor)
    # Read in full from its text layer: no OCR confidence to speak of (it was 0.0, a field score).
    assert read.ocr_confidence is None


def test_a_scanned_pdf_hands_its_embedded_jpeg_to_ocr_unchanged() -> None:
    jpeg, ocr = _jpeg(), FakeOcr()
    (read,) = read_receipt(_scanned_pdf(jpeg), ocr)
    assert ocr.seen == [jpeg] and read.image_sha256 == hashlib.sha256(jpeg).hexdigest()
    assert (read.source, read.fields.date, read.fields.total) == ("ocr", date(2018, 12, 25), Decimal("12.50"))
    assert read.ocr_confidence == 0.95


def test_a_page_of_vector_drawing_is_rendered_for_ocr() -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 50, 80)
    ocr = FakeOcr()
    (read,) = read_receipt(bytes(pdf.output()), ocr)
    assert ocr.seen[0].startswith(b"\x89PNG") and read.image_sha256 is None
    assert max(Image.open(io.BytesIO(ocr.seen[0])).size) <= 2000


def test_each_scanned_page_is_a_receipt_and_a_page_without_total_or_date_continues_one() -> None:
    jpeg = _jpeg()
    assert len(read_receipt(_scanned_pdf(jpeg, pages=2), FakeOcr())) == 2
    reads = read_receipt(_scanned_pdf(jpeg, pages=2), FakeOcr(RECEIPT_ROWS, ["ROOM 12 NIGHTS"]))
    assert len(reads) == 1 and "ROOM 12 NIGHTS" in reads[0].text and reads[0].fields.total == Decimal("12.50")


def test_a_photo_is_read_by_ocr() -> None:
    jpeg = _jpeg()
    (read,) = read_receipt(jpeg, FakeOcr())
    assert read.fields.vendor == "KEDAI MAJU SDN BHD" and read.image_sha256 == hashlib.sha256(jpeg).hexdigest()
    assert receipt_image_reader(FakeOcr())(jpeg, "image/jpeg").total == Decimal("12.50")


def test_a_scan_without_ocr_says_so() -> None:
    with pytest.raises(NoTextLayerError, match="no OCR"):
        read_receipt(_jpeg(), ocr=None)
    with pytest.raises(NoTextLayerError):
        read_receipt(_scanned_pdf(_jpeg()), ocr=None)


@pytest.mark.parametrize("data", [b"", b"%PDF-1.7 broken", b"\xff\xd8\xff\xe0 not really a jpeg"])
def test_unreadable_files(data: bytes) -> None:
    with pytest.raises(UnreadableDocumentError):
        read_receipt(data, FakeOcr())

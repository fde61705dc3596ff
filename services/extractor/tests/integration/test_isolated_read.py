"""`read_isolated`: a file is read in a bounded child process; breaking a bound fails that file alone."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from recon_docgen.check import statement_differences
from recon_docgen.scenario import make_statement
from recon_docgen.truth import GenStatement
from recon_docgen.wex_pdf import render_wex_statement
from recon_extractor.errors import CorruptDocumentError, DocumentLimitError, NoTextLayerError
from recon_extractor.ocr.engine import OcrLine
from recon_extractor.reading.isolated_read import ReadBounds, read_isolated
from recon_extractor.reading.read_document import Limits

LIMITS = Limits(max_pages=2000, max_page_bytes=32 * 2**20)
ROOMY = ReadBounds(memory_bytes=1536 * 2**20, cpu_seconds=60, stall_seconds=60)
PDF = "application/pdf"


def _statement(tmp_path: Path, cardholders: int) -> tuple[Path, GenStatement]:
    truth = make_statement(9, cardholders=cardholders, lines_per_cardholder=(70, 100))
    path = tmp_path / "wex.pdf"
    render_wex_statement(truth, path, doubled_bold=True, interleave_columns=True)
    return path, truth


def test_a_statement_read_in_the_child_is_exact_and_reports_every_page(tmp_path: Path) -> None:
    path, truth = _statement(tmp_path, cardholders=3)
    pages: list[tuple[int, int]] = []
    document = read_isolated(path, PDF, LIMITS, ROOMY, on_page=lambda n, total: pages.append((n, total)))
    assert document.kind == "statement" and document.statement is not None
    assert statement_differences(truth, document.statement) == []
    assert pages == [(n, document.pages) for n in range(1, document.pages + 1)]


def test_reading_errors_come_back_as_themselves(tmp_path: Path) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7 truncated")
    with pytest.raises(CorruptDocumentError, match=r"^the PDF is damaged and cannot be read$"):
        read_isolated(bad, PDF, LIMITS, ROOMY)


def test_a_file_over_its_cpu_seconds_is_stopped(tmp_path: Path) -> None:
    path, _ = _statement(tmp_path, cardholders=40)  # about 200 pages: two CPU seconds and more
    with pytest.raises(DocumentLimitError, match="took more than the 1 CPU seconds allowed"):
        read_isolated(path, PDF, LIMITS, ReadBounds(1536 * 2**20, cpu_seconds=1, stall_seconds=60))


def test_an_image_that_decodes_past_the_memory_bound_fails_alone(tmp_path: Path) -> None:
    # 49 megapixels passes the pixel cap; decoded as RGBA and flattened it needs about 400 MiB.
    buffer = io.BytesIO()
    Image.new("RGBA", (7000, 7000), (255, 255, 255, 0)).save(buffer, format="PNG")
    photo = tmp_path / "photo.png"
    photo.write_bytes(buffer.getvalue())
    tight = ReadBounds(memory_bytes=512 * 2**20, cpu_seconds=60, stall_seconds=60)
    with pytest.raises(DocumentLimitError, match="more memory than the 512 MiB allowed"):
        read_isolated(photo, "image/png", LIMITS, tight, ocr=lambda image, det_max_side=None: [])
    # the same process machinery goes on reading the next file
    path, _ = _statement(tmp_path, cardholders=1)
    assert read_isolated(path, PDF, LIMITS, ROOMY).statement is not None


def test_ocr_is_answered_by_the_parent(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    Image.new("L", (400, 800), 255).save(buffer, format="JPEG")
    photo = tmp_path / "receipt.jpg"
    photo.write_bytes(buffer.getvalue())
    seen: list[bytes] = []

    def ocr(image: bytes, det_max_side: int | None = None) -> list[OcrLine]:
        seen.append(image)
        rows = ["CORNER CAFE", "12/03/2025", "TOTAL 12.50"]
        return [
            OcrLine(t, 0.9, ((10.0, 30.0 * k), (300.0, 30.0 * k), (300.0, 30.0 * k + 20), (10.0, 30.0 * k + 20)))
            for k, t in enumerate(rows)
        ]

    document = read_isolated(photo, "image/jpeg", LIMITS, ROOMY, ocr=ocr)
    (receipt,) = document.receipts
    assert (
        seen == [buffer.getvalue()] and str(receipt.fields.total) == "12.50" and receipt.fields.vendor == "CORNER CAFE"
    )
    with pytest.raises(NoTextLayerError):
        read_isolated(photo, "image/jpeg", LIMITS, ROOMY)

"""A scanned WEX statement (no text layer, a little skewed) read end to end by the real OCR engine.

OCR is not exact everywhere (a quantity can lose its decimal point), so the test holds the reader to what
reconciliation depends on: every cardholder, and every swipe's dates, reference and amount, exact; merchant
names close; every integrity check passing; and the statement saying that it was read by OCR.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rapidfuzz import fuzz
from recon_docgen.scanned_copy import scan_pdf
from recon_docgen.scenario import make_statement
from recon_docgen.wex_pdf import render_wex_statement
from recon_extractor.ocr.pool import OcrPool, OcrSettings
from recon_extractor.statements.reader import read_statement


@pytest.fixture(scope="module")
def ocr_pool() -> Iterator[OcrPool]:
    with OcrPool(OcrSettings(ocr_workers=1)) as pool:
        yield pool


def test_a_scanned_wex_statement_reads_exact_amounts_by_ocr(tmp_path: Path, ocr_pool: OcrPool) -> None:
    truth = make_statement(11, cardholders=3, lines_per_cardholder=(8, 10), credit_ratio=0.1)
    render_wex_statement(truth, tmp_path / "text.pdf")
    pages = scan_pdf(tmp_path / "text.pdf", tmp_path / "scan.pdf")
    assert any(line.net < 0 for line in truth.lines), "a credit among the lines"

    parsed = read_statement(tmp_path / "scan.pdf", ocr=ocr_pool.read)

    assert [(h.name, h.employee_id, h.card_last4) for h in parsed.cardholders] == [
        (h.name, h.employee_id, h.card_number[-4:]) for h in truth.cardholders
    ]
    for holder, expected in zip(parsed.cardholders, truth.cardholders, strict=True):
        lines = [(ln.transaction_date, ln.posted_date, ln.reference, ln.amount) for ln in holder.lines]
        assert lines == [(ln.transaction_date, ln.posted_date, ln.reference, ln.net) for ln in expected.lines]
        for line, want in zip(holder.lines, expected.lines, strict=True):
            assert fuzz.ratio(line.merchant, want.merchant) >= 85, (line.merchant, want.merchant)
    assert parsed.totals["net"] == truth.net
    assert parsed.ocr_pages == frozenset(range(1, pages + 1))
    assert {parsed.read_by(line) for line in parsed.lines} == {"ocr"}
    assert parsed.warnings == (
        f"pages 1-{pages} had no text layer and were read by OCR: lower confidence, check their lines "
        "against the statement",
    )

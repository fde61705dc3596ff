"""Every file of the bad-input corpus is refused in its own bounded child, with the problem named."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from recon_docgen.bad_inputs import BadInput, bad_input_corpus
from recon_extractor.errors import ExtractionError
from recon_extractor.expense_reports.tabular import MAX_ENTRIES, MAX_WORKBOOK_XML_BYTES
from recon_extractor.pdf.limits import MAX_IMAGE_PIXELS
from recon_extractor.reading.isolated_read import ReadBounds, read_isolated
from recon_extractor.reading.read_document import Limits
from recon_extractor.settings import ExtractorSettings

SETTINGS = ExtractorSettings()
LIMITS = Limits(SETTINGS.max_statement_pages, SETTINGS.max_page_content_mib * 2**20)
BOUNDS = ReadBounds(SETTINGS.read_memory_limit_mb * 2**20, SETTINGS.read_cpu_seconds, SETTINGS.read_stall_seconds)
CORPUS = bad_input_corpus(
    SETTINGS.max_statement_pages,
    SETTINGS.max_page_content_mib,
    max_entries=MAX_ENTRIES,
    max_workbook_mib=MAX_WORKBOOK_XML_BYTES // 2**20,
    max_megapixels=MAX_IMAGE_PIXELS // 1_000_000,
)


@pytest.mark.parametrize("bad", CORPUS, ids=[b.name for b in CORPUS])
def test_a_bad_file_gets_a_clear_error_quickly(tmp_path: Path, bad: BadInput) -> None:
    path = tmp_path / bad.name
    path.write_bytes(bad.data)
    started = time.perf_counter()
    with pytest.raises(ExtractionError) as refused:
        read_isolated(path, bad.media_type, LIMITS, BOUNDS, ocr=lambda image, det_max_side=None: [])
    assert bad.expect in str(refused.value)
    assert time.perf_counter() - started < 15, "refused within seconds, not after reading it all"

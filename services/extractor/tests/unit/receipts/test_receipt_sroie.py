"""Ten real receipt scans (SROIE, read from ../shared/data at test time) through the product's path:
the image checks, the OCR pool (spawned workers, the bundled PP-OCRv6 models) and the parser.

The ten are every 35th of sroie-dev, not picked for passing; the bench runs all 350. Skipped where the
data or the OCR packages are not installed.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from recon_extractor.amounts import parse_amount
from recon_extractor.receipts.dates import find_date
from recon_extractor.receipts.read import read_receipt

pytest.importorskip("rapidocr", reason="the OCR engine (rapidocr + onnxruntime) is not installed")
rapidfuzz = pytest.importorskip("rapidfuzz")

DATA = Path(__file__).resolve().parents[5].parent / "shared" / "data" / "sroie-dev"
pytestmark = pytest.mark.skipif(not (DATA / "img").is_dir(), reason=f"no SROIE sample at {DATA}")


def test_ten_real_receipts_end_to_end() -> None:
    from recon_extractor.ocr.pool import OcrPool, OcrSettings

    images = sorted((DATA / "img").glob("*.jpg"))[::35]
    assert len(images) == 10
    with OcrPool(OcrSettings(ocr_workers=2)) as pool, ThreadPoolExecutor(2) as threads:
        reads = list(threads.map(lambda p: read_receipt(p.read_bytes(), pool.read)[0], images))
    hits: dict[str, list[bool | str]] = {"total": [], "date": [], "vendor": []}
    for path, read in zip(images, reads, strict=True):
        key = json.loads((DATA / "key" / f"{path.stem}.json").read_text())
        f = read.fields
        ratio = rapidfuzz.fuzz.token_set_ratio(
            f.vendor or "", key["company"], processor=rapidfuzz.utils.default_process
        )
        hits["total"].append(f.total == parse_amount(key["total"].replace(" ", "")) or path.stem)
        hits["date"].append(f.date == find_date([key["date"]], day_first_hint=True).value or path.stem)
        hits["vendor"].append(ratio >= 80 or path.stem)
        assert read.source == "ocr" and all(0.0 <= c <= 1.0 for c in f.confidence.values())
    misses = {field: [h for h in found if h is not True] for field, found in hits.items()}
    assert len(misses["total"]) <= 1 and len(misses["date"]) <= 1 and len(misses["vendor"]) <= 2, misses

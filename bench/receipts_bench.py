"""Receipt extraction over all of sroie-dev (350 real Malaysian receipt scans): field accuracy and time.

Each receipt goes the product's way: `prepare_image` -> `OcrPool.read` (RapidOCR in a worker process)
-> rows in reading order -> `parse_receipt_text`. Printed beside it, from the same run: the OCR call alone
(the baseline: what the machine costs before any of our code), the worker's CPU time per page (immune to
other load on the machine, which is printed too), and with `--baseline-default N` RapidOCR's own default
detector setting on the first N receipts (accuracy and time of the setting we changed).

How each field is scored against `key/NNN.json`:
- total: `Decimal` equality with the key's `total` read by `parse_amount` (`RM 3.90`, `$8.20` -> 3.90, 8.20).
- date: equality of our ISO date with the key's printed `date` read by the parser's own date reader,
  `receipt_dates.find_date([printed], day_first_hint=True)`: all-numeric dates day first (the receipts
  are Malaysian, the key prints them as the receipt does), named months as written; the key's 8-digit
  forms are read `YYYYMMDD` when they start with 20, else `DDMMYYYY` (one receipt each).
- vendor: rapidfuzz `fuzz.token_set_ratio(vendor, company, processor=utils.default_process) >= 80`
  (default_process: lower case, non-alphanumerics to spaces; the key's `company` is the shop's legal name).
Keys that are blank for a field count as misses (one receipt has no total).

    .venv/bin/python bench/receipts_bench.py [--data ../shared/data/sroie-dev] [--limit N] [--workers 1]
        [--threads 2] [--baseline-default N] [--misses total|date|vendor]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, utils
from recon_extractor.amounts import parse_amount
from recon_extractor.errors import ExtractionError
from recon_extractor.ocr.pool import OcrPool, OcrSettings
from recon_extractor.ocr.rows import ocr_text
from recon_extractor.receipts.dates import find_date
from recon_extractor.receipts.images import prepare_image
from recon_extractor.receipts.text import ReceiptFields, parse_receipt_text

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "sroie-dev"
GOALS = {"total": 92.0, "date": 95.0, "vendor": 85.0}
GOAL_MEDIAN_MS = 1500.0


def key_date(printed: str) -> date | None:
    """The key's printed date, read day first (see the module docstring)."""
    if m := re.fullmatch(r"(20\d\d)(\d\d)(\d\d)", printed.strip()):
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := re.fullmatch(r"(\d\d)(\d\d)(20\d\d)", printed.strip()):
        return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    return find_date([printed], day_first_hint=True).value


def score(fields: ReceiptFields, key: dict[str, str]) -> dict[str, bool]:
    total = parse_amount(key.get("total", "").replace(" ", ""))
    printed_date = key_date(key.get("date", ""))
    company = key.get("company", "")
    vendor = fields.vendor or ""
    return {
        "total": total is not None and fields.total == total,
        "date": printed_date is not None and fields.date == printed_date,
        "vendor": bool(vendor and company)
        and fuzz.token_set_ratio(vendor, company, processor=utils.default_process) >= 80,
    }


@dataclass
class Timed:
    name: str
    fields: ReceiptFields | None
    ocr_ms: float
    total_ms: float
    cpu_ms: float = 0.0
    error: str | None = None


def _one(pool: OcrPool, image_path: Path) -> Timed:
    start = time.perf_counter()
    ocr_ms = 0.0
    try:
        image = prepare_image(image_path.read_bytes())
        ocr_start = time.perf_counter()
        lines, cpu = pool.read_measured(image)
        ocr_ms = (time.perf_counter() - ocr_start) * 1000
        fields = parse_receipt_text(ocr_text(lines))
    except ExtractionError as exc:  # counted as a miss on every field, and listed
        return Timed(image_path.stem, None, ocr_ms, (time.perf_counter() - start) * 1000, error=str(exc))
    return Timed(image_path.stem, fields, ocr_ms, (time.perf_counter() - start) * 1000, cpu * 1000)


def _ms(values: list[float]) -> str:
    ordered = sorted(values)
    return f"median {statistics.median(ordered):6.0f} ms   p90 {ordered[int(0.9 * (len(ordered) - 1))]:6.0f} ms"


def run(images: list[Path], keys: dict[str, dict[str, str]], settings: OcrSettings, misses: str | None) -> None:
    with OcrPool(settings) as pool:
        pool.read(prepare_image(images[0].read_bytes()))  # start the workers outside the clock
        load_before = os.getloadavg()[0]
        started = time.perf_counter()
        with ThreadPoolExecutor(settings.ocr_workers) as threads:
            results = []
            for done, result in enumerate(threads.map(lambda p: _one(pool, p), images), start=1):
                results.append(result)
                if done % 50 == 0:
                    print(f"  ... {done}/{len(images)}", file=sys.stderr, flush=True)
        wall = time.perf_counter() - started
    hits = {field: 0 for field in GOALS}
    for r in results:
        if r.fields is None:
            print(f"  error {r.name}: {r.error}")
            continue
        for field, ok in score(r.fields, keys[r.name]).items():
            hits[field] += ok
            if not ok and field == misses:
                print(
                    f"  miss {r.name}: key={keys[r.name].get('company' if field == 'vendor' else field)!r} "
                    f"got={getattr(r.fields, field)!r}"
                )
    n = len(results)
    print(f"load average (1 min) at start {load_before:.1f}, at end {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"receipts: {n}   workers: {settings.ocr_workers} x {settings.ocr_threads_per_worker or 'auto'} threads")
    for field, goal in GOALS.items():
        pct = 100 * hits[field] / n
        print(f"  {field:<7} exact {pct:5.1f} %   (goal >= {goal:.0f} %)  {'ok' if pct >= goal else 'BELOW GOAL'}")
    e2e = [r.total_ms for r in results]
    print(f"  per receipt, end to end:   {_ms(e2e)}   (goal median <= {GOAL_MEDIAN_MS:.0f} ms)")
    print(f"  baseline, OCR call alone:  {_ms([r.ocr_ms for r in results])}")
    print(f"  OCR CPU in the worker:     {_ms([r.cpu_ms for r in results])}   (all its threads)")
    print(f"  throughput: {n / wall:.2f} receipts/s ({wall:.0f} s wall)")


def baseline_default(images: list[Path], keys: dict[str, dict[str, str]], threads: int) -> None:
    """RapidOCR with its own default detector scaling (shorter side >= 736) in this process."""
    from rapidocr import RapidOCR
    from recon_extractor.ocr.engine import OcrLine
    from recon_extractor.ocr.rapidocr_engine import bundled_models

    params: dict[str, Any] = {k: str(v) for k, v in bundled_models().items()}
    params |= {"Global.log_level": "error", "EngineConfig.onnxruntime.intra_op_num_threads": threads}
    engine = RapidOCR(params=params)
    times, hits = [], {field: 0 for field in GOALS}
    for path in images:
        start = time.perf_counter()
        out = engine(prepare_image(path.read_bytes()))
        times.append((time.perf_counter() - start) * 1000)
        lines = [
            OcrLine(t, float(s), tuple(tuple(map(float, p)) for p in b))
            for b, t, s in zip(
                out.boxes if out.boxes is not None else [], out.txts or (), out.scores or (), strict=True
            )
        ]
        for field, ok in score(parse_receipt_text(ocr_text(lines)), keys[path.stem]).items():
            hits[field] += ok
    n = len(images)
    pcts = "   ".join(f"{f} {100 * h / n:5.1f} %" for f, h in hits.items())
    print(f"baseline: RapidOCR default detector, {n} receipts, {threads} threads: {pcts}   OCR {_ms(times)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=0, help="first N receipts only (0: all)")
    parser.add_argument("--workers", type=int, default=1, help="OCR worker processes")
    parser.add_argument("--threads", type=int, default=0, help="onnxruntime threads per worker (0: cores/workers)")
    parser.add_argument("--baseline-default", type=int, default=0, metavar="N")
    parser.add_argument("--misses", choices=sorted(GOALS), help="list the receipts that miss this field")
    args = parser.parse_args()
    images = sorted((args.data / "img").glob("*.jpg"))[: args.limit or None]
    if not images:
        print(f"no images under {args.data / 'img'}", file=sys.stderr)
        return 2
    keys = {p.stem: json.loads(p.read_text()) for p in (args.data / "key").glob("*.json")}
    settings = OcrSettings(ocr_workers=args.workers, ocr_threads_per_worker=args.threads)
    run(images, keys, settings, args.misses)
    if args.baseline_default:
        baseline_default(images[: args.baseline_default], keys, args.threads or 2)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Scanned-statement benchmark (not a test): `python bench/scanned_statement_bench.py [--cardholders 4]`.

Builds a WEX report, makes its scanned copy (200 dpi grayscale JPEG pages, 0.8 degrees of skew), and in
one run prints, side by side:

- the text-layer read of the original (`read_statement`, the baseline),
- the OCR read of the scan (`read_statement` with one OCR worker process using every core), with how
  many swipes came out exact where reconciliation needs it (dates, reference, amount) and how many
  merchant names came out letter for letter, and the OCR worker's peak resident memory,
- the cost of reading a file in a bounded child process (`read_isolated`) against reading it in the
  calling process (`read_document`), over the original.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path


def _children_peak_rss_mib() -> float:
    """The largest VmHWM among this process's children (the OCR worker)."""
    peak = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().split(") ")[1].split()[1]) != os.getpid():
                continue
            for line in (stat.parent / "status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]) / 1024)
        except (OSError, IndexError, ValueError):
            continue
    return peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cardholders", type=int, default=4)
    args = parser.parse_args()

    from recon_docgen.scanned_copy import scan_pdf
    from recon_docgen.scenario import make_statement
    from recon_docgen.wex_pdf import render_wex_statement
    from recon_extractor.ocr.pool import OcrPool, OcrSettings
    from recon_extractor.pdf.limits import Limits
    from recon_extractor.reading.isolated_read import ReadBounds, read_isolated
    from recon_extractor.reading.read_document import read_document
    from recon_extractor.statements.reader import read_statement

    truth = make_statement(11, cardholders=args.cardholders, lines_per_cardholder=(10, 14), credit_ratio=0.08)
    with tempfile.TemporaryDirectory(prefix="scanned_bench_") as tmp:
        text, scan = Path(tmp) / "text.pdf", Path(tmp) / "scan.pdf"
        render_wex_statement(truth, text)
        pages = scan_pdf(text, scan)
        print(f"{pages} pages, {args.cardholders} cardholders, {truth.line_count} swipes", flush=True)

        started = time.perf_counter()
        baseline = read_statement(text)
        text_wall = time.perf_counter() - started

        with OcrPool(OcrSettings(ocr_workers=1)) as pool:
            pool.wait_ready()
            started = time.perf_counter()
            scanned = read_statement(scan, ocr=pool.read)
            ocr_wall = time.perf_counter() - started
            worker_peak = _children_peak_rss_mib()

        want = [(ln.transaction_date, ln.posted_date, ln.reference, ln.net) for ln in truth.lines]
        got = [(ln.transaction_date, ln.posted_date, ln.reference, ln.amount) for ln in scanned.lines]
        exact = sum(1 for g, w in zip(got, want, strict=False) if g == w)
        merchants = sum(1 for g, w in zip(scanned.lines, truth.lines, strict=False) if g.merchant == w.merchant)
        checks = [w for w in scanned.warnings if "read by OCR" not in w]
        print(*checks, sep="\n")

        limits = Limits(2000, 32 * 2**20)
        bounds = ReadBounds(1536 * 2**20, 600, 120)
        inline, isolated = [], []
        for _ in range(3):
            started = time.perf_counter()
            read_document(text, "application/pdf", limits)
            inline.append(time.perf_counter() - started)
            started = time.perf_counter()
            read_isolated(text, "application/pdf", limits, bounds)
            isolated.append(time.perf_counter() - started)

    print(f"\n{'read':<34}{'wall s':>8}{'s/page':>8}  result")
    print(f"{'text layer (baseline)':<34}{text_wall:>8.2f}{text_wall / pages:>8.3f}  {len(baseline.lines)} swipes")
    print(
        f"{'OCR of the scan (1 worker)':<34}{ocr_wall:>8.2f}{ocr_wall / pages:>8.2f}  "
        f"{exact}/{truth.line_count} swipes exact (dates, reference, amount), "
        f"{merchants}/{truth.line_count} merchants letter for letter, {len(checks)} integrity warnings, "
        f"OCR worker peak RSS {worker_peak:.0f} MiB"
    )
    print(
        f"\nreading one {pages}-page file: in process {min(inline):.3f} s, in a bounded child {min(isolated):.3f} s "
        f"(+{min(isolated) - min(inline):.3f} s per file, best of 3)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

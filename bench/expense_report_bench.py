"""Expense-report extraction at the users' scale: a 500-entry, ~200 MB "Receipt Images Report".

Generates the report with the SROIE sample scans (into a temporary folder, never the repository), then runs
in separate child processes (a) a baseline that only opens every page with pypdfium2 and (b) the streaming
parser with `read_image=None` (hashing only). Each child reports its own peak RSS, so the parent's
memory (which held the generator's images) never counts. Goal (issue 4): parser peak RSS under 700 MB.

    .venv/bin/python bench/expense_report_bench.py [--entries 500] [--keep DIR]
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

GOAL_MB = 700
PDF = "receipt_images_report.pdf"
# Attachments per entry (0, 1, 2, 3): heavier than the default so 500 entries weigh ~200 MB like the real file.
IMAGE_WEIGHTS = (0.03, 0.25, 0.42, 0.3)


def _peak_mb() -> float:
    """This process's own peak RSS. ru_maxrss would also count the parent's RSS at fork, VmHWM does not."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


FIELDS = (
    *("employee", "expense_type", "date", "amount", "purpose", "merchant", "address"),
    *("gl_account", "job", "phase", "cost_type"),
)


def _baseline(work: Path) -> dict[str, Any]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(work / PDF))
    for index in range(len(doc)):
        page = doc[index]
        page.get_textpage().close()
        page.close()
    pages = len(doc)
    doc.close()
    return {"pages": pages}


def _parse(work: Path) -> dict[str, Any]:
    from recon_extractor.expense_reports.pdf_report import parse_expense_report

    pages = 0

    def seen(number: int, count: int) -> None:
        nonlocal pages
        pages = count

    report = parse_expense_report(work / PDF, on_page=seen)
    found = [[str(getattr(e, f)) for f in FIELDS] + [a.sha256 for a in e.attachments] for e in report.entries]
    (work / "parsed.json").write_text(json.dumps({"entries": found, "warnings": list(report.warnings)}))
    return {"pages": pages}


def _unique_copy(src: str, dest: Path, tag: str) -> str:
    """The scan with a JPEG comment naming its slot: distinct bytes, so the PDF embeds every attachment."""
    data = Path(src).read_bytes()
    comment = tag.encode()
    dest.write_bytes(data[:2] + b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment + data[2:])
    return str(dest)


def _generate(work: Path, count: int, seed: int) -> dict[str, Any]:
    from recon_docgen.expense_report import render_expense_report
    from recon_docgen.expense_scenario import make_expense_entries, sample_receipt_dir

    scans = sample_receipt_dir()
    if scans is None:
        sys.exit("needs the SROIE sample: ../shared/data/sroie-dev (or RECON_SAMPLE_DATA)")
    (work / "img").mkdir(exist_ok=True)
    entries = make_expense_entries(seed, count, scans, image_weights=IMAGE_WEIGHTS)
    entries = [
        dataclasses.replace(e, images=tuple(_unique_copy(p, work / "img" / f"{i}-{k}.jpg", f"{i}-{k}")
                                            for k, p in enumerate(e.images)))
        for i, e in enumerate(entries)
    ]  # fmt: skip
    render_expense_report(entries, work / PDF)
    truth = [
        [str(getattr(e, f)) for f in FIELDS] + [hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in e.images]
        for e in entries
    ]
    (work / "truth.json").write_text(json.dumps(truth))
    return {"entries": len(entries), "images": sum(len(e.images) for e in entries)}


def _child(kind: str, work: Path, count: int, seed: int) -> None:
    start = time.perf_counter()
    result = (
        _generate(work, count, seed) if kind == "generate" else _baseline(work) if kind == "baseline" else _parse(work)
    )
    result.update(seconds=time.perf_counter() - start, peak_mb=_peak_mb())
    print(json.dumps(result))


def _run_child(kind: str, work: Path, args: argparse.Namespace) -> dict[str, Any]:
    cmd = [
        sys.executable,
        __file__,
        "--child",
        kind,
        "--work",
        str(work),
        f"--entries={args.entries}",
        f"--seed={args.seed}",
    ]
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _bench(work: Path, args: argparse.Namespace) -> bool:
    gen = _run_child("generate", work, args)
    size_mb = (work / PDF).stat().st_size / 2**20
    print(f"generated {gen['entries']} entries, {gen['images']} images, {size_mb:.0f} MB in {gen['seconds']:.0f} s "
          f"(generator peak RSS {gen['peak_mb']:.0f} MB)")  # fmt: skip
    results = {kind: _run_child(kind, work, args) for kind in ("baseline", "parse")}
    for kind, r in results.items():
        print(f"{kind:9s} {r['pages']} pages in {r['seconds']:.1f} s = {r['pages'] / r['seconds']:.0f} pages/s, "
              f"peak RSS {r['peak_mb']:.0f} MB")  # fmt: skip
    truth = json.loads((work / "truth.json").read_text())
    parsed = json.loads((work / "parsed.json").read_text())
    exact = sum(a == b for a, b in zip(parsed["entries"], truth, strict=False))
    attached = sum(len(e) - len(FIELDS) for e in parsed["entries"])
    print(f"entries exact (fields + attachment sha256s): {exact}/{len(truth)}; parsed {len(parsed['entries'])} "
          f"entries, {attached} attachments, {len(parsed['warnings'])} warnings")  # fmt: skip
    ok = results["parse"]["peak_mb"] < GOAL_MB and exact == len(truth) == len(parsed["entries"])
    print(f"goal: parser peak RSS < {GOAL_MB} MB and every entry exact: {'OK' if ok else 'FAIL'}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=500)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    parser.add_argument("--child", choices=("generate", "baseline", "parse"), help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.work, args.entries, args.seed)
        return 0
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        return 0 if _bench(args.keep, args) else 1
    with tempfile.TemporaryDirectory(prefix="recon-expense-bench-") as tmp:
        return 0 if _bench(Path(tmp), args) else 1


if __name__ == "__main__":
    sys.exit(main())

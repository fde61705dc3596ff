"""Statement extraction benchmark (not a test): `python bench/statement_bench.py [--pages 500] [--small 250]`.

Builds WEX reports with every artefact (doubled bold, interleaved columns, credits, empty product
descriptions, swipes split over pages, 100+ cardholders) in a temporary directory, then runs, each in its own
subprocess so their memory is their own:

- `read_statement` (our reader: limits guard, detection, positional WEX parse, integrity checks), and
- pdfplumber's plain `extract_text()` over every page of the same file (text only, no parsing),

and prints pages/s (wall and per CPU second: the machine may be shared), peak RSS and its growth over the
interpreter after imports, for a large and a small report, so memory can be seen to be flat in page count.
Our run also checks the result against the ground truth after measuring.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEED = 2026
LINES = (70, 100)
PAGES_PER_HOLDER = 4.95  # 104 cardholders with 70-100 swipes print ~515 pages


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _holders(pages: int) -> int:
    return max(100, round(pages / PAGES_PER_HOLDER)) if pages >= 500 else max(1, round(pages / PAGES_PER_HOLDER))


def _build(path: Path, holders: int) -> dict[str, object]:
    from recon_docgen import wex_layout
    from recon_docgen.scenario import make_statement
    from recon_docgen.wex_pdf import render_wex_statement

    truth = make_statement(SEED, cardholders=holders, lines_per_cardholder=LINES, credit_ratio=0.06)
    render_wex_statement(truth, path, doubled_bold=True, interleave_columns=True)
    return {"pages": len(wex_layout.paginate(truth)), "cardholders": holders, "swipes": truth.line_count}


def _child(tool: str, path: Path, holders: int) -> dict[str, object]:
    """Runs in a subprocess: build a report, or run one tool over it, measured (ours is then checked)."""
    if tool == "build":
        return _build(path, holders)
    if tool == "extract":
        from recon_extractor.statements.reader import read_statement

        baseline = _rss_mib()
        wall, cpu = time.perf_counter(), time.process_time()
        statement = read_statement(path)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        peak = _rss_mib()
        from recon_docgen.check import statement_differences
        from recon_docgen.scenario import make_statement

        truth = make_statement(SEED, cardholders=holders, lines_per_cardholder=LINES, credit_ratio=0.06)
        differences = statement_differences(truth, statement)
        extra = {"exact": not differences and not statement.warnings, "lines": len(statement.lines)}
    else:
        import pdfplumber

        baseline = _rss_mib()
        wall, cpu = time.perf_counter(), time.process_time()
        with pdfplumber.open(path) as pdf:
            chars = sum(len(page.extract_text() or "") for page in pdf.pages)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        peak = _rss_mib()
        extra = {"chars": chars}
    return {"wall": wall, "cpu": cpu, "baseline": baseline, "peak": peak, **extra}


def _run(tool: str, path: Path, holders: int) -> dict[str, object]:
    cmd = [sys.executable, __file__, "--child", tool, str(path), str(holders)]
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _report(pages: int, holders: int, directory: Path) -> list[tuple[str, int, dict[str, object]]]:
    # Built in a subprocess too: a child inherits its parent's RSS high-water mark, so the parent stays small.
    path = directory / f"wex_{pages}.pdf"
    built = _run("build", path, holders)
    count = int(built["pages"])  # type: ignore[call-overload]
    print(f"built {path.name}: {count} pages, {holders} cardholders, {built['swipes']} swipes", flush=True)
    return [(tool, count, _run(tool, path, holders)) for tool in ("extract", "pdfplumber")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--small", type=int, default=250)
    parser.add_argument("--child", nargs=3, metavar=("TOOL", "FILE", "HOLDERS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        tool, file, holders = args.child
        print(json.dumps(_child(tool, Path(file), int(holders))))
        return 0
    rows = []
    with tempfile.TemporaryDirectory(prefix="statement_bench_") as tmp:
        for pages in (args.small, args.pages):
            rows += _report(pages, _holders(pages), Path(tmp))
    print(
        f"\n{'reader':<20}{'pages':>6}{'wall s':>9}{'pages/s':>9}{'cpu s':>8}{'pages/cpu-s':>12}"
        f"{'peak MiB':>10}{'+MiB':>7}  result"
    )
    for tool, pages, r in rows:
        wall, cpu, peak, base = (float(r[k]) for k in ("wall", "cpu", "peak", "baseline"))  # type: ignore[arg-type]
        name = "read_statement" if tool == "extract" else "pdfplumber text"
        result = f"exact={r['exact']} lines={r['lines']}" if tool == "extract" else f"{r['chars']} chars"
        print(
            f"{name:<20}{pages:>6}{wall:>9.2f}{pages / wall:>9.1f}{cpu:>8.2f}{pages / cpu:>12.1f}"
            f"{peak:>10.0f}{peak - base:>7.0f}  {result}"
        )
    ours = [(pages, float(r["peak"])) for tool, pages, r in rows if tool == "extract"]  # type: ignore[arg-type]
    (p1, m1), (p2, m2) = ours
    print(
        f"\nread_statement peak RSS: {m1:.0f} MiB at {p1} pages, {m2:.0f} MiB at {p2} pages "
        f"({m2 - m1:+.0f} MiB for {p2 - p1:+d} pages)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

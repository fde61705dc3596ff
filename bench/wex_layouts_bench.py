"""WEX layouts benchmark (not a test): `python bench/wex_layouts_bench.py [--layouts 300] [--seed 0]`.

The same kind of month under many layouts (docgen's `draw_layout`: fonts, sizes, margins, columns, headers,
footers, blocks, overflow, ...), each read by `read_statement` and compared with its truth, then classed:

- exact: no differences and no findings;
- loud: an `ExtractionError`, or findings (the reader said it could not account for the file);
- silently wrong: differences, yet no error and no findings. The issue's bar: none.

Prints the three counts, pages/s over the layouts beside the default layout's pages/s on the same months
(the baseline, measured in the same run), and for every layout that is not exact its seed, the knobs that
differ from the default, what went wrong and a command that writes the PDF and its truth to reproduce it.
Layout `n` prints `make_statement(n, ...)`, so `--seed S` moves both; `--seeds 73,204` re-runs just those.

`--one-knob`: each knob value alone on the default layout (with fitted columns), over `--layouts` months
(`--layouts 3` is plenty), to tell which feature breaks what.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass

from recon_docgen.check import statement_differences
from recon_docgen.scenario import make_statement
from recon_docgen.truth import GenStatement
from recon_docgen.wex_fuzz import CONTINUOUS, WexLayout, draw_layout, one_knob_layouts
from recon_docgen.wex_pdf import render_wex_statement
from recon_docgen.wex_style import DEFAULT_STYLE, WexStyle
from recon_extractor.errors import ExtractionError
from recon_extractor.statements.reader import read_statement

BASELINE_LAYOUTS = 20


@dataclass
class Outcome:
    seed: int
    verdict: str  # exact | loud | silent
    pages: int
    seconds: float
    detail: list[str]


def _month(seed: int, cardholders: int, lines: tuple[int, int]) -> GenStatement:
    return make_statement(seed, cardholders=cardholders, lines_per_cardholder=lines, credit_ratio=0.08)


def read_one(seed: int, truth: GenStatement, style: WexStyle) -> Outcome:
    """Render `truth` under `style`, read it back, and class the result."""
    buf = io.BytesIO()
    render_wex_statement(truth, buf, style=style)
    buf.seek(0)
    read: list[int] = []
    started = time.perf_counter()
    try:
        parsed = read_statement(buf, lambda number, _: read.append(number))
    except ExtractionError as exc:
        return Outcome(seed, "loud", len(read), time.perf_counter() - started, [f"{type(exc).__name__}: {exc}"])
    seconds, pages = time.perf_counter() - started, len(read)
    differences = statement_differences(truth, parsed, limit=2)
    if parsed.findings:
        return Outcome(seed, "loud", pages, seconds, [f.message for f in parsed.findings[:3]] + differences[:2])
    return Outcome(seed, "silent" if differences else "exact", pages, seconds, differences[:3])


def _repro(seed: int, cardholders: int, lines: tuple[int, int]) -> str:
    return (
        f"python -m recon_docgen statement --seed {seed} --cardholders {cardholders} --lines {lines[0]},{lines[1]} "
        f"--credit-ratio 0.08 --layout {seed} --out layout_{seed}.pdf --truth layout_{seed}.json"
    )


def _knob_table(layouts: list[WexLayout], outcomes: list[Outcome], top: int = 15) -> None:
    """The knob values most often not exact: where to look first."""
    seen: dict[tuple[str, str], Counter[str]] = {}
    for layout, outcome in zip(layouts, outcomes, strict=True):
        knobs = {**asdict(layout.style), "blank_employee_ids": layout.blank_employee_ids}
        for name, value in knobs.items():
            if name not in CONTINUOUS:
                seen.setdefault((name, str(value)), Counter())[outcome.verdict] += 1
    rows = [(1 - c["exact"] / c.total(), key, c) for key, c in seen.items() if c["exact"] < c.total()]
    if rows:
        print("\nknob values most often not exact:")
    for share, (name, value), c in sorted(rows, reverse=True)[:top]:
        knob = f"{name}={value[:40]}"
        print(f"  {knob:<64} {share:4.0%} of {c.total():>3}: {c['loud']} loud, {c['silent']} silent")


def _one_knob(seed: int, months: int, cardholders: int, lines: tuple[int, int]) -> int:
    """Each knob value alone on the default layout (fitted columns), over `months` months: what it breaks."""
    counts: Counter[str] = Counter()
    for layout in one_knob_layouts():
        runs = [
            read_one(s, layout.statement(_month(s, cardholders, lines)), layout.style)
            for s in range(seed, seed + months)
        ]
        worst = max(runs, key=lambda o: ("exact", "loud", "silent").index(o.verdict))
        counts[worst.verdict] += 1
        changes = {k: v for k, v in layout.changes().items() if k != "fitted_columns"}
        knob = ", ".join(f"{k}={v}" for k, v in changes.items()) or "fitted columns only"
        detail = f": {worst.detail[0][:300]}" if worst.detail else ""
        print(f"{worst.verdict:<6} {knob[:90]}{detail}", flush=True)
    print(
        f"\n{counts.total()} one-knob layouts x {months} months: {counts['exact']} exact, {counts['loud']} loud, "
        f"{counts['silent']} silently wrong (the worst month counts)"
    )
    return 1 if counts["silent"] else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--layouts", type=int, default=300)
    parser.add_argument("--seed", type=int, default=0, help="the first layout's seed")
    parser.add_argument("--seeds", help="only these layouts, e.g. 73,204 (to re-run the ones that failed)")
    parser.add_argument("--cardholders", type=int, help="per month: 6, or 4 with --one-knob")
    parser.add_argument("--lines", help="swipes per cardholder: MIN,MAX (3,12, or 20,40 with --one-knob)")
    parser.add_argument("--one-knob", action="store_true", help="each knob alone on the default layout instead")
    args = parser.parse_args()
    # One knob at a time needs long cardholders: continuation pages are where half the knobs show.
    low, _, high = (args.lines or ("20,40" if args.one_knob else "3,12")).partition(",")
    lines = (int(low), int(high or low))
    args.cardholders = args.cardholders or (4 if args.one_knob else 6)
    if args.one_knob:
        return _one_knob(args.seed, args.layouts, args.cardholders, lines)
    seeds = [int(s) for s in args.seeds.split(",")] if args.seeds else range(args.seed, args.seed + args.layouts)

    read_one(-1, _month(0, 1, (1, 1)), DEFAULT_STYLE)  # warm-up: imports and pdfium's first document
    baseline = [read_one(s, _month(s, args.cardholders, lines), DEFAULT_STYLE) for s in seeds[:BASELINE_LAYOUTS]]
    outcomes, layouts = [], []
    for seed in seeds:
        layout = draw_layout(seed)
        layouts.append(layout)
        outcome = read_one(seed, layout.statement(_month(seed, args.cardholders, lines)), layout.style)
        outcomes.append(outcome)
        if outcome.verdict != "exact":
            print(f"\nlayout {seed}: {outcome.verdict.upper()}  {layout.changes()}")
            for line in outcome.detail:
                print(f"    {line[:400]}")
            print(f"    reproduce: {_repro(seed, args.cardholders, lines)}", flush=True)

    _knob_table(layouts, outcomes)
    counts = Counter(o.verdict for o in outcomes)
    shown = f"{seeds.start}..{seeds.stop - 1}" if isinstance(seeds, range) else ",".join(map(str, seeds))
    print(f"\n{len(outcomes)} layouts (seeds {shown}), {args.cardholders} cardholders each")
    print(f"  exact          {counts['exact']:>5}")
    print(f"  loud           {counts['loud']:>5}")
    print(f"  silently wrong {counts['silent']:>5}")
    glyphs = [o for o, layout in zip(outcomes, layouts, strict=True) if layout.style.glyph_by_glyph]
    strings = [o for o, layout in zip(outcomes, layouts, strict=True) if not layout.style.glyph_by_glyph]
    for name, runs in (
        ("default layout (baseline)", baseline),
        ("drawn layouts", outcomes),
        ("  text in strings", strings),
        ("  text glyph by glyph", glyphs),
    ):
        pages, seconds = sum(o.pages for o in runs), sum(o.seconds for o in runs)
        rate = f"{pages / seconds:6.1f}" if seconds else "     -"
        print(f"  {name:<26} {pages:>6} pages read in {seconds:6.2f} s: {rate} pages/s")
    wrong = [o for o in baseline if o.verdict != "exact"]
    if wrong:
        print(f"  the default layout itself was not exact for seeds {[o.seed for o in wrong]}")
    return 1 if counts["silent"] else 0


if __name__ == "__main__":
    sys.exit(main())

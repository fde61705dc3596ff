"""Consumer statements under many typesettings (not a test): `python bench/consumer_typeset_bench.py [--seeds 1]`.

Every docgen consumer format (Amex, Chase business and consumer, Capital One, U.S. Bank, Bank of America) is
rendered in three fonts, three leadings and four text sizes, with fake bold (drawn at once or after the rest
of the page), letter-spaced card member headers and Capital One's older credit style spread over the runs,
and read through `read_statement`. Each statement is exact (every line, date, amount, card member, no
warning or finding), loud (a warning or finding says what to check) or silently wrong; the last must be 0.
The plain typesetting the layouts were written against is the baseline, measured in the same run.
"""

from __future__ import annotations

import argparse
import itertools
import tempfile
import time
from collections import Counter
from pathlib import Path

from recon_docgen.consumer_check import consumer_differences
from recon_docgen.consumer_pdf import FORMATS, PLAIN, Typeset, make_consumer_statement, render_consumer_statement
from recon_docgen.consumer_scenario import Format
from recon_extractor.errors import ExtractionError
from recon_extractor.statements.reader import read_statement

FONTS = ("Helvetica", "Times", "Courier")
LEADINGS = (9.0, 11.0, 14.0)
SCALES = (0.75, 0.9, 1.0, 1.15)  # 6 to 9.2 pt text


def outcome(fmt: Format, seed: int, typeset: Typeset, parentheses: bool, folder: Path) -> str:
    truth = make_consumer_statement(
        fmt,
        seed,
        cardholders=3,
        lines_per_cardholder=(6, 30),
        credit_ratio=0.15,
        fx_ratio=0.25,
        wrap_ratio=0.3,
    )
    path = folder / f"{fmt}.pdf"
    render_consumer_statement(truth, path, typeset=typeset, parentheses=parentheses)
    try:
        stmt = read_statement(path)
    except ExtractionError:
        return "loud"
    if not consumer_differences(truth, stmt) and not stmt.warnings and not stmt.findings:
        return "exact"
    return "loud" if stmt.warnings or stmt.findings else "silently wrong"


def run(runs: list[tuple[Format, int, Typeset, bool]], folder: Path) -> tuple[Counter[str], float, list[str]]:
    counts: Counter[str] = Counter()
    silent: list[str] = []
    start = time.perf_counter()
    for fmt, seed, typeset, parentheses in runs:
        result = outcome(fmt, seed, typeset, parentheses, folder)
        counts[result] += 1
        if result == "silently wrong":
            silent.append(f"{fmt} seed {seed} {typeset}")
    return counts, time.perf_counter() - start, silent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, default=1, help="statements per format and typesetting")
    args = parser.parse_args()
    combos = list(itertools.product(FONTS, LEADINGS, SCALES, FORMATS, range(args.seeds)))
    varied = [
        (fmt, i, Typeset(font, leading, scale, i % 2 == 0, i % 4 == 0, i % 3 == 0), i % 5 == 0)
        for i, (font, leading, scale, fmt, _) in enumerate(combos)
    ]
    baseline = [(fmt, i, PLAIN, False) for i, fmt in enumerate(FORMATS * max(1, args.seeds))]
    with tempfile.TemporaryDirectory() as tmp:
        counts, seconds, silent = run(varied, Path(tmp))
        base, base_s, _ = run(baseline, Path(tmp))  # after the varied runs: both with imports warm
    print(f"{'':24} {'statements':>10} {'exact':>6} {'loud':>5} {'silent':>6} {'s/statement':>12}")
    rows = (("baseline (plain)", base, base_s, len(baseline)), ("typesettings", counts, seconds, len(varied)))
    for name, c, s, n in rows:
        print(f"{name:24} {n:>10} {c['exact']:>6} {c['loud']:>5} {c['silently wrong']:>6} {s / n:>12.3f}")
    for line in silent:
        print("silently wrong:", line)


if __name__ == "__main__":
    main()

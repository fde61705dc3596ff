"""Reconciliation time at 10k and 100k card lines (with as many expense entries and receipts), in one run.

Each size is a generated month (tools/docgen `month_scenario`, ~15 lines per cardholder, every case of issue 5)
so the figures include the hard parts: twins, tips, FX, refunds, loose receipts, splits and suggestions.
Printed beside two baselines measured on the same data in the same run:

- blocking: only building the candidate blocks (amount index per cardholder + every entry's amount look-up),
  the floor any blocked matcher pays;
- exact_match: the previous matcher (`exact_match.match_exact`: exact amount, date window, one-to-one), which
  looks at lines and receipts only.

Goal (issue 5): under 2 s for 10k x 10k on this machine, growing near-linearly (about 10x for 10x the lines).

    .venv/bin/python bench/matching_bench.py [--sizes 10000,100000] [--repeat 2]
"""

from __future__ import annotations

import argparse
import gc
import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from functools import partial
from typing import Any

from exact_match import Charge, ReceiptFacts, match_exact
from recon_docgen.month_scenario import make_month
from recon_docgen.month_truth import MonthScenario, evaluate
from recon_matcher.domain.amount_evidence import entry_ranges
from recon_matcher.domain.candidates import AmountIndex
from recon_matcher.domain.merchant_names import MerchantAliases
from recon_matcher.domain.pair_scoring import ScoringContext
from recon_matcher.domain.person_names import person_key
from recon_matcher.domain.reconcile import reconcile
from recon_matcher.domain.results import Reconciliation


def _best(repeat: int, run: Callable[[], Any]) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return best, result


def _reconcile(month: MonthScenario) -> Reconciliation:
    return reconcile(month.lines, month.entries, month.receipts, directory=month.directory, settings=month.settings)


def _blocking(month: MonthScenario) -> int:
    """Index lines by cardholder and amount and look every entry up; no scoring, no assignment."""
    ctx = ScoringContext(month.settings, MerchantAliases.build({}))
    by_holder: dict[str, list[Any]] = defaultdict(list)
    for line in month.lines:
        by_holder[person_key(line.cardholder)].append(ctx.facts(line))
    indexes = {holder: AmountIndex(facts) for holder, facts in by_holder.items()}
    receipts = {r.id: r for r in month.receipts}
    found = 0
    for entry in month.entries:
        index = indexes.get(person_key(entry.employee))
        if index is not None:
            attached = [receipts[r] for r in entry.receipt_ids]
            found += len(index.within(entry_ranges(entry.amount, attached, month.settings)))
    return found


def _exact(month: MonthScenario) -> int:
    charges = [Charge(uuid.uuid4(), ln.transaction_date, ln.posted_date, ln.amount) for ln in month.lines]
    facts = [ReceiptFacts(uuid.uuid4(), r.date, r.total) for r in month.receipts]
    return sum(d.status == "matched" for d in match_exact(charges, facts, window_days=month.settings.date_window_days))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--repeat", type=int, default=2, help="best of N timed runs per size")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    for size in sizes:
        month = make_month(7, cardholders=max(100, size // 15), lines=size)
        t_rec, rec = _best(args.repeat, partial(_reconcile, month))
        t_block, _ = _best(args.repeat, partial(_blocking, month))
        t_exact, _ = _best(args.repeat, partial(_exact, month))
        score = evaluate(month, rec)
        rows.append((size, len(month.entries), len(month.receipts), t_rec, t_block, t_exact, score))
        print(
            f"{size:>7} lines x {len(month.entries):>6} entries x {len(month.receipts):>6} receipts: "
            f"reconcile {t_rec:6.2f} s ({t_rec / size * 1e6:5.1f} µs/line) | blocking {t_block:5.2f} s | "
            f"exact_match {t_exact:5.2f} s | precision {score.precision:.4f} recall {score.recall:.4f}",
            flush=True,
        )
    if len(rows) >= 2:
        first, last = rows[0], rows[-1]
        growth = last[0] / first[0]
        print(
            f"growth for {growth:.0f}x the lines: reconcile {last[3] / first[3]:.1f}x, blocking "
            f"{last[4] / first[4]:.1f}x, exact_match {last[5] / first[5]:.1f}x (linear = {growth:.0f}x)"
        )
    ten_k = next((r for r in rows if r[0] == 10000), None)
    if ten_k is not None:
        print(f"goal 10k x 10k under 2 s: {'met' if ten_k[3] < 2.0 else 'NOT met'} ({ten_k[3]:.2f} s)")


if __name__ == "__main__":
    main()

"""Combinations a reviewer may accept: one receipt (or entry) covering several charges, one charge split
over several entries. Searched only among what is still unmatched, within a cardholder or a merchant and the
date window, over small pools, so they never slow a run down.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal
from itertools import combinations
from typing import TypeVar

from recon_matcher.domain.amount_evidence import CENT
from recon_matcher.domain.merchant_names import merchant_similarity, normalise_merchant
from recon_matcher.domain.pair_scoring import LineFacts, ScoringContext
from recon_matcher.domain.results import Suggestion
from recon_matcher.domain.sides import ExpenseEntry, Receipt

_POOL = 12
_SAME_MERCHANT = 0.6
T = TypeVar("T")


def _near(when: date | None, facts: LineFacts, window: int) -> bool:
    if when is None:
        return True
    line, slack = facts.line, timedelta(days=window)
    return line.transaction_date - slack <= when <= (line.posted_date or line.transaction_date) + slack


def _combos(
    pool: Sequence[T], amount_of: Callable[[T], Decimal], total: Decimal, max_parts: int
) -> tuple[T, ...] | None:
    """A pair (searched over the whole pool) or else 3..max_parts items (over the nearest few) summing to total."""
    seen: dict[Decimal, T] = {}
    for x in pool:
        partner = seen.get(total - amount_of(x))
        if partner is not None:
            return partner, x
        seen.setdefault(amount_of(x), x)
    for size in range(3, max_parts + 1):
        for combo in combinations(pool[:_POOL], size):
            if sum((amount_of(x) for x in combo), Decimal(0)) == total:
                return combo
    return None


def split_suggestions(
    open_lines: Iterable[LineFacts],
    free_entries: Mapping[object, Sequence[ExpenseEntry]],
    holder_of: Callable[[str], object],
    ctx: ScoringContext,
) -> list[Suggestion]:
    """A charge whose amount is the sum of several unmatched entries of the same cardholder."""
    out = []
    for facts in open_lines:
        line = facts.line
        window = ctx.window(facts)
        pool = [
            e
            for e in free_entries.get(holder_of(line.id), ())
            if e.amount is not None and 0 < e.amount < line.amount and _near(e.date, facts, window)
        ]
        pool.sort(key=lambda e: abs(((e.date or line.transaction_date) - line.transaction_date).days))
        combo = _combos(
            pool, lambda e: (e.amount or Decimal(0)).quantize(CENT), line.amount, ctx.settings.max_split_parts
        )
        if combo:
            parts = " + ".join(str((e.amount or Decimal(0)).quantize(CENT)) for e in combo)
            out.append(
                Suggestion(
                    "line_split_over_entries",
                    (line.id,),
                    tuple(e.id for e in combo),
                    tuple(r for e in combo for r in e.receipt_ids),
                    line.amount,
                    (f"{parts} = {line.amount}",),
                )
            )
    return out


def covering_suggestions(
    needy_lines: Sequence[LineFacts],
    free_receipts: Iterable[Receipt],
    free_entries: Iterable[tuple[ExpenseEntry, Sequence[LineFacts]]],
    ctx: ScoringContext,
) -> list[Suggestion]:
    """An unmatched receipt (or entry) whose total is the sum of several charges still lacking one."""
    out: list[Suggestion] = []
    max_parts = ctx.settings.max_split_parts
    # Indexed by first letter and day, then compared by name: an OCR slip must not hide the pair.
    by_day: dict[tuple[str, date], list[LineFacts]] = defaultdict(list)
    by_letter: dict[str, list[LineFacts]] = defaultdict(list)
    for facts in needy_lines:
        if facts.name.tokens and facts.line.amount > 0:
            by_day[facts.name.tokens[0][0], facts.line.transaction_date].append(facts)
            by_letter[facts.name.tokens[0][0]].append(facts)
    span = ctx.settings.long_stay_window_days
    for receipt in free_receipts:
        name = normalise_merchant(receipt.vendor)
        if receipt.total is None or not name.tokens:
            continue
        total, letter, when = receipt.total, name.tokens[0][0], receipt.date
        nearby: Iterable[LineFacts] = (
            by_letter.get(letter, ())
            if when is None
            else (f for d in range(-span, span + 1) for f in by_day.get((letter, when + timedelta(days=d)), ()))
        )
        pool = [
            f
            for f in nearby
            if f.line.amount < total
            and _near(receipt.date, f, ctx.window(f))
            and (not receipt.card_last4 or receipt.card_last4 == f.line.card_last4)
            and merchant_similarity(f.name, name, ctx.aliases).score >= _SAME_MERCHANT
        ]
        pool.sort(key=lambda f: abs((f.line.transaction_date - (receipt.date or f.line.transaction_date)).days))
        combo = _combos(pool, lambda f: f.line.amount, total, max_parts)
        if combo:
            out.append(_covering(combo, (), (receipt.id,), total))
    for entry, lines in free_entries:
        if entry.amount is None:
            continue
        total = entry.amount.quantize(CENT)
        pool = [f for f in lines if 0 < f.line.amount < total and _near(entry.date, f, ctx.window(f))]
        combo = _combos(pool, lambda f: f.line.amount, total, max_parts)
        if combo:
            out.append(_covering(combo, (entry.id,), entry.receipt_ids, total))
    return out


def _covering(
    combo: Sequence[LineFacts], entries: tuple[str, ...], receipts: tuple[str, ...], total: Decimal
) -> Suggestion:
    parts = " + ".join(str(f.line.amount) for f in combo)
    return Suggestion(
        "receipt_covers_lines", tuple(f.line.id for f in combo), entries, receipts, total, (f"{parts} = {total}",)
    )

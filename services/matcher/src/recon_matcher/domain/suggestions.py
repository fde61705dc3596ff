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
from recon_matcher.domain.merchant_names import MerchantName, merchant_similarity, normalise_merchant
from recon_matcher.domain.pair_scoring import LineFacts, ScoringContext
from recon_matcher.domain.readable import dollars
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


def _cents(entry: ExpenseEntry) -> Decimal:
    return (entry.amount or Decimal(0)).quantize(CENT)


def _split_of(
    facts: LineFacts, free: Sequence[ExpenseEntry], accepted: Sequence[ExpenseEntry], ctx: ScoringContext
) -> Suggestion | None:
    """Free entries that, with the parts a reviewer already accepted, add up to the charge exactly."""
    line = facts.line
    rest = line.amount - sum((_cents(e) for e in accepted), Decimal(0))
    pool = [e for e in free if e.amount is not None and 0 < e.amount <= rest and _near(e.date, facts, facts.window)]
    pool.sort(key=lambda e: abs(((e.date or line.transaction_date) - line.transaction_date).days))
    # One entry making up the rest completes an accepted part; alone it would be a plain match, not a split.
    single = next((e for e in pool if _cents(e) == rest), None) if accepted else None
    combo = (single,) if single else _combos(pool, _cents, rest, ctx.settings.max_split_parts - len(accepted))
    if not combo:
        return None
    parts = [f"{dollars(_cents(e))} accepted" for e in accepted] + [dollars(_cents(e)) for e in combo]
    return Suggestion(
        "line_split_over_entries",
        (line.id,),
        tuple(e.id for e in combo),
        tuple(r for e in combo for r in e.receipt_ids),
        line.amount,
        (f"{' + '.join(parts)} = {dollars(line.amount)}",),
    )


def split_suggestions(
    open_lines: Iterable[LineFacts],
    free_entries: Mapping[object, Sequence[ExpenseEntry]],
    holder_of: Callable[[str], object],
    ctx: ScoringContext,
    accepted: Mapping[str, Sequence[ExpenseEntry]] | None = None,
) -> list[Suggestion]:
    """A charge whose amount is the sum of several unmatched entries of the same cardholder, or, for a charge a
    reviewer accepted only parts of (`accepted`, by line id), the unmatched entries that make up the rest."""
    out = []
    for facts in open_lines:
        parts = (accepted or {}).get(facts.line.id, ())
        found = _split_of(facts, free_entries.get(holder_of(facts.line.id), ()), parts, ctx)
        if found is not None:
            out.append(found)
    return out


class _NeedyIndex:
    """Lines still lacking a receipt, by first letter of the merchant and day, grouped by merchant name.

    Which merchant names resemble a receipt's vendor is worked out once per vendor and first letter (the
    first letter, not the first word, so that an OCR slip in the vendor does not hide the lines); each day
    of the window then only looks those names up.
    """

    def __init__(self, needy_lines: Iterable[LineFacts], ctx: ScoringContext) -> None:
        self.ctx = ctx
        self.by_day: dict[tuple[str, date], dict[MerchantName, list[LineFacts]]] = defaultdict(
            lambda: defaultdict(list)
        )
        self.by_letter: dict[str, dict[MerchantName, list[LineFacts]]] = defaultdict(lambda: defaultdict(list))
        for f in needy_lines:
            if f.name.tokens and f.line.amount > 0:
                letter = f.name.tokens[0][0]
                self.by_day[letter, f.line.transaction_date][f.name].append(f)
                self.by_letter[letter][f.name].append(f)
        self._similar: dict[MerchantName, list[MerchantName]] = {}

    def similar(self, name: MerchantName) -> list[MerchantName]:
        if name not in self._similar:
            names = self.by_letter.get(name.tokens[0][0], {})
            self._similar[name] = [
                n for n in names if merchant_similarity(n, name, self.ctx.aliases).score >= _SAME_MERCHANT
            ]
        return self._similar[name]

    def near(self, receipt: Receipt, name: MerchantName) -> list[LineFacts]:
        names = self.similar(name)
        if receipt.date is None:
            every = self.by_letter.get(name.tokens[0][0], {})
            return [f for n in names for f in every.get(n, ())]
        s = self.ctx.settings
        span = s.long_stay_window_days if set(name.tokens) & s.long_stay_words else s.date_window_days
        letter, found = name.tokens[0][0], []
        for d in range(-span, span + 1):
            bucket = self.by_day.get((letter, receipt.date + timedelta(days=d)))
            if bucket:
                found += [f for n in names for f in bucket.get(n, ())]
        return found


def covering_suggestions(
    needy_lines: Sequence[LineFacts],
    free_receipts: Iterable[Receipt],
    free_entries: Iterable[tuple[ExpenseEntry, Sequence[LineFacts]]],
    ctx: ScoringContext,
) -> list[Suggestion]:
    """An unmatched receipt (or entry) whose total is the sum of several charges still lacking one."""
    out: list[Suggestion] = []
    max_parts = ctx.settings.max_split_parts
    index = _NeedyIndex(needy_lines, ctx)
    for receipt in free_receipts:
        name = normalise_merchant(receipt.vendor)
        if receipt.total is None or not name.tokens:
            continue
        total = receipt.total
        pool = [
            f
            for f in index.near(receipt, name)
            if f.line.amount < total and (not receipt.card_last4 or receipt.card_last4 == f.line.card_last4)
        ]
        # One receipt is paid with one card: only charges of the same card can add up to it.
        by_card: dict[str | None, list[LineFacts]] = defaultdict(list)
        for f in pool:
            by_card[f.line.card_last4 or f.line.cardholder].append(f)
        for group in by_card.values():
            if len(group) < 2:
                continue
            group.sort(key=lambda f: abs((f.line.transaction_date - (receipt.date or f.line.transaction_date)).days))
            combo = _combos(group, lambda f: f.line.amount, total, max_parts)
            if combo:
                out.append(_covering(combo, (), (receipt.id,), total))
                break
    for entry, lines in free_entries:
        if entry.amount is None:
            continue
        total = entry.amount.quantize(CENT)
        pool = [f for f in lines if 0 < f.line.amount < total and _near(entry.date, f, f.window)]
        combo = _combos(pool, lambda f: f.line.amount, total, max_parts)
        if combo:
            out.append(_covering(combo, (entry.id,), entry.receipt_ids, total))
    return out


def _covering(
    combo: Sequence[LineFacts], entries: tuple[str, ...], receipts: tuple[str, ...], total: Decimal
) -> Suggestion:
    parts = " + ".join(dollars(f.line.amount) for f in combo)
    return Suggestion(
        "receipt_covers_lines",
        tuple(f.line.id for f in combo),
        entries,
        receipts,
        total,
        (f"{parts} = {dollars(total)}",),
    )

"""reconcile(): card lines ↔ expense entries ↔ receipts, what is missing, what needs a person, what changed.

Order of work, each step only over what the previous ones left open:
1. who is who (directory aliases, exact name keys; suggestions for the rest),
2. reviewer pins (they always win), credits paired with their charges,
3. card lines ↔ expense entries of the same cardholder (the entry brings coding and attached receipts),
4. lines still without a receipt ↔ loose receipts,
5. combination suggestions, statuses, cardholder summaries, changes since the previous run.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from recon_matcher.domain.assignment import Assignment, Thresholds, assign
from recon_matcher.domain.candidates import entry_candidates, receipt_candidates
from recon_matcher.domain.cardholders import HolderKey
from recon_matcher.domain.changes import Previous, diff_runs
from recon_matcher.domain.classification import summarise_cardholder
from recon_matcher.domain.credits import Refund, pair_refunds
from recon_matcher.domain.line_results import LineResults
from recon_matcher.domain.line_states import LineState, as_match, entry_states
from recon_matcher.domain.match_settings import MatchSettings
from recon_matcher.domain.merchant_names import MerchantAliases
from recon_matcher.domain.pair_scoring import LineFacts, ScoringContext
from recon_matcher.domain.results import LineResult, Reconciliation, Suggestion
from recon_matcher.domain.run_sides import RunSides, prepare_sides
from recon_matcher.domain.sides import CardLine, Directory, ExpenseEntry, Receipt, ReviewDecision
from recon_matcher.domain.splits import accepted_parts, short_splits
from recon_matcher.domain.suggestions import covering_suggestions, split_suggestions

_EMPTY_DIRECTORY = Directory()
_DEFAULT_SETTINGS = MatchSettings()


def _thresholds(s: MatchSettings) -> Thresholds:
    return Thresholds(s.candidate_confidence, s.auto_match_confidence, s.review_margin, s.max_exact_component)


def _match_entries(sides: RunSides, ctx: ScoringContext) -> Assignment:
    pinned_entries = {e for es in sides.entry_pins.values() for e in es}
    pinned_receipts = set(sides.receipt_pins.values())
    lines_by_holder: dict[HolderKey, list[LineFacts]] = defaultdict(list)
    for line in sides.lines:
        if line.id not in sides.entry_pins and not sides.rules_of(line.id).no_auto:
            lines_by_holder[sides.who.holder_of_line[line.id]].append(sides.facts[line.id])
    entries_by_holder: dict[HolderKey, list[ExpenseEntry]] = defaultdict(list)
    for entry in sides.entries.values():
        holder = sides.holder_of_entry(entry)
        if holder is not None and entry.id not in pinned_entries:
            entries_by_holder[holder].append(entry)

    def receipts_of(entry: ExpenseEntry) -> list[Receipt]:
        return [r for r in sides.attached[entry.id] if r.id not in pinned_receipts]

    def allowed(line_id: str, entry_id: str) -> bool:
        return sides.rules_of(line_id).allows_entry(entry_id)

    found = entry_candidates(lines_by_holder, entries_by_holder, receipts_of, allowed, ctx)
    return assign(found, _thresholds(ctx.settings))


def _netted(refunds: dict[str, Refund], states: dict[str, LineState], settings: MatchSettings) -> dict[str, str]:
    """charge id -> credit id, for charges refunded in full that nobody claimed."""
    if not settings.net_full_refunds:
        return {}
    return {r.charge_id: r.credit_id for r in refunds.values() if r.full and not states[r.charge_id].entries}


def _match_loose(
    sides: RunSides, states: dict[str, LineState], netted: dict[str, str], ctx: ScoringContext
) -> list[LineFacts]:
    needy = [
        sides.facts[line.id]
        for line in sides.lines
        if states[line.id].receipt_id is None
        and line.amount > 0
        and line.id not in netted
        and sides.needs_receipt(line, ctx.settings)
        and not sides.rules_of(line.id).no_auto
    ]
    taken = set(sides.receipt_pins.values())
    pool = [r for r in sides.loose if r.id not in taken]
    found = receipt_candidates(needy, pool, lambda line, r: sides.rules_of(line).allows_receipt(r), ctx)
    by_receipt = assign(found, _thresholds(ctx.settings))
    for line_id, c in by_receipt.matched.items():
        states[line_id].loose_match, states[line_id].receipt_id = c, c.receipt_id
    for line_id, shown in by_receipt.review.items():
        states[line_id].review += [as_match(c, entry=False) for c in shown]
    return [f for f in needy if states[f.line.id].receipt_id is None]


def _suggestions(
    sides: RunSides,
    states: dict[str, LineState],
    still_needy: list[LineFacts],
    netted: dict[str, str],
    ctx: ScoringContext,
) -> list[Suggestion]:
    used_entries = {e.id for st in states.values() for e in st.entries}
    free: dict[HolderKey, list[ExpenseEntry]] = defaultdict(list)
    for entry in sides.entries.values():
        if entry.id not in used_entries and (holder := sides.holder_of_entry(entry)) is not None:
            free[holder].append(entry)
    without_entry = [
        sides.facts[line.id]
        for line in sides.lines
        if not states[line.id].entries and line.amount > 0 and line.id not in netted
    ]
    by_holder: dict[HolderKey, list[LineFacts]] = defaultdict(list)
    for f in without_entry:
        by_holder[sides.who.holder_of_line[f.line.id]].append(f)
    used_receipts = {st.receipt_id for st in states.values()}
    free_receipts = [r for r in sides.loose if r.id not in used_receipts]
    free_entries = [(e, by_holder.get(h, [])) for h, es in free.items() for e in es]
    holder_of_line = sides.who.holder_of_line
    accepted = accepted_parts(sides, states)
    open_lines = without_entry + [sides.facts[line_id] for line_id in accepted]
    return split_suggestions(open_lines, free, holder_of_line.__getitem__, ctx, accepted) + covering_suggestions(
        still_needy, free_receipts, free_entries, ctx
    )


def reconcile(
    lines: Sequence[CardLine],
    entries: Sequence[ExpenseEntry],
    receipts: Sequence[Receipt],
    *,
    directory: Directory = _EMPTY_DIRECTORY,
    decisions: Iterable[ReviewDecision] = (),
    previous: Previous = None,
    settings: MatchSettings = _DEFAULT_SETTINGS,
) -> Reconciliation:
    """One full run; pure: the same inputs give the same result."""
    with _no_cycle_collection():
        return _reconcile(lines, entries, receipts, directory, decisions, previous, settings)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    # A run allocates hundreds of thousands of small objects and no reference cycles; letting the cycle
    # collector walk them again and again makes a 100k-line run ~1.5x slower and growth superlinear.
    # Reference counting still frees everything; the previous collector state is restored.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _reconcile(
    lines: Sequence[CardLine],
    entries: Sequence[ExpenseEntry],
    receipts: Sequence[Receipt],
    directory: Directory,
    decisions: Iterable[ReviewDecision],
    previous: Previous,
    settings: MatchSettings,
) -> Reconciliation:
    ctx = ScoringContext(settings, MerchantAliases.build(directory.merchant_aliases))
    sides = prepare_sides(lines, entries, receipts, directory, decisions, ctx)
    facts_by_holder: dict[HolderKey, list[LineFacts]] = defaultdict(list)
    for line in sides.lines:
        facts_by_holder[sides.who.holder_of_line[line.id]].append(sides.facts[line.id])
    refunds = pair_refunds(facts_by_holder.values(), ctx)
    states = entry_states(sides, _match_entries(sides, ctx))
    netted = _netted(refunds, states, settings)
    still_needy = _match_loose(sides, states, netted, ctx)
    suggestions = _suggestions(sides, states, still_needy, netted, ctx)
    suggested: dict[str, list[Suggestion]] = defaultdict(list)
    for sug in suggestions:
        for line_id in sug.line_ids:
            suggested[line_id].append(sug)

    rest_suggested = {sug.line_ids[0] for sug in suggestions if sug.kind == "line_split_over_entries"}
    run = LineResults(sides, states, refunds, netted, short_splits(sides, states, rest_suggested), settings)
    results = [run.result(line, suggested.get(line.id, [])) for line in sides.lines]
    return _assemble(sides, results, suggestions, states, previous)


def _assemble(
    sides: RunSides,
    results: list[LineResult],
    suggestions: list[Suggestion],
    states: dict[str, LineState],
    previous: Previous,
) -> Reconciliation:
    by_holder: dict[HolderKey, list[LineResult]] = defaultdict(list)
    for line, result in zip(sides.lines, results, strict=True):
        by_holder[sides.who.holder_of_line[line.id]].append(result)
    names: dict[HolderKey, list[str]] = defaultdict(list)
    for name, (holder, _) in sides.who.resolved.items():
        names[holder].append(name)
    cardholders = tuple(
        summarise_cardholder(
            h.name, h.employee_id, by_holder[key], is_account=h.is_account, expense_names=tuple(names.get(key, ()))
        )
        for key, h in sides.who.holders.items()
    )
    used_entries = {e.id for st in states.values() for e in st.entries}
    used_receipts = {st.receipt_id for st in states.values()}
    return Reconciliation(
        lines=tuple(results),
        cardholders=cardholders,
        identity_suggestions=sides.who.suggestions,
        suggestions=tuple(suggestions),
        changes=diff_runs(previous, results, cardholders),
        unmatched_entry_ids=tuple(e for e in sides.entries if e not in used_entries),
        unmatched_receipt_ids=tuple(r.id for r in sides.loose if r.id not in used_receipts),
        warnings=tuple(sides.warnings),
    )

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
from dataclasses import dataclass, field

from recon_matcher.domain.assignment import Assignment, Thresholds, assign
from recon_matcher.domain.candidates import entry_candidates, receipt_candidates
from recon_matcher.domain.cardholders import HolderKey, Identities, resolve_identities
from recon_matcher.domain.changes import Previous, diff_runs
from recon_matcher.domain.classification import line_status, summarise_cardholder
from recon_matcher.domain.credits import Refund, pair_refunds
from recon_matcher.domain.match_settings import MatchSettings
from recon_matcher.domain.merchant_names import MerchantAliases
from recon_matcher.domain.pair_scoring import Candidate, LineFacts, ScoringContext
from recon_matcher.domain.results import LineResult, Match, Reconciliation, Suggestion
from recon_matcher.domain.review_decisions import LineRules, fold_decisions
from recon_matcher.domain.sides import CardLine, Directory, ExpenseEntry, Receipt, ReviewDecision
from recon_matcher.domain.suggestions import covering_suggestions, split_suggestions

_NO_RULES = LineRules()
_EMPTY_DIRECTORY = Directory()
_DEFAULT_SETTINGS = MatchSettings()


@dataclass
class _Sides:
    """The inputs indexed once, plus what reviewers pinned."""

    lines: list[CardLine]
    facts: dict[str, LineFacts]
    entries: dict[str, ExpenseEntry]
    attached: dict[str, list[Receipt]]
    loose: list[Receipt]
    who: Identities
    rules: dict[str, LineRules]
    entry_pins: dict[str, list[str]] = field(default_factory=dict)
    receipt_pins: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def rules_of(self, line_id: str) -> LineRules:
        return self.rules.get(line_id, _NO_RULES)

    def holder_of_entry(self, entry: ExpenseEntry) -> HolderKey | None:
        found = self.who.resolved.get(entry.employee)
        return found[0] if found else None

    def needs_receipt(self, line: CardLine, settings: MatchSettings) -> bool:
        holder = self.who.holders[self.who.holder_of_line[line.id]]
        return not self.rules_of(line.id).waived and (settings.accounts_need_receipts or not holder.is_account)


@dataclass
class _LineState:
    entries: list[ExpenseEntry] = field(default_factory=list)
    entry_match: Candidate | None = None
    receipt_id: str | None = None
    loose_match: Candidate | None = None
    review: list[Match] = field(default_factory=list)


def _attachments(
    entries: Sequence[ExpenseEntry], receipts: Sequence[Receipt]
) -> tuple[dict[str, list[Receipt]], list[Receipt]]:
    by_id = {r.id: r for r in receipts}
    attached = {e.id: [by_id[r] for r in e.receipt_ids if r in by_id] for e in entries}
    listed = {r for e in entries for r in e.receipt_ids}
    for r in receipts:
        if r.entry_id in attached and r.id not in listed:
            attached[r.entry_id].append(r)
            listed.add(r.id)
    return attached, [r for r in receipts if r.id not in listed]


def _prepare(
    lines: Sequence[CardLine],
    entries: Sequence[ExpenseEntry],
    receipts: Sequence[Receipt],
    directory: Directory,
    decisions: Iterable[ReviewDecision],
    ctx: ScoringContext,
) -> _Sides:
    s = ctx.settings
    attached, loose = _attachments(entries, receipts)
    sides = _Sides(
        lines=list(lines),
        facts={line.id: ctx.facts(line) for line in lines},
        entries={e.id: e for e in entries},
        attached=attached,
        loose=loose,
        who=resolve_identities(lines, entries, directory, s.identity_min_score),
        rules=fold_decisions(decisions, waive_receipt=s.no_receipt_waives_receipt),
    )
    known_receipts = {r.id for r in receipts}
    for line_id, rules in sides.rules.items():
        if line_id not in sides.facts:
            sides.warnings.append(f"decision for unknown card line {line_id} kept but not applied")
            continue
        missing = [e for e in rules.pinned_entries if e not in sides.entries]
        sides.warnings += [f"line {line_id}: approved entry {e} is no longer present" for e in missing]
        if pinned := [e for e in rules.pinned_entries if e in sides.entries]:
            sides.entry_pins[line_id] = pinned
        if rules.pinned_receipt is not None:
            if rules.pinned_receipt in known_receipts:
                sides.receipt_pins[line_id] = rules.pinned_receipt
            else:
                sides.warnings.append(f"line {line_id}: approved receipt {rules.pinned_receipt} is no longer present")
    return sides


def _thresholds(s: MatchSettings) -> Thresholds:
    return Thresholds(s.candidate_confidence, s.auto_match_confidence, s.review_margin, s.max_exact_component)


def _match_entries(sides: _Sides, ctx: ScoringContext) -> Assignment:
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


def _entry_receipt(sides: _Sides, line_id: str, entries: Sequence[ExpenseEntry], preferred: str | None) -> str | None:
    rules = sides.rules_of(line_id)
    if preferred is not None and preferred not in rules.forbidden_receipts:
        return preferred
    taken = set(sides.receipt_pins.values())
    for entry in entries:
        for r in sides.attached[entry.id]:
            if r.id not in rules.forbidden_receipts and r.id not in taken:
                return r.id
    return None


def _as_match(c: Candidate, *, entry: bool) -> Match:
    return Match(c.target_id if entry else None, c.receipt_id, c.confidence, c.reasons)


def _states(sides: _Sides, by_entry: Assignment) -> dict[str, _LineState]:
    states: dict[str, _LineState] = {}
    for line in sides.lines:
        st = states[line.id] = _LineState()
        if line.id in sides.entry_pins:
            st.entries = [sides.entries[e] for e in sides.entry_pins[line.id]]
            st.receipt_id = _entry_receipt(sides, line.id, st.entries, None)
        elif (c := by_entry.matched.get(line.id)) is not None:
            st.entry_match, st.entries = c, [sides.entries[c.target_id]]
            st.receipt_id = _entry_receipt(sides, line.id, st.entries, c.receipt_id)
        st.review += [_as_match(c, entry=True) for c in by_entry.review.get(line.id, ())]
        if line.id in sides.receipt_pins:
            st.receipt_id = sides.receipt_pins[line.id]
    return states


def _netted(refunds: dict[str, Refund], states: dict[str, _LineState], settings: MatchSettings) -> dict[str, str]:
    """charge id -> credit id, for charges refunded in full that nobody claimed."""
    if not settings.net_full_refunds:
        return {}
    return {r.charge_id: r.credit_id for r in refunds.values() if r.full and not states[r.charge_id].entries}


def _match_loose(
    sides: _Sides, states: dict[str, _LineState], netted: dict[str, str], ctx: ScoringContext
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
        states[line_id].review += [_as_match(c, entry=False) for c in shown]
    return [f for f in needy if states[f.line.id].receipt_id is None]


def _suggestions(
    sides: _Sides,
    states: dict[str, _LineState],
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
    return split_suggestions(without_entry, free, holder_of_line.__getitem__, ctx) + covering_suggestions(
        still_needy, free_receipts, free_entries, ctx
    )


def _line_match(st: _LineState, rules: LineRules, pinned_receipt: bool) -> Match | None:
    if not st.entries and st.receipt_id is None:
        return None
    reasons: list[str] = []
    confidences: list[float] = []
    reviewer = False
    if rules.pinned_entries and st.entries:
        reviewer = True
        reasons.append(f"{rules.pin_action or 'approve'}d by reviewer")
        confidences.append(1.0)
    elif st.entry_match is not None:
        reasons += st.entry_match.reasons
        confidences.append(st.entry_match.confidence)
    if pinned_receipt:
        reviewer = True
        reasons.append("receipt chosen by reviewer")
        confidences.append(1.0)
    elif st.loose_match is not None:
        reasons += [f"loose receipt: {r}" for r in st.loose_match.reasons]
        confidences.append(st.loose_match.confidence)
    entry_ids = [e.id for e in st.entries]
    return Match(
        entry_ids[0] if entry_ids else None,
        st.receipt_id,
        min(confidences, default=1.0),
        tuple(reasons),
        "reviewer" if reviewer else "auto",
        tuple(entry_ids[1:]),
    )


def _notes(rules: LineRules, refund: Refund | None, netted_by: str | None) -> tuple[str, ...]:
    notes = []
    if rules.no_receipt_reason:
        notes.append(f"no receipt: {rules.no_receipt_reason}")
    if rules.no_auto:
        notes.append("automatic matching rejected by reviewer")
    if refund is not None:
        notes.append("; ".join(refund.reasons))
    if netted_by is not None:
        notes.append(f"refunded in full by line {netted_by}")
    return tuple(notes)


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
    sides = _prepare(lines, entries, receipts, directory, decisions, ctx)
    facts_by_holder: dict[HolderKey, list[LineFacts]] = defaultdict(list)
    for line in sides.lines:
        facts_by_holder[sides.who.holder_of_line[line.id]].append(sides.facts[line.id])
    refunds = pair_refunds(facts_by_holder.values(), ctx)
    states = _states(sides, _match_entries(sides, ctx))
    netted = _netted(refunds, states, settings)
    still_needy = _match_loose(sides, states, netted, ctx)
    suggestions = _suggestions(sides, states, still_needy, netted, ctx)
    suggested: dict[str, list[Suggestion]] = defaultdict(list)
    for sug in suggestions:
        for line_id in sug.line_ids:
            suggested[line_id].append(sug)

    holder_has_entries = {h for h, _ in sides.who.resolved.values()}
    refunded_by: dict[str, list[str]] = defaultdict(list)
    for r in refunds.values():
        refunded_by[r.charge_id].append(r.credit_id)
    results: list[LineResult] = []
    for line in sides.lines:
        st, rules = states[line.id], sides.rules_of(line.id)
        holder = sides.who.holder_of_line[line.id]
        status = line_status(
            credit=line.amount < 0 or line.id in netted,
            entries=st.entries,
            has_receipt=st.receipt_id is not None,
            needs_receipt=sides.needs_receipt(line, settings),
            holder_has_entries=holder in holder_has_entries,
            coding_fields=settings.coding_fields,
        )
        refund = refunds.get(line.id)
        results.append(
            LineResult(
                line_id=line.id,
                reference=line.reference,
                cardholder=sides.who.holders[holder].name,
                employee_id=line.employee_id,
                transaction_date=line.transaction_date,
                amount=line.amount,
                merchant=line.merchant,
                status=status,
                match=_line_match(st, rules, line.id in sides.receipt_pins),
                review=bool(st.review or suggested.get(line.id)),
                candidates=tuple(st.review),
                suggestions=tuple(suggested.get(line.id, ())),
                refund_of=refund.charge_id if refund else None,
                refunded_by=tuple(refunded_by.get(line.id, ())),
                notes=_notes(rules, refund, netted.get(line.id)),
            )
        )
    return _assemble(sides, results, suggestions, states, previous)


def _assemble(
    sides: _Sides,
    results: list[LineResult],
    suggestions: list[Suggestion],
    states: dict[str, _LineState],
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

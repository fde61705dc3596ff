"""Per card line: the entry and receipt it ends up with (reviewer pins first, then automatic matches), the
candidates to show when it needs a person, and the readable match and notes of the result."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from recon_matcher.domain.assignment import Assignment
from recon_matcher.domain.credits import Refund
from recon_matcher.domain.pair_scoring import Candidate
from recon_matcher.domain.readable import line_label
from recon_matcher.domain.results import Match
from recon_matcher.domain.review_decisions import LineRules
from recon_matcher.domain.run_sides import RunSides
from recon_matcher.domain.sides import CardLine, ExpenseEntry, ReviewDecision

_DONE = {"approve": "approved", "reassign": "reassigned"}


@dataclass
class LineState:
    entries: list[ExpenseEntry] = field(default_factory=list)
    entry_match: Candidate | None = None
    receipt_id: str | None = None
    loose_match: Candidate | None = None
    review: list[Match] = field(default_factory=list)


def _entry_receipt(
    sides: RunSides, line_id: str, entries: Sequence[ExpenseEntry], preferred: str | None, taken: set[str]
) -> str | None:
    rules = sides.rules_of(line_id)
    if preferred is not None and preferred not in rules.forbidden_receipts:
        return preferred
    for entry in entries:
        for r in sides.attached[entry.id]:
            if r.id not in rules.forbidden_receipts and r.id not in taken:
                return r.id
    return None


def as_match(c: Candidate, *, entry: bool) -> Match:
    return Match(c.target_id if entry else None, c.receipt_id, c.confidence, c.reasons)


def entry_states(sides: RunSides, by_entry: Assignment) -> dict[str, LineState]:
    states: dict[str, LineState] = {}
    taken = set(sides.receipt_pins.values())
    for line in sides.lines:
        st = states[line.id] = LineState()
        if line.id in sides.entry_pins:
            st.entries = [sides.entries[e] for e in sides.entry_pins[line.id]]
            st.receipt_id = _entry_receipt(sides, line.id, st.entries, None, taken)
        elif (c := by_entry.matched.get(line.id)) is not None:
            st.entry_match, st.entries = c, [sides.entries[c.target_id]]
            st.receipt_id = _entry_receipt(sides, line.id, st.entries, c.receipt_id, taken)
        st.review += [as_match(c, entry=True) for c in by_entry.review.get(line.id, ())]
        if line.id in sides.receipt_pins:
            st.receipt_id = sides.receipt_pins[line.id]
    return states


def by_reviewer(what: str, decision: ReviewDecision | None) -> str:
    """'approved by ana': the reviewer by name when the decision carries one."""
    who = decision.decided_by if decision is not None and decision.decided_by else "a reviewer"
    return f"{what} by {who}"


def line_match(st: LineState, rules: LineRules, pinned_receipt: bool) -> Match | None:
    if not st.entries and st.receipt_id is None:
        return None
    reasons: list[str] = []
    confidences: list[float] = []
    reviewer = False
    if rules.pinned_entries and st.entries:
        reviewer = True
        action = rules.pin.action if rules.pin is not None else "approve"
        reasons.append(by_reviewer(_DONE.get(action, "approved"), rules.pin))
        confidences.append(1.0)
    elif st.entry_match is not None:
        reasons += st.entry_match.reasons
        confidences.append(st.entry_match.confidence)
    if pinned_receipt:
        reviewer = True
        reasons.append(by_reviewer("receipt chosen", rules.pin))
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


def line_notes(
    rules: LineRules, refund: Refund | None, charge: CardLine | None, netted_by: CardLine | None
) -> tuple[str, ...]:
    """What a person should know about the line beyond its match, each naming lines by reference and amount."""
    notes = []
    if rules.no_receipt_reason:
        notes.append(f"no receipt: {rules.no_receipt_reason}")
    if rules.no_auto:
        notes.append(by_reviewer("automatic matching rejected", rules.rejection))
    if refund is not None and charge is not None:
        notes.append(f"refund of {line_label(charge)}: " + ", ".join(refund.reasons))
    if netted_by is not None:
        notes.append(f"refunded in full by {line_label(netted_by)}")
    return tuple(notes)

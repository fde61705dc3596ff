"""Whether a batch of reviewer decisions may be recorded, and which backings it makes and releases.

The rules (checked here for a readable refusal; the schema enforces the backing rule too):
- every line, entry and receipt a decision names belongs to the session, and entries and receipts are the
  current expense report's (a replaced report's or a duplicate copy would silently not apply);
- one expense entry and one receipt back at most one card line, except an accepted split: decisions sharing
  a split label, whose parts sum exactly (one line over several entries, or several lines one receipt/entry
  covers);
- an approve that names nothing approves the line's current match, so a line with none cannot be approved
  (reassign it, or accept it without a receipt);
- decisions apply in order, as the matcher folds them: a reject releases what it names (everything of the
  line when it names nothing), a reassign replaces the line's entry, a new receipt replaces the line's receipt.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

CENT = Decimal("0.01")
PINS = ("approve", "reassign")


@dataclass(frozen=True)
class Line:
    id: uuid.UUID
    reference: str | None
    merchant: str
    amount: Decimal

    def describe(self) -> str:
        return f"line {self.reference or self.id} ({self.merchant}, {self.amount:.2f})"


@dataclass(frozen=True)
class Backer:
    """An expense entry or a receipt a decision may name; `unusable` says why it may not be (else None)."""

    id: uuid.UUID
    kind: str  # "entry" | "receipt"
    amount: Decimal | None
    unusable: str | None = None


@dataclass(frozen=True)
class Proposed:
    line_id: uuid.UUID
    action: str
    entry_id: uuid.UUID | None = None
    receipt_id: uuid.UUID | None = None
    split: str | None = None


@dataclass(frozen=True)
class Holding:
    """A backer backing a line now (a reviewer's backing, or the matcher's current match)."""

    backer_id: uuid.UUID
    kind: str  # "entry" | "receipt"
    line_id: uuid.UUID
    split_id: uuid.UUID | None = None
    pinned: bool = False  # a reviewer's backing, not only the matcher's choice


_Held = dict[uuid.UUID, dict[uuid.UUID, uuid.UUID | None]]  # backer -> line -> split
_LABELS = {"entry": "expense entry", "receipt": "receipt"}


class DecisionRefused(Exception):
    def __init__(self, status: int, code: str, message: str, details: object = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.details = status, code, message, details


@dataclass
class Plan:
    """Per decision, its split id; the backings to make (line, backer, split) and the (line, backer) released."""

    split_ids: list[uuid.UUID | None] = field(default_factory=list)
    claims: list[list[tuple[uuid.UUID, Backer, uuid.UUID | None]]] = field(default_factory=list)
    releases: set[tuple[uuid.UUID, uuid.UUID]] = field(default_factory=set)


def _known(proposed: Sequence[Proposed], lines: dict[uuid.UUID, Line], backers: dict[uuid.UUID, Backer]) -> None:
    for p in proposed:
        if p.line_id not in lines:
            raise DecisionRefused(422, "unknown_line", f"card line {p.line_id} is not in this session", str(p.line_id))
        for kind, backer_id in (("expense entry", p.entry_id), ("receipt", p.receipt_id)):
            if backer_id is None:
                continue
            backer = backers.get(backer_id)
            if backer is None:
                raise DecisionRefused(422, "unknown_id", f"{kind} {backer_id} is not in this session", str(backer_id))
            if backer.unusable:
                raise DecisionRefused(422, "unusable_id", f"{kind} {backer_id} {backer.unusable}", str(backer_id))


def _sum_message(parts: Iterable[Decimal], whole: str) -> str:
    amounts = list(parts)
    joined = " + ".join(f"{a:.2f}" for a in amounts)
    return f"the split's parts {joined} = {sum(amounts, Decimal(0)):.2f} do not make {whole}"


def _check_split(
    label: str, group: list[Proposed], lines: dict[uuid.UUID, Line], backers: dict[uuid.UUID, Backer]
) -> None:
    def refuse(message: str) -> DecisionRefused:
        return DecisionRefused(422, "split_not_exact", f"split {label!r}: {message}", label)

    if any(p.action not in PINS for p in group):
        raise refuse("a split is made of approve or reassign decisions")
    line_ids = list(dict.fromkeys(p.line_id for p in group))
    if len(line_ids) == 1:  # one charge over several expense entries
        line = lines[line_ids[0]]
        entries = list(dict.fromkeys(p.entry_id for p in group if p.entry_id is not None))
        if len(entries) < 2:
            raise refuse(f"{line.describe()} is split over two or more expense entries")
        if any(p.action == "reassign" for p in group[1:]):  # the matcher's reassign replaces the pins before it
            raise refuse(
                f"{line.describe()} may be reassigned once, as the split's first part (a later reassign would "
                "replace the parts before it); make the other parts approve"
            )
        amounts = [(backers[e].amount or Decimal(0)).quantize(CENT) for e in entries]
        if sum(amounts, Decimal(0)) != line.amount:
            raise refuse(_sum_message(amounts, line.describe()))
        return
    # Several charges one receipt (or one entry) covers.
    common = {(p.entry_id, p.receipt_id) for p in group}
    if len(common) != 1 or common == {(None, None)} or len(line_ids) != len(group):
        raise refuse("lines covered by one receipt or entry each name that same receipt or entry, once")
    amounts = [lines[i].amount for i in line_ids]
    for backer_id in next(iter(common)):
        if backer_id is None:
            continue
        backer = backers[backer_id]
        if backer.amount is None:
            raise refuse(f"{backer.kind} {backer_id} has no amount read, so no split of it can be checked")
        if sum(amounts, Decimal(0)) != backer.amount.quantize(CENT):
            raise refuse(_sum_message(amounts, f"the {backer.kind}'s {backer.amount:.2f}"))


def _releases(
    p: Proposed, held: _Held, kinds: dict[uuid.UUID, str], pinned: set[tuple[uuid.UUID, uuid.UUID]]
) -> list[uuid.UUID]:
    """What deciding `p` takes off its line before it claims anything, as the matcher folds decisions: a reject
    what it names (all when it names nothing); an entry the matcher's own choice of entry (a reassign every
    other entry); a receipt every other receipt."""
    mine = [b for b, holders in held.items() if p.line_id in holders]
    if p.action == "reject":
        named = {p.entry_id, p.receipt_id} - {None}
        return [b for b in mine if b in named] if named else mine
    if p.action not in PINS:
        return []
    out = []
    if p.entry_id is not None:
        entries = [b for b in mine if kinds[b] == "entry" and b != p.entry_id]
        out += [b for b in entries if p.action == "reassign" or (b, p.line_id) not in pinned]
    if p.receipt_id is not None:
        out += [b for b in mine if kinds[b] == "receipt" and b != p.receipt_id]
    return out


def _in_use(kind: str, backer_id: uuid.UUID, other: Line) -> DecisionRefused:
    return DecisionRefused(
        409,
        f"{kind}_in_use",
        f"{_LABELS[kind]} {backer_id} already backs {other.describe()}; reject it there first (in the same batch "
        "if you like), or make both lines one explicit split",
        {
            "line": {
                "id": str(other.id),
                "reference": other.reference,
                "merchant": other.merchant,
                "amount": str(other.amount),
            }
        },
    )


def _approves_nothing(p: Proposed, held: _Held) -> bool:
    named = p.entry_id is not None or p.receipt_id is not None
    return p.action == "approve" and not named and not any(p.line_id in lines for lines in held.values())


def plan_decisions(
    proposed: Sequence[Proposed],
    lines: dict[uuid.UUID, Line],
    backers: dict[uuid.UUID, Backer],
    holdings: Iterable[Holding],
) -> Plan:
    """Check the batch all-or-nothing; raises DecisionRefused naming the first problem."""
    _known(proposed, lines, backers)
    labels = {p.split for p in proposed if p.split is not None}
    split_ids = {label: uuid.uuid4() for label in sorted(labels)}
    for label in sorted(labels):
        _check_split(label, [p for p in proposed if p.split == label], lines, backers)
    held: _Held = {}
    kinds = {b.id: b.kind for b in backers.values()}
    pinned = {(h.backer_id, h.line_id) for h in holdings if h.pinned}
    for h in holdings:
        held.setdefault(h.backer_id, {}).setdefault(h.line_id, h.split_id)
        kinds[h.backer_id] = h.kind
    plan = Plan()
    for p in proposed:
        for backer_id in _releases(p, held, kinds, pinned):
            held[backer_id].pop(p.line_id, None)
            pinned.discard((backer_id, p.line_id))
            plan.releases.add((p.line_id, backer_id))
        if _approves_nothing(p, held):
            raise DecisionRefused(
                422,
                "nothing_to_approve",
                f"{lines[p.line_id].describe()} has no match to approve: reassign it to an expense entry or a "
                "receipt, or accept it without a receipt",
                str(p.line_id),
            )
        split_id = split_ids.get(p.split) if p.split else None
        claims = []
        named = [b for b in (p.entry_id, p.receipt_id) if b is not None] if p.action in PINS else []
        for backer_id in named:
            others = {line: s for line, s in held.get(backer_id, {}).items() if line != p.line_id}
            if others and not (split_id is not None and all(s == split_id for s in others.values())):
                raise _in_use(kinds[backer_id], backer_id, lines[next(iter(others))])
            held.setdefault(backer_id, {})[p.line_id] = split_id
            pinned.add((backer_id, p.line_id))
            plan.releases.discard((p.line_id, backer_id))
            claims.append((p.line_id, backers[backer_id], split_id))
        plan.split_ids.append(split_id)
        plan.claims.append(claims)
    return plan

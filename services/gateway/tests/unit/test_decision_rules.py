"""The review rules on plain data: ids of the session, one line per entry and receipt, exact splits."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
from recon_gateway.domain.decision_rules import (
    Backer,
    DecisionRefused,
    Holding,
    Line,
    Proposed,
    plan_decisions,
)

A = Line(uuid.uuid4(), "000000001", "SHELL OIL", Decimal("42.00"))
B = Line(uuid.uuid4(), "000000002", "CHEVRON", Decimal("30.00"))
C = Line(uuid.uuid4(), "000000003", "CHEVRON", Decimal("12.00"))
LINES = {line.id: line for line in (A, B, C)}
E1 = Backer(uuid.uuid4(), "entry", Decimal("30.0000"))
E2 = Backer(uuid.uuid4(), "entry", Decimal("12.0000"))
R = Backer(uuid.uuid4(), "receipt", Decimal("42.00"))
OLD = Backer(uuid.uuid4(), "entry", Decimal("42.00"), unusable="belongs to exp1.pdf, which exp2.pdf replaced")
BACKERS = {b.id: b for b in (E1, E2, R, OLD)}


def _plan(*proposed: Proposed, holdings: tuple[Holding, ...] = ()):  # type: ignore[no-untyped-def]
    return plan_decisions(proposed, LINES, BACKERS, holdings)


def _refused(*proposed: Proposed, holdings: tuple[Holding, ...] = ()) -> DecisionRefused:
    with pytest.raises(DecisionRefused) as refused:
        _plan(*proposed, holdings=holdings)
    return refused.value


def test_an_entry_backing_another_line_is_refused_naming_that_line() -> None:
    refused = _refused(Proposed(B.id, "reassign", entry_id=E1.id), holdings=(Holding(E1.id, "entry", A.id),))
    assert (refused.status, refused.code) == (409, "entry_in_use")
    assert refused.message.startswith(f"expense entry {E1.id} already backs line 000000001 (SHELL OIL, 42.00)")
    assert refused.details == {
        "line": {"id": str(A.id), "reference": "000000001", "merchant": "SHELL OIL", "amount": "42.00"}
    }


def test_two_lines_of_one_batch_cannot_share_a_receipt() -> None:
    refused = _refused(Proposed(A.id, "approve", receipt_id=R.id), Proposed(B.id, "reassign", receipt_id=R.id))
    assert refused.code == "receipt_in_use" and "line 000000001" in refused.message


def test_released_first_in_the_same_batch_it_may_move() -> None:
    plan = _plan(
        Proposed(A.id, "reject", entry_id=E1.id),
        Proposed(B.id, "reassign", entry_id=E1.id),
        holdings=(Holding(E1.id, "entry", A.id),),
    )
    assert plan.releases == {(A.id, E1.id)}
    assert plan.claims == [[], [(B.id, E1, None)]]


def test_approving_an_entry_frees_the_matchers_choice_but_keeps_a_reviewers() -> None:
    freed = _plan(
        Proposed(A.id, "approve", entry_id=E2.id),
        Proposed(B.id, "reassign", entry_id=E1.id),
        holdings=(Holding(E1.id, "entry", A.id),),
    )
    assert freed.releases == {(A.id, E1.id)}
    refused = _refused(
        Proposed(A.id, "approve", entry_id=E2.id),
        Proposed(B.id, "reassign", entry_id=E1.id),
        holdings=(Holding(E1.id, "entry", A.id, pinned=True),),
    )
    assert refused.code == "entry_in_use"


def test_a_reassign_replaces_the_lines_entry_and_a_reject_without_ids_releases_all() -> None:
    plan = _plan(Proposed(A.id, "reassign", entry_id=E2.id), holdings=(Holding(E1.id, "entry", A.id),))
    assert plan.releases == {(A.id, E1.id)}
    everything = _plan(
        Proposed(A.id, "reject"), holdings=(Holding(E1.id, "entry", A.id), Holding(R.id, "receipt", A.id))
    )
    assert everything.releases == {(A.id, E1.id), (A.id, R.id)}


@pytest.mark.parametrize(
    ("proposed", "code", "message"),
    [
        (Proposed(uuid.UUID(int=7), "approve"), "unknown_line", f"card line {uuid.UUID(int=7)} is not in this session"),
        (
            Proposed(A.id, "reassign", entry_id=uuid.UUID(int=8)),
            "unknown_id",
            f"expense entry {uuid.UUID(int=8)} is not in this session",
        ),
        (
            Proposed(A.id, "reassign", receipt_id=uuid.UUID(int=9)),
            "unknown_id",
            f"receipt {uuid.UUID(int=9)} is not in this session",
        ),
        (
            Proposed(A.id, "reassign", entry_id=OLD.id),
            "unusable_id",
            f"expense entry {OLD.id} belongs to exp1.pdf, which exp2.pdf replaced",
        ),
    ],
)
def test_ids_outside_the_session_are_refused_by_name(proposed: Proposed, code: str, message: str) -> None:
    refused = _refused(proposed)
    assert (refused.status, refused.code, refused.message) == (422, code, message)


def test_a_line_split_over_entries_must_sum_exactly() -> None:
    plan = _plan(
        Proposed(A.id, "approve", entry_id=E1.id, split="s"), Proposed(A.id, "approve", entry_id=E2.id, split="s")
    )
    assert plan.split_ids[0] is not None and plan.split_ids[0] == plan.split_ids[1]
    refused = _refused(
        Proposed(B.id, "approve", entry_id=E1.id, split="s"), Proposed(B.id, "approve", entry_id=E2.id, split="s")
    )
    assert (refused.status, refused.code) == (422, "split_not_exact")
    assert refused.message == (
        "split 's': the split's parts 30.00 + 12.00 = 42.00 do not make line 000000002 (CHEVRON, 30.00)"
    )


def test_a_split_line_is_reassigned_at_most_once_and_first() -> None:
    # The matcher applies a line's decisions in order, a reassign replacing the pins before it: two reassigns
    # (or an approve then a reassign) in one split would keep one part while every part is recorded as backing.
    ok = _plan(
        Proposed(A.id, "reassign", entry_id=E1.id, split="s"), Proposed(A.id, "approve", entry_id=E2.id, split="s")
    )
    assert ok.split_ids[0] == ok.split_ids[1]
    for first, second in (("reassign", "reassign"), ("approve", "reassign")):
        refused = _refused(
            Proposed(A.id, first, entry_id=E1.id, split="s"),  # type: ignore[arg-type]
            Proposed(A.id, second, entry_id=E2.id, split="s"),  # type: ignore[arg-type]
        )
        assert (refused.status, refused.code) == (422, "split_not_exact")
        assert refused.message == (
            "split 's': line 000000001 (SHELL OIL, 42.00) may be reassigned once, as the split's first part "
            "(a later reassign would replace the parts before it); make the other parts approve"
        )


def test_one_receipt_covering_two_lines_is_an_explicit_exact_split() -> None:
    plan = _plan(
        Proposed(B.id, "approve", receipt_id=R.id, split="fuel"),
        Proposed(C.id, "approve", receipt_id=R.id, split="fuel"),
    )
    assert [c[0][0] for c in plan.claims] == [B.id, C.id]
    assert len({c[0][2] for c in plan.claims}) == 1
    refused = _refused(
        Proposed(A.id, "approve", receipt_id=R.id, split="fuel"),
        Proposed(C.id, "approve", receipt_id=R.id, split="fuel"),
    )
    assert "54.00 do not make the receipt's 42.00" in refused.message


def test_a_split_is_made_of_pins() -> None:
    refused = _refused(Proposed(A.id, "reject", entry_id=E1.id, split="x"))
    assert refused.message == "split 'x': a split is made of approve or reassign decisions"


def test_approving_a_line_without_a_match_is_refused() -> None:
    refused = _refused(Proposed(A.id, "approve"), holdings=(Holding(E1.id, "entry", B.id),))
    assert (refused.status, refused.code) == (422, "nothing_to_approve")
    assert refused.message.startswith("line 000000001 (SHELL OIL, 42.00) has no match to approve")
    assert _plan(Proposed(B.id, "approve"), holdings=(Holding(E1.id, "entry", B.id),)).claims == [[]]

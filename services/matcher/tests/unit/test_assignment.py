from __future__ import annotations

from recon_matcher.domain.assignment import Thresholds, assign
from recon_matcher.domain.pair_scoring import Candidate

T = Thresholds(floor=0.55, auto=0.72, margin=0.04)


def c(line: str, target: str, confidence: float, *reasons: str) -> Candidate:
    return Candidate(line, target, None, confidence, reasons or ("amount exact", "same day"))


def test_two_equal_charges_with_two_equal_receipts_both_match() -> None:
    out = assign([c("L1", "R1", 1.0), c("L1", "R2", 1.0), c("L2", "R1", 1.0), c("L2", "R2", 1.0)], T)
    assert set(out.matched) == {"L1", "L2"} and not out.review
    assert {out.matched["L1"].target_id, out.matched["L2"].target_id} == {"R1", "R2"}


def test_one_receipt_for_two_identical_charges_goes_to_review_for_both() -> None:
    out = assign([c("L1", "R1", 1.0), c("L2", "R1", 1.0)], T)
    assert not out.matched
    assert set(out.review) == {"L1", "L2"} and out.review["L1"][0].target_id == "R1"


def test_a_nearly_as_good_second_candidate_sends_the_line_to_review_with_both_shown() -> None:
    out = assign([c("L1", "R1", 0.95, "a"), c("L1", "R2", 0.93, "b")], T)
    assert not out.matched
    assert [x.target_id for x in out.review["L1"]] == ["R1", "R2"]


def test_assignment_is_global_not_greedy() -> None:
    # Greedy would give L1 its best (R1) and leave L2 with nothing; the global optimum matches both.
    out = assign([c("L1", "R1", 0.99, "a"), c("L1", "R2", 0.90, "b"), c("L2", "R1", 0.95, "c")], T)
    assert out.matched["L1"].target_id == "R2" and out.matched["L2"].target_id == "R1"


def test_a_clear_winner_is_matched_even_with_a_weaker_rival() -> None:
    out = assign([c("L1", "R1", 0.98, "a"), c("L1", "R2", 0.80, "b")], T)
    assert out.matched["L1"].target_id == "R1" and not out.review


def test_targets_scoring_the_same_for_different_reasons_are_not_twins() -> None:
    # Two split entries, each carrying the full folio: picking one would silently drop the other.
    out = assign(
        [c("L1", "E1", 0.9, "entry amount 300.00 differs"), c("L1", "E2", 0.9, "entry amount 112.35 differs")], T
    )
    assert not out.matched and len(out.review["L1"]) == 2


def test_weak_lone_candidates_are_shown_not_matched() -> None:
    out = assign([c("L1", "R1", 0.6)], T)
    assert not out.matched and out.review["L1"][0].target_id == "R1"


def test_large_components_use_the_local_rule() -> None:
    small = Thresholds(floor=0.55, auto=0.72, margin=0.04, max_exact=1)
    out = assign([c("L1", "R1", 0.99, "a"), c("L2", "R1", 0.80, "b"), c("L2", "R2", 0.97, "c")], small)
    assert out.matched["L1"].target_id == "R1" and out.matched["L2"].target_id == "R2"

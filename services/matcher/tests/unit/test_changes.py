from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from itertools import permutations

import pytest
from recon_matcher.domain.changes import describe_changes, diff_runs
from recon_matcher.domain.results import LineResult, LineStatus, StatusChange

STATUSES: tuple[LineStatus, ...] = (
    "complete",
    "missing_receipt",
    "missing_coding",
    "missing_both",
    "missing_all_receipts",
    "credit",
)
DONE = {"complete", "credit"}


def result(line_id: str, status: LineStatus) -> LineResult:
    return LineResult(line_id, None, "X", None, date(2025, 3, 1), D("1.00"), "M", status, None, False)


def test_no_previous_run_means_no_changes() -> None:
    changes = diff_runs(None, [result("a", "complete")], [])
    assert changes.status_changed == () and describe_changes(changes) == "no line changed status"


@pytest.mark.parametrize(("before", "after"), list(permutations(STATUSES, 2)))
def test_every_transition_is_a_change(before: LineStatus, after: LineStatus) -> None:
    changes = diff_runs({"a": before, "b": "missing_both"}, [result("a", after), result("b", "missing_both")], [])
    assert changes.status_changed == (StatusChange("a", before, after),)
    assert changes.newly_complete == (("a",) if after == "complete" else ())
    assert changes.newly_missing == (("a",) if before in DONE and after not in DONE else ())


def test_a_late_receipt_from_missing_both_to_missing_coding_is_told() -> None:
    changes = diff_runs({"a": "missing_both"}, [result("a", "missing_coding")], [])
    assert changes.newly_complete == changes.newly_missing == ()
    assert describe_changes(changes) == "1 line(s) changed status: 1 Missing Both → Missing Coding"


def test_lines_new_in_this_run_are_new_never_newly_missing() -> None:
    before: dict[str, LineStatus] = {"a": "complete"}
    after = [result("a", "complete"), result("b", "missing_receipt"), result("c", "missing_receipt")]
    changes = diff_runs(before, after, [])
    assert changes.added == ("b", "c") and changes.newly_missing == () and changes.newly_complete == ()
    assert [c.before for c in changes.status_changed] == [None, None]
    assert describe_changes(changes) == "2 line(s) changed status: 2 new → Missing Receipt"


def test_a_line_gone_from_the_run_is_told() -> None:
    changes = diff_runs({"a": "complete", "b": "credit"}, [result("a", "complete")], [])
    assert changes.removed == ("b",) and changes.status_changed == (StatusChange("b", "credit", None),)
    assert describe_changes(changes) == "1 line(s) changed status: 1 Credit → gone"


def test_mixed_changes_are_counted_by_transition() -> None:
    before: dict[str, LineStatus] = {"a": "missing_receipt", "b": "complete", "c": "credit", "d": "missing_receipt"}
    after = [result("a", "complete"), result("b", "missing_coding"), result("c", "credit"), result("d", "complete")]
    changes = diff_runs(before, after, [])
    assert changes.newly_complete == ("a", "d") and changes.newly_missing == ("b",)
    assert describe_changes(changes) == (
        "3 line(s) changed status: 1 Complete → Missing Coding, 2 Missing Receipt → Complete"
    )

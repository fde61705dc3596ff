from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from recon_matcher.domain.changes import diff_runs
from recon_matcher.domain.results import LineResult, LineStatus


def result(line_id: str, status: LineStatus) -> LineResult:
    return LineResult(line_id, None, "X", None, date(2025, 3, 1), D("1.00"), "M", status, None, False)


def test_no_previous_run_means_no_changes() -> None:
    assert diff_runs(None, [result("a", "complete")], []).status_changed == ()


def test_newly_complete_newly_missing_and_unchanged() -> None:
    before: dict[str, LineStatus] = {"a": "missing_receipt", "b": "complete", "c": "credit", "d": "missing_both"}
    after = [
        result("a", "complete"),
        result("b", "missing_coding"),
        result("c", "credit"),
        result("d", "missing_receipt"),
    ]
    changes = diff_runs(before, after, [])
    assert changes.newly_complete == ("a",)
    assert changes.newly_missing == ("b",)
    assert [c.line_id for c in changes.status_changed] == ["a", "b", "d"]

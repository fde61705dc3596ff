"""Issue 5's goals on generated months with known ground truth (tools/docgen month_scenario)."""

from __future__ import annotations

import pytest
from recon_docgen.month_scenario import make_month
from recon_docgen.month_truth import cases, evaluate
from recon_matcher.domain.reconcile import reconcile


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_a_generated_month_meets_the_issue_goals(seed: int) -> None:
    month = make_month(seed, cardholders=100, lines=1500)
    assert len({line.cardholder for line in month.lines}) >= 100 and len(month.lines) >= 1500
    result = reconcile(month.lines, month.entries, month.receipts, directory=month.directory, settings=month.settings)
    score = evaluate(month, result)
    assert score.precision >= 0.995, score.wrong_matches
    assert score.recall >= 0.95
    exceptions = [i for i, t in month.truth.items() if t.status != "complete"]
    assert exceptions and not set(score.wrong_status) & set(exceptions), "every exception reported with its status"
    assert not score.missed_review, "every ambiguous twin goes to review"
    assert not score.wrong_refund and not score.wrong_identity


def test_the_generated_month_covers_every_case_the_issue_names() -> None:
    counts = cases(make_month(1))
    for case in (
        "tip",
        "fx",
        "posting_lag",
        "four_decimal",
        "twins_paired",
        "twins_one_entry",
        "twins_cross",
        "refund_full",
        "missing_receipt",
        "missing_coding",
        "missing_both",
        "unknown_alias",
        "no_entries",
        "account",
        "split",
        "covering",
        "uber_pair",
        "loose_receipt",
    ):
        assert counts.get(case, 0) > 0, case


def test_confirming_the_suggested_aliases_completes_those_cardholders_next_run() -> None:
    month = make_month(3)
    first = reconcile(month.lines, month.entries, month.receipts, directory=month.directory, settings=month.settings)
    confirmed = dict(month.directory.aliases) | {
        s.expense_name: s.cardholder for s in first.identity_suggestions if s.cardholder
    }
    directory = type(month.directory)(confirmed, month.directory.accounts, month.directory.merchant_aliases)
    second = reconcile(
        month.lines, month.entries, month.receipts, directory=directory, settings=month.settings, previous=first
    )
    alias_lines = [t.line_id for t in month.truth.values() if t.case == "unknown_alias"]
    assert alias_lines and set(alias_lines) <= set(second.changes.newly_complete)

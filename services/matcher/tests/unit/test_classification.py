from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from recon_matcher.domain.classification import cardholder_flags, is_coded, line_status, summarise_cardholder
from recon_matcher.domain.results import LineResult, LineStatus, Match
from recon_matcher.domain.sides import ExpenseEntry

CODED = ExpenseEntry("e", "x", gl_account="6110", job="J-1")
UNCODED = ExpenseEntry("e", "x", gl_account="6110", job=" ")


def status(
    entries: list[ExpenseEntry],
    receipt: bool,
    *,
    holder_has_entries: bool = True,
    needs_receipt: bool = True,
    credit: bool = False,
    fields: tuple[str, ...] = ("gl_account", "job"),
) -> str:
    return line_status(
        credit=credit,
        entries=entries,
        has_receipt=receipt,
        needs_receipt=needs_receipt,
        holder_has_entries=holder_has_entries,
        coding_fields=fields,
    )


def test_the_four_line_statuses() -> None:
    assert status([CODED], True) == "complete"
    assert status([CODED], False) == "missing_receipt"
    assert status([UNCODED], True) == "missing_coding"
    assert status([UNCODED], False) == "missing_both"
    assert status([], False) == "missing_both"
    assert status([], True) == "missing_coding"


def test_missing_all_receipts_is_a_cardholder_without_any_entry() -> None:
    assert status([], False, holder_has_entries=False) == "missing_all_receipts"
    assert status([], True, holder_has_entries=False) == "missing_coding"  # a loose receipt still counts


def test_credits_waivers_and_coding_fields() -> None:
    assert status([], False, credit=True) == "credit"
    assert status([CODED], False, needs_receipt=False) == "complete"
    assert status([UNCODED], True, fields=("gl_account",)) == "complete"
    assert not is_coded(ExpenseEntry("e", "x", gl_account="6110", job="J-1"), ("gl_account", "job", "phase"))


def test_split_lines_need_every_entry_coded() -> None:
    assert status([CODED, UNCODED], True) == "missing_coding"


def result(n: int, amount: str, status: LineStatus, receipt: str | None = None, review: bool = False) -> LineResult:
    match = Match("e", receipt, 1.0, ()) if receipt else None
    return LineResult(f"L{n}", None, "X", None, date(2025, 3, 1), D(amount), "M", status, match, review)


def test_cardholder_summary_totals_and_flags() -> None:
    lines = [
        result(1, "100.00", "complete", "R1"),
        result(2, "50.00", "missing_receipt"),
        result(3, "25.00", "missing_coding", "R2"),
        result(4, "-10.00", "credit"),
    ]
    s = summarise_cardholder("X", "1", lines, is_account=False, expense_names=("x",))
    assert (s.card_total, s.receipt_total, s.receipt_count, s.missing_receipt_amount) == (
        D("165.00"),
        D("125.00"),
        2,
        D("50.00"),
    )
    assert s.flags == ("missing_receipt", "missing_coding_info") and not s.complete


def test_a_cardholder_is_complete_only_when_every_line_is_and_none_awaits_review() -> None:
    assert summarise_cardholder(
        "X",
        None,
        [result(1, "5.00", "complete", "R"), result(2, "-1.00", "credit")],
        is_account=False,
        expense_names=(),
    ).complete
    assert not summarise_cardholder(
        "X", None, [result(1, "5.00", "complete", "R", review=True)], is_account=False, expense_names=()
    ).complete
    assert cardholder_flags(["missing_all_receipts"]) == ("missing_all_receipts",)

from __future__ import annotations

from recon_docgen.month_scenario import make_month
from recon_docgen.month_truth import cases, line_ids


def test_same_seed_same_month() -> None:
    assert make_month(4, cardholders=20, lines=300) == make_month(4, cardholders=20, lines=300)
    assert make_month(4, cardholders=20, lines=300).lines != make_month(5, cardholders=20, lines=300).lines


def test_sizes_ids_and_references_hold_together() -> None:
    month = make_month(2)
    assert len(month.lines) >= 1500 and len({ln.cardholder for ln in month.lines}) >= 100
    ids = [x.id for x in (*month.lines, *month.entries, *month.receipts)]
    assert len(ids) == len(set(ids))
    assert set(month.truth) == {ln.id for ln in month.lines}
    receipts = {r.id: r for r in month.receipts}
    for entry in month.entries:
        assert all(receipts[r].entry_id == entry.id for r in entry.receipt_ids)
    assert all(len(ln.merchant) <= 18 for ln in month.lines)


def test_expected_pairs_point_at_real_documents() -> None:
    month = make_month(3)
    entries, receipts = {e.id for e in month.entries}, {r.id for r in month.receipts}
    for t in month.truth.values():
        entry, receipt = t.expected
        assert entry is None or entry in entries
        assert receipt is None or receipt in receipts
        if t.review:
            assert t.status != "complete"


def test_twins_print_the_same_charge() -> None:
    month = make_month(1)
    by_id = {ln.id: ln for ln in month.lines}
    twins = [by_id[i] for i in line_ids(month, "twins_one_entry")]
    assert twins
    first, second = twins[0], twins[1]
    assert (first.merchant, first.amount, first.transaction_date) == (
        second.merchant,
        second.amount,
        second.transaction_date,
    )


def test_unknown_aliases_name_their_cardholder_and_a_toll_account_exists() -> None:
    month = make_month(6)
    holders = {ln.cardholder for ln in month.lines}
    assert month.unknown_names and set(month.unknown_names.values()) <= holders
    assert "GEAUXPASS" in month.directory.accounts and cases(month)["account"] > 0

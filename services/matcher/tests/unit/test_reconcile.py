from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from typing import Any

from recon_matcher.domain.match_settings import MatchSettings
from recon_matcher.domain.reconcile import reconcile
from recon_matcher.domain.results import Reconciliation
from recon_matcher.domain.sides import CardLine, Directory, ExpenseEntry, Receipt


def L(
    id: str,
    amount: str,
    day: int,
    merchant: str = "SHELL OIL574442211",
    holder: str = "WILLIAMBURT",
    card: str = "1234",
    category: str = "FUEL",
    city: str | None = None,
    state: str | None = None,
) -> CardLine:
    return CardLine(
        id,
        holder,
        None,
        card,
        date(2025, 3, day),
        date(2025, 3, day + 1),
        D(amount),
        merchant,
        city,
        state,
        category,
        f"REF-{id}",
    )


def E(
    id: str,
    amount: str | None,
    day: int,
    merchant: str = "Shell",
    who: str = "William Burt",
    receipts: tuple[str, ...] = (),
    job: str | None = "J-1",
    **kw: Any,
) -> ExpenseEntry:
    return ExpenseEntry(
        id,
        who,
        kw.pop("expense_type", "Fuel"),
        date(2025, 3, day),
        D(amount) if amount else None,
        merchant,
        kw.pop("gl_account", "6110"),
        job,
        receipt_ids=receipts,
        **kw,
    )


def R(
    id: str, total: str | None, day: int | None, vendor: str = "Shell", entry: str | None = None, **kw: Any
) -> Receipt:
    return Receipt(id, vendor, date(2025, 3, day) if day else None, D(total) if total else None, entry_id=entry, **kw)


def reasons(rec: Reconciliation, line_id: str) -> str:
    m = rec.line(line_id).match
    return "; ".join(m.reasons) if m else ""


def pair(rec: Reconciliation, line_id: str) -> tuple[str | None, str | None]:
    m = rec.line(line_id).match
    return (m.entry_id, m.receipt_id) if m else (None, None)


def test_statuses_per_line_and_per_cardholder() -> None:
    lines = [
        L("a1", "40.00", 3),
        L("a2", "25.00", 5),
        L("b1", "60.00", 4, holder="MARIAGARCIA"),
        L("b2", "15.00", 6, holder="MARIAGARCIA"),
        L("c1", "33.00", 7, holder="JAMESLEE"),
        L("t1", "3.50", 8, "LA DOTD GEAUXPASS", holder="GEAUXPASS", category="TOLLS"),
    ]
    entries = [
        E("ea1", "40.00", 3, receipts=("ra1",)),
        E("ea2", "25.00", 5, receipts=("ra2",)),
        E("eb1", "60.00", 4, who="Garcia, Maria", receipts=("rb1",), job=None),
        E("eb2", "15.00", 6, who="Maria Garcia"),
    ]
    receipts = [R("ra1", "40.00", 3, entry="ea1"), R("ra2", "25.00", 5, entry="ea2"), R("rb1", "60.00", 4, entry="eb1")]
    rec = reconcile(lines, entries, receipts, directory=Directory(accounts=frozenset({"GEAUXPASS"})))
    assert rec.statuses() == {
        "a1": "complete",
        "a2": "complete",
        "b1": "missing_coding",
        "b2": "missing_receipt",
        "c1": "missing_all_receipts",
        "t1": "missing_coding",
    }
    by_name = {c.name: c for c in rec.cardholders}
    assert by_name["WILLIAMBURT"].complete and by_name["WILLIAMBURT"].receipt_count == 2
    assert by_name["MARIAGARCIA"].flags == ("missing_receipt", "missing_coding_info")
    assert by_name["MARIAGARCIA"].missing_receipt_amount == D("15.00")
    assert by_name["JAMESLEE"].flags == ("missing_all_receipts",) and by_name["GEAUXPASS"].is_account
    assert rec.complete_cardholders() == ("WILLIAMBURT",)


def test_coding_fields_are_a_setting() -> None:
    rec = reconcile(
        [L("a", "9.00", 3)],
        [E("e", "9.00", 3, receipts=("r",), job=None)],
        [R("r", "9.00", 3, entry="e")],
        settings=MatchSettings(coding_fields=("gl_account",)),
    )
    assert rec.line("a").status == "complete"


def test_equal_twins_both_match_and_an_unpairable_twin_goes_to_review() -> None:
    lines = [L("l1", "20.00", 5), L("l2", "20.00", 5)]
    two = [E("e1", "20.00", 5, receipts=("r1",)), E("e2", "20.00", 5, receipts=("r2",))]
    receipts = [R("r1", "20.00", 5, entry="e1"), R("r2", "20.00", 5, entry="e2")]
    both = reconcile(lines, two, receipts)
    assert {pair(both, "l1"), pair(both, "l2")} == {("e1", "r1"), ("e2", "r2")}
    assert not any(r.review for r in both.lines)
    one = reconcile(lines, two[:1], receipts[:1])
    assert all(r.review and r.match is None for r in one.lines)
    assert [c.entry_id for c in one.line("l1").candidates] == ["e1"]


def test_equal_charges_on_different_days_pair_by_date_globally() -> None:
    rec = reconcile(
        [L("l1", "20.00", 5), L("l2", "20.00", 9)],
        [E("e9", "20.00", 9, receipts=("r9",)), E("e5", "20.00", 5, receipts=("r5",))],
        [R("r9", "20.00", 9, entry="e9"), R("r5", "20.00", 5, entry="e5")],
    )
    assert (pair(rec, "l1"), pair(rec, "l2")) == (("e5", "r5"), ("e9", "r9"))


def test_ambiguous_loose_receipt_goes_to_review_with_both_lines_shown() -> None:
    lines = [L("l1", "12.00", 5, holder="A", card="1111"), L("l2", "12.00", 5, holder="B", card="2222")]
    entries = [E("e1", "12.00", 5, who="A"), E("e2", "12.00", 5, who="B")]
    rec = reconcile(lines, entries, [R("r", "12.00", 5)])
    assert [pair(rec, x) for x in ("l1", "l2")] == [("e1", None), ("e2", None)]
    assert rec.line("l1").review and rec.line("l2").review
    assert rec.line("l1").candidates[0].receipt_id == "r"
    printed = reconcile(lines, entries, [R("r", "12.00", 5, card_last4="2222")])
    assert pair(printed, "l2") == ("e2", "r") and printed.line("l2").status == "complete"
    assert not printed.line("l1").review


def test_tips_foreign_currency_and_four_decimal_amounts() -> None:
    lines = [
        L("tip", "48.00", 5, "WHATABURGER 123", category="RESTAURANTS"),
        L("fx", "84.52", 6, "FIRESTONE 1234567", city="TORONTO", state="ON"),
        L("gal", "45.67", 7),
    ]
    entries = [
        E("e-tip", "48.00", 5, "Whataburger", expense_type="Meals"),
        E("e-fx", "84.0900", 6, "Firestone", receipts=("r-fx",)),
        E("e-gal", "45.6749", 7, receipts=("r-gal",)),
    ]
    receipts = [
        R("r-tip", "40.00", 5, "Whataburger", subtotal=D("40.00"), tip=D("8.00")),
        R("r-fx", "115.00", 6, "Firestone Complete Auto Care", entry="e-fx", currency="CAD"),
        R("r-gal", "45.67", 7, entry="e-gal"),
    ]
    rec = reconcile(lines, entries, receipts, settings=MatchSettings(fx_rates={"CAD": D("0.7312")}))
    assert rec.statuses() == {"tip": "complete", "fx": "complete", "gal": "complete"}
    assert pair(rec, "tip") == ("e-tip", "r-tip") and "tip $8.00" in reasons(rec, "tip")
    assert "CAD 115.00" in reasons(rec, "fx")


def test_uber_rides_and_uber_eats_are_told_apart() -> None:
    lines = [L("ride", "18.40", 5, "UBER *TRIP HELP.UBER.COM"), L("food", "18.40", 5, "UBER *EATS")]
    entries = [
        E("e-food", "18.40", 5, "Uber Eats", receipts=("r-food",)),
        E("e-ride", "18.40", 5, "Uber", receipts=("r-ride",)),
    ]
    receipts = [R("r-food", "18.40", 5, "Uber Eats", entry="e-food"), R("r-ride", "18.40", 5, "Uber", entry="e-ride")]
    rec = reconcile(lines, entries, receipts)
    assert (pair(rec, "ride"), pair(rec, "food")) == (("e-ride", "r-ride"), ("e-food", "r-food"))


def test_truncated_and_prefixed_descriptors_match_full_names() -> None:
    lines = [L("inn", "199.00", 10, "HOLIDAY INN EXPRES", category="HOTELS"), L("sq", "6.75", 11, "SQ *BLUE BOTTLE CO")]
    entries = [
        E("e-inn", "199.00", 7, "Holiday Inn Express & Suites", expense_type="Lodging", receipts=("r-inn",)),
        E("e-sq", "6.75", 11, "Blue Bottle Coffee", receipts=("r-sq",)),
    ]
    receipts = [R("r-inn", "199.00", 7, "Holiday Inn Express", entry="e-inn"), R("r-sq", "6.75", 11, entry="e-sq")]
    rec = reconcile(lines, entries, receipts)
    assert rec.statuses() == {"inn": "complete", "sq": "complete"}
    assert "truncated" in reasons(rec, "inn")


def test_credits_are_never_missing_and_full_refunds_net_their_charge() -> None:
    lines = [L("c", "89.10", 3, "HOME DEPOT 4411"), L("cr", "-89.10", 9, "HOME DEPOT 4411"), L("x", "-1.25", 9)]
    rec = reconcile(lines, [E("other", "5.00", 1)], [])
    assert rec.statuses() == {"c": "credit", "cr": "credit", "x": "credit"}
    assert rec.line("cr").refund_of == "c" and rec.line("c").refunded_by == ("cr",)
    assert any("refunded in full" in n for n in rec.line("c").notes)
    assert rec.cardholders[0].missing_receipt_amount == D("0.00")


def test_split_and_covering_suggestions_are_offered_not_applied() -> None:
    lines = [
        L("hotel", "412.35", 10, "HAMPTON INN 40150", category="HOTELS"),
        L("p1", "40.00", 12),
        L("p2", "35.50", 12),
    ]
    entries = [
        E("room", "300.12", 10, "Hampton Inn", expense_type="Lodging", receipts=("f1",)),
        E("meal", "112.23", 10, "Hampton Inn", expense_type="Meals", receipts=("f2",)),
        E("e1", "40.00", 12),
        E("e2", "35.50", 12),
    ]
    receipts = [
        R("f1", "412.35", 10, "Hampton Inn", entry="room"),
        R("f2", "412.35", 10, "Hampton Inn", entry="meal"),
        R("both", "75.50", 12),
    ]
    rec = reconcile(lines, entries, receipts)
    hotel = rec.line("hotel")
    assert hotel.match is None and hotel.review and hotel.status == "missing_both"
    assert [s.entry_ids for s in hotel.suggestions] == [("room", "meal")]
    assert rec.line("p1").status == "missing_receipt" and rec.line("p1").review
    assert rec.line("p1").suggestions[0].receipt_ids == ("both",)


def test_unknown_expense_names_are_suggested_and_their_cardholder_is_missing_all_receipts() -> None:
    rec = reconcile(
        [L("l", "12.34", 3)], [E("e", "12.34", 3, who="Bill Burt", receipts=("r",))], [R("r", "12.34", 3, entry="e")]
    )
    assert rec.line("l").status == "missing_all_receipts"
    [s] = rec.identity_suggestions
    assert (s.expense_name, s.cardholder) == ("Bill Burt", "WILLIAMBURT")
    confirmed = reconcile(
        [L("l", "12.34", 3)],
        [E("e", "12.34", 3, who="Bill Burt", receipts=("r",))],
        [R("r", "12.34", 3, entry="e")],
        directory=Directory(aliases={"Bill Burt": "WILLIAMBURT"}),
    )
    assert confirmed.line("l").status == "complete" and not confirmed.identity_suggestions


def test_results_are_deterministic() -> None:
    args = (
        [L("l1", "20.00", 5), L("l2", "20.00", 5)],
        [E("e1", "20.00", 5), E("e2", "20.00", 5)],
        [R("r", "20.00", 5)],
    )
    assert reconcile(*args) == reconcile(*args)

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from recon_matcher.domain.match_settings import MatchSettings
from recon_matcher.domain.merchant_names import MerchantAliases
from recon_matcher.domain.pair_scoring import ScoringContext
from recon_matcher.domain.sides import CardLine, ExpenseEntry, Receipt
from recon_matcher.domain.suggestions import covering_suggestions, split_suggestions

CTX = ScoringContext(MatchSettings(), MerchantAliases.build({}))


def line(n: int, amount: str, merchant: str = "SHELL OIL57444", card: str = "1111") -> CardLine:
    return CardLine(f"L{n}", "A", None, card, date(2025, 3, 10), date(2025, 3, 11), D(amount), merchant)


def test_one_charge_split_over_two_entries() -> None:
    hotel = CTX.facts(line(1, "412.35", "HAMPTON INN 40150"))
    entries = [
        ExpenseEntry("E1", "a", "Lodging", date(2025, 3, 10), D("300.0000"), receipt_ids=("R1",)),
        ExpenseEntry("E2", "a", "Meals", date(2025, 3, 10), D("112.35")),
        ExpenseEntry("E3", "a", "Meals", date(2025, 3, 10), D("99.00")),
    ]
    [s] = split_suggestions([hotel], {"A": entries}, lambda _: "A", CTX)
    assert s.kind == "line_split_over_entries" and s.entry_ids == ("E1", "E2") and s.receipt_ids == ("R1",)
    assert s.reasons == ("$300.00 + $112.35 = $412.35",)


def test_one_receipt_covering_two_charges_of_the_same_card() -> None:
    lines = [CTX.facts(line(1, "40.00")), CTX.facts(line(2, "35.50")), CTX.facts(line(3, "35.50", card="2222"))]
    receipt = Receipt("R1", "Shell", date(2025, 3, 10), D("75.50"))
    [s] = covering_suggestions(lines, [receipt], [], CTX)
    assert s.kind == "receipt_covers_lines" and set(s.line_ids) == {"L1", "L2"} and s.receipt_ids == ("R1",)


def test_no_covering_across_cards_or_merchants() -> None:
    lines = [CTX.facts(line(1, "40.00")), CTX.facts(line(2, "35.50", card="2222"))]
    assert covering_suggestions(lines, [Receipt("R1", "Shell", date(2025, 3, 10), D("75.50"))], [], CTX) == []
    other = [CTX.facts(line(1, "40.00")), CTX.facts(line(2, "35.50", "HOME DEPOT 44"))]
    assert covering_suggestions(other, [Receipt("R1", "Shell", date(2025, 3, 10), D("75.50"))], [], CTX) == []


def test_one_entry_covering_several_charges() -> None:
    lines = [CTX.facts(line(1, "40.00")), CTX.facts(line(2, "35.50")), CTX.facts(line(3, "9.99"))]
    entry = ExpenseEntry("E1", "a", "Fuel", date(2025, 3, 10), D("85.49"), receipt_ids=("R7",))
    [s] = covering_suggestions([], [], [(entry, lines)], CTX)
    assert set(s.line_ids) == {"L1", "L2", "L3"} and s.entry_ids == ("E1",) and s.receipt_ids == ("R7",)

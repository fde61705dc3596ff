from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from recon_matcher.domain.match_settings import MatchSettings
from recon_matcher.domain.merchant_names import MerchantAliases
from recon_matcher.domain.pair_scoring import ScoringContext, score_entry, score_receipt
from recon_matcher.domain.sides import CardLine, ExpenseEntry, Receipt

CTX = ScoringContext(MatchSettings(), MerchantAliases.build({"SHELL OIL": "Shell"}))


def line(amount: str, day: int = 10, merchant: str = "SHELL OIL574442211", category: str = "FUEL") -> CardLine:
    return CardLine(
        "l1",
        "WILLIAMBURT",
        "1",
        "1234",
        date(2025, 3, day),
        date(2025, 3, day + 1),
        D(amount),
        merchant,
        None,
        None,
        category,
    )


def test_reasons_read_like_a_person_would_explain_the_match() -> None:
    facts = CTX.facts(line("45.67"))
    entry = ExpenseEntry("e1", "William Burt", "Fuel", date(2025, 3, 10), D("45.67"), "Shell")
    c = score_entry(facts, entry, [], CTX)
    assert c is not None and c.confidence == 1.0
    assert c.reasons == ("amount exact", "same day", "merchant 1.00 via alias SHELL OIL → Shell")


def test_entry_amount_typo_is_rescued_by_its_receipt_but_a_split_is_not() -> None:
    facts = CTX.facts(line("45.67"))
    receipt = Receipt("r1", "Shell", date(2025, 3, 10), D("45.67"), entry_id="e1")
    typo = score_entry(facts, ExpenseEntry("e1", "W", None, date(2025, 3, 10), D("46.57"), "Shell"), [receipt], CTX)
    split = score_entry(facts, ExpenseEntry("e1", "W", None, date(2025, 3, 10), D("30.00"), "Shell"), [receipt], CTX)
    assert typo is not None and typo.confidence >= CTX.settings.auto_match_confidence
    assert split is not None and split.confidence < CTX.settings.auto_match_confidence
    assert "entry amount $30.00 differs" in split.reasons[0]


def test_lodging_allows_check_in_dates_well_before_the_charge() -> None:
    hotel = CTX.facts(line("412.35", day=20, merchant="HAMPTON INN 40150", category="HOTELS"))
    fuel = CTX.facts(line("412.35", day=20))
    check_in = Receipt("r1", "Hampton Inn", date(2025, 3, 12), D("412.35"))
    assert score_receipt(hotel, check_in, CTX) is not None
    assert score_receipt(fuel, check_in, CTX) is None


def test_receipt_for_another_card_is_never_a_candidate() -> None:
    facts = CTX.facts(line("20.00"))
    assert score_receipt(facts, Receipt("r1", "Shell", date(2025, 3, 10), D("20.00"), card_last4="9999"), CTX) is None
    own = score_receipt(facts, Receipt("r1", "Shell", date(2025, 3, 10), D("20.00"), card_last4="1234"), CTX)
    assert own is not None and "card ••1234" in own.reasons


def test_entry_without_any_amount_is_only_a_weak_candidate() -> None:
    facts = CTX.facts(line("20.00"))
    c = score_entry(facts, ExpenseEntry("e1", "W", None, date(2025, 3, 10), None, "Shell"), [], CTX)
    assert c is not None and c.confidence < CTX.settings.auto_match_confidence

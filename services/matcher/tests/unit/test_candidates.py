from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest
import recon_matcher.domain.candidates as candidates_module
from recon_matcher.domain.candidates import AmountIndex, entry_candidates, receipt_candidates
from recon_matcher.domain.match_settings import MatchSettings
from recon_matcher.domain.merchant_names import MerchantAliases
from recon_matcher.domain.pair_scoring import Candidate, LineFacts, ScoringContext
from recon_matcher.domain.sides import CardLine, ExpenseEntry, Receipt

CTX = ScoringContext(MatchSettings(), MerchantAliases.build({}))


def line(n: int, amount: str, holder: str = "A", card: str = "1111") -> CardLine:
    return CardLine(f"L{n}", holder, None, card, date(2025, 3, 10), date(2025, 3, 11), D(amount), "SHELL OIL57444")


def everywhere(_line: str, _target: str) -> bool:
    return True


def test_only_lines_in_an_amount_range_are_scored(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [CTX.facts(line(n, f"{10 + n}.00")) for n in range(500)]
    scored: list[str] = []
    real = candidates_module.score_receipt

    def counting(facts: LineFacts, receipt: Receipt, ctx: ScoringContext) -> Candidate | None:
        scored.append(facts.line.id)
        return real(facts, receipt, ctx)

    monkeypatch.setattr(candidates_module, "score_receipt", counting)
    receipts = [Receipt(f"R{n}", "Shell", date(2025, 3, 10), D(f"{10 + n}.00")) for n in range(0, 500, 5)]
    found = receipt_candidates(lines, receipts, everywhere, CTX)
    assert len(scored) == 100 and len(found) == 100  # one look-up each, not 500 x 100


def test_entries_are_only_compared_within_their_cardholder() -> None:
    a, b = CTX.facts(line(1, "20.00", "A")), CTX.facts(line(2, "20.00", "B"))
    entry = ExpenseEntry("E1", "a", None, date(2025, 3, 10), D("20.00"), "Shell")
    found = entry_candidates({"A": [a], "B": [b]}, {"A": [entry]}, lambda e: [], everywhere, CTX)
    assert [(c.line_id, c.target_id) for c in found] == [("L1", "E1")]


def test_forbidden_pairs_are_skipped() -> None:
    facts = CTX.facts(line(1, "20.00"))
    receipt = Receipt("R1", "Shell", date(2025, 3, 10), D("20.00"))
    assert receipt_candidates([facts], [receipt], lambda _l, r: r != "R1", CTX) == []


def test_a_receipt_without_a_total_is_looked_up_by_the_card_it_prints() -> None:
    mine, other = CTX.facts(line(1, "20.00", card="1111")), CTX.facts(line(2, "20.00", card="2222"))
    receipt = Receipt("R1", "Shell", date(2025, 3, 10), None, card_last4="1111")
    found = receipt_candidates([mine, other], [receipt], everywhere, CTX)
    assert [c.line_id for c in found] == ["L1"]
    assert found[0].confidence < CTX.settings.auto_match_confidence  # shown, never matched on its own


def test_amount_index_ranges_are_inclusive() -> None:
    index = AmountIndex([CTX.facts(line(1, "9.99")), CTX.facts(line(2, "10.00")), CTX.facts(line(3, "10.01"))])
    assert sorted(index.within([(D("10.00"), D("10.01"))])) == ["L2", "L3"]

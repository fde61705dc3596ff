from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from recon_matcher.domain.credits import pair_refunds
from recon_matcher.domain.match_settings import MatchSettings
from recon_matcher.domain.merchant_names import MerchantAliases
from recon_matcher.domain.pair_scoring import ScoringContext
from recon_matcher.domain.sides import CardLine

CTX = ScoringContext(MatchSettings(), MerchantAliases.build({}))


def line(n: int, amount: str, day: int, merchant: str = "HOME DEPOT 4411") -> CardLine:
    return CardLine(f"L{n}", "A", None, None, date(2025, 3, day), None, D(amount), merchant)


def pairs(*lines: CardLine) -> dict[str, tuple[str, bool]]:
    return {k: (r.charge_id, r.full) for k, r in pair_refunds([[CTX.facts(x) for x in lines]], CTX).items()}


def test_a_full_refund_pairs_with_its_charge() -> None:
    assert pairs(line(1, "89.10", 3), line(2, "-89.10", 9), line(3, "12.00", 4)) == {"L2": ("L1", True)}


def test_a_partial_refund_pairs_with_the_only_plausible_charge() -> None:
    assert pairs(line(1, "89.10", 3), line(2, "-20.00", 9), line(3, "12.00", 4, "SHELL OIL1")) == {"L2": ("L1", False)}


def test_no_pairing_with_another_merchant_a_later_charge_or_a_smaller_one() -> None:
    assert pairs(line(1, "89.10", 3, "SHELL OIL1"), line(2, "-89.10", 9)) == {}
    assert pairs(line(1, "89.10", 12), line(2, "-89.10", 9)) == {}
    assert pairs(line(1, "50.00", 3), line(2, "-89.10", 9)) == {}


def test_ambiguous_partial_refunds_stay_unpaired() -> None:
    assert pairs(line(1, "60.00", 3), line(2, "65.00", 3), line(3, "-20.00", 9)) == {}


def test_a_refund_of_one_of_two_identical_charges_pairs_with_either() -> None:
    assert pairs(line(1, "60.00", 3), line(2, "60.00", 3), line(3, "-60.00", 9))["L3"][0] in {"L1", "L2"}

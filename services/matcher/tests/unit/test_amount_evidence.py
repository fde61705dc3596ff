from __future__ import annotations

from decimal import Decimal as D

from recon_matcher.domain.amount_evidence import (
    entry_amount_evidence,
    entry_ranges,
    fx_entry_evidence,
    receipt_amount_evidence,
    receipt_ranges,
)
from recon_matcher.domain.match_settings import MatchSettings
from recon_matcher.domain.sides import Receipt

FX = MatchSettings(fx_rates={"CAD": D("0.7312")}, fx_tolerance=D("0.03"))


def test_exact_and_four_decimal_amounts() -> None:
    exact = entry_amount_evidence(D("45.67"), D("45.6700"))
    assert exact is not None and exact.score == 1.0
    rounded = entry_amount_evidence(D("45.67"), D("45.6749"))
    assert rounded is not None and rounded.score < 1.0 and rounded.reason == "amount $45.6749 rounds to $45.67"
    assert entry_amount_evidence(D("45.67"), D("45.6651")) is not None  # rounds up
    assert entry_amount_evidence(D("45.67"), D("45.68")) is None  # cents are cents
    assert entry_amount_evidence(D("45.67"), None) is None


def test_tip_inclusive_receipts() -> None:
    printed = Receipt("r", total=D("40.00"), subtotal=D("36.95"), tip=D("8.00"))
    by_total = receipt_amount_evidence(D("48.00"), printed, MatchSettings())
    assert by_total is not None and by_total.reason == "total $40.00 + tip $8.00 = $48.00"
    by_subtotal = receipt_amount_evidence(D("44.95"), printed, MatchSettings())
    assert by_subtotal is not None and by_subtotal.reason.startswith("subtotal $36.95 + tip $8.00")
    assert receipt_amount_evidence(D("49.00"), printed, MatchSettings()) is None
    assert {D("40.00"), D("48.00"), D("44.95")} == {low for low, _ in receipt_ranges(printed, MatchSettings())}


def test_foreign_currency_within_tolerance_only() -> None:
    cad = Receipt("r", total=D("115.00"), currency="CAD")
    near = receipt_amount_evidence(D("84.90"), cad, FX)  # 115 * 0.7312 = 84.09, 1 % off
    assert near is not None and near.score < 0.9 and "CAD 115.00" in near.reason
    assert receipt_amount_evidence(D("90.00"), cad, FX) is None
    assert receipt_amount_evidence(D("84.09"), cad, MatchSettings()) is None  # no rate, no comparison
    [(low, high)] = receipt_ranges(cad, FX)
    assert low < D("84.09") < high and D("84.90") < high


def test_entry_amount_in_home_currency_for_a_foreign_purchase() -> None:
    assert fx_entry_evidence(D("84.09"), D("84.90"), FX) is not None
    assert fx_entry_evidence(D("84.09"), D("95.00"), FX) is None
    ranges = entry_ranges(D("84.90"), [Receipt("r", total=D("115.00"), currency="CAD")], FX)
    assert any(low <= D("84.09") <= high for low, high in ranges)


def test_ranges_cover_the_entry_and_its_receipts() -> None:
    ranges = entry_ranges(D("12.3449"), [Receipt("r", total=D("20.00"))], MatchSettings())
    assert any(low <= D("12.34") <= high for low, high in ranges)
    assert any(low == high == D("20.00") for low, high in ranges)

from __future__ import annotations

from datetime import date
from decimal import Decimal

from recon_matcher.domain.date_evidence import date_evidence
from recon_matcher.domain.sides import CardLine


def line(day: int, posted: int) -> CardLine:
    return CardLine("l", "X", None, None, date(2025, 3, day), date(2025, 3, posted), Decimal("1.00"), "M")


def test_transaction_day_beats_posted_day_beats_a_day_off() -> None:
    charge = line(10, 12)
    same = date_evidence(charge, date(2025, 3, 10), 4)
    posted = date_evidence(charge, date(2025, 3, 12), 4)
    off = date_evidence(charge, date(2025, 3, 9), 4)
    assert same is not None and posted is not None and off is not None
    assert same.score > posted.score > off.score
    assert (same.reason, posted.reason, off.reason) == ("same day", "on posted date", "transaction +1 day")


def test_posting_lag_counts_from_the_posted_date() -> None:
    ev = date_evidence(line(10, 12), date(2025, 3, 14), 4)
    assert ev is not None and ev.reason == "posted -2 days"


def test_outside_the_window_is_no_evidence_and_no_date_is_neutral() -> None:
    assert date_evidence(line(10, 10), date(2025, 3, 1), 4) is None
    assert date_evidence(line(10, 10), date(2025, 3, 1), 14) is not None
    none = date_evidence(line(10, 10), None, 4)
    assert none is not None and 0 < none.score < 1

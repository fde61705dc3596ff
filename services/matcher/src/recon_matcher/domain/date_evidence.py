"""How well a document's date fits a card line's transaction and posted dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from recon_matcher.domain.sides import CardLine


@dataclass(frozen=True, slots=True)
class DateEvidence:
    score: float
    reason: str


NO_DATE = DateEvidence(0.6, "no date on document")


def _days(n: int) -> str:
    return f"{n:+d} day" if abs(n) == 1 else f"{n:+d} days"


def date_evidence(line: CardLine, when: date | None, window_days: int) -> DateEvidence | None:
    """None when the document lies outside the window around [transaction date, posted date]."""
    if when is None:
        return NO_DATE
    tx = line.transaction_date
    posted = line.posted_date or tx
    if when == tx:
        return DateEvidence(1.0, "same day")
    if when == posted:
        # Receipts carry the transaction date; a posted-date match is plausible but weaker evidence.
        return DateEvidence(0.85, "on posted date")
    gap_tx, gap_posted = (tx - when).days, (posted - when).days
    nearest = gap_tx if abs(gap_tx) <= abs(gap_posted) or tx < when < posted else gap_posted
    if abs(nearest) > window_days:
        return None
    label = "transaction" if nearest == gap_tx else "posted"
    # The first day off costs most: same-amount charges on consecutive days must stay distinguishable.
    score = 0.8 - 0.3 * (abs(nearest) - 1) / max(1, window_days - 1)
    return DateEvidence(round(score, 3), f"{label} {_days(nearest)}")

"""Every tunable rule of reconciliation in one frozen value, so a run is reproducible from its inputs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

LONG_STAY_CATEGORIES = frozenset({"HOTELS", "LODGING", "HOTEL", "CAR RENTAL", "AUTO RENTAL", "CAR RENTALS"})
LONG_STAY_WORDS = frozenset(
    {
        "HOTEL",
        "INN",
        "SUITES",
        "LODGE",
        "MOTEL",
        "RESORT",
        "MARRIOTT",
        "HILTON",
        "HYATT",
        "HERTZ",
        "AVIS",
        "ENTERPRISE",
        "BUDGET",
        "ALAMO",
        "NATIONAL",
        "LODGING",
        "RENTAL",
    }
)


@dataclass(frozen=True)
class MatchSettings:
    """Matching and completeness rules; defaults suit a monthly US corporate-card statement."""

    # Which entry fields must be filled for the line to count as coded.
    coding_fields: tuple[str, ...] = ("gl_account", "job")
    home_currency: str = "USD"
    # Home-currency units per one unit of a foreign currency; without a rate a foreign receipt's
    # amount cannot be compared, only its date and merchant.
    fx_rates: Mapping[str, Decimal] = field(default_factory=dict)
    # Card issuers add a spread and convert on the posting day, so foreign amounts differ by a few percent.
    fx_tolerance: Decimal = Decimal("0.03")
    # Days a receipt may lie before the transaction date or after the posted date.
    date_window_days: int = 4
    # Hotels and car rentals bill at check-out while receipts carry check-in dates.
    long_stay_window_days: int = 14
    long_stay_categories: frozenset[str] = LONG_STAY_CATEGORIES
    long_stay_words: frozenset[str] = LONG_STAY_WORDS
    # Statement descriptors are cut at this many characters (WEX prints 18).
    truncation_width: int = 18
    # Amount decides, dates are precise, merchant names are the noisiest signal.
    weight_amount: float = 0.5
    weight_date: float = 0.3
    weight_merchant: float = 0.2
    # Pairs below this are not even shown as candidates.
    candidate_confidence: float = 0.55
    # Pairs at or above this may be matched without a person.
    auto_match_confidence: float = 0.72
    # A match is only automatic when the best alternative assignment costs at least this much more.
    review_margin: float = 0.04
    # Components larger than this get a local (conservative) ambiguity test instead of exact re-solves.
    max_exact_component: int = 120
    refund_window_days: int = 120
    # A charge refunded in full and never claimed nets to zero: report it as a credit, not as missing.
    net_full_refunds: bool = True
    # Accounts that are not people (toll passes) produce no receipts; they still need coding.
    accounts_need_receipts: bool = False
    # A reviewer's "no receipt" (with reason) satisfies the receipt requirement.
    no_receipt_waives_receipt: bool = True
    max_split_parts: int = 3
    # Unknown expense-report names are suggested only above this score.
    identity_min_score: float = 0.45

"""A month of card lines, expense entries and receipts with known ground truth, for the matcher.

`make_month(seed)` builds the matcher's input values directly (no PDFs), covering every case issue 5 names:
tips, foreign currency, posting lags, lodging check-in dates, truncated and prefixed descriptors, four-decimal
expense amounts, equal-amount twins (pairable and ambiguous), repeated charges, refunds, splits, one receipt
for several charges, missing receipts / coding / both, loose receipts, name aliases (confirmed and unknown),
a cardholder with no entries and a toll-pass account. `truth` says, per line, the expected status and the
expected entry/receipt, or that a person must decide; `evaluate` scores a reconciliation against it.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from recon_matcher.domain.match_settings import MatchSettings
from recon_matcher.domain.sides import ExpenseEntry, Receipt

from recon_docgen.month_builder import CENT, MonthBuilder
from recon_docgen.month_cases import ordinary_case, twins_across_cards
from recon_docgen.month_people import Holder, make_people
from recon_docgen.month_shops import ABROAD, EXPENSE_TYPE, TOLL, pick_shop
from recon_docgen.month_truth import MonthScenario

# Per ordinary line, the case drawn and its weight.
CASES = (
    ("plain", 40),
    ("posting_lag", 8),
    ("four_decimal", 5),
    ("tip", 6),
    ("fx", 3),
    ("repeat", 3),
    ("loose_receipt", 7),
    ("missing_receipt", 5),
    ("missing_coding", 4),
    ("missing_both", 2),
    ("no_entry", 2),
    ("loose_only", 1),
    ("twins_paired", 2),
    ("twins_one_entry", 1),
    ("uber_pair", 1),
    ("refund_full", 1),
    ("refund_partial", 1),
    ("credit", 1),
    ("split", 1),
    ("covering", 1),
)


def _fill_special_holder(m: MonthBuilder, h: Holder, count: int) -> None:
    for _ in range(count):
        shop = TOLL if h.kind == "account" else pick_shop(m.rng)
        ln = m.line(h, shop, m.money(*shop.price), m.day())
        if h.kind == "account":
            m.expect(ln, "account", "missing_coding")
        elif h.kind == "no_entries":
            m.expect(ln, "no_entries", "missing_all_receipts")
        else:
            m.documented(h, ln, shop)
            m.expect(ln, "unknown_alias", "missing_all_receipts")


def _decoys(m: MonthBuilder, count: int, people: list[Holder]) -> None:
    """Receipts for nothing on this statement and entries for last month's charges."""
    start = m.period[0]
    for _ in range(count):
        shop = pick_shop(m.rng)
        amount = m.money(*shop.price)
        while amount in m.used_amounts:
            amount += CENT
        when = start + timedelta(days=m.rng.randint(0, 27))
        m.receipts.append(Receipt(m.next_id("R"), shop.vendor, when, amount))
        h = m.rng.choice(people)
        old = start - timedelta(days=m.rng.randint(12, 25))
        m.entries.append(
            ExpenseEntry(
                m.next_id("E"), h.expense_name, EXPENSE_TYPE[shop.category], old, amount, shop.vendor, "6400", "J-1"
            )
        )


def make_month(seed: int, cardholders: int = 100, lines: int = 1500) -> MonthScenario:
    """A reproducible month: the same arguments always give the same scenario."""
    rng = random.Random(seed)
    month = 1 + seed % 12
    start = date(2025, month, 1)
    end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    m = MonthBuilder(rng, (start, end))
    holders, directory, unknown = make_people(rng, max(cardholders, 8))
    per_holder = max(3, lines // len(holders))
    people = [h for h in holders if h.kind == "person"]
    for h in holders:
        if h.kind != "person":
            _fill_special_holder(m, h, per_holder)
    names, weights = zip(*CASES, strict=True)
    for k in range(max(2, lines // 400)):
        a, b = rng.sample(people, 2)
        twins_across_cards(m, a, b, printed=k % 2 == 0)
    while len(m.lines) < lines:
        h = people[len(m.lines) % len(people)] if rng.random() < 0.5 else rng.choice(people)
        ordinary_case(m, h, rng.choices(names, weights)[0])
    _decoys(m, max(3, lines // 60), people)
    settings = MatchSettings(fx_rates={currency: rate for _, _, currency, rate in ABROAD})
    return MonthScenario(
        tuple(m.lines), tuple(m.entries), tuple(m.receipts), directory, settings, m.truth, unknown, m.period
    )

"""One generator per case of issue 5; each adds card lines, their documents and the truth about them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from recon_docgen.month_builder import CENT, MonthBuilder
from recon_docgen.month_people import Holder
from recon_docgen.month_shops import ABROAD, CITIES, UBER_EATS, UBER_TRIP, Shop, one_store, pick_shop


def ordinary_case(m: MonthBuilder, h: Holder, case: str) -> None:
    rng = m.rng
    shop = pick_shop(rng, "RESTAURANTS" if case == "tip" else "HOTELS" if case == "lodging" else None)
    days = m.day()
    if case in ("plain", "posting_lag"):
        ln = m.line(h, shop, m.money(*shop.price), days)
        if shop.category in ("HOTELS", "CAR RENTAL"):
            check_in = ln.transaction_date - timedelta(days=rng.randint(1, 5))
            pair = m.documented(h, ln, shop, date=check_in)
            m.entries[-1] = replace(m.entries[-1], date=check_in)
        else:
            pair = m.documented(h, ln, shop)
        if case == "posting_lag":
            m.entries[-1] = replace(m.entries[-1], date=ln.posted_date)
        m.expect(ln, case, "complete", pair)
    elif case == "four_decimal":
        fuel = pick_shop(rng, "FUEL")
        ln = m.line(h, fuel, m.money(25, 95), days)
        pair = m.documented(h, ln, fuel)
        jitter = Decimal(rng.choice([-1, 1]) * rng.randint(1, 49)) / 10000
        m.entries[-1] = replace(m.entries[-1], amount=ln.amount + jitter)
        m.expect(ln, case, "complete", pair)
    elif case == "tip":
        bill = m.money(*shop.price)
        tip = (bill * Decimal(rng.choice(("0.15", "0.18", "0.20")))).quantize(CENT)
        ln = m.line(h, shop, bill + tip, days)
        pair = m.documented(h, ln, shop, total=bill, subtotal=bill, tip=tip)
        if rng.random() < 0.5:  # the employee typed the bill, or left the amount blank
            m.entries[-1] = replace(m.entries[-1], amount=None)
        m.expect(ln, case, "complete", pair)
    elif case == "fx":
        city, state, currency, rate = rng.choice(ABROAD)
        local = m.money(20, 400)
        spread = Decimal(str(rng.uniform(-0.02, 0.02)))
        ln = m.line(h, shop, (local * rate * (1 + spread)).quantize(CENT), days, (city, state))
        pair = m.documented(h, ln, shop, total=local, currency=currency, card_last4=None)
        own = (local * rate).quantize(Decimal("0.0001")) if rng.random() < 0.5 else ln.amount
        m.entries[-1] = replace(m.entries[-1], amount=own)
        m.expect(ln, case, "complete", pair)
    elif case == "repeat":
        amount = m.money(*shop.price)
        first = m.line(h, shop, amount, days)
        gap = rng.randint(1, 4)
        second = m.line(h, shop, amount, (days[0] + timedelta(days=gap), days[1] + timedelta(days=gap)))
        for ln in (first, second):
            pair = m.documented(h, ln, shop)
            m.entries[-1] = replace(m.entries[-1], date=ln.transaction_date)
            m.expect(ln, case, "complete", pair)
    elif case == "loose_receipt":
        ln = m.line(h, shop, m.money(*shop.price), days)
        e = m.entry(h, ln, shop)
        r = m.receipt(ln, shop, entry=None)
        m.expect(ln, case, "complete", (e.id, r.id))
    elif case == "missing_receipt":
        ln = m.line(h, shop, m.money(*shop.price), days)
        m.expect(ln, case, "missing_receipt", (m.entry(h, ln, shop).id, None))
    elif case == "missing_coding":
        ln = m.line(h, shop, m.money(*shop.price), days)
        e = m.entry(h, ln, shop, coded=False)
        r = m.receipt(ln, shop, entry=e.id)
        m.entries[-1] = replace(e, receipt_ids=(r.id,))
        m.expect(ln, case, "missing_coding", (e.id, r.id))
    elif case == "missing_both":
        ln = m.line(h, shop, m.money(*shop.price), days)
        m.expect(ln, case, "missing_both", (m.entry(h, ln, shop, coded=False).id, None))
    elif case == "no_entry":
        ln = m.line(h, shop, m.money(*shop.price), days)
        m.expect(ln, case, "missing_both")
    elif case == "loose_only":
        ln = m.line(h, shop, m.money(*shop.price), days)
        m.expect(ln, case, "missing_coding", (None, m.receipt(ln, shop, entry=None).id))
    else:
        _special(m, h, case, shop, days)


def _special(m: MonthBuilder, h: Holder, case: str, shop: Shop, days: tuple[date, date]) -> None:
    rng = m.rng
    place = rng.choice(CITIES)
    if case == "twins_paired":
        amount = m.money(*shop.price)
        shop = one_store(rng, shop)
        twins = [m.line(h, shop, amount, days, place) for _ in range(2)]
        when, merchant, job = twins[0].transaction_date, shop.vendor, f"J-{rng.randint(1000, 9999)}"
        pairs = []
        for ln in twins:
            pairs.append(m.documented(h, ln, shop, card_last4=None))
            m.entries[-1] = replace(m.entries[-1], date=when, merchant=merchant, job=job)
        for ln, pair in zip(twins, pairs, strict=True):
            m.expect(ln, case, "complete", pair, also_ok=frozenset(pairs))
    elif case == "twins_one_entry":
        amount = m.money(*shop.price)
        shop = one_store(rng, shop)
        twins = [m.line(h, shop, amount, days, place) for _ in range(2)]
        m.documented(h, twins[0], shop, card_last4=None)
        m.entries[-1] = replace(m.entries[-1], date=twins[0].transaction_date)
        for ln in twins:
            m.expect(ln, case, "missing_both", review=True)
    elif case == "uber_pair":
        amount = m.money(12, 45)
        for uber in (UBER_TRIP, UBER_EATS):
            ln = m.line(h, uber, amount, days)
            pair = m.documented(h, ln, uber)
            m.entries[-1] = replace(m.entries[-1], date=ln.transaction_date, merchant=uber.vendor)
            m.expect(ln, case, "complete", pair)
    elif case == "refund_full":
        charge = m.line(h, shop, m.money(*shop.price), days)
        later = (days[0] + timedelta(days=rng.randint(2, 9)), days[1] + timedelta(days=rng.randint(10, 12)))
        credit = m.line(h, shop, -charge.amount, later)
        m.expect(charge, case, "credit")
        m.expect(credit, case, "credit", refund_of=charge.id)
    elif case == "refund_partial":
        charge = m.line(h, shop, m.money(max(40.0, shop.price[0]), max(80.0, shop.price[1])), days)
        m.expect(charge, case, "complete", m.documented(h, charge, shop))
        later = (days[0] + timedelta(days=rng.randint(2, 9)), days[1] + timedelta(days=rng.randint(10, 12)))
        credit = m.line(h, shop, -(charge.amount * Decimal("0.3")).quantize(CENT), later)
        m.expect(credit, case, "credit")
    elif case == "credit":
        m.expect(m.line(h, pick_shop(rng, "FUEL"), -m.money(0.2, 4), days), case, "credit")
    elif case == "split":
        hotel = pick_shop(rng, "HOTELS")
        ln = m.line(h, hotel, m.money(250, 900), days)
        room = (ln.amount * Decimal(str(rng.uniform(0.6, 0.85)))).quantize(CENT)
        for part, kind in ((room, "Lodging"), (ln.amount - room, "Meals")):
            e = m.entry(h, ln, hotel, amount=part, expense_type=kind, date=ln.transaction_date)
            r = m.receipt(ln, hotel, entry=e.id, card_last4=None)
            m.entries[-1] = replace(e, receipt_ids=(r.id,))
        m.expect(ln, case, "missing_both", review=True, suggestion="line_split_over_entries")
    elif case == "covering":
        fuel = pick_shop(rng, "FUEL")
        pumps = [m.line(h, fuel, m.money(30, 70), days) for _ in range(2)]
        for ln in pumps:
            m.expect(ln, case, "missing_receipt", (m.entry(h, ln, fuel).id, None), suggestion="receipt_covers_lines")
        m.receipt(pumps[0], fuel, entry=None, total=pumps[0].amount + pumps[1].amount)


def twins_across_cards(m: MonthBuilder, a: Holder, b: Holder, printed: bool) -> None:
    """Two cardholders with the same charge, both entered without receipts, and one loose receipt."""
    shop = pick_shop(m.rng, "RESTAURANTS")
    amount, days = m.money(*shop.price), m.day()
    place = m.rng.choice(CITIES)
    store = one_store(m.rng, shop)
    lines = [m.line(h, store, amount, days, place) for h in (a, b)]
    entries = [m.entry(h, ln, shop, date=ln.transaction_date) for h, ln in zip((a, b), lines, strict=True)]
    r = m.receipt(lines[0], shop, entry=None, card_last4=a.last4 if printed else None)
    if printed:
        m.expect(lines[0], "twins_cross_printed", "complete", (entries[0].id, r.id))
        m.expect(lines[1], "twins_cross_printed", "missing_receipt", (entries[1].id, None))
    else:
        for ln, e in zip(lines, entries, strict=True):
            m.expect(ln, "twins_cross", "missing_receipt", (e.id, None), review=True)

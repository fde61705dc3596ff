"""Deterministic scenarios: statements and receipts drawn from one seed."""

from __future__ import annotations

import calendar
import itertools
import random
import re
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from recon_docgen.catalog import (
    ACCOUNT_NAMES,
    CITIES,
    COMPANIES,
    FIRST_NAMES,
    FUEL_EXTRAS,
    LAST_NAMES,
    MERCHANTS,
    MerchantKind,
)
from recon_docgen.truth import GenCardholder, GenItem, GenLine, GenReceipt, GenStatement

CENT = Decimal("0.01")
MERCHANT_WIDTH = 18
_TAX_RATES = {"RESTAURANTS": "0.0825", "HOTELS": "0.15", "MISC": "0.0825", "MAINTENANCE": "0.0825"}


def _money(value: float | Decimal) -> Decimal:
    return Decimal(str(value)).quantize(CENT, rounding=ROUND_HALF_UP)


def _digits(rng: random.Random, pattern: str) -> str:
    return "".join(str(rng.randrange(10)) if c == "#" else c for c in pattern)


def _default_period(seed: int) -> tuple[date, date]:
    month = 1 + seed % 12
    year = 2025
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _item(desc: str, ppu: Decimal, qty: Decimal, discount_rate: Decimal) -> GenItem:
    gross = (ppu * qty).quantize(CENT, rounding=ROUND_HALF_UP)
    discount = (qty * discount_rate).quantize(CENT, rounding=ROUND_HALF_UP) if gross > 0 else Decimal("0.00")
    return GenItem(desc or None, ppu, qty, gross, discount, gross - discount)


def _fuel_items(rng: random.Random, kind: MerchantKind) -> list[GenItem]:
    ppu = Decimal(str(round(rng.uniform(*kind.price), 5))).quantize(Decimal("0.00001"))
    qty = Decimal(str(round(rng.uniform(4.0, 38.0), 2))).quantize(CENT)
    rate = Decimal(rng.choice(("0.03", "0.05", "0.10"))) if rng.random() < 0.2 else Decimal("0")
    items = [_item(rng.choice(kind.products), ppu, qty, rate)]
    for _ in range(rng.choice((0, 0, 0, 1, 1, 2))):
        price = Decimal(str(round(rng.uniform(1.5, 24.0), 2))).quantize(Decimal("0.00001"))
        items.append(_item(rng.choice(FUEL_EXTRAS), price, Decimal(rng.choice(("1.00", "2.00"))), Decimal(0)))
    return items


def _misc_items(rng: random.Random, kind: MerchantKind) -> list[GenItem]:
    count = rng.choice((1, 1, 1, 2)) if kind.category in ("MISC", "MAINTENANCE") else 1
    items = []
    for _ in range(count):
        price = Decimal(str(round(rng.uniform(*kind.price) / count, 2))).quantize(Decimal("0.00001"))
        items.append(_item(rng.choice(kind.products), price, Decimal("1.00"), Decimal(0)))
    return items


def _credit_items(rng: random.Random, kind: MerchantKind) -> list[GenItem]:
    if kind.fuel:
        ppu = Decimal(str(round(rng.uniform(*kind.price), 5))).quantize(Decimal("0.00001"))
        qty = -Decimal(str(round(rng.uniform(0.05, 2.5), 2))).quantize(CENT)
    else:
        ppu = Decimal(str(round(rng.uniform(*kind.price), 2))).quantize(Decimal("0.00001"))
        qty = Decimal("-1.00")
    return [_item(rng.choice(kind.products), ppu, qty, Decimal(0))]


def _items(rng: random.Random, kind: MerchantKind, credit: bool) -> list[GenItem]:
    if credit:
        return _credit_items(rng, kind)
    return _fuel_items(rng, kind) if kind.fuel else _misc_items(rng, kind)


def _line(rng: random.Random, period: tuple[date, date], ref: str, credit: bool) -> GenLine:
    kind = rng.choice(MERCHANTS)
    merchant = _digits(rng, kind.pattern)[:MERCHANT_WIDTH].rstrip()
    city, state = rng.choice(CITIES)
    days = (period[1] - period[0]).days
    posted = period[0] + timedelta(days=rng.randint(0, days))
    trans = posted - timedelta(days=rng.choice((0, 1, 1, 2, 3)))
    items = _items(rng, kind, credit)
    level = rng.choice("NNFFFL")
    return GenLine(trans, posted, level, ref, merchant, city, state, kind.category, tuple(items))


def _names(rng: random.Random, count: int) -> list[str]:
    names: set[str] = {ACCOUNT_NAMES[0]} if count >= 4 else set()
    accounts = list(ACCOUNT_NAMES[1:])
    while len(names) < count:
        if accounts and rng.random() < 0.04:
            names.add(accounts.pop(0))
            continue
        middle = rng.choice("ABCDEFGHJKLMRSTW") if rng.random() < 0.2 else ""
        names.add(rng.choice(FIRST_NAMES) + middle + rng.choice(LAST_NAMES))
    return sorted(names)


def make_statement(
    seed: int,
    cardholders: int = 5,
    lines_per_cardholder: tuple[int, int] = (3, 8),
    period: tuple[date, date] | None = None,
    credit_ratio: float = 0.05,
) -> GenStatement:
    """A reproducible WEX statement: the same arguments always give the same statement."""
    rng = random.Random(seed)
    period = period or _default_period(seed)
    refs = rng.sample(range(100000, 999999), k=cardholders * lines_per_cardholder[1])
    last4s = rng.sample(range(10000), k=cardholders)
    emp_ids = rng.sample(range(100000, 999999), k=cardholders)
    holders = []
    ref_iter = iter(refs)
    for i, name in enumerate(_names(rng, cardholders)):
        count = rng.randint(*lines_per_cardholder)
        lines = [_line(rng, period, f"{next(ref_iter):09d}", rng.random() < credit_ratio) for _ in range(count)]
        lines.sort(key=lambda ln: (ln.transaction_date, ln.posted_date, ln.reference))
        card = f"556735XXXXXX{last4s[i]:04d}"
        holders.append(GenCardholder(name, f"{emp_ids[i]:06d}", card, tuple(lines)))
    account = f"S-{rng.randint(10, 99)}{rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ')}"
    customer = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(5))
    return GenStatement(period[0], period[1], account, customer, rng.choice(COMPANIES), tuple(holders))


def vendor_name(merchant: str) -> str:
    """The merchant as a receipt would print it: without store numbers."""
    cleaned = re.sub(r"[\s#*]*[0-9#*]+$", "", merchant).strip(" -*#")
    return cleaned or merchant


def _split(rng: random.Random, amount: Decimal, parts: int) -> list[Decimal]:
    if parts <= 1 or abs(amount) < Decimal("1.00"):
        return [amount]
    cuts = sorted(rng.uniform(0.2, 0.8) for _ in range(parts - 1))
    values = [_money(amount * Decimal(str(c))) for c in cuts]
    pieces = [values[0]] + [b - a for a, b in itertools.pairwise(values)]
    pieces.append(amount - sum(pieces, Decimal("0.00")))
    return pieces


def receipt_for(line: GenLine, seed: int, *, card_last4: str | None = None) -> GenReceipt:
    """A receipt for a swipe: its total is the swipe's net amount, its date the transaction date."""
    rng = random.Random(f"{seed}:{line.reference}")
    total = line.net
    rate = Decimal(_TAX_RATES.get(line.category, "0"))
    tip_rate = Decimal(rng.choice(("0.15", "0.18", "0.20"))) if line.category == "RESTAURANTS" else Decimal(0)
    if total <= 0 or rate == 0:
        subtotal, tax, tip = None, None, None
        base = total
    else:
        subtotal = _money(total / (1 + rate + tip_rate))
        tip = _money(subtotal * tip_rate) if tip_rate else None
        tax = total - subtotal - (tip or Decimal(0))
        base = subtotal
    names = [i.description or "MERCHANDISE" for i in line.items] or ["MERCHANDISE"]
    amounts = _split(rng, base, min(len(names) + rng.randint(0, 1), 3))
    items = tuple((names[k % len(names)], amt) for k, amt in enumerate(amounts))
    number = rng.randint(100, 9999)
    street = f"{number} {rng.choice(('MAIN ST', 'HWY 190', 'I-10 SERVICE RD', 'GULF FWY', 'AIRLINE HWY'))}"
    return GenReceipt(
        vendor=vendor_name(line.merchant),
        date=line.transaction_date,
        total=total,
        subtotal=subtotal,
        tax=tax,
        tip=tip,
        card_last4=card_last4,
        address=street,
        city_state_zip=f"{line.city}, {line.state} {rng.randint(70000, 79999)}",
        items=items,
    )

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
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from recon_matcher.domain.match_settings import MatchSettings
from recon_matcher.domain.results import LineStatus, Reconciliation
from recon_matcher.domain.sides import CardLine, Directory, ExpenseEntry, Receipt

from recon_docgen.catalog import FIRST_NAMES, LAST_NAMES

CENT = Decimal("0.01")
WIDTH = 18
Pair = tuple[str | None, str | None]


@dataclass(frozen=True)
class Shop:
    """A merchant: statement descriptor (`#` = digit, cut at 18), the name receipts print, group, price range."""

    descriptor: str
    vendor: str
    category: str
    price: tuple[float, float]


SHOPS: tuple[Shop, ...] = (
    Shop("SHELL OIL#########", "Shell", "FUEL", (25, 95)),
    Shop("EXXONMOBIL ######", "ExxonMobil", "FUEL", (25, 95)),
    Shop("CHEVRON #######", "Chevron", "FUEL", (25, 95)),
    Shop("MURPHY USA ####", "Murphy USA", "FUEL", (25, 90)),
    Shop("CIRCLE K ########", "Circle K", "FUEL", (20, 90)),
    Shop("BUC-EE'S ###", "Buc-ee's", "FUEL", (25, 95)),
    Shop("VALERO ####", "Valero", "FUEL", (20, 90)),
    Shop("HOME DEPOT ####", "The Home Depot", "MISC", (8, 640)),
    Shop("LOWES #######", "Lowe's", "MISC", (6, 420)),
    Shop("GRAINGER", "Grainger", "MISC", (25, 1800)),
    Shop("FASTENAL COMPANY01", "Fastenal Company", "MISC", (12, 300)),
    Shop("AMZN MKTP US*######", "Amazon.com", "MISC", (9, 260)),
    Shop("PAYPAL *OFFICESUPPLY", "OfficeSupply", "MISC", (15, 220)),
    Shop("SQ *BLUE BOTTLE COFFEE", "Blue Bottle Coffee", "RESTAURANTS", (6, 40)),
    Shop("TST* GUMBO SHOP", "Gumbo Shop", "RESTAURANTS", (18, 140)),
    Shop("WHATABURGER ###", "Whataburger", "RESTAURANTS", (7, 48)),
    Shop("CHICK-FIL-A #####", "Chick-fil-A", "RESTAURANTS", (6, 62)),
    Shop("RAISING CANES ####", "Raising Cane's", "RESTAURANTS", (8, 95)),
    Shop("POPEYES ####", "Popeyes Louisiana Kitchen", "RESTAURANTS", (7, 55)),
    Shop("HAMPTON INN #####", "Hampton Inn & Suites", "HOTELS", (95, 420)),
    Shop("HOLIDAY INN EXPRESS & SUITES", "Holiday Inn Express & Suites", "HOTELS", (89, 380)),
    Shop("COURTYARD BY MARRIOTT", "Courtyard by Marriott", "HOTELS", (140, 900)),
    Shop("ENTERPRISE RENT-A-CAR", "Enterprise Rent-A-Car", "CAR RENTAL", (60, 600)),
    Shop("FIRESTONE #######", "Firestone Complete Auto Care", "MAINTENANCE", (35, 1150)),
    Shop("JIFFY LUBE #####", "Jiffy Lube", "MAINTENANCE", (39, 180)),
)
UBER_TRIP = Shop("UBER *TRIP", "Uber", "TRAVEL", (9, 60))
UBER_EATS = Shop("UBER *EATS", "Uber Eats", "RESTAURANTS", (12, 60))
TOLL = Shop("LA DOTD GEAUXPASS", "GeauxPass", "TOLLS", (1, 24))
CITIES = (("HOUSTON", "TX"), ("BATON ROUGE", "LA"), ("LAFAYETTE", "LA"), ("BEAUMONT", "TX"), ("MOBILE", "AL"))
ABROAD = (("TORONTO", "ON", "CAD", Decimal("0.7312")), ("OSLO", "NO", "NOK", Decimal("0.0921")))
GL = {
    "FUEL": "6110",
    "MISC": "6400",
    "RESTAURANTS": "6520",
    "HOTELS": "6510",
    "CAR RENTAL": "6530",
    "MAINTENANCE": "6150",
    "TRAVEL": "6540",
    "TOLLS": "6120",
}
EXPENSE_TYPE = {
    "FUEL": "Fuel",
    "MISC": "Supplies",
    "RESTAURANTS": "Meals",
    "HOTELS": "Lodging",
    "CAR RENTAL": "Car Rental",
    "MAINTENANCE": "Vehicle Maintenance",
    "TRAVEL": "Taxi/Rideshare",
    "TOLLS": "Tolls",
}
NICKNAME_OF = {
    "WILLIAM": "Bill",
    "ROBERT": "Bob",
    "JAMES": "Jim",
    "MICHAEL": "Mike",
    "RICHARD": "Rick",
    "THOMAS": "Tom",
    "CHARLES": "Chuck",
    "DANIEL": "Dan",
    "JOSEPH": "Joe",
    "ELIZABETH": "Liz",
    "PATRICIA": "Patty",
    "JENNIFER": "Jen",
    "ANTHONY": "Tony",
    "DAVID": "Dave",
}
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


@dataclass(frozen=True)
class LineTruth:
    """What a correct reconciliation says about one card line."""

    line_id: str
    case: str
    status: LineStatus
    # The pairing a correct matcher makes (automatically or, when review is True, not at all).
    expected: Pair = (None, None)
    # Other pairings as good as `expected` (indistinguishable twins).
    also_ok: frozenset[Pair] = frozenset()
    review: bool = False
    refund_of: str | None = None
    suggestion: str | None = None


@dataclass(frozen=True)
class MonthScenario:
    lines: tuple[CardLine, ...]
    entries: tuple[ExpenseEntry, ...]
    receipts: tuple[Receipt, ...]
    directory: Directory
    settings: MatchSettings
    truth: dict[str, LineTruth]
    # Expense-report names no rule can resolve -> the statement cardholder they belong to.
    unknown_names: dict[str, str]
    period: tuple[date, date]


@dataclass
class _Holder:
    name: str
    employee_id: str
    last4: str
    expense_name: str
    first: str
    kind: str = "person"  # person | unknown_alias | no_entries | account


@dataclass
class _Month:
    rng: random.Random
    period: tuple[date, date]
    lines: list[CardLine] = field(default_factory=list)
    entries: list[ExpenseEntry] = field(default_factory=list)
    receipts: list[Receipt] = field(default_factory=list)
    truth: dict[str, LineTruth] = field(default_factory=dict)
    used_amounts: set[Decimal] = field(default_factory=set)
    counter: int = 0

    def next_id(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}{self.counter:06d}"

    def money(self, low: float, high: float) -> Decimal:
        return Decimal(str(self.rng.uniform(low, high))).quantize(CENT, rounding=ROUND_HALF_UP)

    def day(self, margin: int = 0) -> tuple[date, date]:
        """(transaction date, posted date) inside the period, posted 0-3 days later."""
        start, end = self.period
        posted = start + timedelta(days=self.rng.randint(margin, (end - start).days))
        return posted - timedelta(days=self.rng.choice((0, 1, 1, 2, 3))), posted

    def line(
        self, h: _Holder, shop: Shop, amount: Decimal, days: tuple[date, date], place: tuple[str, str] | None = None
    ) -> CardLine:
        city, state = place or self.rng.choice(CITIES)
        digits = "".join(str(self.rng.randrange(10)) if c == "#" else c for c in shop.descriptor)
        ln = CardLine(
            self.next_id("L"),
            h.name,
            h.employee_id,
            h.last4,
            days[0],
            days[1],
            amount,
            digits[:WIDTH].rstrip(),
            city,
            state,
            shop.category,
            f"{self.rng.randrange(10**9):09d}",
        )
        self.lines.append(ln)
        self.used_amounts.add(amount)
        return ln

    def typo(self, text: str) -> str:
        """One OCR slip: a character dropped or misread."""
        k = self.rng.randrange(1, len(text)) if len(text) > 3 else 0
        if not k or not text[k].isalpha():
            return text
        return text[:k] + text[k + 1 :] if self.rng.random() < 0.5 else text[:k] + "1" + text[k + 1 :]

    def receipt(self, ln: CardLine, shop: Shop, *, entry: str | None, **overrides: Any) -> Receipt:
        rng = self.rng
        printed_card = ln.card_last4 if rng.random() < 0.4 else None
        vendor = self.typo(shop.vendor) if rng.random() < 0.1 else shop.vendor
        roll = rng.random()
        when = None if roll < 0.03 else ln.transaction_date + timedelta(days=1) if roll < 0.08 else ln.transaction_date
        r = Receipt(self.next_id("R"), vendor, when, ln.amount, card_last4=printed_card, entry_id=entry)
        r = replace(r, **overrides)
        self.receipts.append(r)
        return r

    def entry(self, h: _Holder, ln: CardLine, shop: Shop, *, coded: bool = True, **overrides: Any) -> ExpenseEntry:
        rng = self.rng
        when = ln.transaction_date if rng.random() < 0.85 else ln.posted_date
        roll = rng.random()
        merchant = (
            None
            if roll < 0.06
            else shop.vendor.lower()
            if roll < 0.12
            else f"{shop.vendor} #{rng.randint(1, 999)}"
            if roll < 0.18
            else shop.vendor
        )
        gl: str | None = GL[shop.category]
        job = f"J-{rng.randint(1000, 9999)}"
        if not coded:
            gl, job = (None, job) if rng.random() < 0.5 else (gl, "")
        e = ExpenseEntry(
            self.next_id("E"),
            h.expense_name,
            EXPENSE_TYPE[shop.category],
            when,
            ln.amount,
            merchant,
            gl,
            job,
            "01",
            "E",
        )
        e = replace(e, **overrides)
        self.entries.append(e)
        return e

    def documented(self, h: _Holder, ln: CardLine, shop: Shop, **receipt_overrides: Any) -> Pair:
        """An entry with coding and its receipt attached: the ordinary complete line."""
        e = self.entry(h, ln, shop)
        r = self.receipt(ln, shop, entry=e.id, **receipt_overrides)
        if self.rng.random() < 0.03 and e.amount == ln.amount and abs(ln.amount) >= 10:
            # Digits transposed while typing; the attached receipt still shows the charge.
            text = f"{ln.amount:.2f}".replace(".", "")
            e = replace(e, amount=Decimal(text[:-3] + text[-2] + text[-3] + text[-1]) / 100)
        self.entries[-1] = e = replace(e, receipt_ids=(r.id,))
        return e.id, r.id

    def expect(self, ln: CardLine, case: str, status: LineStatus, pair: Pair = (None, None), **kw: Any) -> None:
        self.truth[ln.id] = LineTruth(ln.id, case, status, pair, **kw)


def _shop(rng: random.Random, category: str | None = None) -> Shop:
    pool = [s for s in SHOPS if category is None or s.category == category]
    return rng.choice(pool)


def _ordinary(m: _Month, h: _Holder, case: str) -> None:
    rng = m.rng
    shop = _shop(rng, "RESTAURANTS" if case == "tip" else "HOTELS" if case == "lodging" else None)
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
        fuel = _shop(rng, "FUEL")
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


def _one_store(rng: random.Random, shop: Shop) -> Shop:
    """The shop with its store number fixed, so two charges print the same descriptor."""
    return replace(shop, descriptor="".join(str(rng.randrange(10)) if c == "#" else c for c in shop.descriptor))


def _special(m: _Month, h: _Holder, case: str, shop: Shop, days: tuple[date, date]) -> None:
    rng = m.rng
    place = rng.choice(CITIES)
    if case == "twins_paired":
        amount = m.money(*shop.price)
        shop = _one_store(rng, shop)
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
        shop = _one_store(rng, shop)
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
        m.expect(m.line(h, _shop(rng, "FUEL"), -m.money(0.2, 4), days), case, "credit")
    elif case == "split":
        hotel = _shop(rng, "HOTELS")
        ln = m.line(h, hotel, m.money(250, 900), days)
        room = (ln.amount * Decimal(str(rng.uniform(0.6, 0.85)))).quantize(CENT)
        for part, kind in ((room, "Lodging"), (ln.amount - room, "Meals")):
            e = m.entry(h, ln, hotel, amount=part, expense_type=kind, date=ln.transaction_date)
            r = m.receipt(ln, hotel, entry=e.id, card_last4=None)
            m.entries[-1] = replace(e, receipt_ids=(r.id,))
        m.expect(ln, case, "missing_both", review=True, suggestion="line_split_over_entries")
    elif case == "covering":
        fuel = _shop(rng, "FUEL")
        pumps = [m.line(h, fuel, m.money(30, 70), days) for _ in range(2)]
        for ln in pumps:
            m.expect(ln, case, "missing_receipt", (m.entry(h, ln, fuel).id, None), suggestion="receipt_covers_lines")
        m.receipt(pumps[0], fuel, entry=None, total=pumps[0].amount + pumps[1].amount)


def _twins_across(m: _Month, a: _Holder, b: _Holder, printed: bool) -> None:
    """Two cardholders with the same charge, both entered without receipts, and one loose receipt."""
    shop = _shop(m.rng, "RESTAURANTS")
    amount, days = m.money(*shop.price), m.day()
    place = m.rng.choice(CITIES)
    store = _one_store(m.rng, shop)
    lines = [m.line(h, store, amount, days, place) for h in (a, b)]
    entries = [m.entry(h, ln, shop, date=ln.transaction_date) for h, ln in zip((a, b), lines, strict=True)]
    r = m.receipt(lines[0], shop, entry=None, card_last4=a.last4 if printed else None)
    if printed:
        m.expect(lines[0], "twins_cross_printed", "complete", (entries[0].id, r.id))
        m.expect(lines[1], "twins_cross_printed", "missing_receipt", (entries[1].id, None))
    else:
        for ln, e in zip(lines, entries, strict=True):
            m.expect(ln, "twins_cross", "missing_receipt", (e.id, None), review=True)


def _names(rng: random.Random, count: int) -> list[tuple[str, str, str]]:
    """(first, middle initial or "", last), unique as printed; first+last unique while possible."""
    out: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    while len(out) < count:
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        middle = rng.choice("ABCDEFGHJKLMNPRSTW") if rng.random() < 0.25 or (first, last) in pairs else ""
        printed = first + middle + last
        if printed in seen:
            continue
        seen.add(printed)
        pairs.add((first, last))
        out.append((first, middle, last))
    return out


def _expense_name(rng: random.Random, first: str, middle: str, last: str, shared: bool) -> str:
    f, m, la = first.title(), middle, last.title()
    if middle and (shared or rng.random() < 0.5):
        return rng.choice((f"{la}, {f} {m}.", f"{f} {m}. {la}"))
    return rng.choice((f"{la}, {f}", f"{f} {la}", f"{f.upper()} {la.upper()}"))


def _holders(m: _Month, count: int) -> tuple[list[_Holder], Directory, dict[str, str]]:
    rng = m.rng
    names = _names(rng, count - 1)
    pair_count: dict[tuple[str, str], int] = {}
    for first, _, last in names:
        pair_count[first, last] = pair_count.get((first, last), 0) + 1
    last4s = rng.sample(range(10000), count)
    ids = rng.sample(range(100000, 999999), count)
    holders = [_Holder("GEAUXPASS", f"{ids[0]}", f"{last4s[0]:04d}", "GeauxPass", "", "account")]
    for k, (first, middle, last) in enumerate(names, start=1):
        shared = pair_count[first, last] > 1
        holders.append(
            _Holder(
                first + middle + last,
                f"{ids[k]}",
                f"{last4s[k]:04d}",
                _expense_name(rng, first, middle, last, shared),
                first,
            )
        )
    aliases: dict[str, str] = {}
    unknown: dict[str, str] = {}
    nicknamed = [
        h for h in holders[2:] if h.first in NICKNAME_OF and h.name.endswith(h.expense_name.split()[-1].upper())
    ]
    rng.shuffle(nicknamed)
    for k, h in enumerate(nicknamed[: max(2, count // 25)]):
        h.expense_name = f"{NICKNAME_OF[h.first]} {h.expense_name.split()[-1].title()}"
        if k % 2 == 0:
            aliases[h.expense_name] = h.name
        else:
            h.kind = "unknown_alias"
            unknown[h.expense_name] = h.name
    holders[1].kind = "no_entries"
    return holders, Directory(aliases=aliases, accounts=frozenset({"GEAUXPASS"})), unknown


def _fill_special_holder(m: _Month, h: _Holder, count: int) -> None:
    for _ in range(count):
        shop = TOLL if h.kind == "account" else _shop(m.rng)
        ln = m.line(h, shop, m.money(*shop.price), m.day())
        if h.kind == "account":
            m.expect(ln, "account", "missing_coding")
        elif h.kind == "no_entries":
            m.expect(ln, "no_entries", "missing_all_receipts")
        else:
            m.documented(h, ln, shop)
            m.expect(ln, "unknown_alias", "missing_all_receipts")


def _decoys(m: _Month, count: int, people: list[_Holder]) -> None:
    """Receipts for nothing on this statement and entries for last month's charges."""
    start = m.period[0]
    for _ in range(count):
        shop = _shop(m.rng)
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
    m = _Month(rng, (start, end))
    holders, directory, unknown = _holders(m, max(cardholders, 8))
    per_holder = max(3, lines // len(holders))
    people = [h for h in holders if h.kind == "person"]
    for h in holders:
        if h.kind != "person":
            _fill_special_holder(m, h, per_holder)
    names, weights = zip(*CASES, strict=True)
    for k in range(max(2, lines // 400)):
        a, b = rng.sample(people, 2)
        _twins_across(m, a, b, printed=k % 2 == 0)
    while len(m.lines) < lines:
        h = people[len(m.lines) % len(people)] if rng.random() < 0.5 else rng.choice(people)
        _ordinary(m, h, rng.choices(names, weights)[0])
    _decoys(m, max(3, lines // 60), people)
    settings = MatchSettings(fx_rates={currency: rate for _, _, currency, rate in ABROAD})
    return MonthScenario(
        tuple(m.lines), tuple(m.entries), tuple(m.receipts), directory, settings, m.truth, unknown, m.period
    )


@dataclass(frozen=True)
class Score:
    """How a reconciliation did against the truth; the lists hold line ids for diagnosis."""

    auto_matches: int
    correct_matches: int
    expected_matches: int
    wrong_matches: list[str]
    wrong_status: list[str]
    missed_review: list[str]
    wrong_refund: list[str]
    missed_suggestion: list[str]
    wrong_identity: list[str]

    @property
    def precision(self) -> float:
        return self.correct_matches / self.auto_matches if self.auto_matches else 1.0

    @property
    def recall(self) -> float:
        return self.correct_matches / self.expected_matches if self.expected_matches else 1.0


def evaluate(scenario: MonthScenario, result: Reconciliation) -> Score:
    """Auto-match precision/recall over lines, plus every exception, review, refund and identity check."""
    auto = correct = expected = 0
    wrong: list[str] = []
    status: list[str] = []
    review: list[str] = []
    refund: list[str] = []
    suggestion: list[str] = []
    for r in result.lines:
        t = scenario.truth[r.line_id]
        # A line in review may still have an automatic part (its entry) that must be right.
        wants_match = t.expected != (None, None)
        expected += wants_match
        if r.match is not None and r.match.source == "auto":
            auto += 1
            got = (r.match.entry_id, r.match.receipt_id)
            if got == t.expected or got in t.also_ok:
                correct += 1
            else:
                wrong.append(r.line_id)
        if r.status != t.status:
            status.append(r.line_id)
        if t.review and not r.review:
            review.append(r.line_id)
        if t.refund_of is not None and r.refund_of != t.refund_of:
            refund.append(r.line_id)
        if t.suggestion is not None and not any(s.kind == t.suggestion for s in r.suggestions):
            suggestion.append(r.line_id)
    suggested = {s.expense_name: s.cardholder for s in result.identity_suggestions}
    identity = [name for name, holder in scenario.unknown_names.items() if suggested.get(name) != holder]
    return Score(auto, correct, expected, wrong, status, review, refund, suggestion, identity)


def cases(scenario: MonthScenario) -> dict[str, int]:
    """How many lines each case produced, to show the scenario covers what it claims."""
    out: dict[str, int] = {}
    for t in scenario.truth.values():
        out[t.case] = out.get(t.case, 0) + 1
    return out


def line_ids(scenario: MonthScenario, case: str) -> Iterable[str]:
    return (t.line_id for t in scenario.truth.values() if t.case == case)

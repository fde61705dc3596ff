"""Building a month line by line: ids, amounts, dates, and the documents of one card line (entry, receipt,
both) with the noise real documents carry — OCR slips in vendor names, receipt dates a day off or missing,
sloppy merchant names and the odd mistyped amount in entries."""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from recon_matcher.domain.results import LineStatus
from recon_matcher.domain.sides import CardLine, ExpenseEntry, Receipt

from recon_docgen.month_people import Holder
from recon_docgen.month_shops import CITIES, EXPENSE_TYPE, GL, Shop
from recon_docgen.month_truth import LineTruth, Pair

CENT = Decimal("0.01")
WIDTH = 18


@dataclass
class MonthBuilder:
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
        self, h: Holder, shop: Shop, amount: Decimal, days: tuple[date, date], place: tuple[str, str] | None = None
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

    def entry(self, h: Holder, ln: CardLine, shop: Shop, *, coded: bool = True, **overrides: Any) -> ExpenseEntry:
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

    def documented(self, h: Holder, ln: CardLine, shop: Shop, **receipt_overrides: Any) -> Pair:
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

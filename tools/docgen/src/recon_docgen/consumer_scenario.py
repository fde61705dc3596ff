"""Consumer card statements with known ground truth (Amex, Chase, Capital One, U.S. Bank, Bank of America style).

The truth is what a parser should return: cardholders in order of first appearance, each with its lines in
printed order. Where a format prints a section at account level (payments, Chase's returns) its lines
belong to the primary cardholder, the first one.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from recon_docgen.catalog import FIRST_NAMES, LAST_NAMES
from recon_docgen.consumer_merchants import FOREIGN, MERCHANTS

Format = Literal["amex", "chase", "chase_consumer", "capital_one", "us_bank", "bank_of_america"]
Kind = Literal["payment", "credit", "purchase"]
FORMATS: tuple[Format, ...] = ("amex", "chase", "chase_consumer", "capital_one", "us_bank", "bank_of_america")
# Formats that print one list for the account: every line is the primary cardholder's.
SINGLE_HOLDER = frozenset({"chase_consumer", "us_bank", "bank_of_america"})
CENT = Decimal("0.01")
ZERO = Decimal("0.00")

# Per format: (section name as its layout calls it, kinds of line printed there, printed per card?).
SECTIONS: dict[Format, tuple[tuple[str, tuple[Kind, ...], bool], ...]] = {
    "amex": (("payments", ("payment",), False), ("credits", ("credit",), True), ("charges", ("purchase",), True)),
    # Chase business (Ink) cards: one list per card, payments and credits first, no section headings.
    "chase": (("activity", ("payment", "credit", "purchase"), True),),
    # Chase consumer cards (Freedom, Sapphire): the account's lines under PAYMENTS AND OTHER CREDITS and PURCHASE.
    "chase_consumer": (("payments", ("payment", "credit"), False), ("purchases", ("purchase",), False)),
    "capital_one": (("payments", ("payment", "credit"), True), ("purchases", ("purchase",), True)),
    "us_bank": (("payments", ("payment", "credit"), False), ("purchases", ("purchase",), False)),
    "bank_of_america": (("payments", ("payment", "credit"), False), ("purchases", ("purchase",), False)),
}
FX_FORMATS = frozenset({"amex", "chase"})
# Chase's fee on a foreign charge, a line of its own under the charge's detail rows.
CHASE_FX_FEE = ("FOREIGN TRANSACTION FEE", Decimal("0.03"))
PAYMENTS: dict[Format, str] = {
    "amex": "MOBILE PAYMENT - THANK YOU",
    "chase": "AUTOMATIC PAYMENT - THANK YOU",
    "chase_consumer": "AUTOMATIC PAYMENT - THANK YOU",
    "capital_one": "CAPITAL ONE MOBILE PYMT",
    "us_bank": "INTERNET PAYMENT THANK YOU",
    "bank_of_america": "PAYMENT - THANK YOU",
}


@dataclass(frozen=True)
class ConsumerForeign:
    """A foreign-currency detail: amount in the merchant's currency, ISO code, rate (USD per unit) as printed."""

    amount: Decimal
    currency: str
    rate: Decimal


@dataclass(frozen=True)
class ConsumerLine:
    """One printed transaction; `rows` is its description as printed, first row first; `details` are rows
    printed under it that are not its description (Amex: phone, category, references)."""

    transaction_date: date
    posted_date: date | None
    reference: str | None
    rows: tuple[str, ...]
    amount: Decimal
    kind: Kind
    section: str
    foreign: ConsumerForeign | None = None
    details: tuple[str, ...] = ()

    @property
    def merchant(self) -> str:
        return self.rows[0]

    @property
    def description(self) -> str:
        return " ".join(self.rows)


@dataclass(frozen=True)
class ConsumerCardholder:
    name: str
    last4: str
    lines: tuple[ConsumerLine, ...]

    def section_total(self, *sections: str) -> Decimal:
        return sum((ln.amount for ln in self.lines if ln.section in sections), ZERO)


@dataclass(frozen=True)
class ConsumerStatement:
    """A statement as printed: `cycle_*` is the billing cycle; `misprint` is added to the printed New Balance
    (a statement whose balance does not add up)."""

    format: Format
    cycle_start: date
    cycle_end: date
    account_last4: str
    cardholders: tuple[ConsumerCardholder, ...]
    previous_balance: Decimal = Decimal("1234.56")
    misprint: Decimal = ZERO

    @property
    def period_start(self) -> date:
        """As a reader should give it: Amex prints no opening date, but the days its period counts."""
        return self.cycle_start

    @property
    def primary(self) -> ConsumerCardholder:
        return self.cardholders[0]

    @property
    def lines(self) -> tuple[ConsumerLine, ...]:
        return tuple(line for ch in self.cardholders for line in ch.lines)

    def total(self, *sections: str) -> Decimal:
        return sum((ln.amount for ln in self.lines if not sections or ln.section in sections), ZERO)

    @property
    def new_balance(self) -> Decimal:
        """As printed."""
        return self.previous_balance + self.total() + self.misprint


def _money(value: float) -> Decimal:
    return Decimal(str(value)).quantize(CENT, rounding=ROUND_HALF_UP)


class _Drawer:
    def __init__(self, fmt: Format, seed: int, cycle: tuple[date, date], fx_ratio: float, wrap_ratio: float) -> None:
        self.fmt, self.cycle, self.fx_ratio, self.wrap_ratio = fmt, cycle, fx_ratio, wrap_ratio
        self.rng = random.Random(f"{fmt}:{seed}")

    def dates(self) -> tuple[date, date | None]:
        days = (self.cycle[1] - self.cycle[0]).days
        posted = self.cycle[0] + timedelta(days=self.rng.randint(0, days))
        trans = posted - timedelta(days=self.rng.choice((0, 1, 1, 2, 3)))
        return trans, posted if self.fmt in ("capital_one", "us_bank", "bank_of_america") else None

    def line(self, kind: Kind, section: str) -> ConsumerLine:
        trans, posted = self.dates()
        ref = f"{self.rng.randint(1000, 9999)}" if self.fmt in ("us_bank", "bank_of_america") else None
        if kind == "payment":
            amount = -_money(self.rng.uniform(100.0, 2500.0))
            # Amex marks a payment's date with "*": it is the posting date too.
            posted = trans if self.fmt == "amex" else posted
            return ConsumerLine(trans, posted, ref, (PAYMENTS[self.fmt],), amount, kind, section)
        if self.fmt in FX_FORMATS and kind == "purchase" and self.rng.random() < self.fx_ratio:
            return self._foreign(trans, posted, ref, section)
        merchant, details, price = self.rng.choice(MERCHANTS)
        rows, extra = self._rows(merchant, details)
        amount = _money(self.rng.uniform(*price))
        signed = -amount if kind == "credit" else amount
        return ConsumerLine(trans, posted, ref, rows, signed, kind, section, details=extra)

    def _rows(self, merchant: str, details: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(description rows, detail rows): Amex prints details under a charge, others wrap the description."""
        shown = details[: self._detail_rows(len(details))]
        return ((merchant,), shown) if self.fmt == "amex" else ((merchant, *shown), ())

    def _detail_rows(self, available: int) -> int:
        if self.fmt == "amex":
            return min(available, self.rng.choice((0, 1, 1, 2)))
        return min(available, 1) if self.rng.random() < self.wrap_ratio else 0

    def _foreign(self, trans: date, posted: date | None, ref: str | None, section: str) -> ConsumerLine:
        merchant, details, code, rates = self.rng.choice(FOREIGN)
        digits = Decimal("0.000000001") if self.fmt == "chase" else Decimal("0.0001")
        rate = Decimal(str(self.rng.uniform(*rates))).quantize(digits)
        foreign = _money(self.rng.uniform(8.0, 400.0) / float(rate))
        rows, extra = self._rows(merchant, details)
        usd = (foreign * rate).quantize(CENT, rounding=ROUND_HALF_UP)
        fx = ConsumerForeign(foreign, code, rate)
        return ConsumerLine(trans, posted, ref, rows, usd, "purchase", section, fx, extra)


def _with_fx_fees(lines: list[ConsumerLine]) -> list[ConsumerLine]:
    """Chase: each foreign charge followed by its fee line, often under a dollar (printed `.26`)."""
    label, share = CHASE_FX_FEE
    out: list[ConsumerLine] = []
    for line in lines:
        out.append(line)
        if line.foreign:
            fee = (line.amount * share).quantize(CENT, rounding=ROUND_HALF_UP)
            out.append(ConsumerLine(line.transaction_date, None, None, (label,), fee, "purchase", line.section))
    return out


def _names(rng: random.Random, count: int) -> list[str]:
    names: list[str] = []
    while len(names) < count:
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        if name not in names:
            names.append(name)
    return names


def make_consumer_statement(
    fmt: Format,
    seed: int,
    cardholders: int = 2,
    lines_per_cardholder: tuple[int, int] = (4, 10),
    cycle: tuple[date, date] = (date(2024, 12, 8), date(2025, 1, 7)),
    credit_ratio: float = 0.1,
    fx_ratio: float = 0.1,
    wrap_ratio: float = 0.15,
) -> ConsumerStatement:
    """A reproducible statement in `fmt`; U.S. Bank and Bank of America statements have one cardholder."""
    draw = _Drawer(fmt, seed, cycle, fx_ratio, wrap_ratio)
    count = 1 if fmt in SINGLE_HOLDER else cardholders
    names = _names(draw.rng, count)
    last4s = [f"{n:04d}" for n in draw.rng.sample(range(10000), k=count)]
    kinds: list[list[Kind]] = []
    for i in range(count):
        n = draw.rng.randint(*lines_per_cardholder)
        own: list[Kind] = ["credit" if draw.rng.random() < credit_ratio else "purchase" for _ in range(n)]
        payments: list[Kind] = ["payment"] * draw.rng.randint(1, 2) if i == 0 else []
        kinds.append(payments + own)
    printed: dict[int, list[ConsumerLine]] = {}
    for section, section_kinds, per_card in SECTIONS[fmt]:
        groups = [[draw.line(k, section) for k in holder_kinds if k in section_kinds] for holder_kinds in kinds]
        if not per_card:  # printed once for the account, so it belongs to the primary cardholder
            groups = [[line for group in groups for line in group]]
        for i, lines in enumerate(groups):
            # Chase lists a card's payments and credits before its charges, each by date.
            lines.sort(
                key=lambda ln: (
                    fmt == "chase" and ln.amount > 0,
                    ln.transaction_date,
                    ln.posted_date or ln.transaction_date,
                )
            )
            if fmt == "chase":
                lines[:] = _with_fx_fees(lines)
            if lines:
                printed.setdefault(i, []).extend(lines)
    order = sorted(printed, key=list(printed).index)
    holders = tuple(ConsumerCardholder(names[i], last4s[i], tuple(printed[i])) for i in order)
    return ConsumerStatement(fmt, cycle[0], cycle[1], last4s[0], holders)

"""The bookkeeping behind the layout engine: lines as printed, whose card they are on, the totals printed.

Dates are kept as printed until `finish`, when the statement period is known (it may be printed after the
first lines), so a December line on a December-January statement gets the earlier year.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from recon_extractor.amounts import parse_amount
from recon_extractor.statements.dates import PrintedDate, parse_printed_date, resolve_date
from recon_extractor.statements.layout_specs import SectionSpec
from recon_extractor.statements.model import Cardholder, CardLine, Finding, ForeignAmount
from recon_extractor.statements.printed_totals import PrintedTotal

HolderKey = tuple[str, str | None]
ZERO = Decimal("0.00")


@dataclass
class PendingLine:
    """A line being read: continuation rows extend its description, detail rows its foreign amount."""

    page: int
    bottom: float
    desc_x: float
    signature: tuple[str, int]
    trans: PrintedDate
    posted: PrintedDate | None
    reference: str | None
    parts: list[str]
    amount: Decimal | None
    section: SectionSpec | None
    holder: HolderKey
    city: str | None = None
    state: str | None = None
    foreign: dict[str, str] = field(default_factory=dict)
    printed: tuple[str, str | None] = ("", None)  # the dates as printed (read again once the order is known)


class LineBook:
    """Lines in printed order, cardholders in order of appearance, printed totals."""

    def __init__(self, warnings: list[str], findings: list[Finding]) -> None:
        self.warnings = warnings
        self.findings = findings
        self.lines: list[PendingLine] = []
        self.holders: dict[HolderKey, None] = {}
        self.totals: list[PrintedTotal] = []

    def book(self, line: PendingLine) -> None:
        if line.amount is None:
            self.warnings.append(f"page {line.page}: {' '.join(line.parts)!r} has no amount; not read")
            return
        self.holders.setdefault(line.holder, None)
        self.lines.append(line)

    def holder_for(self, name: str | None, last4: str | None) -> HolderKey | None:
        for key in self.holders:
            if (last4 and key[1] == last4) or (not last4 and name and key[0] == name):
                return key
        return None

    def reread_dates(self, formats: tuple[str, ...], order: str) -> None:
        """Every line's dates read again in `formats`; a line whose date does not read so is a finding."""
        kept: list[PendingLine] = []
        for line in self.lines:
            trans_text, posted_text = line.printed
            trans = parse_printed_date(trans_text, formats)
            posted = parse_printed_date(posted_text, formats) if posted_text else None
            if trans is None or (posted_text and posted is None):
                text = f"page {line.page}: the date of {' '.join(line.parts)!r} does not read {order}; line not read"
                self.findings.append(Finding("unread_row", text, line.page))
                continue
            line.trans, line.posted = trans, posted
            kept.append(line)
        self.lines = kept

    def drop_repeated(self) -> None:
        """Drop lines printed at the same place with the same text on several pages: page furniture."""
        pages: Counter[tuple[str, int]] = Counter(line.signature for line in self.lines)
        repeated = {sig for sig, n in pages.items() if n > 1}
        if repeated:
            self.lines = [line for line in self.lines if line.signature not in repeated]
            texts = ", ".join(repr(sig[0]) for sig in sorted(repeated))
            self.warnings.append(f"rows repeated on several pages were taken for page headers and skipped: {texts}")

    def cardholders(self, period: tuple[date | None, date | None], currency: str) -> tuple[Cardholder, ...]:
        by_holder: dict[HolderKey, list[CardLine]] = {key: [] for key in self.holders}
        for pending in self.lines:
            line = self._card_line(pending, period, currency)
            if line is not None:
                by_holder[pending.holder].append(line)
        return tuple(Cardholder(name, None, last4, tuple(lines)) for (name, last4), lines in by_holder.items())

    def _card_line(self, p: PendingLine, period: tuple[date | None, date | None], currency: str) -> CardLine | None:
        trans = resolve_date(p.trans, *period)
        if trans is None or p.amount is None:
            text = f"page {p.page}: no year for the date of {' '.join(p.parts)!r}; line not read"
            self.findings.append(Finding("unread_row", text, p.page))
            return None
        posted = resolve_date(p.posted, *period) if p.posted else None
        description = " ".join(p.parts)
        return CardLine(
            transaction_date=trans,
            posted_date=posted,
            reference=p.reference,
            merchant=p.parts[0],
            city=p.city,
            state=p.state,
            category=(p.section.category or p.section.name) if p.section else None,
            description=description,
            amount=p.amount,
            currency=currency,
            page=p.page,
            foreign=_foreign(p.foreign),
        )


def _foreign(detail: dict[str, str]) -> ForeignAmount | None:
    if not detail:
        return None
    rate = detail.get("rate")
    return ForeignAmount(
        amount=parse_amount(detail.get("foreign_amount")),
        currency=currency_code(detail.get("currency")),
        rate=Decimal(rate) if rate else None,
    )


_CURRENCY_NAMES = {
    "EURO": "EUR",
    "EUROS": "EUR",
    "POUND STERLING": "GBP",
    "POUNDS STERLING": "GBP",
    "BRITISH POUND": "GBP",
    "CANADIAN DOLLAR": "CAD",
    "CANADIAN DOLLARS": "CAD",
    "MEXICAN PESO": "MXN",
    "MEXICAN PESOS": "MXN",
    "JAPANESE YEN": "JPY",
    "YEN": "JPY",
    "SWISS FRANC": "CHF",
    "SWISS FRANCS": "CHF",
    "AUSTRALIAN DOLLAR": "AUD",
    "AUSTRALIAN DOLLARS": "AUD",
}


def currency_code(printed: str | None) -> str | None:
    """ISO code for a currency printed by name (`Euros`, `EURO`) or code (`EUR`); None when not printed."""
    if not printed:
        return None
    name = " ".join(printed.upper().split())
    return _CURRENCY_NAMES.get(name, name)

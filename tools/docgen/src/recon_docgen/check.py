"""Compare a parser's statement with the ground truth it was generated from (for tests and benchmarks).

The parsed side is duck-typed (see the protocols) so this package needs nothing from the extractor.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Protocol

from recon_docgen.truth import GenLine, GenStatement


class ParsedItem(Protocol):
    @property
    def description(self) -> str | None: ...
    @property
    def ppu(self) -> Decimal | None: ...
    @property
    def quantity(self) -> Decimal | None: ...
    @property
    def gross(self) -> Decimal: ...
    @property
    def discount(self) -> Decimal: ...
    @property
    def net(self) -> Decimal: ...


class ParsedLine(Protocol):
    @property
    def transaction_date(self) -> date: ...
    @property
    def posted_date(self) -> date | None: ...
    @property
    def reference(self) -> str | None: ...
    @property
    def merchant(self) -> str: ...
    @property
    def city(self) -> str | None: ...
    @property
    def state(self) -> str | None: ...
    @property
    def category(self) -> str | None: ...
    @property
    def description(self) -> str | None: ...
    @property
    def amount(self) -> Decimal: ...
    @property
    def gross(self) -> Decimal | None: ...
    @property
    def discount(self) -> Decimal | None: ...
    @property
    def items(self) -> Sequence[ParsedItem]: ...


class ParsedCardholder(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def employee_id(self) -> str | None: ...
    @property
    def card_last4(self) -> str | None: ...
    @property
    def lines(self) -> Sequence[ParsedLine]: ...


class ParsedStatement(Protocol):
    @property
    def period_start(self) -> date | None: ...
    @property
    def period_end(self) -> date | None: ...
    @property
    def account(self) -> str | None: ...
    @property
    def cardholders(self) -> Sequence[ParsedCardholder]: ...
    @property
    def totals(self) -> Mapping[str, Decimal]: ...


def _items(items: Sequence[ParsedItem]) -> tuple[tuple[object, ...], ...]:
    return tuple((i.description, i.ppu, i.quantity, i.gross, i.discount, i.net) for i in items)


def truth_line(line: GenLine) -> tuple[object, ...]:
    """A generated swipe as the tuple a parser should produce."""
    return (
        line.transaction_date,
        line.posted_date,
        line.reference,
        line.merchant,
        line.city,
        line.state,
        line.category,
        line.description,
        line.net,
        line.gross,
        line.discount,
        _items(line.items),
    )


def parsed_line(line: ParsedLine) -> tuple[object, ...]:
    return (
        line.transaction_date,
        line.posted_date,
        line.reference,
        line.merchant,
        line.city,
        line.state,
        line.category,
        line.description,
        line.amount,
        line.gross,
        line.discount,
        _items(line.items),
    )


LINE_FIELDS = (
    "transaction_date",
    "posted_date",
    "reference",
    "merchant",
    "city",
    "state",
    "category",
    "description",
    "amount",
    "gross",
    "discount",
    "items",
)


def _line_difference(want: tuple[object, ...], got: tuple[object, ...]) -> str:
    """`line 000123456: merchant 'A' read as 'B', ...`: only the fields that differ."""
    fields = [f"{name} {w!r} read as {g!r}" for name, w, g in zip(LINE_FIELDS, want, got, strict=True) if w != g]
    return f"line {want[2]}: {', '.join(fields)}"


def statement_differences(truth: GenStatement, parsed: ParsedStatement, limit: int = 3) -> list[str]:
    """Every way `parsed` differs from `truth`, readable; empty when exact to the cent."""
    diffs: list[str] = []
    if (parsed.period_start, parsed.period_end) != (truth.period_start, truth.period_end):
        diffs.append(f"period {parsed.period_start}..{parsed.period_end}")
    if parsed.account != truth.account_code:
        diffs.append(f"account {parsed.account!r} != {truth.account_code!r}")
    # A blank employee ID is printed as nothing: the parser's None and the truth's "" agree.
    got = [(c.name, c.employee_id or None, c.card_last4) for c in parsed.cardholders]
    want = [(c.name, c.employee_id or None, c.card_last4) for c in truth.cardholders]
    if got != want:
        diffs.append(f"cardholders {got[:limit]}... != {want[:limit]}... ({len(got)} vs {len(want)})")
    for tc, pc in zip(truth.cardholders, parsed.cardholders, strict=False):
        want_lines = [truth_line(ln) for ln in tc.lines]
        got_lines = [parsed_line(ln) for ln in pc.lines]
        if want_lines != got_lines:
            bad = [_line_difference(w, g) for w, g in zip(want_lines, got_lines, strict=False) if w != g][:limit]
            diffs.append(
                f"{tc.name}: {len(got_lines)} lines for {len(want_lines)}; first differences: {'; '.join(bad)}"
            )
    totals = {"gross": truth.gross, "discount": truth.discount, "net": truth.net}
    if {k: parsed.totals.get(k) for k in totals} != totals:
        diffs.append(f"totals {dict(parsed.totals)} != {totals}")
    return diffs

"""Compare a parsed consumer statement with the ground truth it was generated from (duck-typed, like `check`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any, Protocol

from recon_docgen.consumer_scenario import ConsumerLine, ConsumerStatement


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
    def description(self) -> str | None: ...
    @property
    def amount(self) -> Decimal: ...
    @property
    def category(self) -> str | None: ...
    @property
    def foreign(self) -> Any: ...


class ParsedCardholder(Protocol):
    @property
    def name(self) -> str: ...
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
    def cardholders(self) -> Sequence[ParsedCardholder]: ...
    @property
    def totals(self) -> Mapping[str, Decimal]: ...


def truth_line(line: ConsumerLine) -> tuple[object, ...]:
    """A generated line as the tuple a parser should produce."""
    fx = (line.foreign.amount, line.foreign.currency, line.foreign.rate) if line.foreign else None
    return (
        line.transaction_date,
        line.posted_date,
        line.reference,
        line.merchant,
        line.description,
        line.amount,
        line.section,
        fx,
    )


def parsed_line(line: ParsedLine) -> tuple[object, ...]:
    fx = (line.foreign.amount, line.foreign.currency, line.foreign.rate) if line.foreign else None
    return (
        line.transaction_date,
        line.posted_date,
        line.reference,
        line.merchant,
        line.description,
        line.amount,
        line.category,
        fx,
    )


def consumer_differences(truth: ConsumerStatement, parsed: ParsedStatement, limit: int = 3) -> list[str]:
    """Every way `parsed` differs from `truth`, readable; empty when exact to the cent."""
    diffs: list[str] = []
    if (parsed.period_start, parsed.period_end) != (truth.period_start, truth.cycle_end):
        diffs.append(f"period {parsed.period_start}..{parsed.period_end}")
    got = [(c.name, c.card_last4) for c in parsed.cardholders]
    want = [(c.name, c.last4) for c in truth.cardholders]
    if got != want:
        diffs.append(f"cardholders {got} != {want}")
    for tc, pc in zip(truth.cardholders, parsed.cardholders, strict=False):
        want_lines = [truth_line(ln) for ln in tc.lines]
        got_lines = [parsed_line(ln) for ln in pc.lines]
        if want_lines != got_lines:
            bad = [(w, g) for w, g in zip(want_lines, got_lines, strict=False) if w != g][:limit]
            diffs.append(f"{tc.name}: {len(got_lines)} lines for {len(want_lines)}; first differences {bad}")
    if parsed.totals.get("net") != truth.total():
        diffs.append(f"net {parsed.totals.get('net')} != {truth.total()}")
    return diffs

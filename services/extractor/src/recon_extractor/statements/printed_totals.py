"""Printed totals and the printed balance equation, checked against the lines once the statement is read.

A total the lines contradict is a `total_mismatch` finding and an equation that does not add up a
`balance_mismatch`, each naming the printed figure and what the lines (or the other figures) come to. A
summary printed again on a later page is checked again, with the figures printed on that page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from recon_extractor.amounts import format_money, parse_amount
from recon_extractor.statements.layout import StatementLayout
from recon_extractor.statements.layout_specs import BalanceSpec, SectionSpec, TotalSpec
from recon_extractor.statements.model import Finding

ZERO = Decimal("0.00")
HolderKey = tuple[str, str | None]


@dataclass(frozen=True)
class PrintedTotal:
    """A total as printed, checked at the end against the lines it covers."""

    spec: TotalSpec | None
    label: str
    amount: Decimal
    sections: tuple[str, ...]
    holder: tuple[str | None, str | None] | None
    page: int


class CheckedLine(Protocol):
    @property
    def section(self) -> SectionSpec | None: ...
    @property
    def holder(self) -> HolderKey: ...
    @property
    def amount(self) -> Decimal | None: ...


def signed_amount(printed: str) -> Decimal | None:
    """A printed amount; a trailing minus (`$2566.65-`, Chase card subtotals) makes it negative."""
    text = printed.replace("+", "").strip()
    if text.endswith("-"):
        value = parse_amount(text[:-1])
        return None if value is None else -value
    return parse_amount(text)


def total_row(spec: TotalSpec, m: re.Match[str], page: int, holder: HolderKey) -> tuple[list[PrintedTotal], list[str]]:
    """The total a row prints (on `holder`'s card when the total is per card and names none), or why not."""
    amount = signed_amount(m.group("amount"))
    if amount is None:
        return [], [f"page {page}: unreadable total {m.group(0)!r}"]
    groups = m.groupdict()
    card: tuple[str | None, str | None] | None = None
    if spec.per_cardholder:
        card = (groups.get("name"), groups.get("last4")) if groups.keys() & {"name", "last4"} else holder
    amount = -amount if spec.negate else amount
    return [PrintedTotal(spec, m.group(0), amount, spec.sections, card, page)], []


def summary_row(layout: StatementLayout, m: re.Match[str], page: int) -> tuple[list[PrintedTotal], list[str]]:
    """The totals a summary row prints, one per named group, and the ones that could not be read."""
    totals: list[PrintedTotal] = []
    problems: list[str] = []
    for name, printed in m.groupdict().items():
        spec = layout.total_named(name)
        amount = signed_amount(printed) if printed else None
        if amount is None:
            problems.append(f"page {page}: unreadable {name} in {m.group(0)!r}")
            continue
        label = spec.label or name.replace("_", " ")
        totals.append(PrintedTotal(spec, label, -amount if spec.negate else amount, spec.sections, None, page))
    return totals, problems


def name_of(total: PrintedTotal) -> str:
    """The total's name for a sentence: its layout label, else its name, else the row as printed."""
    if total.spec is None:
        return total.label
    return total.spec.label or total.spec.name.replace("_", " ")


def figure(totals: Sequence[PrintedTotal], name: str, page: int) -> PrintedTotal | None:
    """The statement-level total `name` printed on `page`, else the first one printed."""
    named = [t for t in totals if t.spec is not None and t.spec.name == name and t.holder is None]
    return next((t for t in named if t.page == page), named[0] if named else None)


def statement_totals(totals: Sequence[PrintedTotal]) -> dict[str, Decimal]:
    """Statement-level totals by name, as first printed."""
    found: dict[str, Decimal] = {}
    for total in totals:
        if total.spec is not None and total.holder is None:
            found.setdefault(total.spec.name, total.amount)
    return found


def total_findings(
    totals: Sequence[PrintedTotal],
    lines: Sequence[CheckedLine],
    holder_for: Callable[[str | None, str | None], HolderKey | None],
    warnings: list[str],
) -> list[Finding]:
    """A finding for every checked total its lines (plus the printed totals it names) do not add up to."""
    findings: list[Finding] = []
    for total in totals:
        if total.spec is not None and not total.spec.checked:
            continue
        key = holder_for(*total.holder) if total.holder else None
        if total.holder and key is None:  # its card's header was never read: its lines are missing or elsewhere
            if total.amount:
                text = f"{total.label!r} is printed as {format_money(total.amount)} but no line was read on that card"
                findings.append(Finding("total_mismatch", f"page {total.page}: {text}", total.page))
            continue
        computed = sum(
            (
                line.amount or ZERO
                for line in lines
                if (not total.sections or (line.section and line.section.name in total.sections))
                and (key is None or line.holder == key)
            ),
            ZERO,
        )
        added = [figure(totals, name, total.page) for name in (total.spec.plus if total.spec else ())]
        if any(a is None for a in added):
            warnings.append(f"page {total.page}: {total.label!r} could not be checked: a total it adds is not printed")
            continue
        computed += sum((a.amount for a in added if a is not None), ZERO)
        if computed != total.amount:
            also = "".join(f" and {name_of(a)} {format_money(a.amount)}" for a in added if a is not None)
            findings.append(
                Finding(
                    "total_mismatch",
                    f"page {total.page}: {total.label!r} is printed as {format_money(total.amount)} but its lines"
                    f"{also} add up to {format_money(computed)}",
                    total.page,
                )
            )
    return findings


def balance_findings(totals: Sequence[PrintedTotal], spec: BalanceSpec, warnings: list[str]) -> list[Finding]:
    """A finding for every printed copy of the balance equation that does not add up."""
    findings: list[Finding] = []
    for end in [t for t in totals if t.spec is not None and t.spec.name == spec.end and t.holder is None]:
        needed = {name: figure(totals, name, end.page) for name in (spec.start, *spec.add)}
        if missing := [name.replace("_", " ") for name, t in needed.items() if t is None]:
            warnings.append(f"page {end.page}: the balance could not be checked: {', '.join(missing)} not found")
            continue
        printed = [t for t in needed.values() if t is not None]
        printed += [t for name in spec.optional if (t := figure(totals, name, end.page))]
        computed = sum((t.amount for t in printed), ZERO)
        if computed != end.amount:
            sum_text = " + ".join(f"{name_of(t)} {format_money(t.amount)}" for t in printed)
            findings.append(
                Finding(
                    "balance_mismatch",
                    f"page {end.page}: the printed balance does not add up: {sum_text} = "
                    f"{format_money(computed)}, but {name_of(end)} is printed as {format_money(end.amount)}",
                    end.page,
                )
            )
    return findings

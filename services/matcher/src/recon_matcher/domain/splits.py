"""A charge split over several entries by a reviewer is complete only when the accepted parts sum exactly to it.

One accepted part whose rest is made up by free entries of the same cardholder is a split in progress too:
the line stays open (and for review, with the rest suggested) instead of passing as complete on half its amount.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from recon_matcher.domain.amount_evidence import CENT
from recon_matcher.domain.line_states import LineState
from recon_matcher.domain.readable import dollars
from recon_matcher.domain.run_sides import RunSides
from recon_matcher.domain.sides import ExpenseEntry


def accepted_parts(sides: RunSides, states: dict[str, LineState]) -> dict[str, list[ExpenseEntry]]:
    """Charges whose reviewer-accepted entries add up to less than the charge: maybe parts of a split."""
    out: dict[str, list[ExpenseEntry]] = {}
    for line in sides.lines:
        entries = states[line.id].entries
        if line.id in sides.entry_pins and entries and parts_total(entries) < line.amount:
            out[line.id] = entries
    return out


def parts_total(entries: Sequence[ExpenseEntry]) -> Decimal:
    return sum(((e.amount or Decimal(0)).quantize(CENT) for e in entries), Decimal(0))


def short_splits(sides: RunSides, states: dict[str, LineState], rest_suggested: set[str]) -> dict[str, str]:
    """line id -> why its accepted split is not the whole charge: a split is complete only when its parts sum
    exactly to the line (one accepted part counts as a split when free entries make up the rest)."""
    out: dict[str, str] = {}
    for line in sides.lines:
        entries = states[line.id].entries
        if line.id not in sides.entry_pins or not entries:
            continue
        total = parts_total(entries)
        if (len(entries) > 1 and total != line.amount) or line.id in rest_suggested:
            out[line.id] = f"split parts accepted so far add up to {dollars(total)} of {dollars(line.amount)}"
    return out

"""Integrity checks any statement parser can use: parsed amounts against the totals the issuer printed."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from recon_extractor.amounts import format_money
from recon_extractor.statements.model import CardLine, StatementItem

ZERO = Decimal("0.00")
Sums = tuple[Decimal, Decimal, Decimal]
SUM_NAMES = ("gross", "discount", "net")


def item_sums(items: Iterable[StatementItem]) -> Sums:
    """(gross, discount, net) of product rows."""
    gross = discount = net = ZERO
    for item in items:
        gross, discount, net = gross + item.gross, discount + item.discount, net + item.net
    return gross, discount, net


def line_sums(lines: Iterable[CardLine]) -> Sums:
    """(gross, discount, net) of card lines; a line without gross/discount counts its amount as gross."""
    gross = discount = net = ZERO
    for line in lines:
        gross += line.gross if line.gross is not None else line.amount
        discount += line.discount or ZERO
        net += line.amount
    return gross, discount, net


def mismatch(what: str, computed: Sums, printed: Sums) -> str | None:
    """A readable warning when computed sums differ from printed ones, else None."""
    diffs = [
        f"{name} {format_money(c)} vs printed {format_money(p)}"
        for name, c, p in zip(SUM_NAMES, computed, printed, strict=True)
        if c != p
    ]
    return f"{what}: lines add up to " + "; ".join(diffs) if diffs else None


def item_problem(what: str, item: StatementItem) -> str | None:
    """A warning when a product row's gross - discount is not its net."""
    if item.gross - item.discount == item.net:
        return None
    return (
        f"{what}: product row gross {format_money(item.gross)} - discount {format_money(item.discount)} "
        f"!= net {format_money(item.net)}"
    )

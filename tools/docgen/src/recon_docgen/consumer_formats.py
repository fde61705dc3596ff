"""The parts every issuer's printer (`consumer_amex`, `consumer_chase`, ...) is built from (pure, no PDF).

The printers are modelled on public Amex, Chase, Capital One and U.S. Bank statements: a page-1 summary with
a side panel, repeated page headers and footers, sections, per-card headers and totals, multi-line
descriptions, foreign-currency detail rows, and summary tables (year-to-date, interest calculation) that
look like transaction rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from recon_docgen.consumer_scenario import SECTIONS, ConsumerCardholder, ConsumerLine, ConsumerStatement

CURRENCY_NAMES = {
    "amex": {"EUR": "Euros", "GBP": "Pounds Sterling", "CAD": "Canadian Dollars", "MXN": "Mexican Pesos"},
    "chase": {"EUR": "EURO", "GBP": "POUND STERLING", "CAD": "CANADIAN DOLLAR", "MXN": "MEXICAN PESO"},
}


@dataclass(frozen=True)
class Cell:
    """Text at `x` (its right edge when `right`); `spaced` text may be letter-spaced (Amex card member headers)."""

    x: float
    text: str
    right: bool = False
    bold: bool = False
    size: float = 8.0
    spaced: bool = False


Row = tuple[Cell, ...]
Block = tuple[Row, ...]
BLANK: Row = ()


def money(value: Decimal, minus: str = "-", dollar: str = "$") -> str:
    return f"{minus if value < 0 else ''}{dollar}{abs(value):,.2f}"


ZERO_USD = "$0.00"


def plus(value: Decimal) -> str:
    """A charge total as summaries print it: `+$1,234.56`."""
    return money(value) if value < 0 else f"+{money(value)}"


def groups(stmt: ConsumerStatement, section: str) -> list[tuple[ConsumerCardholder | None, list[ConsumerLine]]]:
    """The lines of one section: per card where the format prints cards, else one account-level group."""
    per_card = {name: per for name, _, per in SECTIONS[stmt.format]}[section]
    if not per_card:
        return [(None, [ln for ln in stmt.primary.lines if ln.section == section])]
    found = [(ch, [ln for ln in ch.lines if ln.section == section]) for ch in stmt.cardholders]
    return [(ch, lines) for ch, lines in found if lines]


def heading(text: str, x: float = 36.0, right: Cell | None = None) -> Row:
    return (Cell(x, text, bold=True), right) if right else (Cell(x, text, bold=True),)


def pair(label: str, value: str, x: float = 36.0, edge: float = 300.0) -> Row:
    return Cell(x, label), Cell(edge, value, right=True)


def beside(left: list[Row], right: list[Row]) -> list[Row]:
    """Two panels side by side: their rows share baselines, as on a real page 1."""
    width = max(len(left), len(right))
    pad = [BLANK] * width
    return [a + b for a, b in zip([*left, *pad][:width], [*right, *pad][:width], strict=True)]


class Printer:
    """One issuer's statement; subclasses say where things go."""

    date_x, desc_x, amount_edge = 36.0, 90.0, 576.0

    def __init__(self, stmt: ConsumerStatement) -> None:
        self.stmt = stmt

    def first_page(self) -> list[Row]:
        raise NotImplementedError

    def page_header(self, page: int, count: int) -> list[Row]:
        raise NotImplementedError

    def continued(self) -> list[Row]:
        return []

    def footer(self, page: int, count: int) -> list[Row]:
        return [(Cell(self.amount_edge, f"Page {page} of {count}", right=True),)]

    def blocks(self) -> list[Block]:
        raise NotImplementedError

    def amount(self, value: Decimal) -> str:
        return money(value)

    def dates(self, line: ConsumerLine) -> list[Cell]:
        return [Cell(self.date_x, f"{line.transaction_date:%m/%d}")]

    def fx_rows(self, line: ConsumerLine) -> list[Row]:
        return []

    def line_block(self, line: ConsumerLine) -> Block:
        first = (
            *self.dates(line),
            Cell(self.desc_x, line.rows[0]),
            Cell(self.amount_edge, self.amount(line.amount), True),
        )
        rest = [(Cell(self.desc_x, text),) for text in (*line.rows[1:], *line.details)]
        return (first, *rest, *self.fx_rows(line))

    def tables(self, *tables: tuple[str, tuple[tuple[str, str], ...]]) -> list[Block]:
        """Titled tables of label/value rows (fees, interest, year-to-date): rows ending in amounts, no dates."""
        return [
            (heading(title), *(pair(label, value, self.date_x, self.amount_edge) for label, value in rows))
            for title, rows in tables
        ]

    @property
    def year(self) -> int:
        return self.stmt.cycle_end.year


def short(value: date) -> str:
    return f"{value:%m/%d/%y}"

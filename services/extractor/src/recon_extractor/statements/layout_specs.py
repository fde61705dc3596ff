"""The parts of a statement layout (`layout.StatementLayout`): recognition, period, sections, cardholder
headers, printed totals and the balance equation, each as written in a layout's YAML."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class FrozenSpec(BaseModel):
    """A part of a layout: immutable, and a key it does not know is an error."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Recognise(FrozenSpec):
    """Every `all` pattern and at least one `any` pattern must be found on the first `pages` pages."""

    all: tuple[str, ...] = ()
    any: tuple[str, ...] = ()
    pages: int = Field(default=1, ge=1, le=3)


class PeriodSpec(FrozenSpec):
    """Patterns with `start` and/or `end` groups, printed in one of `date_formats`; `days` patterns (a `days`
    group) give the period's length where only its end is printed (Amex: "Days in Billing Period: 30")."""

    patterns: tuple[str, ...] = Field(min_length=1)
    date_formats: tuple[str, ...] = ("%m/%d/%Y",)
    days: tuple[str, ...] = ()


class Region(FrozenSpec):
    """The horizontal band (points) holding the activity; words outside it (side panels) are not rows."""

    x0: float = 0.0
    x1: float = 10_000.0


class SectionSpec(FrozenSpec):
    """A header row that opens a section; `skip` sections are summary tables whose rows are never lines."""

    name: str
    pattern: str
    category: str | None = None
    credits: bool = False
    skip: bool = False
    # A line read in another section whose description matches is this section's (Capital One prints its
    # member fee among the transactions).
    takes: str | None = None


class CardholderSpec(FrozenSpec):
    """A row naming whose card the following lines are on (groups `name`, `last4`, optional `amount`)."""

    pattern: str
    total_sections: tuple[str, ...] = ()
    name_above: bool = False  # the name is the plain row printed just above (Chase business cards)
    closes: bool = False  # a footer: the lines since the previous footer are on this card (Chase business cards)
    section: str | None = None  # the header opens this section too (Capital One: "NAME #1234: Transactions")


class TotalSpec(FrozenSpec):
    """A printed total (group `amount`) that the lines of `sections` (all when empty) must add up to.

    Without a `pattern` it is printed in a `summary` row, as the group of its name. `plus` names printed
    totals the lines add to (interest printed only as a total); `checked: false` is a figure only (a balance).
    """

    name: str
    pattern: str | None = None
    label: str | None = None
    sections: tuple[str, ...] = ()
    per_cardholder: bool = False
    negate: bool = False
    plus: tuple[str, ...] = ()
    checked: bool = True


class BalanceSpec(FrozenSpec):
    """The printed balance equation: `start` plus every `add` must be `end` (names of printed totals); an
    `optional` term some statements leave out counts as zero when it is not printed."""

    start: str
    add: tuple[str, ...] = Field(min_length=1)
    end: str
    optional: tuple[str, ...] = ()

"""Declarative statement layouts: a new issuer is a YAML file in `layouts/`, not code.

A layout says how to recognise the issuer from the first page(s), where the period, account and holder are
printed, which rows open sections (and which sections are summary tables to skip), which rows are cardholder
headers, transactions, foreign-currency details and printed totals, which rows are page furniture, and how
dates and credits are printed (its parts are in `layout_specs`). Patterns are regexes over a printed row
(words left to right, one space apart) and may use `{date}` (any of the layout's date formats), `{amount}`
(a signed amount in the layout's credit styles) and `{money}` (an unsigned amount, any number of decimals).
A transaction's `posted_mark` group, when printed, says its date is the posting date too (Amex's `*`). See
`chase.yaml` for a commented one.
"""

from __future__ import annotations

import re
from functools import cache, cached_property
from pathlib import Path
from typing import Literal

import yaml
from pydantic import Field, ValidationError, model_validator

from recon_extractor.errors import ExtractionError
from recon_extractor.statements.dates import format_regex
from recon_extractor.statements.layout_specs import (
    BalanceSpec,
    CardholderSpec,
    FrozenSpec,
    PeriodSpec,
    Recognise,
    Region,
    SectionSpec,
    TotalSpec,
)

LAYOUT_DIR = Path(__file__).parent / "layouts"
CreditStyle = Literal["minus", "parentheses", "cr", "trailing_minus"]
# Chase prints amounts under a dollar without the leading zero: `.99`.
_NUM = r"\$?\s?(?:\d{1,3}(?:,\d{3})+|\d*)\.\d{2}"
_MONEY = r"\$?\s?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_CREDIT_FORMS: dict[CreditStyle, str] = {
    "cr": rf"{_NUM}\s?CR",
    "parentheses": rf"\(\s?{_NUM}\s?\)",
    "minus": rf"-\s?{_NUM}",
    "trailing_minus": rf"{_NUM}-",
}


class StatementLayout(FrozenSpec):
    """One issuer's statement layout (see the module docstring and `layouts/*.yaml`)."""

    name: str
    issuer: str
    description: str = ""
    engine: Literal["rows", "wex"] = "rows"
    fallback: bool = False
    recognise: Recognise = Recognise()
    period: PeriodSpec | None = None
    account: tuple[str, ...] = ()
    holder: tuple[str, ...] = ()
    date_formats: tuple[str, ...] = ("%m/%d/%Y",)
    # "infer": numeric dates may be day-first too; the statement's period and dates decide (`date_order.py`).
    date_order: Literal["month_first", "infer"] = "month_first"
    credit_styles: tuple[CreditStyle, ...] = ("minus",)
    currency: str = "USD"
    region: Region = Region()
    columns: tuple[str, ...] = ()  # where a row's first column ends, when a page prints two side by side
    start_section: str | None = None
    sections: tuple[SectionSpec, ...] = ()
    cardholders: tuple[CardholderSpec, ...] = ()
    transactions: tuple[str, ...] = ()
    foreign: tuple[str, ...] = ()
    totals: tuple[TotalSpec, ...] = ()
    summary: tuple[str, ...] = ()  # rows printing several totals at once, each a group named after its total
    balance: BalanceSpec | None = None
    ignore_rows: tuple[str, ...] = ()
    # Rows under a line without an amount are its details (Amex: phone, category, references), not its description.
    detail_rows: bool = False
    continuation_slack: float = Field(default=3.0, ge=0)
    max_row_gap: float = Field(default=2.2, gt=0)
    drop_repeated_rows: bool = False
    warn_unrecognised: bool = True

    def expand(self, pattern: str, date_formats: tuple[str, ...] | None = None) -> str:
        dates = "|".join(format_regex(f) for f in (date_formats or self.date_formats))
        signed = "|".join([_CREDIT_FORMS[s] for s in self.credit_styles] + [rf"\+?\s?{_NUM}"])
        return pattern.replace("{date}", f"(?:{dates})").replace("{amount}", f"(?:{signed})").replace("{money}", _MONEY)

    def compile(self, pattern: str, date_formats: tuple[str, ...] | None = None, flags: int = 0) -> re.Pattern[str]:
        return re.compile(self.expand(pattern, date_formats), flags)

    @cached_property
    def section_rules(self) -> tuple[tuple[re.Pattern[str], SectionSpec], ...]:
        return tuple((self.compile(s.pattern), s) for s in self.sections)

    @cached_property
    def row_rules(self) -> dict[str, tuple[re.Pattern[str], ...]]:
        return {
            "ignore": tuple(self.compile(p) for p in self.ignore_rows),
            "transactions": tuple(self.compile(p) for p in self.transactions),
            "foreign": tuple(self.compile(p) for p in self.foreign),
            # Header facts are searched in a page's whole text (rows joined by newlines).
            "account": tuple(self.compile(p, flags=re.MULTILINE) for p in self.account),
            "holder": tuple(self.compile(p, flags=re.MULTILINE) for p in self.holder),
            "period": tuple(self.compile(p, self.period.date_formats, re.MULTILINE) for p in self.period.patterns)
            if self.period
            else (),
            "days": tuple(self.compile(p, flags=re.MULTILINE) for p in self.period.days) if self.period else (),
        }

    @cached_property
    def cardholder_rules(self) -> tuple[tuple[re.Pattern[str], CardholderSpec], ...]:
        return tuple((self.compile(c.pattern), c) for c in self.cardholders)

    @cached_property
    def total_rules(self) -> tuple[tuple[re.Pattern[str], TotalSpec], ...]:
        return tuple((self.compile(t.pattern), t) for t in self.totals if t.pattern)

    @cached_property
    def column_rules(self) -> tuple[re.Pattern[str], ...]:
        return tuple(self.compile(p) for p in self.columns)

    @cached_property
    def takes_rules(self) -> tuple[tuple[re.Pattern[str], SectionSpec], ...]:
        return tuple((re.compile(s.takes), s) for s in self.sections if s.takes)

    @cached_property
    def summary_rules(self) -> tuple[re.Pattern[str], ...]:
        return tuple(self.compile(p) for p in self.summary)

    def total_named(self, name: str) -> TotalSpec:
        return next(t for t in self.totals if t.name == name)

    def recognises(self, text: str) -> bool:
        """Whether the text of the first `recognise.pages` pages is this issuer's statement."""
        if not self.recognise.all and not self.recognise.any:
            return False
        found = all(re.search(p, text, re.MULTILINE) for p in self.recognise.all)
        return found and (not self.recognise.any or any(re.search(p, text, re.MULTILINE) for p in self.recognise.any))

    @model_validator(mode="after")
    def _consistent(self) -> StatementLayout:
        if self.engine == "rows" and not self.transactions:
            raise ValueError("a rows layout needs at least one transactions pattern")
        for pattern in self.transactions:
            missing = {"trans_date", "description", "amount"} - set(self.compile(pattern).groupindex)
            if missing:
                raise ValueError(f"transactions pattern {pattern!r} lacks group(s) {', '.join(sorted(missing))}")
        names = [s.name for s in self.sections]
        if len(set(names)) != len(names):
            raise ValueError("a section is declared twice")
        wanted = {n for t in self.totals for n in t.sections} | {n for c in self.cardholders for n in c.total_sections}
        wanted |= {c.section for c in self.cardholders if c.section}
        if self.start_section:
            wanted.add(self.start_section)
        if unknown := wanted - set(names):
            raise ValueError(f"unknown section(s) {', '.join(sorted(unknown))}; declared: {', '.join(names)}")
        if any("days" not in compiled.groupindex for compiled in self.row_rules["days"]):
            raise ValueError("a period days pattern needs a days group")
        for compiled, total in self.total_rules:
            if "amount" not in compiled.groupindex:
                raise ValueError(f"total {total.name!r} needs an amount group")
        self._totals_consistent()
        for compiled, _ in self.cardholder_rules:
            if not {"name", "last4"} & set(compiled.groupindex):
                raise ValueError(f"cardholder pattern {compiled.pattern!r} needs a name or last4 group")
        _ = self.row_rules, self.section_rules, self.column_rules, self.takes_rules  # or the file is refused here
        return self

    def _totals_consistent(self) -> None:
        declared = {t.name for t in self.totals}
        printed = {g for p in self.summary_rules for g in p.groupindex} | {t.name for t in self.totals if t.pattern}
        named = {n for t in self.totals for n in t.plus}
        if self.balance:
            named |= {self.balance.start, self.balance.end, *self.balance.add, *self.balance.optional}
        if unknown := (named | {g for p in self.summary_rules for g in p.groupindex}) - declared:
            raise ValueError(f"unknown total(s) {', '.join(sorted(unknown))}; declared: {', '.join(sorted(declared))}")
        if unprinted := declared - printed:
            raise ValueError(f"total(s) {', '.join(sorted(unprinted))} have no pattern and no summary group")


def load_layout_file(path: str | Path) -> StatementLayout:
    """Read and validate a layout; a broken one raises `ExtractionError` naming the file and the fault."""
    path = Path(path)
    try:
        return StatementLayout.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, ValidationError, re.error) as exc:
        raise ExtractionError(f"statement layout {path.name}: {exc}") from exc


@cache
def builtin_layouts() -> tuple[StatementLayout, ...]:
    """Every layout shipped in `layouts/`, by file name."""
    return tuple(load_layout_file(p) for p in sorted(LAYOUT_DIR.glob("*.yaml")))


def load_statement_layout(name: str) -> StatementLayout:
    """A built-in layout by name."""
    for layout in builtin_layouts():
        if layout.name == name:
            return layout
    known = ", ".join(layout.name for layout in builtin_layouts())
    raise ExtractionError(f"no statement layout named {name!r} (known: {known})")

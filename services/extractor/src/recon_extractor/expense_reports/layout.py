"""Declarative expense-report layouts: which labels name which fields, and how dates and amounts are printed.

A layout is a YAML file in `layouts/`; a new expense system's report is a data file, not code.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from recon_extractor.amounts import parse_amount
from recon_extractor.errors import ExtractionError
from recon_extractor.expense_reports.model import ENTRY_FIELDS

LAYOUT_DIR = Path(__file__).parent / "layouts"
DEFAULT_LAYOUT = "receipt_images_report"
NegativeStyle = Literal["minus", "parentheses", "cr"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class FieldSpec(_Frozen):
    """One labelled field: the entry attribute it fills, the labels printed for it, how its text is read."""

    name: str
    labels: tuple[str, ...] = Field(min_length=1)
    type: Literal["text", "date", "amount"] = "text"
    wraps: bool = False

    @field_validator("name")
    @classmethod
    def _known(cls, name: str) -> str:
        if name not in ENTRY_FIELDS:
            raise ValueError(f"unknown field {name!r}; expected one of {', '.join(ENTRY_FIELDS)}")
        return name


class AmountFormat(_Frozen):
    max_decimals: int = Field(default=2, ge=0, le=6)
    negative_styles: tuple[NegativeStyle, ...] = ("minus",)


class ExpenseLayout(_Frozen):
    """A labelled-block expense report layout (see `receipt_images_report.yaml`)."""

    name: str
    description: str = ""
    entry_start: str
    fields: tuple[FieldSpec, ...]
    date_formats: tuple[str, ...] = ("%m/%d/%Y",)
    amount: AmountFormat = AmountFormat()
    ignore_rows: tuple[str, ...] = ()
    label_tolerance: float = Field(default=3.0, gt=0)
    value_tolerance: float = Field(default=3.0, gt=0)
    min_image_side: float = Field(default=24.0, ge=0)

    @field_validator("ignore_rows")
    @classmethod
    def _compiles(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"ignore_rows pattern {pattern!r}: {exc}") from exc
        return patterns

    @model_validator(mode="after")
    def _consistent(self) -> ExpenseLayout:
        names = [f.name for f in self.fields]
        if len(set(names)) != len(names):
            raise ValueError("a field is declared twice")
        if "employee" not in names or self.entry_start not in names:
            raise ValueError("the layout needs an employee field and an entry_start that names a field")
        labels = [label for f in self.fields for label in f.labels]
        if len(set(labels)) != len(labels):
            raise ValueError("a label is declared twice")
        return self

    def field(self, name: str) -> FieldSpec:
        return next(f for f in self.fields if f.name == name)

    def ignored(self, text: str) -> bool:
        return any(re.search(p, text) for p in self.ignore_rows)

    def parse_date(self, text: str) -> date | None:
        for fmt in self.date_formats:
            try:
                return datetime.strptime(text.strip(), fmt).date()
            except ValueError:
                continue
        return None

    def parse_amount(self, text: str) -> Decimal | None:
        """The printed amount, exactly (no rounding), or None when it breaks the declared format."""
        value = parse_amount(text)
        if value is None or _decimals(value) > self.amount.max_decimals:
            return None
        stripped = text.strip()
        style: NegativeStyle | None = None
        if stripped.startswith("("):
            style = "parentheses"
        elif stripped.upper().endswith("CR"):
            style = "cr"
        elif "-" in stripped:
            style = "minus"
        return value if style is None or style in self.amount.negative_styles else None


def _decimals(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def load_layout_file(path: str | Path) -> ExpenseLayout:
    """Read and validate a layout file; a broken one raises `ExtractionError` naming the file and the fault."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return ExpenseLayout.model_validate(data)
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise ExtractionError(f"expense layout {path.name}: {exc}") from exc


@cache
def load_expense_layout(name: str = DEFAULT_LAYOUT) -> ExpenseLayout:
    """A built-in layout by name (the file stem in `layouts/`)."""
    path = LAYOUT_DIR / f"{name}.yaml"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in LAYOUT_DIR.glob("*.yaml")))
        raise ExtractionError(f"no expense layout named {name!r} (known: {known})")
    return load_layout_file(path)

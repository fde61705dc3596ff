"""Layouts drawn from a seed: the same month as different report versions, drivers and exports would print it.

`draw_layout(seed)` always gives the same `WexLayout` for the same seed. Besides the drawing style, a layout
may blank the employee ID of some cardholders (pool and toll-tag accounts have none): that changes what the
report says, so the layout also gives the statement to render and to check against.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, fields, replace
from functools import lru_cache

from recon_docgen.catalog import ACCOUNT_NAMES
from recon_docgen.scenario import make_statement
from recon_docgen.truth import GenStatement
from recon_docgen.wex_pen import table_fits
from recon_docgen.wex_style import COLUMN_KEYS, CORE_FONTS, DEFAULT_STYLE, TTF_FONTS, WexStyle, style_changes
from recon_docgen.wex_table import text_shapes

SLACK = 24.0
"""Points a drawn page keeps spare beyond the widest month: other months print slightly wider values."""
CONTINUOUS = frozenset(
    {
        "block_size",
        "row_height",
        "block_line_height",
        "left",
        "top",
        "bottom",
        "column_gap",
        "column_pads",
        "column_rises",
    }
)
NARROW_FONTS = ("Helvetica", "Times", "DejaVuSansCondensed")
# Orders seen across report versions: the amounts stay last, dates first; the middle moves a little.
ORDERS: tuple[tuple[str, ...], ...] = (
    COLUMN_KEYS,
    ("posted_date", "trans_date", *COLUMN_KEYS[2:]),
    ("trans_date", "posted_date", "reference", "level", *COLUMN_KEYS[4:]),
    ("trans_date", "posted_date", "level", "reference", "merchant", "city", "description", "group", *COLUMN_KEYS[8:]),
    ("trans_date", "posted_date", "reference", "merchant", "city", "group", "level", *COLUMN_KEYS[7:]),
)


SAMPLE_SEEDS = (0, 1, 12, 37, 39, 72, 80, 107, 117, 124, 141, 173, 298, 355)
"""Few layouts that between them show every value of every drawn knob at least twice (for the test command)."""


@dataclass(frozen=True)
class WexLayout:
    """A drawn layout: the style, and whether pool accounts print a blank employee ID."""

    seed: int
    style: WexStyle
    blank_employee_ids: bool = False

    def statement(self, stmt: GenStatement) -> GenStatement:
        """`stmt` as this layout's report says it (some employee IDs blank)."""
        if not self.blank_employee_ids:
            return stmt
        rng = random.Random(f"blank-ids:{self.seed}")
        holders = tuple(
            replace(ch, employee_id="") if ch.name in ACCOUNT_NAMES or rng.random() < 0.25 else ch
            for ch in stmt.cardholders
        )
        return replace(stmt, cardholders=holders)

    def changes(self) -> dict[str, object]:
        """What differs from the default layout, to reproduce it by hand."""
        extra: dict[str, object] = {"blank_employee_ids": True} if self.blank_employee_ids else {}
        return {**style_changes(self.style), **extra}


def _page(rng: random.Random, font: str, size: float) -> tuple[str, bool]:
    """Portrait only where the table can fit across 612 pt: a narrow font at a small size."""
    if font in NARROW_FONTS and size <= 6.5 and rng.random() < 0.5:
        return rng.choice(("letter", "a4", "legal")), False
    return rng.choice(("letter", "letter", "a4", "legal")), True


def draw_style(rng: random.Random) -> WexStyle:
    """The first knobs of a layout: type, page, columns, header, footer, blocks, money, overflow."""
    font = rng.choice((*CORE_FONTS, "Helvetica", *TTF_FONTS))
    size = rng.choice((6.0, 6.5, 7.0, 7.5, 8.0))
    page, landscape = _page(rng, font, size)
    order = rng.choice(ORDERS) if rng.random() < 0.4 else COLUMN_KEYS
    return WexStyle(
        font=font,
        row_size=size,
        block_size=size + rng.choice((0.0, 0.5, 1.0)),
        row_height=round(size * rng.uniform(1.25, 1.7), 1),
        block_line_height=round((size + 1) * rng.uniform(1.15, 1.4), 1),
        page=page,
        landscape=landscape,
        left=float(rng.randint(14, 40)),
        top=float(rng.randint(18, 44)),
        bottom=float(rng.randint(26, 54)),
        fitted_columns=True,
        column_order=order,
        column_gap=round(rng.uniform(3.0, 12.0), 1),
        column_pads=tuple(rng.choice((0.0, 0.0, 2.0, 6.0, 12.0)) for _ in order),
        spread_columns=rng.random() < 0.5,
        header_lines=rng.choices((1, 2, 3), (0.4, 0.4, 0.2))[0],
        abbreviated_titles=rng.random() < 0.3,
        title_every_page=rng.random() < 0.4,
        footer=rng.choice(("page_of", "page_of", "page", "none")),
        cardholder_on_new_page=rng.random() < 0.4,
        block_on_continuation=rng.random() < 0.7,
        header_on_continuation=rng.random() < 0.75,
        block_labels=rng.choice(("stacked", "stacked", "aligned", "two_columns")),
        doubled_bold=rng.random() < 0.35,
        thousands=rng.random() < 0.7,
        overflow=rng.choice(("none", "none", "interleave", "tight", "wrap")),
        keep_swipes_together=rng.random() < 0.3,
    )


def draw_furniture(rng: random.Random) -> dict[str, object]:
    """Knobs added to the draw later (drawn last, so earlier layouts kept their seeds): money and page text."""
    credits = rng.choice(("minus", "minus", "parens"))
    return {
        "currency_symbol": rng.random() < 0.8,
        "footer_run_date": rng.random() < 0.3,
        "continued_marker": rng.random() < 0.3,
        "draw_order": rng.choice(("rows", "rows", "fields_reversed", "columns")),
        "glyph_by_glyph": rng.random() < 0.2,
        "upper_labels": rng.random() < 0.25,
        "totals_labels": rng.choice(("plural", "plural", "singular", "grand")),
        "space_after_swipe": rng.choice((0.0, 0.0, 3.0, 5.0)),
        "period_lines": rng.choice(("both", "both", "between", "from_to")),
        "card_mask": rng.choice(("middle", "middle", "all_x", "stars")),
        "column_rises": _rises(rng),
        "repeat_swipe_fields": rng.random() < 0.75,
        "columns_per_page": rng.random() < 0.2,
        "report_header_every_page": rng.random() < 0.2,
        # A third way to print credits, drawn apart so that the draws above kept their values.
        "credits": "trailing" if rng.random() < 0.15 else credits,
    }


def _rises(rng: random.Random) -> tuple[float, ...]:
    """Most reports line their fields up; some are off by most of a point, column by column."""
    most = rng.choice((0.0, 0.0, 0.4, 0.8))
    return tuple(round(rng.uniform(-most, most), 2) for _ in COLUMN_KEYS) if most else ()


@lru_cache(maxsize=8)
def _widest_month(money: WexStyle) -> dict[str, frozenset[str]]:
    """The texts of a month with most of the catalogue in it: what a report version's page is chosen for."""
    stmt = make_statement(0, cardholders=60, lines_per_cardholder=(12, 12), credit_ratio=0.1)
    return text_shapes(stmt, money)


def draw_layout(seed: int) -> WexLayout:
    """The layout for `seed`: reproducible, independent of the statement it will print.

    A table too wide for the drawn page goes on landscape legal, as a report designer would have it.
    """
    rng = random.Random(f"wex-layout:{seed}")
    style = draw_style(rng)
    blank_ids = rng.random() < 0.4
    style = replace(style, **draw_furniture(rng))
    if style.glyph_by_glyph and style.overflow == "interleave":
        # Overlapping text placed glyph by glyph cannot be told apart, by a reader or by a person.
        style = replace(style, overflow="tight")
    if style.columns_per_page and style.overflow == "wrap":
        # Wrapping depends on the widths, and the pages on the wrapping: one plan for the whole report.
        style = replace(style, columns_per_page=False)
    if not _fits(style):
        style = replace(style, page="legal", landscape=True)
    return WexLayout(seed, style, blank_employee_ids=blank_ids)


def _fits(style: WexStyle) -> bool:
    money = WexStyle(thousands=style.thousands, credits=style.credits, currency_symbol=style.currency_symbol)
    return table_fits(_widest_month(money), replace(style, left=style.left + SLACK / 2))


def drawn_values(count: int) -> dict[str, list[object]]:
    """Every value each knob took in the first `count` layouts, in order (`blank_employee_ids` too)."""
    seen: dict[str, set[object]] = {}
    for seed in range(count):
        layout = draw_layout(seed)
        for f in fields(WexStyle):
            seen.setdefault(f.name, set()).add(getattr(layout.style, f.name))
        seen.setdefault("blank_employee_ids", set()).add(layout.blank_employee_ids)
    return {name: sorted(values, key=repr) for name, values in seen.items()}


def one_knob_layouts(count: int = 300) -> list[WexLayout]:
    """The default layout with fitted columns (first), then that changed in one knob at a time: every value
    the first `count` draws gave it (the least and the most of the continuous knobs). A table too wide for
    its page goes on landscape legal, or in 6 pt type on a portrait page."""
    base = replace(DEFAULT_STYLE, fitted_columns=True)
    layouts: list[WexLayout] = [WexLayout(0, base)]
    for name, values in drawn_values(count).items():
        if name in CONTINUOUS:
            values = [min(values), max(values)]  # type: ignore[type-var]
        for value in values:
            if name == "blank_employee_ids":
                if value:
                    layouts.append(WexLayout(len(layouts), base, blank_employee_ids=True))
                continue
            style = replace(base, **{name: value})
            if style != base:
                if not _fits(style):
                    style = replace(style, page="legal") if style.landscape else replace(style, row_size=6.0)
                layouts.append(WexLayout(len(layouts), style))
    return layouts

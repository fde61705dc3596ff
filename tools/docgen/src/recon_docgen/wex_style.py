"""How a WEX report is drawn: the knobs that differ between report versions, printer drivers and exports.

The content (whose lines, which amounts) never depends on the style; only where and how it is printed.
`DEFAULT_STYLE` is the layout the generator has always drawn (Helvetica 7 pt, landscape letter, the fixed
column positions of `wex_layout.columns`, a one-line header, a new page per cardholder, `Page n of N`).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Literal

# Debian's fonts-dejavu-core: part of every machine image here (and of most Debian/Ubuntu installs, as a
# dependency of fontconfig), so the embedded-TrueType layouts need no download at run time.
TTF_DIR = Path("/usr/share/fonts/truetype/dejavu")
CORE_FONTS = ("Helvetica", "Times", "Courier")
TTF_FONTS: dict[str, tuple[str, str]] = {
    "DejaVuSans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    "DejaVuSansCondensed": ("DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf"),
    "DejaVuSerif": ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"),
    "DejaVuSansMono": ("DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf"),
}
PAGE_SIZES: dict[str, tuple[float, float]] = {
    "letter": (612.0, 792.0),
    "legal": (612.0, 1008.0),
    "a4": (595.28, 841.89),
}
COLUMN_KEYS = (
    "trans_date",
    "posted_date",
    "level",
    "reference",
    "merchant",
    "city",
    "group",
    "description",
    "ppu",
    "quantity",
    "gross",
    "discount",
    "net",
)

Footer = Literal["page_of", "page", "none"]
Credits = Literal["minus", "parens", "trailing"]
DrawOrder = Literal["rows", "fields_reversed", "columns"]
TotalsLabels = Literal["plural", "singular", "grand"]
PeriodLines = Literal["both", "between", "from_to"]
CardMask = Literal["middle", "all_x", "stars"]
Overflow = Literal["none", "interleave", "tight", "wrap"]
BlockLabels = Literal["stacked", "aligned", "two_columns"]


@dataclass(frozen=True)
class WexStyle:
    """Every knob of a rendering. `fitted_columns=False` keeps today's fixed x positions (Helvetica 7 pt only).

    `column_rises` moves each column's text up (or down) a little, as fields placed by hand in a report
    designer sit. `card_mask` is how the card number hides its digits (`556735XXXXXX1234`,
    `XXXXXXXXXXXX1234`, `************1234`). `draw_order` is the order text goes into the page (as printed,
    right to left within a line, or column by column); `glyph_by_glyph` places every character on its own,
    as some printer drivers do (no spaces). Without `repeat_swipe_fields`, a swipe's second and later
    product rows leave its dates, number, merchant, city and group blank ("suppress if duplicated").
    `columns_per_page` fits the columns to each page's own texts (as exports that lay out every page
    apart do): a continuation page without a header then has its columns somewhere else.
    `report_header_every_page` repeats the title and the report's parameters at the top of every page
    (a page header rather than a report header).
    """

    font: str = "Helvetica"
    row_size: float = 7.0
    block_size: float = 8.0
    row_height: float = 11.0
    block_line_height: float = 10.0
    page: str = "letter"
    landscape: bool = True
    left: float = 18.0
    top: float = 28.0
    bottom: float = 34.0
    fitted_columns: bool = False
    column_order: tuple[str, ...] = COLUMN_KEYS
    column_gap: float = 6.0
    column_pads: tuple[float, ...] = ()
    spread_columns: bool = False
    header_lines: int = 1
    abbreviated_titles: bool = False
    title_every_page: bool = False
    footer: Footer = "page_of"
    cardholder_on_new_page: bool = True
    block_on_continuation: bool = True
    header_on_continuation: bool = True
    block_labels: BlockLabels = "stacked"
    doubled_bold: bool = False
    thousands: bool = True
    credits: Credits = "minus"
    currency_symbol: bool = True
    overflow: Overflow = "none"
    keep_swipes_together: bool = False
    footer_run_date: bool = False
    continued_marker: bool = False
    draw_order: DrawOrder = "rows"
    glyph_by_glyph: bool = False
    upper_labels: bool = False
    totals_labels: TotalsLabels = "plural"
    space_after_swipe: float = 0.0
    period_lines: PeriodLines = "both"
    card_mask: CardMask = "middle"
    repeat_swipe_fields: bool = True
    columns_per_page: bool = False
    report_header_every_page: bool = False
    column_rises: tuple[float, ...] = ()

    def __post_init__(self) -> None:
        fitted_only = {
            "column_order": self.column_order != COLUMN_KEYS,
            "column_pads": bool(self.column_pads),
            "spread_columns": self.spread_columns,
            "columns_per_page": self.columns_per_page,
            "header_lines=3": self.header_lines == 3,
            f"overflow={self.overflow}": self.overflow in ("tight", "wrap"),
        }
        if not self.fitted_columns and any(fitted_only.values()):
            wanted = ", ".join(name for name, used in fitted_only.items() if used)
            raise ValueError(f"{wanted} need fitted_columns: the fixed columns have no widths to work with")

    @property
    def page_size(self) -> tuple[float, float]:
        """(width, height) in points."""
        short, long = PAGE_SIZES[self.page]
        return (long, short) if self.landscape else (short, long)

    def font_file(self, bold: bool) -> Path | None:
        """The TrueType file to embed, None for the standard PDF fonts."""
        if self.font in CORE_FONTS:
            return None
        path = TTF_DIR / TTF_FONTS[self.font][bold]
        if not path.is_file():
            raise FileNotFoundError(f"{path} is missing: install Debian's fonts-dejavu-core")
        return path


DEFAULT_STYLE = WexStyle()


def style_changes(style: WexStyle) -> dict[str, object]:
    """The knobs of `style` that differ from the default, by name (to reproduce a layout by hand)."""
    return {
        f.name: getattr(style, f.name)
        for f in fields(WexStyle)
        if getattr(style, f.name) != getattr(DEFAULT_STYLE, f.name)
    }

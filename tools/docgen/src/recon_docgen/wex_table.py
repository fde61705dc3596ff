"""The table of a WEX report under a style: cell texts, column titles and where each column sits (pure).

Text widths come from a `Measure` (the PDF's font metrics), so this module needs no PDF itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from recon_docgen import wex_layout as lay
from recon_docgen.truth import GenItem, GenLine, GenStatement
from recon_docgen.wex_style import DEFAULT_STYLE, WexStyle
from recon_docgen.wex_titles import title_lines

Measure = Callable[[str], float]
"""Width in points of a text at the row size, in bold (the widest a cell is printed)."""

MIN_GAP = 2.5
DIGIT = re.compile(r"\d")
RIGHT_KEYS = frozenset({"ppu", "quantity", "gross", "discount", "net"})
WRAPPED = {"merchant": 0.62, "city": 0.68}
"""With `overflow="wrap"`, these columns are this share of their longest text: longer ones wrap."""
INTERLEAVED_SHARE = 0.72
TIGHT_GAP = 1.2
"""Less than a space: a long merchant name nearly touches its city."""


@dataclass(frozen=True)
class TableColumn:
    """A placed column: `x` is its left edge, or its right edge when `right`; `width` is what it holds."""

    key: str
    title: tuple[str, ...]
    x: float
    width: float
    right: bool

    @property
    def left(self) -> float:
        return self.x - self.width if self.right else self.x

    @property
    def end(self) -> float:
        return self.x if self.right else self.x + self.width


def money(value: Decimal, style: WexStyle = DEFAULT_STYLE) -> str:
    """`$1,234.56`, credits `-$0.45`; as the style has it: `1234.56` (no separators, no symbol), `($0.45)`,
    `$0.45-`."""
    digits = f"{abs(value):,.2f}" if style.thousands else f"{abs(value):.2f}"
    text = f"${digits}" if style.currency_symbol else digits
    if value >= 0:
        return text
    return {"parens": f"({text})", "trailing": f"{text}-"}.get(style.credits, f"-{text}")


def us_date(value: date) -> str:
    return value.strftime("%m/%d/%Y")


def item_cells(line: GenLine, item: GenItem, style: WexStyle) -> dict[str, str]:
    """What a product row prints, by column key."""
    return {
        "trans_date": us_date(line.transaction_date),
        "posted_date": us_date(line.posted_date),
        "level": line.level,
        "reference": line.reference,
        "merchant": line.merchant,
        "city": f"{line.city}, {line.state}",
        "group": line.category,
        "description": item.description or "",
        "ppu": f"{item.ppu:.5f}",
        "quantity": f"{item.quantity:.2f}",
        "gross": money(item.gross, style),
        "discount": money(item.discount, style),
        "net": money(item.net, style),
    }


def totals_cells(sums: object, style: WexStyle) -> dict[str, str]:
    """What a totals row prints for `sums` (a swipe, a cardholder or the statement), by column key."""
    return {k: money(getattr(sums, k), style) for k in ("gross", "discount", "net")}


def _values(stmt: GenStatement, style: WexStyle) -> Iterator[dict[str, str]]:
    for line in stmt.lines:
        for item in line.items:
            yield item_cells(line, item, style)
        yield totals_cells(line, style)
    for ch in stmt.cardholders:
        yield totals_cells(ch, style)
    yield totals_cells(stmt, style)


def cell_shapes(rows: Iterable[dict[str, str]]) -> dict[str, frozenset[str]]:
    """Every text a column prints, digits as 0: every font here has digits of one width, so a text is as
    wide as its shape, and there are far fewer shapes than texts to measure."""
    shapes: dict[str, set[str]] = {}
    for cells in rows:
        for key, text in cells.items():
            shapes.setdefault(key, set()).add(DIGIT.sub("0", text))
    return {key: frozenset(texts) for key, texts in shapes.items()}


def text_shapes(stmt: GenStatement, style: WexStyle) -> dict[str, frozenset[str]]:
    """The shapes of every text the statement's table prints (see `cell_shapes`)."""
    return cell_shapes(_values(stmt, style))


def _natural_widths(style: WexStyle, shapes: dict[str, frozenset[str]], measure: Measure) -> dict[str, float]:
    widths = {key: max(measure(t) for t in title_lines(style, key)) for key in style.column_order}
    for key in style.column_order:
        longest = max((measure(text) for text in shapes.get(key, frozenset())), default=0.0)
        if style.overflow == "wrap" and key in WRAPPED:
            # Wrapped at spaces: the column holds its longest word whole.
            word = max((measure(w) for text in shapes.get(key, frozenset()) for w in text.split(" ")), default=0.0)
            longest = max(longest * WRAPPED[key], word)
        elif style.overflow == "interleave" and key == "merchant":
            longest *= INTERLEAVED_SHARE
        widths[key] = max(widths[key], longest)
    return widths


def _gaps(style: WexStyle) -> list[float]:
    """The gap after each column (the last one's is unused)."""
    tight = style.overflow == "tight"
    return [TIGHT_GAP if tight and key == "merchant" else style.column_gap for key in style.column_order]


def narrowest_table(style: WexStyle, shapes: dict[str, frozenset[str]], measure: Measure) -> float:
    """The width the fitted table needs at the least: its text (`text_shapes`) and gaps of a few points."""
    widths = _natural_widths(style, shapes, measure)
    return sum(widths.values()) + sum(min(g, MIN_GAP) for g in _gaps(style)[:-1])


def plan_columns(style: WexStyle, shapes: dict[str, frozenset[str]], measure: Measure) -> tuple[TableColumn, ...]:
    """Where each column sits: today's fixed positions, or fitted left to right to the widest text
    (`shapes`: of the whole statement, or of one page when the style fits each page on its own)."""
    if not style.fitted_columns:
        fixed = lay.columns(style.overflow == "interleave")
        return tuple(TableColumn(c.key, title_lines(style, c.key), c.x, 0.0, c.right) for c in fixed)
    widths = _natural_widths(style, shapes, measure)
    pads = dict(zip(style.column_order, style.column_pads or (0.0,) * len(widths), strict=True))
    gaps = _gaps(style)
    available = style.page_size[0] - 2 * style.left
    need = sum(widths.values()) + sum(pads.values()) + sum(gaps[:-1])
    if need > available:
        # A narrow page first loses the padding, then the gaps down to a few points, never the text.
        pads = dict.fromkeys(pads, 0.0)
        gaps = [min(g, MIN_GAP) for g in gaps]
        need = sum(widths.values()) + sum(gaps[:-1])
        if need > available:
            raise ValueError(f"the table needs {need:.0f} pt and the page has {available:.0f} pt: {style}")
    spare = (available - need) / (len(gaps) - 1) if style.spread_columns else 0.0
    columns, x = [], style.left
    for key, gap in zip(style.column_order, gaps, strict=True):
        width = widths[key] + pads[key]
        right = key in RIGHT_KEYS
        columns.append(TableColumn(key, title_lines(style, key), x + width if right else x, width, right))
        x += width + gap + spare
    return tuple(columns)


def wrap(text: str, width: float, measure: Measure) -> list[str]:
    """`text` broken at spaces into lines no wider than `width` (a single long word stays whole)."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and measure(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]

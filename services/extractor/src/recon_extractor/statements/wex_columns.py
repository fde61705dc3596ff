"""The WEX column header: where each column sits, and which field each run of a row belongs to."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from recon_extractor.pdf.text_rows import Row, Run, split_runs

TITLES: tuple[tuple[str, str], ...] = (
    ("trans_date", "Trans Date"),
    ("posted_date", "Posted Date"),
    ("level", "Lvl"),
    ("reference", "Transaction #"),
    ("merchant", "Merchant Name"),
    ("city", "City, State"),
    ("group", "Merchant Group"),
    ("description", "Product Description"),
    ("ppu", "PPU/G"),
    ("quantity", "Quantity"),
    ("gross", "Gross Cost"),
    ("discount", "Discount"),
    ("net", "Net Cost"),
)
REQUIRED = ("trans_date", "merchant", "net")
RIGHT_ALIGNED = frozenset({"ppu", "quantity", "gross", "discount", "net"})
RIGHT_EDGE_TOLERANCE = 4.0
LEFT_EDGE_TOLERANCE = 2.0
OCR_SLACK = 5.0
"""Extra tolerance, in points, when the header's words are OCR estimates: a word split out of a detected
text line, or a padded detector box, lands up to ~3 pt from where it is printed."""
NUMBER = re.compile(r"\(?-?\$?-?[\d,]*\.\d+\)?(?:\s?CR)?")


@dataclass(frozen=True)
class Columns:
    """Header spans by column key (x0, x1 of the printed title), and how far positions may stray (`slack`)."""

    spans: dict[str, tuple[float, float]]
    slack: float = 0.0

    @cached_property
    def left_starts(self) -> list[tuple[float, str]]:
        """Left-aligned columns as (x0, key), right to left; x0 moved left by the slack."""
        starts = ((x0 - self.slack, k) for k, (x0, _) in self.spans.items() if k not in RIGHT_ALIGNED)
        return sorted(starts, reverse=True)

    @cached_property
    def right_edges(self) -> list[tuple[float, str]]:
        return [(x1, k) for k, (_, x1) in self.spans.items() if k in RIGHT_ALIGNED]


def _find_title(words: Sequence[str], title: str) -> int | None:
    parts = title.lower().split()
    n = len(parts)
    for i in range(len(words) - n + 1):
        if words[i] == parts[0] and words[i : i + n] == parts:
            return i
    return None


def find_header(row: Row) -> Columns | None:
    """The column layout if `row` is the WEX column header."""
    lowered = row.text.lower()
    if "trans" not in lowered or "net" not in lowered or "merchant" not in lowered:
        return None
    texts = [w.text.lower() for w in row.words]
    spans: dict[str, tuple[float, float]] = {}
    for key, title in TITLES:
        at = _find_title(texts, title)
        if at is not None:
            n = len(title.split())
            spans[key] = (row.words[at].x0, max(w.x1 for w in row.words[at : at + n]))
    if not all(key in spans for key in REQUIRED):
        return None
    return Columns(spans, OCR_SLACK if any(w.approximate for w in row.words) else 0.0)


def _column_for(run: Run, columns: Columns) -> str:
    if NUMBER.fullmatch(run.text):
        for x1, key in columns.right_edges:
            if abs(run.x1 - x1) <= RIGHT_EDGE_TOLERANCE + columns.slack:
                return key
    for x0, key in columns.left_starts:
        if x0 - LEFT_EDGE_TOLERANCE <= run.x0:
            return key
    return columns.left_starts[-1][1]


def row_cells(row: Row, columns: Columns) -> dict[str, str]:
    """The row's text by column key (runs falling in the same column joined by a space)."""
    cells: dict[str, list[str]] = {}
    # OCR words are placed one by one: their edges are too rough to tell a column start from a wide space.
    runs = (
        [Run(w.text, w.x0, w.x1) for w in row.words]
        if columns.slack
        else split_runs(row.words, [x0 for x0, _ in columns.left_starts])
    )
    for run in runs:
        cells.setdefault(_column_for(run, columns), []).append(run.text)
    return {key: " ".join(parts) for key, parts in cells.items()}

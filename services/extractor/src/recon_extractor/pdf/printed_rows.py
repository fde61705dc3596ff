"""A page's words as printed rows for layout patterns: words left to right, one space apart, with positions."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from recon_extractor.pdf.glyphs import Word
from recon_extractor.pdf.text_rows import group_rows


@dataclass(frozen=True, slots=True)
class PrintedRow:
    """One printed row: its text, where each word starts in the text and on the page."""

    text: str
    starts: tuple[int, ...]
    xs: tuple[float, ...]
    top: float
    bottom: float

    @property
    def x0(self) -> float:
        return self.xs[0]

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def x_at(self, offset: int) -> float:
        """The left edge of the word holding character `offset` (how far right a matched group starts)."""
        return self.xs[max(0, bisect_right(self.starts, offset) - 1)]


def _printed(words: Sequence[Word], top: float, bottom: float) -> PrintedRow:
    ordered = sorted(words, key=lambda w: w.x0)
    starts: list[int] = []
    offset = 0
    for word in ordered:
        starts.append(offset)
        offset += len(word.text) + 1
    text = " ".join(w.text for w in ordered)
    return PrintedRow(text, tuple(starts), tuple(w.x0 for w in ordered), top, bottom)


def printed_rows(words: Sequence[Word], x0: float = 0.0, x1: float = float("inf")) -> list[PrintedRow]:
    """Rows top to bottom from the words that lie within [x0, x1] (a layout's activity region)."""
    inside = [w for w in words if w.x0 >= x0 - 0.5 and w.x1 <= x1 + 0.5]
    return [_printed(row.words, row.top, row.bottom) for row in group_rows(inside)]

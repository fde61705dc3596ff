"""Words into printed rows, and a row into runs: the pieces of text that belong to one field."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from recon_extractor.pdf.glyphs import Word

GAP_FACTOR = 0.6
COLUMN_START_SLACK = (1.5, 2.0)
"""A word starts a column at `c` when it starts within c - 1.5 .. c + 2: glyphs' side bearings differ (an
`A` starts further left than the `M` of the title above it)."""


@dataclass(frozen=True)
class Row:
    """Words sharing a baseline, in content-stream order."""

    words: tuple[Word, ...]
    top: float
    bottom: float

    @cached_property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass(frozen=True)
class Run:
    """Text that was drawn as one piece (no backward move, no column-sized gap)."""

    text: str
    x0: float
    x1: float


def group_rows(words: Sequence[Word]) -> list[Row]:
    """Cluster words by vertical middle; rows come top to bottom, words keep their stream order.

    A row takes words whose middles step at most `tolerance` from the one before, up to twice that from
    its first: cells set a little off the baseline, and a `/` or `,` lowering a word's middle, stay on it."""
    if not words:
        return []
    heights = sorted(w.bottom - w.top for w in words)
    tolerance = max(2.0, 0.4 * heights[len(heights) // 2])
    middles = [(w.top + w.bottom) / 2 for w in words]
    order = sorted(range(len(words)), key=middles.__getitem__)
    clusters: list[list[int]] = []
    anchor = last = 0.0
    for i in order:
        if not clusters or middles[i] - last > tolerance or middles[i] - anchor > 2 * tolerance:
            clusters.append([i])
            anchor = middles[i]
        else:
            clusters[-1].append(i)
        last = middles[i]
    rows = []
    for cluster in clusters:
        members = _rejoined([words[i] for i in sorted(cluster)])
        rows.append(Row(members, min(w.top for w in members), max(w.bottom for w in members)))
    return rows


def _rejoined(words: list[Word]) -> tuple[Word, ...]:
    """A word drawn later in the stream that starts exactly where an earlier one ends is that word's end (a
    driver drawing `91/93` as `91`, ..., `/93`). A word right after it in the stream stays apart (a field
    printed touching the one before it), and so does one that goes on a text object (a city's second word
    that happens to start where the merchant printed over it ends)."""
    kept: list[Word] = []
    ends: dict[int, int] = {}  # a kept word's right edge, in tenths of a point -> its index
    for w in words:
        tenth = round(w.x0 * 10)
        at = ends.get(tenth)
        if at is None:
            at = ends.get(tenth - 1, ends.get(tenth + 1))
        if at is None or at == len(kept) - 1 or w.joined or w.approximate or abs(w.top - kept[at].top) >= 1.0:
            ends[round(w.x1 * 10)] = len(kept)
            kept.append(w)
            continue
        a = kept[at]
        kept[at] = Word(a.text + w.text, a.x0, w.x1, min(a.top, w.top), max(a.bottom, w.bottom), a.joined)
        ends[round(w.x1 * 10)] = at
    return tuple(kept)


def _near_column(word: Word, column_starts: Sequence[float]) -> bool:
    before, after = COLUMN_START_SLACK
    return any(c - before <= word.x0 <= c + after for c in column_starts)


def split_runs(words: Sequence[Word], column_starts: Sequence[float] = ()) -> list[Run]:
    """Split a row into runs at backward moves, wide gaps, and new text objects starting a column.

    With `column_starts`, a word joined to the one before it (one space of the same text object) breaks at
    a wide gap only where a column starts and nothing overprints it: a monospaced merchant name running
    into the next column keeps its last word."""
    if not words:
        return []
    gap_limit = GAP_FACTOR * max([w.bottom - w.top for w in words])
    runs: list[list[Word]] = [[words[0]]]
    for k, word in enumerate(words[1:], start=1):
        prev = runs[-1][-1]
        if word.x0 - prev.x1 > gap_limit and word.joined is True and column_starts:
            after = words[k + 1] if k + 1 < len(words) else None
            overprinted = after is not None and after.joined is not True and after.x0 < word.x1 - 0.5
            wide = _near_column(word, column_starts) and not overprinted
        else:
            wide = word.x0 - prev.x1 > gap_limit
        if word.x0 < prev.x1 - 0.5 or wide or (word.joined is not True and _near_column(word, column_starts)):
            runs.append([word])
        else:
            runs[-1].append(word)
    return [Run(" ".join(w.text for w in run), run[0].x0, max(w.x1 for w in run)) for run in runs]

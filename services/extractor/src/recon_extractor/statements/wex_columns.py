"""Where each WEX column sits (`Columns`, found by `wex_header`), and which column each run of a row is in."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from recon_extractor.pdf.glyphs import Word
from recon_extractor.pdf.text_rows import Row, Run, split_runs

RIGHT_ALIGNED = frozenset({"ppu", "quantity", "gross", "discount", "net"})
RIGHT_EDGE_TOLERANCE = 4.0
LEFT_EDGE_TOLERANCE = 2.0
STRAY_GAP = 2.0
"""Word heights between two pieces of one column's text beyond which the second is not that column's."""
OCR_SLACK = 5.0
"""Extra tolerance, in points, when the header's words are OCR estimates: a word split out of a detected
text line, or a padded detector box, lands up to ~3 pt from where it is printed."""
NUMBER = re.compile(r"\(?-?\$?-?[\d,]*\.\d+\)?(?:\s?CR|-)?")
_NUMBER_ENDS = frozenset("0123456789)R-")


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


def _number_column(run: Run, columns: Columns) -> str | None:
    """The number column whose title's right edge the run ends at, else the one whose title it overlaps most
    (a title centred over its numbers)."""
    for x1, key in columns.right_edges:
        if abs(run.x1 - x1) <= RIGHT_EDGE_TOLERANCE + columns.slack:
            return key
    overlaps = [
        (min(run.x1, columns.spans[k][1]) - max(run.x0, columns.spans[k][0]), k) for _, k in columns.right_edges
    ]
    best = max(overlaps, default=None)
    return best[1] if best and best[0] > 0 else None


def _column_for(run: Run, columns: Columns) -> str:
    if NUMBER.fullmatch(run.text) and (key := _number_column(run, columns)):
        return key
    for x0, key in columns.left_starts:
        if x0 - LEFT_EDGE_TOLERANCE <= run.x0:
            return key
    return columns.left_starts[-1][1]


def _runs(row: Row, columns: Columns) -> list[Run]:
    """The row's runs; a number ending at a number column's edge is a run of its own, however close its
    neighbours are printed (`$433.67 $0.00` in a tight table)."""
    # OCR words are placed one by one: their edges are too rough to tell a column start from a wide space.
    if columns.slack:
        return [Run(w.text, w.x0, w.x1) for w in row.words]
    starts = [x0 for x0, _ in columns.left_starts]
    runs = split_runs(row.words, starts)
    if not any(" " in r.text and any(NUMBER.fullmatch(part) for part in r.text.split(" ")) for r in runs):
        return runs  # no number glued to its neighbours: the common row
    edges = [x1 for x1, _ in columns.right_edges]
    runs = []
    pending: list[Word] = []
    for word in row.words:
        if (
            word.text[-1] in _NUMBER_ENDS
            and any(abs(word.x1 - x1) <= RIGHT_EDGE_TOLERANCE for x1 in edges)
            and NUMBER.fullmatch(word.text)
        ):
            runs += split_runs(pending, starts)
            runs.append(Run(word.text, word.x0, word.x1))
            pending = []
        else:
            pending.append(word)
    return runs + split_runs(pending, starts)


def row_cells(row: Row, columns: Columns) -> dict[str, str]:
    """The row's text by column key (runs falling in the same column joined by a space).

    Text set far to the right of the rest of its column's text (a column whose title was not found) is
    kept apart under `?<key>`, so the row is not read as if it belonged there."""
    cells: dict[str, list[str]] = {}
    ends: dict[str, float] = {}
    for run in _runs(row, columns):
        key = _column_for(run, columns)
        if key in ends and not columns.slack and run.x0 - ends[key] > STRAY_GAP * (row.bottom - row.top):
            key = f"?{key}"
        cells.setdefault(key, []).append(run.text)
        ends[key] = max(ends.get(key, run.x1), run.x1)
    return {key: " ".join(parts) for key, parts in cells.items()}

"""OCR lines into printed rows in reading order, so `TOTAL` and its amount at the far right share a row.

Detectors return one box per text run, and a receipt row is often two runs far apart (label left, amount
right). Rows are found on the page's own slant: the median angle of the boxes' top edges is undone first,
because a photo taken at 3 degrees lifts the right end of a 600 px row by 30 px, more than a line height.
A run joins the row whose middle is within half a line height of its own, unless it overlaps a run
already there (then it is a line of its own, stacked on the same height).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from statistics import median

from recon_extractor.ocr.engine import OcrLine

MAX_SLANT_DEGREES = 20.0
ROW_TOLERANCE = 0.5


@dataclass
class _Placed:
    line: OcrLine
    x: float
    y: float
    x0: float
    x1: float
    height: float


@dataclass
class _Row:
    members: list[_Placed] = field(default_factory=list)

    @property
    def y(self) -> float:
        return sum(m.y for m in self.members) / len(self.members)

    @property
    def height(self) -> float:
        return median(m.height for m in self.members)

    def overlaps(self, p: _Placed) -> bool:
        return any(min(m.x1, p.x1) - max(m.x0, p.x0) > 0.3 * min(m.x1 - m.x0, p.x1 - p.x0) for m in self.members)


def page_slant(lines: Sequence[OcrLine]) -> float:
    """The page's text angle in radians, 0 when implausible: the median over lines wider than tall, weighted
    by width, because detectors box short words upright whatever the page's slant; long lines show it."""
    weighted = []
    for line in lines:
        (ax, ay), (bx, by) = line.box[0], line.box[1]
        if bx - ax > 2 * (line.bottom - line.top):
            weighted.append((math.atan2(by - ay, bx - ax), bx - ax))
    if not weighted:
        return 0.0
    weighted.sort()
    half, seen = sum(w for _, w in weighted) / 2, 0.0
    angle = weighted[-1][0]
    for candidate, width in weighted:
        seen += width
        if seen >= half:
            angle = candidate
            break
    return angle if abs(math.degrees(angle)) <= MAX_SLANT_DEGREES else 0.0


def _place(line: OcrLine, level: OcrLine) -> _Placed:
    """`line` placed where its levelled twin `level` sits."""
    xs = [x for x, _ in level.box]
    ys = [y for _, y in level.box]
    return _Placed(line, sum(xs) / 4, sum(ys) / 4, min(xs), max(xs), max(1.0, max(ys) - min(ys)))


def straighten(lines: Sequence[OcrLine]) -> list[OcrLine]:
    """The lines with their boxes turned by the page's slant, so that a skewed scan's rows are level for
    readers that go by position."""
    angle = page_slant(lines)
    if angle == 0.0:
        return list(lines)
    cos, sin = math.cos(angle), math.sin(angle)

    def turn(point: tuple[float, float]) -> tuple[float, float]:
        return point[0] * cos + point[1] * sin, point[1] * cos - point[0] * sin

    return [
        OcrLine(line.text, line.confidence, (turn(a), turn(b), turn(c), turn(d)))
        for line in lines
        for a, b, c, d in [line.box]
    ]


def ocr_rows(lines: Sequence[OcrLine]) -> list[list[OcrLine]]:
    """The lines grouped into rows, rows top to bottom and each row left to right."""
    levelled = zip(lines, straighten(lines), strict=True)
    placed = sorted((_place(line, level) for line, level in levelled if line.text.strip()), key=lambda p: p.y)
    rows: list[_Row] = []
    for p in placed:
        near = [r for r in rows[-4:] if abs(r.y - p.y) <= ROW_TOLERANCE * min(r.height, p.height) and not r.overlaps(p)]
        if near:
            min(near, key=lambda r: abs(r.y - p.y)).members.append(p)
        else:
            rows.append(_Row([p]))
    rows.sort(key=lambda r: r.y)
    return [[m.line for m in sorted(r.members, key=lambda m: m.x0)] for r in rows]


def ocr_text(lines: Sequence[OcrLine]) -> str:
    """The page as text: one printed row per line, runs in a row joined by a space."""
    return "\n".join(" ".join(line.text.strip() for line in row) for row in ocr_rows(lines))

"""Columns for a page printed without its header: the last header's columns, moved to where this page's
rows print their cells (a report that fits its columns to each page's values moves them by many points).

Each column is matched, in order, to an edge the page's rows share: where cells start for text columns
(a word that starts a text object or is printed back over the one before; dates for the date columns, a
number for the transaction #, a letter for the level), where numbers end for number columns. The matching
keeps the columns' order and prefers the edges most rows share, then the nearest; a page whose edges are
mostly where the header put them keeps the header's columns. A column no edge matches keeps the shift of
the column before it. The result is a guess: the caller says so, and lets the printed totals confirm it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from recon_extractor.pdf.glyphs import Word
from recon_extractor.pdf.text_rows import Row
from recon_extractor.statements.wex_columns import NUMBER, RIGHT_ALIGNED, Columns
from recon_extractor.statements.wex_rows import totals_kind

_DATE = re.compile(r"^\d{1,2}/\d{1,2}/\d{4}$")
SAME_EDGE = 1.0
MAX_SHIFT = 400.0
PER_POINT = 0.002
"""Score lost per point a column moves: an edge most rows share beats a nearer one few rows have."""
STAYS = 0.8
"""Share of the columns whose edges are still where the header put them above which the page keeps the
header's columns as they are: pages of one layout keep their columns, and a word inside a cell (a state
after its city) must not pull them."""
MIN_SHARE = 1 / 3
"""An edge fewer rows share than this is a word inside a cell (a store number, a state), not a column."""
KINDS = {"trans_date": "date", "posted_date": "date", "reference": "number", "level": "letter"}
Edge = tuple[float, int, str]  # position, how many rows have it, what most of them start with


def _kind(text: str) -> str:
    if _DATE.match(text):
        return "date"
    if text.isdigit() and len(text) >= 4:
        return "number"
    return "letter" if len(text) <= 2 and text.isalpha() else "text"


def _edges(values: list[tuple[float, str]]) -> list[Edge]:
    """Positions within `SAME_EDGE` of each other as one edge."""
    groups: list[list[tuple[float, str]]] = []
    for v in sorted(values):
        if groups and v[0] - groups[-1][-1][0] <= SAME_EDGE:
            groups[-1].append(v)
        else:
            groups.append([v])
    return [(sum(x for x, _ in g) / len(g), len(g), Counter(k for _, k in g).most_common(1)[0][0]) for g in groups]


def _fits(key: str, edge: Edge) -> bool:
    """Dates for the date columns, a number for the transaction #, a letter for the level; anything but a
    date for a text column."""
    want = KINDS.get(key, "text")
    return edge[2] == want or (want == "text" and edge[2] != "date")


def _match(keys: list[str], template: list[float], edges: list[Edge], rows: int) -> list[float | None]:
    """The edge each template position moves to, in order (None: no edge for it), best total score."""
    n, m = len(template), len(edges)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            shift = abs(edges[j - 1][0] - template[i - 1])
            shared = edges[j - 1][1] >= MIN_SHARE * rows
            fits = shift <= MAX_SHIFT and shared and _fits(keys[i - 1], edges[j - 1])
            gain = edges[j - 1][1] / rows - PER_POINT * shift if fits else float("-inf")
            best[i][j] = max(best[i][j - 1], best[i - 1][j], best[i - 1][j - 1] + gain)
    matched: list[float | None] = [None] * n
    i, j = n, m
    while i and j:
        if best[i][j] == best[i][j - 1]:
            j -= 1
        elif best[i][j] == best[i - 1][j]:
            i -= 1
        else:
            matched[i - 1] = edges[j - 1][0]
            i, j = i - 1, j - 1
    return matched


def _shifts(template: list[float], moved: list[float | None]) -> list[float]:
    shifts: list[float] = []
    for t, m in zip(template, moved, strict=True):
        shifts.append(m - t if m is not None else (shifts[-1] if shifts else 0.0))
    return shifts


def _state(prev: Word, word: Word) -> bool:
    """`LA` after `CHARLES,`: a city's state, inside the cell."""
    return prev.text.endswith(",") and len(word.text) == 2 and word.text.isupper()


def _cell_edges(rows: Sequence[Row]) -> tuple[list[tuple[float, str]], list[tuple[float, str]]]:
    """Where the rows' cells start (text) and end (numbers)."""
    starts: list[tuple[float, str]] = []
    ends: list[tuple[float, str]] = []
    for row in rows:
        prev = None
        for w in row.words:
            if NUMBER.fullmatch(w.text):
                ends.append((w.x1, "amount"))
            elif prev is None or w.x0 < prev.x1 - 0.5 or (w.joined is not True and not _state(prev, w)):
                starts.append((w.x0, _kind(w.text)))
            prev = w
    return starts, ends


def _moved(spans: dict[str, tuple[float, float]], keys: list[str], edges: list[Edge], rows: int, right: bool) -> None:
    keys = sorted(keys, key=lambda k: spans[k][right])
    template = [spans[k][right] for k in keys]
    for key, shift in zip(keys, _shifts(template, _match(keys, template, edges, rows)), strict=True):
        spans[key] = (spans[key][0] + shift, spans[key][1] + shift)


def _in_place(columns: Columns, starts: list[Edge], ends: list[Edge], rows: int) -> bool:
    """Most columns still have an edge most rows share where the header put them."""

    def near(x: float, edges: list[Edge]) -> bool:
        return any(abs(e[0] - x) <= 2 * SAME_EDGE and e[1] >= MIN_SHARE * rows for e in edges)

    placed = [near(x1, ends) if k in RIGHT_ALIGNED else near(x0, starts) for k, (x0, x1) in columns.spans.items()]
    return sum(placed) >= STAYS * len(placed)


def relocate(columns: Columns, rows: Sequence[Row]) -> tuple[Columns, bool]:
    """`columns` moved to this page's cell edges: all of them from product rows (rows that start with their
    two dates, unlike the period's `From: 04/01/2025 To: 04/30/2025`), the amounts alone from totals rows
    when the page has no product rows; else unchanged. The flag: text columns moved on a page whose words
    say nothing of where text objects join (glyphs placed one by one), so a word inside a cell may have been
    taken for a cell's start and no total can tell."""
    products = [
        r for r in rows if _DATE.match(r.words[0].text) and sum(bool(_DATE.match(w.text)) for w in r.words) >= 2
    ]
    totals = [r for r in rows if totals_kind(r.text)]
    spans = dict(columns.spans)
    unsure = False
    if products:
        starts, ends = _cell_edges(products)
        if _in_place(columns, _edges(starts), _edges(ends), len(products)):
            return columns, False
        text_keys = [k for k in spans if k not in RIGHT_ALIGNED]
        _moved(spans, text_keys, _edges(starts), len(products), right=False)
        _moved(spans, [k for k in spans if k in RIGHT_ALIGNED], _edges(ends), len(products), right=True)
        moved = any(abs(spans[k][0] - columns.spans[k][0]) > 2 * SAME_EDGE for k in text_keys)
        unsure = moved and not any(w.joined for r in products for w in r.words)
    elif totals:
        _, ends = _cell_edges(totals)
        keys = [k for k in ("gross", "discount", "net") if k in spans]
        _moved(spans, keys, _edges(ends), len(totals), right=True)
    return Columns(spans, columns.slack), unsure

"""Rows that hold two columns side by side, read one column after the other.

A statement re-set as plain text (Capital One through GNU Enscript) prints two transaction lists side by
side, each under its own card heading, with no gap between them a word grouping could see. A layout's
`columns` patterns say where a row's first column ends (a charge ends at its amount, a heading at its card
number); the rest of the row is the next column, split again the same way. A row that is one piece belongs
to the column its first word sits in: the second when it starts at or right of where the page's second
column starts. The page reads as its first column top to bottom, then its second.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from recon_extractor.pdf.printed_rows import PrintedRow

SLACK = 1.0  # points: a one-piece row starting this close to the second column's start belongs to it


def _split(row: PrintedRow, offset: int) -> tuple[PrintedRow, PrintedRow] | None:
    """The row cut before the first word starting after `offset`, or None when no word follows."""
    k = bisect_left(row.starts, offset + 1)
    if k >= len(row.starts):
        return None
    cut = row.starts[k]
    left = PrintedRow(row.text[:offset].rstrip(), row.starts[:k], row.xs[:k], row.top, row.bottom)
    starts = tuple(s - cut for s in row.starts[k:])
    return left, PrintedRow(row.text[cut:], starts, row.xs[k:], row.top, row.bottom)


def pieces(row: PrintedRow, breaks: Sequence[re.Pattern[str]]) -> list[PrintedRow]:
    """The row's columns, left to right: cut after each first-column match of a `breaks` pattern."""
    out: list[PrintedRow] = []
    while True:
        text = row.text
        match = next((m for p in breaks if (m := p.match(text)) and m.end() < len(text)), None)
        cut = _split(row, match.end()) if match else None
        if cut is None:
            return [*out, row]
        out.append(cut[0])
        row = cut[1]


def reading_order(rows: Sequence[PrintedRow], breaks: Sequence[re.Pattern[str]]) -> list[list[PrintedRow]]:
    """The page's rows as columns in reading order (one column when the layout declares no breaks)."""
    if not breaks:
        return [list(rows)]
    split = [pieces(row, breaks) for row in rows]
    second = min((p[1].x0 for p in split if len(p) > 1), default=float("inf"))
    columns: list[list[PrintedRow]] = [[]]
    for parts in split:
        first = 1 if len(parts) == 1 and parts[0].x0 >= second - SLACK else 0
        for index, part in enumerate(parts, start=first):
            while len(columns) <= index:
                columns.append([])
            columns[index].append(part)
    return columns

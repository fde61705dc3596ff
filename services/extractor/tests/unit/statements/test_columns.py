"""Two columns side by side in one row, read one column after the other."""

from __future__ import annotations

import re

from recon_extractor.pdf.printed_rows import PrintedRow
from recon_extractor.statements.columns import reading_order

BREAKS = (re.compile(r"^\d+ \d{2} [A-Z]{3} \S.*? \$\d+\.\d{2}(?= )"), re.compile(r"^HEAD #\d{4}(?= )"))


def row(top: float, *cells: tuple[float, str]) -> PrintedRow:
    """A row of (x, text) cells, 3 pt per character."""
    starts: list[int] = []
    xs: list[float] = []
    offset = 0
    for x, text in cells:
        for i, word in enumerate(text.split(" ")):
            starts.append(offset)
            xs.append(x + 3.0 * (len(" ".join(text.split(" ")[:i])) + (1 if i else 0)))
            offset += len(word) + 1
    return PrintedRow(" ".join(t for _, t in cells), tuple(starts), tuple(xs), top, top + 6)


def test_each_column_reads_top_to_bottom_before_the_next() -> None:
    rows = [
        row(10, (30, "HEAD #4567"), (230, "HEAD #7890")),
        row(20, (30, "3 10 DEC LEFT ONE $12.85"), (270, "42 18 DEC RIGHT ONE $405.00")),
        row(30, (30, "4 11 DEC LEFT WRAPS")),
        row(40, (140, "$2.50")),
        row(50, (30, "xx xx xxx"), (270, "43 19 DEC RIGHT TWO $9.00")),
        row(60, (275, "Total Fees $59.00")),
    ]
    columns = reading_order(rows, BREAKS)
    assert [[r.text for r in column] for column in columns] == [
        [
            "HEAD #4567",
            "3 10 DEC LEFT ONE $12.85",
            "4 11 DEC LEFT WRAPS",
            "$2.50",
            "xx xx xxx 43 19 DEC RIGHT TWO $9.00",  # no break declared for the placeholder: one piece
        ],
        ["HEAD #7890", "42 18 DEC RIGHT ONE $405.00", "Total Fees $59.00"],
    ]
    assert [r.x0 for r in columns[1]] == [230, 270, 275]


def test_without_breaks_a_page_is_one_column() -> None:
    rows = [row(10, (30, "HEAD #4567"), (230, "HEAD #7890"))]
    assert reading_order(rows, ()) == [rows]

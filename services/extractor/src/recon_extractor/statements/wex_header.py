"""The WEX column header however it is printed: on one line or wrapped over two or three, titles full or
abbreviated (`Trans Date` / `Trans Dt`, `Transaction #` / `Txn #`, `Gross Cost` / `Gross`, ...).

A header line is a row made only of title words. Each line is cut into titles (a wide gap always cuts; a
run of words is cut into the longest known titles), and titles on the lines above join the title below
that they overlap most (`Trans` above `Date`, `Gross` above `Cost`). A line of group titles spanning
several columns (`Dates`, `Merchant`, `Amounts`) may sit on top: the lines that give the most known columns
win. Each column's span is where its title is printed; which data belongs to it is `wex_columns`' work.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from recon_extractor.pdf.glyphs import Word
from recon_extractor.pdf.text_rows import Row
from recon_extractor.statements.wex_columns import OCR_SLACK, Columns

SYNONYMS: dict[str, tuple[str, ...]] = {
    "trans_date": ("trans date", "trans dt", "tran dt", "transaction date", "txn date", "tran date", "trans. date"),
    "posted_date": ("posted date", "post date", "posting date", "posted dt", "post dt", "posted"),
    "level": ("lvl", "level"),
    "reference": ("transaction #", "trans #", "txn #", "tran #", "transaction number", "trans no", "ref #"),
    "merchant": ("merchant name", "merchant"),
    "city": ("city, state", "city/st", "city/state", "city, st", "city st", "city"),
    "group": ("merchant group", "merch group", "merchant grp", "mcht grp", "mcht group", "grp", "group"),
    "description": ("product description", "product desc", "prod desc", "product", "description"),
    "ppu": ("ppu/g", "ppu", "ppg", "unit price"),
    "quantity": ("quantity", "qty", "units"),
    "gross": ("gross cost", "gross amt", "gross amount", "gross"),
    "discount": ("discount", "disc", "disc amt"),
    "net": ("net cost", "net amt", "net amount", "net"),
}
REQUIRED = ("trans_date", "merchant", "net")
MAX_LINES = 3
TITLE_GAP = 2.0
"""Words further apart than this many word heights are never one title (a space, even a monospaced one with
its glyphs' side bearings, is under one and a half)."""
_KEY = {title: key for key, titles in SYNONYMS.items() for title in titles}
_WORDS = frozenset(word for title in _KEY for word in title.split()) | {"date", "dt"}
_GROUP_WORDS = frozenset({"dates", "amounts", "amount", "merchant", "product", "transaction", "card"})
_LONGEST = max(len(title.split()) for title in _KEY)


@dataclass(frozen=True)
class _Title:
    text: str
    x0: float
    x1: float


def _is_header_line(row: Row) -> bool:
    return len(row.words) >= 2 and all(w.text.lower() in _WORDS or w.text.lower() in _GROUP_WORDS for w in row.words)


def _runs(row: Row) -> list[list[Word]]:
    words = sorted(row.words, key=lambda w: w.x0)
    runs = [[words[0]]]
    for word in words[1:]:
        prev = runs[-1][-1]
        if word.x0 - prev.x1 > TITLE_GAP * max(prev.height, word.height):
            runs.append([word])
        else:
            runs[-1].append(word)
    return runs


def _titles(row: Row) -> list[_Title]:
    """The row cut into titles: at wide gaps, then each run into the longest known titles, left to right (the
    gap between two columns can be narrower than a space in a wide font)."""
    titles: list[_Title] = []
    for run in _runs(row):
        parts = [w.text for w in run]
        i = 0
        while i < len(parts):
            n = next(
                (n for n in range(min(_LONGEST, len(parts) - i), 1, -1) if " ".join(parts[i : i + n]).lower() in _KEY),
                1,
            )
            titles.append(_Title(" ".join(parts[i : i + n]), run[i].x0, run[i + n - 1].x1))
            i += n
    return titles


def _stack(lines: Sequence[list[_Title]]) -> list[list[_Title]]:
    """Titles grouped into columns, bottom line first; a title joins the column below it it overlaps most."""
    columns = [[t] for t in lines[-1]]
    for line in reversed(lines[:-1]):
        for title in line:
            spans = [(min(t.x0 for t in c), max(t.x1 for t in c)) for c in columns]
            overlaps = [min(title.x1, x1) - max(title.x0, x0) for x0, x1 in spans]
            best = max(range(len(columns)), key=overlaps.__getitem__, default=None)
            if best is not None and overlaps[best] > 0:
                columns[best].insert(0, title)
            else:
                columns.append([title])
    return sorted(columns, key=lambda c: min(t.x0 for t in c))


def _columns(lines: Sequence[list[_Title]], approximate: bool) -> Columns | None:
    spans: dict[str, tuple[float, float]] = {}
    for column in _stack(lines):
        title = " ".join(t.text for t in column).lower()
        key = _KEY.get(title) or (("posted_date" if "trans_date" in spans else "trans_date") if "date" in title else "")
        key = key if key and key not in spans else f"?{title}"
        spans[key] = (min(t.x0 for t in column), max(t.x1 for t in column))
    if not all(key in spans for key in REQUIRED):
        return None
    return Columns(spans, OCR_SLACK if approximate else 0.0)


def _known(columns: Columns) -> tuple[int, int]:
    unknown = sum(key.startswith("?") for key in columns.spans)
    return len(columns.spans) - unknown, -unknown


def find_header(rows: Sequence[Row], start: int = 0) -> tuple[Columns, int] | None:
    """The columns of a header printed from `rows[start]` and how many rows it takes, else None."""
    band: list[Row] = []
    for row in rows[start : start + MAX_LINES]:
        if not _is_header_line(row) or (band and row.top - band[-1].bottom > 1.5 * (row.bottom - row.top)):
            break
        band.append(row)
    if not band:
        return None
    approximate = any(w.approximate for row in band for w in row.words)
    lines = [_titles(row) for row in band]
    found = [
        (columns, first, last)
        for first in range(len(band))
        for last in range(first + 1, len(band) + 1)
        if (columns := _columns(lines[first:last], approximate))
    ]
    if not found:
        return None
    # The most known columns; then the most lines (a wrapped title is known only with all its lines).
    columns, _, last = max(found, key=lambda f: (*_known(f[0]), f[2] - f[1]))
    return columns, last

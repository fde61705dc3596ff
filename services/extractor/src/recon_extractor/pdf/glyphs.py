"""Positioned text: glyphs (`Char`), words, and the grouping of stream-ordered glyphs into words."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

DUPLICATE_TOLERANCE = 1.0


@dataclass(frozen=True, slots=True)
class Char:
    """One glyph: its text and box in points, y measured from the top of the page."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass(frozen=True, slots=True)
class Word:
    """A run of non-space glyphs; `joined`: True when only a space of the same text object precedes it;
    `approximate`: its box was estimated (OCR), good to a few points rather than exact."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    joined: bool | None = None
    approximate: bool = False

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


def _is_repeat(prev: Char, ch: Char) -> bool:
    return ch.text == prev.text and abs(ch.x0 - prev.x0) < DUPLICATE_TOLERANCE and abs(ch.top - prev.top) < 1.0


def _breaks(prev: Char, ch: Char) -> bool:
    size = max(prev.bottom - prev.top, 1.0)
    return ch.x0 < prev.x1 - 0.5 or abs(ch.top - prev.top) > 1.0 or ch.x0 - prev.x1 > 0.25 * size


def chars_to_words(chars: Sequence[Char | None], first_joined: bool | None = None) -> list[Word]:
    """Group stream-ordered glyphs into words: split at spaces, backward moves, new lines and gaps.

    `None` marks a separator the reader generated (a new text object). A glyph repeating the previous one
    at (nearly) the same place is fake bold and dropped.
    """
    words: list[Word] = []
    run: list[Char] = []
    joined = first_joined
    last: Char | None = None
    for ch in chars:
        if ch is None or ch.text.isspace():
            if run:
                words.append(_word(run, joined))
                run = []
            if ch is None or last is None:
                joined = False
            elif last.text.isspace():
                joined = bool(joined) and abs(ch.x0 - last.x1) < 0.1
            else:
                joined = abs(ch.x0 - last.x1) < 0.1
            last = ch
            continue
        if last is not None and _is_repeat(last, ch):
            continue
        if run and _breaks(run[-1], ch):
            words.append(_word(run, joined))
            run, joined = [], False
        elif not run and last is not None and last.text.isspace():
            joined = bool(joined) and abs(ch.x0 - last.x1) < 0.1
        run.append(ch)
        last = ch
    if run:
        words.append(_word(run, joined))
    return words


def _word(run: Sequence[Char], joined: bool | None) -> Word:
    return Word(
        "".join(c.text for c in run),
        run[0].x0,
        max(c.x1 for c in run),
        min(c.top for c in run),
        max(c.bottom for c in run),
        joined,
    )


def dedupe_nearby(words: Sequence[Word], window: int = 6) -> list[Word]:
    """Drop a word repeated at (nearly) the same place as one of the few before it: fake-bold text drawn twice
    (pdfium keeps a line's text in x order, so a copy follows its original)."""
    kept: list[Word] = []
    for w in words:
        if not any(
            t.text == w.text and abs(t.x0 - w.x0) < DUPLICATE_TOLERANCE and abs(t.top - w.top) < 1.0
            for t in kept[-window:]
        ):
            kept.append(w)
    return kept

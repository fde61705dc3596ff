"""Words from a pdfium text page: one rectangle per word where text is clean, glyphs where it overlaps.

pdfium orders each line's text objects by x and drops a glyph that repeats one of the previous seven at
(nearly) the same origin (< 0.07 em). That removes fake bold, but where two fields overprint (a long
merchant running into the city column) it also drops genuine letters: "GEAUXPASS" over "JACKSON" reads
"JCKSON". Words that start left of text already on their line are therefore re-read glyph by glyph, and
a hole inside a text object is filled with the glyph pdfium matched it against.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass
from typing import Any

import pypdfium2.raw as raw

from recon_extractor.pdf.glyphs import Char, Word, chars_to_words, dedupe_nearby
from recon_extractor.pdf.text_rows import group_rows

_WORD = re.compile(r"\S+")
HOLE = 0.1
OVERHANG = 0.15
SHATTERED_MIN, SHATTERED_SHARE = 20, 0.5
GLYPH_GAP = 0.1
"""Glyphs placed one by one belong to one word while their advance boxes leave less than this many box
heights between them (a space is over a fifth of one)."""
SAME_ORIGIN = 0.07
WINDOW = 7


@dataclass(frozen=True, slots=True)
class _Glyph:
    char: Char
    index: int
    obj: int
    size: float
    origin: float


class _TextPage:
    def __init__(self, textpage: Any, height: float) -> None:
        self.handle = textpage.raw
        self.height = height
        count = textpage.count_chars()
        text = textpage.get_text_range()
        if len(text) != count:
            text = "".join(chr(raw.FPDFText_GetUnicode(self.handle, i)) for i in range(count))
        self.text = text
        self._l, self._t, self._r, self._b = (ctypes.c_double() for _ in range(4))
        self._rect = raw.FS_RECTF()
        self._matrix = raw.FS_MATRIX()
        self._glyphs: dict[int, _Glyph | None] = {}
        self._objects: dict[int, tuple[float, float]] = {}

    def joined(self, start: int) -> bool:
        return start > 0 and self.text[start - 1] == " " and not raw.FPDFText_IsGenerated(self.handle, start - 1)

    def rect_word(self, start: int, end: int) -> tuple[Word, bool]:
        """The word's box (union of pdfium's rectangles) and whether it spans several text objects."""
        n = raw.FPDFText_CountRects(self.handle, start, end - start)
        if n < 1:
            raw.FPDFText_GetLooseCharBox(self.handle, start, self._rect)
            r = self._rect
            return Word(self.text[start:end], r.left, r.right, self.height - r.top, self.height - r.bottom), True
        raw.FPDFText_GetRect(self.handle, 0, self._l, self._t, self._r, self._b)
        x0, x1, top, bottom = self._l.value, self._r.value, self._t.value, self._b.value
        for k in range(1, n):
            raw.FPDFText_GetRect(self.handle, k, self._l, self._t, self._r, self._b)
            x0, x1 = min(x0, self._l.value), max(x1, self._r.value)
            top, bottom = max(top, self._t.value), min(bottom, self._b.value)
        word = Word(self.text[start:end], x0, x1, self.height - top, self.height - bottom, self.joined(start))
        return word, n > 1

    def glyph(self, i: int) -> _Glyph | None:
        """Glyph `i` with its loose box (origin to advance), or None for generated text."""
        if i not in self._glyphs:
            self._glyphs[i] = self._read_glyph(i)
        return self._glyphs[i]

    def _read_glyph(self, i: int) -> _Glyph | None:
        ch = self.text[i]
        if ch in "\r\n" or raw.FPDFText_IsGenerated(self.handle, i):
            return None
        raw.FPDFText_GetLooseCharBox(self.handle, i, self._rect)
        r = self._rect
        box = Char(ch, r.left, r.right, self.height - r.top, self.height - r.bottom)
        obj = raw.FPDFText_GetTextObject(self.handle, i)
        key = ctypes.cast(obj, ctypes.c_void_p).value
        if not key:
            return _Glyph(box, i, -i - 1, raw.FPDFText_GetFontSize(self.handle, i) or 1.0, box.x0)
        if key not in self._objects:
            size = raw.FPDFText_GetFontSize(self.handle, i) or 1.0
            found = raw.FPDFPageObj_GetMatrix(obj, self._matrix)
            self._objects[key] = (size, float(self._matrix.e) if found else box.x0)
        size, origin = self._objects[key]
        return _Glyph(box, i, key, size, origin)

    def _fill(self, cursor: float, limit: float, before: _Glyph) -> list[Char]:
        """Glyphs pdfium dropped between `cursor` and `limit`, copied from the ones it matched them to."""
        found: list[Char] = []
        if limit - cursor <= HOLE * before.size:
            return found
        window = [g for i in range(max(0, before.index - WINDOW), before.index) if (g := self.glyph(i))]
        tol = SAME_ORIGIN * before.size + 0.01
        while limit - cursor > HOLE * before.size:
            fits = [
                g.char
                for g in window
                if abs(g.char.x0 - cursor) < tol
                and abs(g.char.bottom - before.char.bottom) < 1.0
                and g.char.x1 - g.char.x0 <= limit - cursor + HOLE * before.size
            ]
            if not fits:
                break
            c = min(fits, key=lambda f: abs(f.x0 - cursor))
            width = c.x1 - c.x0
            found.append(Char(c.text, cursor, cursor + width, before.char.top, before.char.bottom))
            cursor += width
        return found

    def glyph_words(self, start: int, end: int) -> list[Word]:
        chars: list[Char | None] = []
        # The glyph before the span (a space of the same text object, say): holes are measured from it, so
        # the object's earlier words are not taken for glyphs pdfium dropped.
        prev: _Glyph | None = self.glyph(start - 1) if start > 0 else None
        in_object = 1  # glyphs of `prev`'s text object so far
        for i in range(start, end):
            g = self.glyph(i)
            if g is None:
                chars.append(None)
                prev = None
                continue
            if prev is not None and prev.obj == g.obj:
                chars.extend(self._fill(prev.char.x1, g.char.x0, g))
                in_object += 1
            else:
                if prev is not None and (in_object > 1 or g.char.x0 - prev.char.x1 > HOLE * g.size):
                    # A new text object after a gap, or right after another object's word: two fields
                    # printed touching. (Drivers that place each glyph as an object of its own are not split.)
                    chars.append(None)
                if g.char.x0 - g.origin > HOLE * g.size:
                    chars.extend(self._fill(g.origin, g.char.x0, g))
                in_object = 1
            chars.append(_from_origin(g))
            prev = g
        return chars_to_words(chars, first_joined=self.joined(start))


def _from_origin(g: _Glyph) -> Char:
    """The glyph's box, starting at its text object's origin when it overhangs it (a `J` drawn on its own
    reaches back into the glyph before it: no pen move back, no new word)."""
    c = g.char
    if c.x0 < g.origin < c.x0 + OVERHANG * g.size:
        return Char(c.text, g.origin, c.x1, c.top, c.bottom)
    return c


def _overlapping(words: list[tuple[Word, bool]]) -> set[int]:
    """Words spanning several objects, or starting left of text already on their line."""
    suspect: set[int] = set()
    reach = float("-inf")
    prev: Word | None = None
    for k, (word, multi) in enumerate(words):
        if prev is None or abs(word.middle - prev.middle) > 2.5:
            reach = float("-inf")
        if multi or word.x0 < reach - 0.5:
            suspect.add(k)
        reach = max(reach, word.x1)
        prev = word
    return suspect


def _shattered(spans: list[tuple[int, int]]) -> bool:
    return len(spans) >= SHATTERED_MIN and sum(e - s == 1 for s, e in spans) > SHATTERED_SHARE * len(spans)


def _regrouped_words(page: _TextPage) -> list[Word]:
    """Words from every glyph, rows found by the glyphs' own boxes (a comma is on its letters' line), each
    row's glyphs in stream order and cut where the pen leaves a gap."""
    glyphs = [g for i in range(len(page.text)) if (g := page.glyph(i)) is not None]
    boxes = {id(w): w for w in (_from_origin(g) for g in glyphs)}
    as_words = [Word(c.text, c.x0, c.x1, c.top, c.bottom) for c in boxes.values()]
    chars_of = dict(zip(map(id, as_words), boxes.values(), strict=True))
    words: list[Word] = []
    for row in group_rows(as_words):
        chars: list[Char | None] = []
        prev: Word | None = None
        for w in row.words:
            if prev is not None and w.x0 - prev.x1 > GLYPH_GAP * w.height:
                chars.append(None)
            chars.append(chars_of[id(w)])
            prev = w
        words.extend(chars_to_words(chars))
    return words


def pdfium_page_words(textpage: Any, height: float) -> list[Word]:
    """All words of a pdfium text page in pdfium's order (lines top-down, objects left to right).

    A page whose text pdfium breaks into single glyphs (glyphs drawn one by one, in an order its line
    finder does not follow) is read again from its glyphs' boxes."""
    page = _TextPage(textpage, height)
    spans = [m.span() for m in _WORD.finditer(page.text)]
    if _shattered(spans):
        return dedupe_nearby(_regrouped_words(page))
    fast = [page.rect_word(s, e) for s, e in spans]
    suspect = _overlapping(fast)
    words: list[Word] = []
    k = 0
    while k < len(spans):
        if k not in suspect:
            words.append(fast[k][0])
            k += 1
            continue
        j = k
        while j + 1 < len(spans) and j + 1 in suspect:
            j += 1
        words.extend(page.glyph_words(spans[k][0], spans[j][1]))
        k = j + 1
    return dedupe_nearby(words)

"""A page's words as a layout reads them: fake bold reads once, kerned and letter-spaced text reads as words.

- A word printed again with the same text at (nearly) the same place on its row is fake bold and dropped:
  Chase draws its headings twice, in text objects far apart in the page's stream.
- Words that touch or overlap by a kerning's width are one word: Amex sets names and card numbers in kerned
  pieces, which read `JOSEPH P AULSON` and `7 -730 45` for `JOSEPH PAULSON` and `7-73045`. Text printed
  over other text (a long description running into the amount) overlaps further and stays apart.
- A run of single letters set one glyph at a time (no space character between them: the reader saw gaps)
  is letter-spaced text (`C a r d  E n d i n g`): its letters are joined, and a gap clearly wider than the
  others in the run is the space between two words. Letters printed with spaces of their own (`U S P S`)
  stay apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from statistics import median

from recon_extractor.pdf.glyphs import Word
from recon_extractor.pdf.text_rows import group_rows

SAME_PLACE = 1.0  # points: a copy of fake bold is drawn within a fraction of a point of the original
TOUCH = 0.05  # of the row's text height: a gap this small is no space
KERN = 0.15  # of the row's text height: an overlap this small is kerning, a larger one text printed over text
LETTER_RUN = 4  # single letters in a row before they are taken for letter-spaced text
WORD_GAP = 1.6  # a gap this many times the run's usual letter gap separates two words
RUN_GAP = 1.0  # of the row's text height: a wider gap ends a run (the next column)


def clean_words(words: Sequence[Word]) -> list[Word]:
    """The page's words with fake-bold copies dropped and kerned or letter-spaced pieces joined, row by row."""
    cleaned: list[Word] = []
    for row in group_rows(words):
        ordered = sorted(_once(row.words), key=lambda w: w.x0)
        size = max(max(w.height for w in ordered), 1.0)  # glyph boxes are tight: a dash is a point high
        cleaned.extend(_letters_joined(_touching_joined(ordered, size), size))
    return cleaned


def _once(words: Sequence[Word]) -> list[Word]:
    kept: list[Word] = []
    for word in words:
        if not any(k.text == word.text and abs(k.x0 - word.x0) < SAME_PLACE for k in kept):
            kept.append(word)
    return kept


def _joined(parts: Sequence[Word]) -> Word:
    return Word(
        "".join(p.text for p in parts),
        parts[0].x0,
        max(p.x1 for p in parts),
        min(p.top for p in parts),
        max(p.bottom for p in parts),
        parts[0].joined,
        any(p.approximate for p in parts),
    )


def _touching_joined(words: list[Word], size: float) -> list[Word]:
    groups: list[list[Word]] = []
    for word in words:
        gap = word.x0 - max(w.x1 for w in groups[-1]) if groups else None
        if gap is not None and word.joined is not True and -KERN * size <= gap <= TOUCH * size:
            groups[-1].append(word)
        else:
            groups.append([word])
    return [_joined(g) if len(g) > 1 else g[0] for g in groups]


def _letters_joined(words: list[Word], size: float) -> list[Word]:
    out: list[Word] = []
    run: list[Word] = []
    for word in [*words, None]:
        if (
            word is not None
            and len(word.text) == 1
            and (not run or (word.joined is False and word.x0 - run[-1].x1 <= RUN_GAP * size))
        ):
            run.append(word)
            continue
        out.extend(_spaced(run) if len(run) >= LETTER_RUN else run)
        run = []
        if word is not None:
            if len(word.text) == 1:
                run.append(word)
            else:
                out.append(word)
    return out


def _spaced(letters: list[Word]) -> list[Word]:
    """Letter-spaced text as words: split where a gap is clearly wider than the run's usual one."""
    gaps = [b.x0 - a.x1 for a, b in pairwise(letters)]
    wide = WORD_GAP * max(median(gaps), 0.1)
    words: list[list[Word]] = [[letters[0]]]
    for gap, letter in zip(gaps, letters[1:], strict=True):
        if gap > wide:
            words.append([letter])
        else:
            words[-1].append(letter)
    return [_joined(w) for w in words]

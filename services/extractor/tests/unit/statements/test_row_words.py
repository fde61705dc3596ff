"""A row's words as layouts read them: fake bold once, kerned pieces and letter-spaced text as words."""

from __future__ import annotations

from recon_extractor.pdf.glyphs import Word
from recon_extractor.statements.row_words import clean_words


def at(text: str, x0: float, x1: float, top: float = 10.0, joined: bool | None = False) -> Word:
    """A word; `joined`: a space character of the same text precedes it (False: a gap the reader saw)."""
    return Word(text, x0, x1, top, top + 8.0, joined)


def letters(text: str, x: float, width: float = 4.0, gap: float = 2.0, space: float = 6.0) -> list[Word]:
    """`text` set one glyph at a time: `gap` between letters, `space` between words."""
    out = []
    for ch in text:
        if ch == " ":
            x += space - gap
            continue
        out.append(at(ch, x, x + width))
        x += width + gap
    return out


def texts(words: list[Word]) -> list[str]:
    return [w.text for w in sorted(clean_words(words), key=lambda w: (w.top, w.x0))]


def test_a_heading_drawn_twice_far_apart_in_the_stream_reads_once() -> None:
    words = [at("ACCOUNT", 18.24, 87.36), at("SUMMARY", 91.92, 162.96), at("12/28", 300, 320)]
    words += [at("ACCOUNT", 18.26, 87.38), at("SUMMARY", 91.94, 162.98)]
    assert texts(words) == ["ACCOUNT", "SUMMARY", "12/28"]


def test_kerned_pieces_that_touch_or_overlap_are_one_word() -> None:
    words = [at("JOSEPH", 94.3, 129.6), at("P", 132.1, 137.6), at("AULSON", 136.8, 175.1)]
    words += [at("7", 300.0, 305.0), at("-730", 304.3, 322.3), at("45", 322.7, 332.7)]
    assert texts(words) == ["JOSEPH", "PAULSON", "7-73045"]


def test_text_printed_over_other_text_stays_apart() -> None:
    words = [at("WASHINGTON", 270.2, 330.0), at("DC", 333.1, 345.8), at("-", 335.5, 338.4), at("$2,544.84", 340.9, 380)]
    assert texts(words) == ["WASHINGTON", "DC", "-", "$2,544.84"]


def test_letter_spaced_text_reads_as_words_and_a_plain_row_is_untouched() -> None:
    assert texts(letters("JANE ROE", 36) + letters("Card Ending 7-12345", 200)) == [
        "JANE",
        "ROE",
        "Card",
        "Ending",
        "7-12345",
    ]
    plain = [at("12/28", 36, 56), at("A", 70, 74), at("B", 78, 82), at("COFFEE", 86, 110), at("4.50", 300, 316)]
    assert texts(plain) == ["12/28", "A", "B", "COFFEE", "4.50"]


def test_single_letters_printed_with_spaces_of_their_own_stay_apart() -> None:
    # "U S P S PO 0545": real space characters between the letters, not a gap between glyphs set one by one.
    words = [at("U", 36, 40), at("S", 42, 46, joined=True), at("P", 48, 52, joined=True), at("S", 54, 58, joined=True)]
    words += [at("PO", 60, 70, joined=True), at("0545", 72, 90, joined=True)]
    assert texts(words) == ["U", "S", "P", "S", "PO", "0545"]

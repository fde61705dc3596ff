from recon_extractor.pdf.glyphs import Char, Word, chars_to_words, dedupe_nearby


def chars(text: str, x: float = 10.0, width: float = 4.0, top: float = 100.0) -> list[Char]:
    return [Char(c, x + i * width, x + (i + 1) * width, top, top + 7.0) for i, c in enumerate(text)]


def test_words_split_at_spaces_and_know_they_are_joined() -> None:
    words = chars_to_words(chars("SHELL OIL129"))
    assert [(w.text, w.joined) for w in words] == [("SHELL", None), ("OIL129", True)]
    assert words[1].x0 == 10.0 + 6 * 4.0


def test_a_new_text_object_is_not_joined() -> None:
    words = chars_to_words([*chars("AB"), None, *chars("CD", x=40.0)])
    assert [(w.text, w.joined) for w in words] == [("AB", None), ("CD", False)]


def test_glyphs_drawn_twice_in_a_row_are_kept_once() -> None:
    doubled: list[Char | None] = []
    for c in chars("OTHER"):
        doubled += [c, Char(c.text, c.x0 + 0.35, c.x1 + 0.35, c.top, c.bottom)]
    assert [w.text for w in chars_to_words(doubled)] == ["OTHER"]


def test_real_double_letters_survive() -> None:
    assert [w.text for w in chars_to_words(chars("DOOR"))] == ["DOOR"]


def test_overprinted_fields_split_where_the_pen_moves_back() -> None:
    merchant = chars("COMP", x=100.0)
    city = chars("KEMAH", x=108.0)
    assert [w.text for w in chars_to_words([*merchant, *city])] == ["COMP", "KEMAH"]


def test_words_drawn_twice_are_kept_once() -> None:
    a = Word("TOTALS", 10.0, 40.0, 100.0, 107.0)
    copy = Word("TOTALS", 10.35, 40.35, 100.0, 107.0)
    other_line = Word("TOTALS", 10.0, 40.0, 111.0, 118.0)
    assert dedupe_nearby([a, copy, other_line]) == [a, other_line]

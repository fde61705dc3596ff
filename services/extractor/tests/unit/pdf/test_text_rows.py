from recon_extractor.pdf.glyphs import Word
from recon_extractor.pdf.text_rows import group_rows, split_runs


def word(text: str, x0: float, top: float = 100.0, joined: bool | None = None, width: float = 4.0) -> Word:
    return Word(text, x0, x0 + width * len(text), top, top + 6.0, joined)


def test_rows_group_by_baseline_and_keep_stream_order() -> None:
    words = [word("B", 50.0, top=100.4), word("A", 10.0, top=99.8), word("C", 10.0, top=111.0)]
    rows = group_rows(words)
    assert [r.text for r in rows] == ["B A", "C"]


def test_runs_break_at_wide_gaps_and_backward_moves() -> None:
    words = [
        word("SHELL", 10.0),
        word("OIL", 32.0, joined=True),
        word("MONTGOMERY,", 80.0),
        word("TX", 126.0, joined=True),
        word("KEMAH", 60.0),
    ]
    assert [r.text for r in split_runs(words)] == ["SHELL OIL", "MONTGOMERY, TX", "KEMAH"]


def test_a_new_object_starting_a_column_breaks_even_when_close() -> None:
    words = [word("DOOR", 10.0), word("KEMAH,", 29.0, joined=False), word("TX", 55.0, joined=True)]
    assert [r.text for r in split_runs(words, column_starts=[28.5])] == ["DOOR", "KEMAH, TX"]
    assert [r.text for r in split_runs(words)] == ["DOOR KEMAH, TX"]

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


def test_a_joined_word_past_a_wide_space_stays_in_its_run_unless_a_column_starts_there() -> None:
    # Courier: one space of the merchant's own text object is wider than the gap limit.
    words = [word("CANES", 10.0), word("1055", 36.0, joined=True), word("CONROE,", 34.0), word("TX", 63.0, joined=True)]
    assert [r.text for r in split_runs(words, column_starts=[10.0, 33.5])] == ["CANES 1055", "CONROE, TX"]
    # Where the merchant's last word lands on the column start, the city printed over it says whose it is.
    assert [r.text for r in split_runs(words, column_starts=[10.0, 35.0])] == ["CANES 1055", "CONROE, TX"]
    alone = [word("CANES", 10.0), word("1055", 36.0, joined=True), word("CONROE,", 60.0)]
    assert [r.text for r in split_runs(alone, column_starts=[10.0, 35.0])] == ["CANES", "1055", "CONROE,"]


def test_a_new_object_at_a_column_start_breaks_even_when_the_word_before_runs_into_it() -> None:
    # "EXPRES" ends 0.3 pt past where "KEMAH," starts: less than a pen move back, still a new cell.
    words = [word("INN", 10.0), word("EXPRES", 24.3, joined=True), word("KEMAH,", 48.0), word("TX", 74.0, joined=True)]
    assert [r.text for r in split_runs(words, column_starts=[10.0, 47.5])] == ["INN EXPRES", "KEMAH, TX"]


def test_cells_set_a_little_off_the_baseline_stay_on_their_row() -> None:
    # Middles 100.4, 101.6, 102.9 (a "/" reaches lower): one row; the next row's 109.9 is not on it.
    words = [Word("Dt", 19.0, 26.0, 98.0, 102.8), Word("Net", 90.0, 99.0, 99.2, 104.0)]
    words += [Word("City/St", 50.0, 80.0, 99.6, 106.2), Word("02/28/2025", 19.0, 50.0, 107.5, 112.3)]
    assert [r.text for r in group_rows(words)] == ["Dt Net City/St", "02/28/2025"]


def test_a_word_end_drawn_out_of_order_is_joined_to_its_word_but_a_touching_field_is_not() -> None:
    # "91" ends at 18.0; "/93" starts there but is drawn after the quantity. "GULF" touches "91" and follows it.
    words = [word("91", 10.0), word("3.18", 60.0), word("/93", 18.0)]
    assert [r.text for r in group_rows(words)] == ["91/93 3.18"]
    assert [r.text for r in group_rows([word("7092", 10.0), word("GULF", 26.0)])] == ["7092 GULF"]

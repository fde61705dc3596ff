"""A page printed without its header, its columns set where that page's values fit (not where the header
above them was): the header's columns move to the page's cell edges."""

from __future__ import annotations

from dataclasses import replace

from recon_extractor.pdf.glyphs import Word
from recon_extractor.pdf.text_rows import Row
from recon_extractor.statements.wex_columns import Columns, row_cells
from recon_extractor.statements.wex_locate import relocate

HEADER = Columns(
    {
        "trans_date": (18.0, 52.0),
        "posted_date": (60.0, 98.0),
        "level": (104.0, 114.0),
        "reference": (120.0, 166.0),
        "merchant": (172.0, 222.0),
        "city": (268.0, 306.0),
        "group": (350.0, 402.0),
        "description": (412.0, 480.0),
        "ppu": (510.0, 532.0),
        "quantity": (543.0, 572.0),
        "gross": (594.0, 631.0),
        "discount": (654.0, 684.0),
        "net": (731.0, 759.0),
    }
)


def _row(top: float, *cells: tuple[str, float, bool]) -> Row:
    """Cells as (text, x, right-aligned): each cell a text object of its own, words 4 pt a letter."""
    words = []
    for text, x, right in cells:
        x0 = x - 4.0 * len(text) - 2.0 * text.count(" ") if right else x
        for n, part in enumerate(text.split(" ")):
            words.append(Word(part, x0, x0 + 4.0 * len(part), top, top + 6.0, joined=n > 0))
            x0 += 4.0 * len(part) + 2.0
    return Row(tuple(words), top, top + 6.0)


def _charge(top: float, merchant: str, city: str, description: str, net: str) -> Row:
    # Every column 10 to 40 points right of where the header printed it.
    return _row(
        top,
        *[("03/04/2025", 18, False), ("03/06/2025", 72, False), ("F", 120, False), ("000127739", 136, False)],
        *[(merchant, 190, False), (city, 300, False), ("FUEL", 380, False), (description, 445, False)],
        *[("2.76054", 552, True), ("13.28", 592, True), (net, 651, True), ("$0.00", 704, True), (net, 799, True)],
    )


def test_the_header_s_columns_move_to_the_page_s_cell_edges() -> None:
    rows = [
        _charge(100.0, "SHELL OIL129799150", "MONTGOMERY, TX", "UNL REG", "$36.66"),
        _charge(110.0, "CIRCLE K 68465632", "KEMAH, TX", "DIESEL", "$12.00"),
        _row(
            120.0,
            ("Transaction Totals:", 500, False),
            ("$48.66", 651, True),
            ("$0.00", 704, True),
            ("$48.66", 799, True),
        ),
    ]
    moved, unsure = relocate(HEADER, rows)
    assert not unsure
    assert {k: round(x0) for k, (x0, _) in moved.spans.items() if k in ("posted_date", "merchant", "description")} == {
        "posted_date": 72,
        "merchant": 190,
        "description": 445,
    }
    assert row_cells(rows[0], moved) == {
        "trans_date": "03/04/2025",
        "posted_date": "03/06/2025",
        "level": "F",
        "reference": "000127739",
        "merchant": "SHELL OIL129799150",
        "city": "MONTGOMERY, TX",
        "group": "FUEL",
        "description": "UNL REG",
        "ppu": "2.76054",
        "quantity": "13.28",
        "gross": "$36.66",
        "discount": "$0.00",
        "net": "$36.66",
    }


def test_a_page_of_totals_only_moves_the_amount_columns() -> None:
    rows = [
        _row(
            100.0,
            ("Cardholder Totals:", 500, False),
            ("$48.66", 651, True),
            ("$0.00", 704, True),
            ("$48.66", 799, True),
        )
    ]
    moved, _ = relocate(HEADER, rows)
    assert [moved.spans[k][1] for k in ("gross", "discount", "net")] == [651, 704, 799]
    assert moved.spans["merchant"] == HEADER.spans["merchant"]


def test_a_footer_with_a_date_is_no_product_row() -> None:
    assert relocate(HEADER, [_row(100.0, ("Run on 3/2/2025 8:15:32 AM", 18, False))]) == (HEADER, False)


def test_text_columns_moved_on_a_page_that_says_nothing_of_text_objects_are_unsure() -> None:
    # Glyphs placed one by one: no word is known to follow another in one text object.
    rows = [_charge(100.0 + 10 * n, "SHELL OIL129799150", "MONTGOMERY, TX", "UNL REG", "$36.66") for n in range(3)]
    loose = [Row(tuple(replace(w, joined=False) for w in r.words), r.top, r.bottom) for r in rows]
    assert relocate(HEADER, rows)[1] is False
    assert relocate(HEADER, loose)[1] is True


def test_a_page_printed_where_the_header_put_its_columns_keeps_them() -> None:
    def charge(top: float) -> Row:
        return _row(
            top,
            *[("03/04/2025", 18, False), ("03/06/2025", 60, False), ("F", 104, False), ("000127739", 120, False)],
            *[("HAMPTON INN", 172, False), ("LAKE CHARLES, LA", 268, False), ("HOTELS", 350, False)],
            *[("LODGING", 412, False), ("215.30000", 532, True), ("1.00", 572, True), ("$215.30", 631, True)],
            *[("$0.00", 684, True), ("$215.30", 759, True)],
        )

    assert relocate(HEADER, [charge(100.0), charge(110.0)]) == (HEADER, False)

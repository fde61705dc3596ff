from collections.abc import Sequence

from recon_extractor.pdf.glyphs import Word
from recon_extractor.pdf.text_rows import Row
from recon_extractor.statements.wex_columns import Columns, row_cells
from recon_extractor.statements.wex_header import find_header

HEADER = [
    ("Trans", 18),
    ("Date", 39),
    ("Posted", 60),
    ("Date", 85),
    ("Lvl", 104),
    ("Transaction", 120),
    ("#", 161),
    ("Merchant", 172),
    ("Name", 205),
    ("City,", 268),
    ("State", 285),
    ("Merchant", 350),
    ("Group", 383),
    ("Product", 412),
    ("Description", 440),
    ("PPU/G", 510),
    ("Quantity", 543),
    ("Gross", 594),
    ("Cost", 616),
    ("Discount", 654),
    ("Net", 731),
    ("Cost", 744),
]


def row(items: Sequence[tuple[str, float]], right: dict[str, float] | None = None, top: float = 100.0) -> Row:
    words = []
    for text, x in items:
        width = 4.0 * len(text)
        x0 = right[text] - width if right and text in right else x
        words.append(Word(text, x0, x0 + width, top, top + 6.0))
    return Row(tuple(words), top, top + 6.0)


def columns(*rows: Row) -> Columns | None:
    found = find_header(rows)
    return found[0] if found else None


def header() -> Row:
    right = {"PPU/G": 532.0, "Quantity": 572.0, "Discount": 684.0}
    r = row(HEADER, right)
    fixed = [w if w.text != "Cost" else Word("Cost", w.x0, w.x0 + 15.0, w.top, w.bottom) for w in r.words]
    return Row(tuple(fixed), 100.0, 106.0)


def test_header_is_found_and_other_rows_are_not() -> None:
    cols = columns(header())
    assert cols is not None and set(cols.spans) >= {"trans_date", "merchant", "city", "net", "ppu"}
    assert columns(row([("Transaction", 10), ("Totals:", 60)])) is None


def test_cells_by_position_numbers_by_right_edge() -> None:
    cols = columns(header())
    assert cols is not None
    line = row(
        [
            ("03/04/2025", 18),
            ("03/06/2025", 60),
            ("F", 104),
            ("000127739", 120),
            ("SHELL", 172),
            ("OIL129799150", 196),
            ("MONTGOMERY,", 268),
            ("TX", 316),
            ("FUEL", 350),
            ("UNL", 412),
            ("REG", 428),
            ("2.76054", 0),
            ("13.28", 0),
            ("$36.66", 0),
            ("$0.00", 0),
            ("-$36.66", 0),
        ],
        right={"2.76054": 532.0, "13.28": 572.0, "$36.66": 631.0, "$0.00": 684.0, "-$36.66": 759.0},
    )
    cells = row_cells(line, cols)
    assert cells == {
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
        "net": "-$36.66",
    }


def _ocr(r: Row, shift: float) -> Row:
    """The row as OCR would place it: estimated boxes, `shift` points left of where they are printed."""
    words = tuple(Word(w.text, w.x0 - shift, w.x1 - shift, w.top, w.bottom, approximate=True) for w in r.words)
    return Row(words, r.top, r.bottom)


def test_ocr_words_find_their_columns_a_few_points_off() -> None:
    # A scanned page: the header read a point right, the row three points left of print, no gaps between
    # dates (a text layer's run split would glue "03/04/2025 03/06/2025" into the first column).
    cols = columns(_ocr(header(), -1.0))
    assert cols is not None and cols.slack > 0
    line = _ocr(
        row(
            [
                *[("03/04/2025", 18), ("03/06/2025", 60), ("F", 104), ("000127739", 120), ("SHELL", 172)],
                *[("KEMAH,", 268), ("TX", 296), ("FUEL", 350), ("DIESEL", 412), ("3.00000", 0), ("2.00", 0)],
                *[("$6.40", 0), ("$0.40", 0), ("$6.00", 0)],
            ],
            right={"3.00000": 532.0, "2.00": 572.0, "$6.40": 631.0, "$0.40": 684.0, "$6.00": 759.0},
        ),
        3.0,
    )
    assert row_cells(line, cols) == {
        "trans_date": "03/04/2025",
        "posted_date": "03/06/2025",
        "level": "F",
        "reference": "000127739",
        "merchant": "SHELL",
        "city": "KEMAH, TX",
        "group": "FUEL",
        "description": "DIESEL",
        "ppu": "3.00000",
        "quantity": "2.00",
        "gross": "$6.40",
        "discount": "$0.40",
        "net": "$6.00",
    }
    text_cols = columns(header())
    assert text_cols is not None and text_cols.slack == 0
    assert row_cells(line, text_cols)["trans_date"] == "03/04/2025 03/06/2025"


def test_a_header_wrapped_over_two_lines_with_abbreviated_titles() -> None:
    # Left-aligned titles stack at their column's left edge, number titles at its right edge.
    top = row([("Trans", 18), ("Posted", 60), ("Transaction", 120), ("Merchant", 172), ("Gross", 612), ("Net", 748)])
    bottom = row(
        [
            *[("Date", 18), ("Date", 60), ("Lvl", 104), ("#", 120), ("Name", 172), ("City/St", 268), ("Grp", 350)],
            *[("Product", 412), ("PPU", 520), ("Qty", 560), ("Cost", 616), ("Disc", 668), ("Cost", 744)],
        ],
        top=108.0,
    )
    found = find_header([top, bottom, row([("03/04/2025", 18)], top=118.0)])
    assert found is not None
    cols, lines = found
    assert lines == 2
    assert list(cols.spans) == [
        *["trans_date", "posted_date", "level", "reference", "merchant", "city", "group", "description"],
        *["ppu", "quantity", "gross", "discount", "net"],
    ]
    assert (cols.spans["reference"], cols.spans["gross"], cols.spans["net"]) == ((120, 164), (612, 632), (744, 760))


def test_numbers_printed_tight_are_cells_of_their_own() -> None:
    cols = columns(header())
    assert cols is not None
    # Gross and discount less than a word height apart: one run by gaps, two cells by their right edges.
    line = row(
        [("03/04/2025", 18), ("000127739", 120), ("SHELL", 172), ("PARTS", 412), ("$433.67", 0), ("$0.00", 0)],
        right={"$433.67": 631.0, "$0.00": 684.0},
    )
    tight = Row(
        tuple(w if w.text != "$0.00" else Word("$0.00", 632.5, 684.0, w.top, w.bottom) for w in line.words), 100, 106
    )
    cells = row_cells(tight, cols)
    assert (cells["description"], cells["gross"], cells["discount"]) == ("PARTS", "$433.67", "$0.00")


def test_text_under_a_title_not_understood_is_an_unread_row() -> None:
    from recon_extractor.statements.wex import WexParser

    # "City," and "State" printed far apart: two titles, neither known, so a city is under neither.
    titles = [("Trans", 18), ("Date", 39), ("Merchant", 172), ("City,", 268), ("State", 330), ("Net", 731)]
    block = row([("Cardholder", 18), ("Name:", 60), ("WILLIAMBURT", 90)], top=80.0)
    charge = row(
        [("03/04/2025", 18), ("SHELL", 172), ("KEMAH,", 268), ("TX", 330), ("$6.00", 0)], right={"$6.00": 743.0}
    )
    parser = WexParser()
    parser.feed(1, [Row(block.words, 80.0, 86.0), row(titles, top=90.0), charge])
    assert [(f.kind, f.page) for f in parser.findings] == [("unread_row", 1)]
    assert "outside the columns" in parser.findings[0].message and "KEMAH" in parser.findings[0].message


def test_text_far_right_of_its_column_is_kept_apart() -> None:
    # The header printed no city title: the city would read as part of the merchant name.
    cols = columns(row([("Trans", 18), ("Date", 39), ("Merchant", 172), ("Net", 731)]))
    assert cols is not None
    line = row([("03/04/2025", 18), ("SHELL", 172), ("KEMAH,", 268), ("TX", 294), ("$6.00", 0)], right={"$6.00": 743.0})
    assert row_cells(line, cols) == {
        "trans_date": "03/04/2025",
        "merchant": "SHELL",
        "?merchant": "KEMAH, TX",
        "net": "$6.00",
    }

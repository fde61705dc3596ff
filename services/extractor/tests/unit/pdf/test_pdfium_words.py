"""Words from real pdfium text pages where fields are printed touching or over each other."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF
from recon_extractor.pdf.pages import iter_statement_pages


def _words(tmp_path: Path, *texts: tuple[float, str], font: str = "Courier") -> list[tuple[str, bool | None]]:
    pdf = FPDF(unit="pt", format="letter")
    pdf.add_page()
    pdf.set_font(font, "", 8.0)
    for x, text in texts:
        pdf.text(x, 100.0, text)
    pdf.output(str(tmp_path / "p.pdf"))
    (page,) = iter_statement_pages(tmp_path / "p.pdf")
    return [(w.text, w.joined) for w in page.words]


def test_a_field_printed_right_where_the_one_before_ends_is_a_word_of_its_own(tmp_path: Path) -> None:
    # Courier 8 pt: 4.8 pt a glyph, so "HOME DEPOT 7092" ends at 10 + 15 * 4.8 = 82.
    words = _words(tmp_path, (10.0, "HOME DEPOT 7092"), (82.0, "GULFPORT, MS"))
    assert [t for t, _ in words] == ["HOME", "DEPOT", "7092", "GULFPORT,", "MS"]
    assert dict(words)["GULFPORT,"] is False


def test_an_overprinted_word_is_read_once(tmp_path: Path) -> None:
    # The city starts under the end of the merchant (Times 8 pt: "MKTPL*07737" ends near 99 pt): the glyph by
    # glyph reading of the overlap must not take the object's earlier words for glyphs pdfium dropped.
    words = _words(tmp_path, (10.0, "AMAZON MKTPL*07737"), (92.0, "MOBILE, AL"), font="Times")
    assert [t for t, _ in words].count("AMAZON") == 1
    assert "MKTPL*07737" in [t for t, _ in words] and "MOBILE," in [t for t, _ in words]


def _glyph_by_glyph(tmp_path: Path, lines: list[str], font: tuple[str, str] = ("Helvetica", "")) -> list[list[str]]:
    """Each glyph drawn on its own, the lines interleaved glyph by glyph (a driver's column-major order)."""
    from recon_extractor.pdf.text_rows import group_rows

    pdf = FPDF(unit="pt", format="letter")
    pdf.add_page()
    if font[1]:
        pdf.add_font(font[0], "", font[1])
    pdf.set_font(font[0], "", 8.0)
    xs = [10.0] * len(lines)
    for i in range(max(map(len, lines))):
        for n, line in enumerate(lines):
            if i < len(line):
                if line[i] != " ":
                    pdf.text(xs[n], 100.0 + 12.0 * n, line[i])
                xs[n] += pdf.get_string_width(line[i])
    pdf.output(str(tmp_path / "g.pdf"))
    (page,) = iter_statement_pages(tmp_path / "g.pdf")
    return [[w.text for w in row.words] for row in group_rows(page.words)]


def test_glyphs_drawn_one_by_one_out_of_line_order_are_read_as_words(tmp_path: Path) -> None:
    lines = ["Transaction Totals: $1,780.97 $0.00", "BATON ROUGE, LA 70801 Cardholder Name: BARBARA"]
    assert _glyph_by_glyph(tmp_path, lines) == [line.split() for line in lines]


def test_a_glyph_reaching_back_over_the_one_before_starts_no_new_word(tmp_path: Path) -> None:
    serif = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
    assert _glyph_by_glyph(tmp_path, ["KEVINJACKSON"], ("DejaVuSerif", str(serif))) == [["KEVINJACKSON"]]

import io
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import ImageChops
from recon_docgen import wex_layout as lay
from recon_docgen.scenario import make_statement
from recon_docgen.truth import GenStatement
from recon_docgen.wex_furniture import produced_on, short_date
from recon_docgen.wex_pdf import render_wex_statement
from recon_docgen.wex_style import DEFAULT_STYLE, WexStyle
from recon_docgen.wex_table import money


def _render(stmt: GenStatement, style: WexStyle) -> bytes:
    buf = io.BytesIO()
    render_wex_statement(stmt, buf, style=style)
    return buf.getvalue()


def test_money_format() -> None:
    assert money(Decimal("1234.5")) == "$1,234.50"
    assert money(Decimal("-0.45")) == "-$0.45"
    assert money(Decimal("0")) == "$0.00"
    export = replace(DEFAULT_STYLE, thousands=False, credits="parens", currency_symbol=False)
    assert money(Decimal("-1234.5"), export) == "(1234.50)"
    assert money(Decimal("1234.5"), replace(DEFAULT_STYLE, credits="parens")) == "$1,234.50"
    assert money(Decimal("-45.2"), replace(DEFAULT_STYLE, credits="trailing")) == "$45.20-"


def test_repeated_blocks_may_say_continued_and_footers_the_run_date() -> None:
    stmt = make_statement(4, cardholders=2, lines_per_cardholder=(30, 40))
    style = replace(DEFAULT_STYLE, continued_marker=True, footer_run_date=True, footer="page")
    doc = pdfium.PdfDocument(_render(stmt, style))
    texts = [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    pages = lay.paginate(stmt, style)
    continued = [
        p.number for p, before in zip(pages[1:], pages, strict=False) if p.cardholder == before.rows[-1].cardholder
    ]
    assert continued and len(continued) < len(pages) - 1
    for number, text in enumerate(texts, start=1):
        assert ("(continued)" in text) == (number in continued), number
        assert text.rstrip().endswith(f"Run on {short_date(produced_on(stmt))} 8:15:32 AM Page {number}")


def test_render_is_deterministic_and_writes_paths_and_streams(tmp_path: Path) -> None:
    stmt = make_statement(2)
    buf = io.BytesIO()
    render_wex_statement(stmt, buf, doubled_bold=True, interleave_columns=True)
    render_wex_statement(stmt, tmp_path / "a.pdf", doubled_bold=True, interleave_columns=True)
    assert buf.getvalue().startswith(b"%PDF")
    assert buf.getvalue() == (tmp_path / "a.pdf").read_bytes()


def test_text_layer_has_the_layout() -> None:
    pdfium = pytest.importorskip("pypdfium2")
    stmt = make_statement(2, cardholders=3, credit_ratio=0.5)
    buf = io.BytesIO()
    render_wex_statement(stmt, buf)
    doc = pdfium.PdfDocument(buf.getvalue())
    assert len(doc) == len(lay.paginate(stmt))
    first = doc[0].get_textpage().get_text_range()
    assert "Cardholder Activity Report General" in first
    assert f"Posted Date between {stmt.period_start.month}/1/{stmt.period_start.year}" in first
    assert f"Cardholder Name: {stmt.cardholders[0].name}" in first
    assert "Trans Date Posted Date Lvl Transaction # Merchant Name City, State" in first
    everything = "".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    assert "Transaction Totals:" in everything and "Report Totals:" in everything
    credit = next(ln for ln in stmt.lines if ln.net < 0)
    assert money(credit.net) in everything


def test_doubled_bold_doubles_characters_for_naive_extractors() -> None:
    pdfplumber = pytest.importorskip("pdfplumber")
    stmt = make_statement(2, cardholders=1)
    buf = io.BytesIO()
    render_wex_statement(stmt, buf, doubled_bold=True)
    with pdfplumber.open(buf) as pdf:
        text = pdf.pages[0].extract_text()
    doubled = "".join(c * 2 for c in stmt.cardholders[0].name)
    assert doubled in text


def test_needs_a_cardholder() -> None:
    stmt = make_statement(2, cardholders=0)
    with pytest.raises(ValueError):
        render_wex_statement(stmt, io.BytesIO())


def _title_x(pdf: bytes, title: str) -> list[float]:
    doc = pdfium.PdfDocument(pdf)
    xs = []
    for i in range(len(doc)):
        text = doc[i].get_textpage()
        found = text.search(title).get_next()
        assert found is not None, (i, title)
        xs.append(round(text.get_charbox(found[0])[0], 2))
    return xs


def test_columns_fitted_page_by_page_move_between_pages() -> None:
    stmt = make_statement(4, cardholders=6, lines_per_cardholder=(3, 6))
    fitted = replace(DEFAULT_STYLE, fitted_columns=True)
    assert len(set(_title_x(_render(stmt, fitted), "City, State"))) == 1
    per_page = _title_x(_render(stmt, replace(fitted, columns_per_page=True)), "City, State")
    assert len(per_page) == 6 and len(set(per_page)) > 1


def _text_objects(page: pdfium.PdfPage) -> list[tuple[float, float]]:
    """Where each text object starts, in content-stream order."""
    return [
        tuple(round(v, 1) for v in o.get_bounds()[:2]) for o in page.get_objects() if isinstance(o, pdfium.PdfTextObj)
    ]


@pytest.mark.parametrize("change", [{"draw_order": "columns"}, {"draw_order": "fields_reversed"}])
def test_the_drawing_order_changes_the_stream_not_the_page(change: dict[str, object]) -> None:
    stmt = make_statement(6, cardholders=2, lines_per_cardholder=(4, 8))
    plain = replace(DEFAULT_STYLE, fitted_columns=True)
    pages = [pdfium.PdfDocument(_render(stmt, style)) for style in (plain, replace(plain, **change))]
    for before, after in zip(*pages, strict=True):
        objects = [_text_objects(page) for page in (before, after)]
        assert sorted(objects[0]) == sorted(objects[1]) and objects[0] != objects[1]
        assert before.render(scale=1).to_pil().tobytes() == after.render(scale=1).to_pil().tobytes()


def test_glyph_by_glyph_places_every_character_apart_on_the_same_page() -> None:
    stmt = make_statement(6, cardholders=2, lines_per_cardholder=(4, 8))
    plain = replace(DEFAULT_STYLE, fitted_columns=True)
    pages = [pdfium.PdfDocument(_render(stmt, style)) for style in (plain, replace(plain, glyph_by_glyph=True))]
    for before, after in zip(*pages, strict=True):
        text = before.get_textpage().get_text_range()
        assert len(_text_objects(after)) == sum(1 for c in text if not c.isspace())
        # The same picture, but for anti-aliasing: glyphs placed apart land a fraction of a pixel off.
        images = [page.render(scale=2).to_pil().convert("L") for page in (before, after)]
        moved = ImageChops.difference(*images).point(lambda v: 255 if v > 128 else 0).histogram()[255]
        assert moved < 0.0005 * images[0].width * images[0].height

import io
from decimal import Decimal
from pathlib import Path

import pytest
from recon_docgen import wex_layout as lay
from recon_docgen.scenario import make_statement
from recon_docgen.wex_pdf import render_wex_statement
from recon_docgen.wex_table import money


def test_money_format() -> None:
    assert money(Decimal("1234.5")) == "$1,234.50"
    assert money(Decimal("-0.45")) == "-$0.45"
    assert money(Decimal("0")) == "$0.00"


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

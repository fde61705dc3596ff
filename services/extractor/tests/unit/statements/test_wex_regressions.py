"""One test per bug of the users' previous tool, plus page breaks and text-layer artefacts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from recon_docgen import wex_layout
from recon_docgen.check import statement_differences as differences
from recon_docgen.scenario import make_statement
from recon_docgen.truth import GenCardholder, GenItem, GenLine, GenStatement
from recon_docgen.wex_pdf import render_wex_statement
from recon_extractor.statements.model import Statement
from recon_extractor.statements.reader import read_statement

D = Decimal


def render(stmt: GenStatement, path: Path, *, doubled_bold: bool = False, interleave: bool = False) -> Path:
    render_wex_statement(stmt, path, doubled_bold=doubled_bold, interleave_columns=interleave)
    return path


def item(desc: str | None, ppu: str, qty: str, gross: str, discount: str = "0.00") -> GenItem:
    return GenItem(desc, D(ppu), D(qty), D(gross), D(discount), D(gross) - D(discount))


def swipe(
    ref: str,
    merchant: str,
    *items: GenItem,
    city: str = "MONTGOMERY",
    state: str = "TX",
    category: str = "FUEL",
    day: int = 4,
) -> GenLine:
    return GenLine(date(2025, 3, day), date(2025, 3, day + 2), "F", ref, merchant, city, state, category, items)


def statement(*holders: GenCardholder) -> GenStatement:
    return GenStatement(date(2025, 3, 1), date(2025, 3, 31), "S-89S", "DD2LJ", "INSULATIONS, LLC", holders)


SHELL = swipe("000127739", "SHELL OIL129799150", item("UNL REG 86/87 OC", "2.76054", "13.28", "36.66"))
FUEL_AND_MISC = swipe(
    "000127740",
    "SHELL OIL129799150",
    item("UNL REG 86/87 OC", "2.76054", "13.28", "36.66", "0.66"),
    item("OTHER MISC", "4.99000", "1.00", "4.99"),
    day=5,
)
CREDIT = swipe("000127741", "SHELL OIL129799150", item("UNL REG 86/87 OC", "2.81250", "-0.16", "-0.45"), day=6)
NO_DESCRIPTION = swipe(
    "000127742", "OVERHEAD DOOR COMP", item(None, "812.40000", "1.00", "812.40"), city="KEMAH", category="MISC", day=7
)


def parse(stmt: GenStatement, tmp_path: Path, **flags: bool) -> Statement:
    return read_statement(render(stmt, tmp_path / "s.pdf", **flags))


def test_amount_is_the_net_total_never_the_ppu(tmp_path: Path) -> None:
    holder = GenCardholder("WILLIAMBURT", "960904", "556735XXXXXX0028", (SHELL, FUEL_AND_MISC))
    lines = parse(statement(holder), tmp_path).cardholders[0].lines
    assert [ln.amount for ln in lines] == [D("36.66"), D("40.99")]
    assert D("2.76054") not in {ln.amount for ln in lines}
    assert [i.ppu for i in lines[1].items] == [D("2.76054"), D("4.99000")]
    assert (lines[1].gross, lines[1].discount) == (D("41.65"), D("0.66"))


def test_credits_are_kept_and_negative(tmp_path: Path) -> None:
    holder = GenCardholder("WILLIAMBURT", "960904", "556735XXXXXX0028", (SHELL, CREDIT))
    parsed = parse(statement(holder), tmp_path)
    credit = parsed.cardholders[0].lines[1]
    assert credit.amount == D("-0.45") and credit.items[0].quantity == D("-0.16")
    assert parsed.totals["net"] == D("36.21") and parsed.warnings == ()


def test_lines_with_an_empty_product_description_are_kept(tmp_path: Path) -> None:
    holder = GenCardholder("WILLIAMBURT", "960904", "556735XXXXXX0028", (NO_DESCRIPTION, SHELL))
    lines = parse(statement(holder), tmp_path).cardholders[0].lines
    assert [ln.reference for ln in lines] == ["000127742", "000127739"]
    assert lines[0].description is None and lines[0].amount == D("812.40")
    assert (lines[0].merchant, lines[0].city, lines[0].category) == ("OVERHEAD DOOR COMP", "KEMAH", "MISC")


def test_each_line_belongs_to_the_cardholder_of_its_page(tmp_path: Path) -> None:
    holders = (
        GenCardholder("GEAUXPASS", "100001", "556735XXXXXX0001", (SHELL,)),
        GenCardholder("JOSEPHWCORTEZ", "100002", "556735XXXXXX0002", (FUEL_AND_MISC, CREDIT)),
        GenCardholder("WILLIAMBURT", "960904", "556735XXXXXX0028", (NO_DESCRIPTION,)),
    )
    parsed = parse(statement(*holders), tmp_path)
    got = {c.name: [ln.reference for ln in c.lines] for c in parsed.cardholders}
    assert got == {
        "GEAUXPASS": ["000127739"],
        "JOSEPHWCORTEZ": ["000127740", "000127741"],
        "WILLIAMBURT": ["000127742"],
    }
    assert [(c.employee_id, c.card_last4) for c in parsed.cardholders] == [
        ("100001", "0001"),
        ("100002", "0002"),
        ("960904", "0028"),
    ]


def _statement_with(split: str) -> tuple[GenStatement, list[wex_layout.LaidPage]]:
    for seed in range(100):
        stmt = make_statement(seed, cardholders=3, lines_per_cardholder=(20, 40))
        pages = wex_layout.paginate(stmt)
        if split == "totals" and any(p.rows[0].kind == "swipe_totals" for p in pages[1:]):
            return stmt, pages
        if split == "items" and any(p.rows[0].kind == "item" and p.rows[0].item for p in pages[1:]):
            return stmt, pages
    raise AssertionError(f"no generated statement splits a swipe's {split}")


@pytest.mark.parametrize("split", ["totals", "items"])
def test_swipe_split_over_a_page_break(tmp_path: Path, split: str) -> None:
    stmt, pages = _statement_with(split)
    page = next(
        p
        for p in pages[1:]
        if p.rows[0].kind == ("swipe_totals" if split == "totals" else "item") and (split == "totals" or p.rows[0].item)
    )
    row = page.rows[0]
    assert row.line is not None
    gen_line = stmt.cardholders[row.cardholder].lines[row.line]
    parsed = parse(stmt, tmp_path, doubled_bold=True, interleave=True)
    assert differences(stmt, parsed) == [] and parsed.warnings == ()
    line = next(ln for ln in parsed.lines if ln.reference == gen_line.reference)
    assert line.amount == gen_line.net and len(line.items) == len(gen_line.items)
    assert line.page == page.number - 1


def test_the_artefacts_are_really_in_the_text_layer(tmp_path: Path) -> None:
    pdfplumber = pytest.importorskip("pdfplumber")
    holder = GenCardholder("WILLIAMBURT", "960904", "556735XXXXXX0028", (NO_DESCRIPTION, FUEL_AND_MISC))
    path = render(statement(holder), tmp_path / "s.pdf", doubled_bold=True, interleave=True)
    with pdfplumber.open(path) as pdf:
        naive = pdf.pages[0].extract_text()
    assert "WWIILLLLIIAAMMBBUURRTT" in naive and "OOTTHHEERR MMIISSCC" in naive
    assert "OVERHEAD DOOR COMP KEMAH" not in naive
    lines = read_statement(path).cardholders[0].lines
    assert (lines[0].merchant, lines[0].city) == ("OVERHEAD DOOR COMP", "KEMAH")
    assert lines[1].items[1].description == "OTHER MISC"


def test_letters_pdfium_drops_where_fields_overprint_are_restored(tmp_path: Path) -> None:
    pdfium = pytest.importorskip("pypdfium2")
    toll = swipe(
        "000900875", "LA DOTD GEAUXPASS", item("TOLL", "12.93000", "1.00", "12.93"), city="JACKSON", state="MS"
    )
    holder = GenCardholder("GEAUXPASS", "100001", "556735XXXXXX0001", (toll,))
    path = render(statement(holder), tmp_path / "s.pdf", interleave=True)
    raw_text = pdfium.PdfDocument(path)[0].get_textpage().get_text_range()
    assert "JCKSON" in raw_text
    line = read_statement(path).cardholders[0].lines[0]
    assert (line.merchant, line.city, line.state) == ("LA DOTD GEAUXPASS", "JACKSON", "MS")

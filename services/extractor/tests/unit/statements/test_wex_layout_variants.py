"""WEX layouts our generator does not draw (issue 10): each reads exactly, or the file fails loudly.

`_Sheet` draws the same month as another report version would: blocks mid-page, stacked or two-column
block labels, blank employee IDs, wrapped or abbreviated column headers, headers only on the first page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

import pytest
from fpdf import FPDF
from recon_docgen.check import parsed_line, truth_line
from recon_docgen.scenario import make_statement
from recon_docgen.truth import GenCardholder, GenLine, GenStatement
from recon_extractor.errors import StatementFormatError
from recon_extractor.statements.model import Statement
from recon_extractor.statements.reader import read_statement

# (key, title, x: left edge, or right edge when right-aligned)
COLUMNS = (
    ("trans_date", "Trans Date", 24.0, False),
    ("posted_date", "Posted Date", 66.0, False),
    ("level", "Lvl", 110.0, False),
    ("reference", "Transaction #", 126.0, False),
    ("merchant", "Merchant Name", 180.0, False),
    ("city", "City, State", 280.0, False),
    ("group", "Merchant Group", 360.0, False),
    ("description", "Product Description", 420.0, False),
    ("ppu", "PPU/G", 540.0, True),
    ("quantity", "Quantity", 580.0, True),
    ("gross", "Gross Cost", 640.0, True),
    ("discount", "Discount", 692.0, True),
    ("net", "Net Cost", 766.0, True),
)
SHORT_TITLES = {
    "trans_date": "Trans Dt",
    "posted_date": "Post Date",
    "reference": "Txn #",
    "merchant": "Merchant",
    "city": "City/St",
    "group": "Grp",
    "description": "Product",
    "ppu": "PPU",
    "quantity": "Qty",
    "gross": "Gross",
    "discount": "Disc",
    "net": "Net",
}


@dataclass(frozen=True)
class Style:
    size: float = 7.0
    header_lines: int = 1
    short_titles: bool = False
    header_on_every_page: bool = True
    two_column_block: bool = False
    page_per_cardholder: bool = False
    rows_per_page: int = 40
    repeat_swipe_fields: bool = True


def _money(value: Decimal) -> str:
    return f"{'-' if value < 0 else ''}${abs(value):,.2f}"


def _us(d: object) -> str:
    return d.strftime("%m/%d/%Y")  # type: ignore[attr-defined]


class _Sheet:
    """Rows of text down landscape letter pages; cells are (x, text, right-aligned)."""

    def __init__(self, style: Style) -> None:
        self.style = style
        self.pdf = FPDF(orientation="L", unit="pt", format="letter")
        self.pdf.set_auto_page_break(False)
        self.pdf.set_font("Helvetica", "", style.size)
        self.rows = 0
        self.y = 0.0

    def page(self) -> None:
        self.pdf.add_page()
        self.y, self.rows = 36.0, 0

    def row(self, *cells: tuple[float, str, bool]) -> None:
        self.y += self.style.size * 1.45
        self.rows += 1
        for x, text, right in cells:
            if text:
                self.pdf.text(x - self.pdf.get_string_width(text) if right else x, self.y, text)

    @property
    def full(self) -> bool:
        return self.rows >= self.style.rows_per_page


def _block(sheet: _Sheet, stmt: GenStatement, ch: GenCardholder) -> None:
    account = f"Account Code: {stmt.account_code} - {stmt.company}"
    customer = f"Customer ID: {stmt.customer_id}"
    card = f"Card Number: {ch.card_number}"
    name = f"Cardholder Name: {ch.name}"
    employee = f"Employee ID: {ch.employee_id}"
    if sheet.style.two_column_block:
        sheet.row((24.0, account, False), (330.0, customer, False))
        sheet.row((24.0, card, False), (330.0, name, False))
        sheet.row((24.0, employee, False))
    else:
        for text in (account, customer, card, name, employee):
            sheet.row((24.0, text, False))


def _header(sheet: _Sheet) -> None:
    style = sheet.style
    titles = [(x, SHORT_TITLES.get(k, t) if style.short_titles else t, right) for k, t, x, right in COLUMNS]
    if style.header_lines == 1:
        sheet.row(*titles)
        return
    # Wrapped: a title's last word on the bottom line, the words before it stacked above.
    lines: list[list[tuple[float, str, bool]]] = [[] for _ in range(style.header_lines)]
    for x, title, right in titles:
        words = title.split()
        stacked = [
            " ".join(words[: len(words) - style.header_lines + 1]),
            *words[len(words) - style.header_lines + 1 :],
        ]
        for i, word in enumerate(reversed([w for w in stacked if w])):
            lines[-1 - i].append((x, word, right))
    for line in lines:
        sheet.row(*line)


SWIPE_FIELDS = ("trans_date", "posted_date", "level", "reference", "merchant", "city", "group")


def _line_rows(line: GenLine, repeat: bool = True) -> Iterator[tuple[tuple[float, str, bool], ...]]:
    x = {k: (pos, right) for k, _, pos, right in COLUMNS}

    for n, item in enumerate(line.items):

        def cell(key: str, text: str, blank: bool = n > 0 and not repeat) -> tuple[float, str, bool]:
            return (x[key][0], "" if blank and key in SWIPE_FIELDS else text, x[key][1])

        yield (
            cell("trans_date", _us(line.transaction_date)),
            cell("posted_date", _us(line.posted_date)),
            cell("level", line.level),
            cell("reference", line.reference),
            cell("merchant", line.merchant),
            cell("city", f"{line.city}, {line.state}"),
            cell("group", line.category),
            cell("description", item.description or ""),
            cell("ppu", f"{item.ppu:,.5f}"),
            cell("quantity", f"{item.quantity:,.2f}"),
            cell("gross", _money(item.gross)),
            cell("discount", _money(item.discount)),
            cell("net", _money(item.net)),
        )
    yield _totals("Transaction Totals:", line.gross, line.discount, line.net)


def _totals(label: str, gross: Decimal, discount: Decimal, net: Decimal) -> tuple[tuple[float, str, bool], ...]:
    return (
        (440.0, label, False),
        (640.0, _money(gross), True),
        (692.0, _money(discount), True),
        (766.0, _money(net), True),
    )


def render(stmt: GenStatement, path: Path, style: Style) -> Path:
    sheet = _Sheet(style)
    sheet.page()
    sheet.row((24.0, "Cardholder Activity Report General", False))
    sheet.row((24.0, f"From: {_us(stmt.period_start)} To: {_us(stmt.period_end)}", False))
    page_holder: GenCardholder | None = None
    for c, ch in enumerate(stmt.cardholders):
        if c and style.page_per_cardholder:
            sheet.page()
        _block(sheet, stmt, ch)
        _header(sheet)
        page_holder = ch
        rows = [row for line in ch.lines for row in _line_rows(line, style.repeat_swipe_fields)]
        rows.append(_totals("Cardholder Totals:", ch.gross, ch.discount, ch.net))
        for row in rows:
            if sheet.full:
                sheet.page()
                _block(sheet, stmt, page_holder)
                if style.header_on_every_page:
                    _header(sheet)
            sheet.row(*row)
    sheet.row(*_totals("Report Totals:", stmt.gross, stmt.discount, stmt.net))
    path.write_bytes(bytes(sheet.pdf.output()))
    return path


def differences(truth: GenStatement, parsed: Statement) -> list[str]:
    """Cardholders (a blank employee ID reads as None), lines and totals, exact to the cent."""
    diffs = []
    want = [(c.name, c.employee_id or None, c.card_number[-4:]) for c in truth.cardholders]
    got = [(c.name, c.employee_id, c.card_last4) for c in parsed.cardholders]
    if got != want:
        diffs.append(f"cardholders {got} != {want}")
    for tc, pc in zip(truth.cardholders, parsed.cardholders, strict=False):
        bad = [
            (w, g)
            for w, g in zip([truth_line(ln) for ln in tc.lines], [parsed_line(ln) for ln in pc.lines], strict=False)
            if w != g
        ]
        if len(tc.lines) != len(pc.lines) or bad:
            diffs.append(f"{tc.name}: {len(pc.lines)} lines for {len(tc.lines)}; {bad[:2]}")
    if parsed.totals != {"gross": truth.gross, "discount": truth.discount, "net": truth.net}:
        diffs.append(f"totals {parsed.totals}")
    return diffs


def _month(seed: int = 7, blank_employee: int | None = None) -> GenStatement:
    stmt = make_statement(seed, cardholders=4, lines_per_cardholder=(4, 9), credit_ratio=0.1)
    if blank_employee is None:
        return stmt
    holders = list(stmt.cardholders)
    holders[blank_employee] = replace(holders[blank_employee], employee_id="")
    return replace(stmt, cardholders=tuple(holders))


def read_exact(tmp_path: Path, truth: GenStatement, style: Style) -> Statement:
    parsed = read_statement(render(truth, tmp_path / "s.pdf", style))
    assert differences(truth, parsed) == []
    assert parsed.findings == ()
    return parsed


def test_blocks_start_mid_page_after_a_blank_employee_id(tmp_path: Path) -> None:
    parsed = read_exact(tmp_path, _month(blank_employee=1), Style())
    assert parsed.warnings == ()


def test_two_column_block_labels(tmp_path: Path) -> None:
    parsed = read_exact(tmp_path, _month(blank_employee=2), Style(two_column_block=True, page_per_cardholder=True))
    assert parsed.warnings == ()


def test_a_header_wrapped_over_two_lines(tmp_path: Path) -> None:
    parsed = read_exact(tmp_path, _month(), Style(header_lines=2))
    assert parsed.warnings == ()


def test_abbreviated_titles_in_a_small_font(tmp_path: Path) -> None:
    parsed = read_exact(tmp_path, _month(), Style(short_titles=True, size=6.0, header_lines=2))
    assert parsed.warnings == ()


def test_later_product_rows_that_leave_the_swipe_fields_blank(tmp_path: Path) -> None:
    truth = _month(seed=3)
    assert any(len(line.items) > 1 for line in truth.lines)
    parsed = read_exact(tmp_path, truth, Style(repeat_swipe_fields=False, rows_per_page=20))
    assert parsed.warnings == ()


def test_header_only_on_the_first_page_is_checked_against_the_totals(tmp_path: Path) -> None:
    parsed = read_exact(tmp_path, _month(), Style(header_on_every_page=False, rows_per_page=18))
    assert parsed.warnings and all("no column header" in w and "totals" in w for w in parsed.warnings)


@pytest.mark.parametrize(
    ("block", "problem"),
    [
        ("Cardholder Name:", "Cardholder Name"),
        ("Card Number: 5567351234560028", "without a Cardholder Name"),
    ],
)
def test_a_block_that_is_not_understood_fails_the_file(tmp_path: Path, block: str, problem: str) -> None:
    sheet = _Sheet(Style())
    sheet.page()
    sheet.row((24.0, "Cardholder Activity Report General", False))
    sheet.row((24.0, "Account Code: S-89S - INSULATIONS, LLC", False))
    sheet.row((24.0, block, False))
    sheet.row((24.0, "Employee ID: 960904", False))
    _header(sheet)
    for row in _line_rows(_month().cardholders[0].lines[0]):
        sheet.row(*row)
    (tmp_path / "s.pdf").write_bytes(bytes(sheet.pdf.output()))
    with pytest.raises(StatementFormatError, match=rf"page 1.*{problem}") as error:
        read_statement(tmp_path / "s.pdf")
    assert "5567351234560028" not in str(error.value)


def test_a_report_without_lines_fails_the_file(tmp_path: Path) -> None:
    sheet = _Sheet(Style())
    sheet.page()
    sheet.row((24.0, "Cardholder Activity Report General", False))
    _block(sheet, _month(), _month().cardholders[0])
    sheet.row((24.0, "Trans", False), (180.0, "Merchant", False))
    (tmp_path / "s.pdf").write_bytes(bytes(sheet.pdf.output()))
    with pytest.raises(StatementFormatError, match="no card lines"):
        read_statement(tmp_path / "s.pdf")


def test_a_row_that_looks_like_a_charge_but_was_not_read_is_a_finding(tmp_path: Path) -> None:
    truth = _month()
    sheet = _Sheet(Style())
    sheet.page()
    sheet.row((24.0, "Cardholder Activity Report General", False))
    _block(sheet, truth, truth.cardholders[0])
    _header(sheet)
    sheet.row((24.0, "03/04/2025 MANUAL ADJUSTMENT 12.00", False))
    ch = truth.cardholders[0]
    for row in [row for line in ch.lines for row in _line_rows(line)]:
        sheet.row(*row)
    sheet.row(*_totals("Cardholder Totals:", ch.gross, ch.discount, ch.net))
    (tmp_path / "s.pdf").write_bytes(bytes(sheet.pdf.output()))
    parsed = read_statement(tmp_path / "s.pdf")
    assert [(f.kind, f.page) for f in parsed.findings] == [("unread_row", 1)]
    assert "03/04/2025 MANUAL ADJUSTMENT 12.00" in parsed.findings[0].message
    assert [ln.reference for ln in parsed.lines] == [ln.reference for ln in ch.lines]


def test_header_only_on_the_first_page_and_no_totals_to_confirm_it_is_a_finding(tmp_path: Path) -> None:
    from recon_extractor.pdf.pages import iter_statement_pages
    from recon_extractor.pdf.text_rows import group_rows
    from recon_extractor.statements.wex import WexParser

    truth = _month()
    parser = WexParser()
    pages = list(iter_statement_pages(render(truth, tmp_path / "s.pdf", Style(header_on_every_page=False))))
    for page in pages:  # the same report with every Cardholder and Report Totals row left out
        parser.feed(
            page.number, [r for r in group_rows(page.words) if not re.search("(Cardholder|Report) Totals", r.text)]
        )
    parsed = parser.finish(len(pages))
    assert differences(truth, parsed) == []
    assert [(f.kind, f.page) for f in parsed.findings] == [("unconfirmed_rows", 2)]
    assert parsed.findings[0].message.startswith(f"pages 2-{len(pages)}: no column header printed")

"""Printed totals that disagree with the lines are findings (the session needs a person), never errors."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from recon_docgen.truth import GenCardholder, GenItem, GenLine, GenStatement
from recon_docgen.wex_pdf import render_wex_statement
from recon_extractor.statements.reader import read_statement

D = Decimal
ZERO = D("0")
FUEL = GenItem("UNL REG 86/87 OC", D("2.76054"), D("13.28"), D("36.66"), D("0.00"), D("36.66"))


def render(stmt: GenStatement, path: Path, *, doubled_bold: bool = False, interleave: bool = False) -> Path:
    render_wex_statement(stmt, path, doubled_bold=doubled_bold, interleave_columns=interleave)
    return path


@dataclass(frozen=True)
class MisprintedLine(GenLine):
    printed_net: Decimal = ZERO

    @property
    def net(self) -> Decimal:
        return self.printed_net


@dataclass(frozen=True)
class MisprintedCardholder(GenCardholder):
    printed_net: Decimal = ZERO

    @property
    def net(self) -> Decimal:
        return self.printed_net


@dataclass(frozen=True)
class MisprintedStatement(GenStatement):
    printed_net: Decimal = ZERO

    @property
    def net(self) -> Decimal:
        return self.printed_net


def _line(ref: str) -> GenLine:
    return GenLine(
        date(2025, 3, 4), date(2025, 3, 6), "F", ref, "SHELL OIL129799150", "MONTGOMERY", "TX", "FUEL", (FUEL,)
    )


def _statement(*holders: GenCardholder, printed_net: Decimal | None = None) -> GenStatement:
    header = (date(2025, 3, 1), date(2025, 3, 31), "S-89S", "DD2LJ", "INSULATIONS, LLC", holders)
    if printed_net is None:
        return GenStatement(*header)
    return MisprintedStatement(*header, printed_net=printed_net)


def test_swipe_totals_that_differ_from_its_products_are_a_finding_and_win(tmp_path: Path) -> None:
    bad = MisprintedLine(**{**_line("000000002").__dict__, "printed_net": D("36.76")})
    holder = GenCardholder("WILLIAMBURT", "960904", "556735XXXXXX0028", (_line("000000001"), bad))
    parsed = read_statement(render(_statement(holder), tmp_path / "s.pdf"))
    assert parsed.cardholders[0].lines[1].amount == D("36.76")
    assert parsed.warnings == ()
    assert [(f.kind, f.page) for f in parsed.findings] == [("total_mismatch", 1)]
    assert "swipe 000000002" in parsed.findings[0].message
    assert "net $36.66 vs printed $36.76" in parsed.findings[0].message


def test_cardholder_totals_mismatch_is_a_finding(tmp_path: Path) -> None:
    holder = MisprintedCardholder(
        "WILLIAMBURT", "960904", "556735XXXXXX0028", (_line("000000001"),), printed_net=D("99.99")
    )
    parsed = read_statement(render(_statement(holder), tmp_path / "s.pdf"))
    assert [f.kind for f in parsed.findings if "cardholder WILLIAMBURT" in f.message and "$99.99" in f.message] == [
        "total_mismatch"
    ]


def test_report_totals_mismatch_is_a_finding(tmp_path: Path) -> None:
    holder = GenCardholder("WILLIAMBURT", "960904", "556735XXXXXX0028", (_line("000000001"),))
    stmt = _statement(holder, printed_net=D("1000.00"))
    parsed = read_statement(render(stmt, tmp_path / "s.pdf"))
    assert parsed.totals["net"] == D("1000.00")
    assert [(f.kind, f.page) for f in parsed.findings] == [("total_mismatch", None)]
    assert parsed.findings[0].message.startswith("report: Report Totals") and "$1,000.00" in parsed.findings[0].message


def test_a_page_without_its_column_header_uses_the_previous_columns(tmp_path: Path) -> None:
    from recon_docgen.check import statement_differences
    from recon_docgen.scenario import make_statement
    from recon_extractor.pdf.pages import iter_statement_pages
    from recon_extractor.pdf.text_rows import group_rows
    from recon_extractor.statements.wex import WexParser
    from recon_extractor.statements.wex_header import find_header

    truth = make_statement(6, cardholders=3, lines_per_cardholder=(20, 30))
    parser = WexParser()
    pages = list(iter_statement_pages(render(truth, tmp_path / "s.pdf")))
    for page in pages:
        rows = group_rows(page.words)
        if page.number == 2:
            rows = [r for r in rows if find_header([r]) is None]
        parser.feed(page.number, rows)
    parsed = parser.finish(len(pages))
    assert statement_differences(truth, parsed) == []
    assert parsed.findings == ()
    assert parsed.warnings == (
        "page 2: no column header printed; read with the columns of the header above them, and the lines agree "
        "with the printed totals",
    )

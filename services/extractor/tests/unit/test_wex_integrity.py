"""Printed totals that disagree with the lines become readable warnings, never errors."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from recon_docgen.truth import GenCardholder, GenItem, GenLine, GenStatement
from recon_docgen.wex_pdf import render_wex_statement
from recon_extractor.domain.wex_statement import parse_wex_statement

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


def _statement(*holders: GenCardholder, cls: type[GenStatement] = GenStatement, **kw: Decimal) -> GenStatement:
    return cls(date(2025, 3, 1), date(2025, 3, 31), "S-89S", "DD2LJ", "INSULATIONS, LLC", holders, **kw)


def test_swipe_totals_that_differ_from_its_products_warn_and_win(tmp_path: Path) -> None:
    bad = MisprintedLine(**{**_line("000000002").__dict__, "printed_net": D("36.76")})
    holder = GenCardholder("WILLIAMBURT", "960904", "556735XXXXXX0028", (_line("000000001"), bad))
    parsed = parse_wex_statement(render(_statement(holder), tmp_path / "s.pdf"))
    assert parsed.cardholders[0].lines[1].amount == D("36.76")
    assert len(parsed.warnings) == 1
    assert "swipe 000000002" in parsed.warnings[0] and "net $36.66 vs printed $36.76" in parsed.warnings[0]


def test_cardholder_totals_mismatch_warns(tmp_path: Path) -> None:
    holder = MisprintedCardholder(
        "WILLIAMBURT", "960904", "556735XXXXXX0028", (_line("000000001"),), printed_net=D("99.99")
    )
    parsed = parse_wex_statement(render(_statement(holder), tmp_path / "s.pdf"))
    assert [w for w in parsed.warnings if "cardholder WILLIAMBURT" in w and "$99.99" in w]


def test_report_totals_mismatch_warns(tmp_path: Path) -> None:
    holder = GenCardholder("WILLIAMBURT", "960904", "556735XXXXXX0028", (_line("000000001"),))
    stmt = _statement(holder, cls=MisprintedStatement, printed_net=D("1000.00"))
    parsed = parse_wex_statement(render(stmt, tmp_path / "s.pdf"))
    assert parsed.totals["net"] == D("1000.00")
    assert [w for w in parsed.warnings if w.startswith("report: Report Totals") and "$1,000.00" in w]

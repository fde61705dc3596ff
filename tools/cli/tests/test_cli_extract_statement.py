from __future__ import annotations

import json
from dataclasses import dataclass, fields
from decimal import Decimal
from pathlib import Path

import pytest
from recon_cli.main import main
from recon_docgen.scanned_copy import scan_pdf
from recon_docgen.scenario import make_statement
from recon_docgen.truth import GenStatement
from recon_docgen.wex_pdf import render_wex_statement


def test_statement_json_shape_and_exact_amounts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    truth = make_statement(3, cardholders=3)
    pdf = tmp_path / "s.pdf"
    render_wex_statement(truth, pdf)
    assert main(["extract", "statement", str(pdf), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) >= {"issuer", "period", "cardholders", "totals", "warnings", "findings"}
    assert out["period"]["start"] == truth.period_start.isoformat()
    assert [c["name"] for c in out["cardholders"]] == [c.name for c in truth.cardholders]
    for got, want in zip(out["cardholders"], truth.cardholders, strict=True):
        assert got["card_last4"] == want.card_last4
        assert [(line["reference"], Decimal(line["amount"])) for line in got["lines"]] == [
            (line.reference, line.net) for line in want.lines
        ]
    assert out["warnings"] == [] and out["findings"] == []


@dataclass(frozen=True)
class _ReportTotalOffByADollar(GenStatement):
    @property
    def net(self) -> Decimal:
        return super().net + Decimal("1.00")


def test_a_printed_total_the_lines_contradict_is_a_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    truth = make_statement(3, cardholders=2)
    pdf = tmp_path / "s.pdf"
    render_wex_statement(_ReportTotalOffByADollar(**{f.name: getattr(truth, f.name) for f in fields(truth)}), pdf)
    assert main(["extract", "statement", str(pdf), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [(f["kind"], f["page"]) for f in out["findings"]] == [("total_mismatch", None)]
    assert out["findings"][0]["message"].startswith("report: Report Totals: lines add up to net")


def test_a_bad_file_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7 not really")
    assert main(["extract", "statement", str(bad), "--json"]) == 2
    assert "broken.pdf" in capsys.readouterr().err


def test_a_scan_without_ocr_says_it_needs_ocr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text, scan = tmp_path / "s.pdf", tmp_path / "scan.pdf"
    render_wex_statement(make_statement(3, cardholders=1), text)
    scan_pdf(text, scan, dpi=72)
    assert main(["extract", "statement", str(scan), "--json", "--no-ocr"]) == 2
    assert capsys.readouterr().err.strip() == (
        f"recon: {scan}: the document has no text layer; scanned statements need OCR"
    )

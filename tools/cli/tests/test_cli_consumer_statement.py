from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from recon_cli.main import main
from recon_docgen.consumer_pdf import make_consumer_statement, render_consumer_statement


def test_any_issuer_prints_the_same_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    truth = make_consumer_statement("chase", 3, cardholders=2, fx_ratio=0.5)
    pdf = tmp_path / "chase.pdf"
    render_consumer_statement(truth, pdf)
    assert main(["extract", "statement", str(pdf), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["issuer"] == "Chase" and out["warnings"] == []
    assert out["period"] == {"start": truth.cycle_start.isoformat(), "end": truth.cycle_end.isoformat()}
    lines = [line for holder in out["cardholders"] for line in holder["lines"]]
    assert [Decimal(line["amount"]) for line in lines] == [line.amount for line in truth.lines]
    foreign = [line["foreign"] for line in lines if line["foreign"]]
    assert foreign and set(foreign[0]) == {"amount", "currency", "rate"}

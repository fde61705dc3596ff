from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from recon_cli.main import main
from recon_docgen.expense_exports import write_expense_csv
from recon_docgen.expense_report import render_expense_report
from recon_docgen.expense_scenario import make_expense_entries


@pytest.mark.parametrize("kind", ["pdf", "csv"])
def test_expense_report_json(kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    entries = make_expense_entries(5, 4, None, generated_dir=tmp_path / "img")
    path = tmp_path / f"expenses.{kind}"
    if kind == "pdf":
        render_expense_report(entries, path)
    else:
        write_expense_csv(entries, path)
    assert main(["extract", "expense-report", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [(e["employee"], Decimal(e["amount"]), e["date"]) for e in out["entries"]] == [
        (e.employee, e.amount, e.date.isoformat()) for e in entries
    ]
    if kind == "pdf":
        assert [len(e["attachments"]) for e in out["entries"]] == [len(e.images) for e in entries]

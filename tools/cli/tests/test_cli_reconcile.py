from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from recon_cli.main import main
from recon_docgen.expense_exports import write_expense_csv
from recon_docgen.expense_report import render_expense_report
from recon_docgen.month_documents import make_month_documents
from recon_docgen.wex_pdf import render_wex_statement


@pytest.mark.parametrize("expenses", ["pdf", "csv"])
def test_reconcile_json_has_the_issue_shape_and_the_right_statuses(
    expenses: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    month = make_month_documents(7, tmp_path / "img", cardholders=5)
    statement = tmp_path / "card.pdf"
    render_wex_statement(month.statement, statement)
    report = tmp_path / f"expenses.{expenses}"
    if expenses == "pdf":
        render_expense_report(list(month.first_entries), report)
    else:
        write_expense_csv(list(month.first_entries), report)
    xlsx = tmp_path / "out.xlsx"
    assert (
        main(["reconcile", "--statement", str(statement), "--expenses", str(report), "--json", "--xlsx", str(xlsx)])
        == 0
    )
    out = json.loads(capsys.readouterr().out)

    assert set(out) >= {"cardholders", "lines"}
    assert set(out["cardholders"][0]) >= {
        "name",
        "employee_id",
        "card_total",
        "receipt_total",
        "receipt_count",
        "missing_receipt_amount",
        "flags",
        "complete",
    }
    line = out["lines"][0]
    assert set(line) >= {
        "reference",
        "cardholder",
        "transaction_date",
        "amount",
        "merchant",
        "status",
        "match",
        "review",
    }
    statuses = {x["reference"]: x["status"] for x in out["lines"]}
    expected = month.expected_statuses(completed=False)
    if expenses == "csv":  # a CSV export carries no receipt images: every coded charge misses its receipt
        expected = {ref: ("missing_both" if s == "missing_coding" else s) for ref, s in expected.items()}
        expected = {ref: ("missing_receipt" if s == "complete" else s) for ref, s in expected.items()}
    assert statuses == expected
    matched = [x["match"] for x in out["lines"] if x["match"] and x["match"]["entry"] is not None]
    assert matched and all(isinstance(m["entry"], int) for m in matched)
    complete = {c["name"] for c in out["cardholders"] if c["complete"]}
    assert complete == ({n for n, r in month.roles.items() if r == "complete"} if expenses == "pdf" else set())
    totals = {c["name"]: Decimal(c["card_total"]) for c in out["cardholders"]}
    assert totals == {h.name: sum((line.net for line in h.lines), Decimal(0)) for h in month.statement.cardholders}
    book = load_workbook(xlsx, read_only=True)
    assert book.sheetnames[0] == "Summary"
    rows = list(book["Transactions"].iter_rows(values_only=True))
    outcomes = {row[rows[0].index("Outcome")] for row in rows[1:]}
    assert "Auto-matched" in outcomes and outcomes <= {"Auto-matched", "Unmatched"}


def test_unreadable_statement_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "card.pdf"
    bad.write_bytes(b"not a pdf")
    assert main(["reconcile", "--statement", str(bad), "--json"]) == 2
    assert "recon:" in capsys.readouterr().err

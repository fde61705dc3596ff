"""Issue 6's month, walked over the running stack: gaps, a completed re-upload, review, the AP import file."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import httpx
import pytest
from recon_docgen.expense_report import render_expense_report
from recon_docgen.month_documents import MonthDocuments, make_month_documents
from recon_docgen.wex_pdf import render_wex_statement
from recon_reporter.domain.report_rows import STATUS_LABELS

from tests.e2e.journeys import report_rows, upload, wait_status
from tests.e2e.stack import Stack

pytestmark = pytest.mark.e2e


def _statuses(rows: list[dict[str, object]]) -> dict[str, str]:
    return {str(r["Reference"]): str(r["Status"]) for r in rows}


def _expected(month: MonthDocuments, *, completed: bool) -> dict[str, str]:
    return {ref: STATUS_LABELS[status] for ref, status in month.expected_statuses(completed=completed).items()}


def _pvault(stack: Stack, session_id: str) -> bytes:
    response = httpx.get(f"{stack.url}/api/sessions/{session_id}/report", params={"format": "pvault"}, timeout=30)
    assert response.status_code == 200, response.text
    return response.content


def _pvault_holders(data: bytes) -> set[str]:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    return {row[15] for row in rows[1:]}


def test_a_month_from_gaps_to_the_ap_import(stack: Stack, tmp_path: Path) -> None:
    month = make_month_documents(41, tmp_path / "img", cardholders=6)
    statement_pdf, first_pdf, completed_pdf = tmp_path / "card.pdf", tmp_path / "exp1.pdf", tmp_path / "exp2.pdf"
    render_wex_statement(month.statement, statement_pdf)
    render_expense_report(list(month.first_entries), first_pdf)
    render_expense_report(list(month.completed_entries), completed_pdf)
    by_role = {role: name for name, role in month.roles.items()}

    session_id = upload(stack.url, [statement_pdf, first_pdf]).json()["session_id"]
    detail = wait_status(stack.url, session_id, {"completed"})
    assert detail["name"] == f"{month.statement.period_end:%B %Y}"
    first = _statuses(report_rows(stack.url, session_id))
    assert first == _expected(month, completed=False)
    assert _pvault_holders(_pvault(stack, session_id)) == {by_role["complete"]}

    files = [("files", (completed_pdf.name, completed_pdf.read_bytes(), "application/pdf"))]
    again = httpx.post(f"{stack.url}/api/sessions/{session_id}/uploads", files=files, timeout=60)
    assert again.status_code == 202, again.text
    wait_status(stack.url, session_id, {"completed"})
    second = _statuses(report_rows(stack.url, session_id))
    assert second == _expected(month, completed=True)
    changed = {ref for ref in first if first[ref] != second[ref]}
    fixed = {
        month.gap_line(h).reference
        for h in month.statement.cardholders
        if month.roles[h.name] in ("fixed_receipt", "fixed_coding")
    }
    assert changed == fixed
    runs = httpx.get(f"{stack.url}/api/sessions/{session_id}/runs").json()["items"]
    assert [r["run_number"] for r in runs] == [1, 2]
    assert set(runs[1]["newly_complete"]) == fixed and runs[1]["newly_missing"] == []
    assert _pvault_holders(_pvault(stack, session_id)) == {
        by_role["complete"],
        by_role["fixed_receipt"],
        by_role["fixed_coding"],
    }

    # A reviewer accepts the suggested split of one charge over two entries: that cardholder becomes complete.
    detail = httpx.get(f"{stack.url}/api/sessions/{session_id}", params={"page_size": 500}).json()
    ids = {t["reference_number"]: t["id"] for t in detail["transactions"]}
    split_line = month.gap_line(next(h for h in month.statement.cardholders if h.name == by_role["split"]))
    base = f"{stack.url}/api/sessions/{session_id}"
    queue = httpx.get(f"{base}/review").json()
    [review] = [line for line in queue["lines"] if line["transaction_id"] == ids[split_line.reference]]
    [split] = [s for s in review["suggestions"] if s["kind"] == "line_split_over_entries"]
    assert len(split["entries"]) == 2
    for entry in split["entries"]:
        accepted = httpx.post(
            f"{base}/lines/{ids[split_line.reference]}/decisions",
            json={"action": "approve", "expense_entry_id": entry, "reviewer": "cy"},
        )
        assert accepted.status_code == 201, accepted.text
        wait_status(stack.url, session_id, {"completed"})
    assert _statuses(report_rows(stack.url, session_id))[split_line.reference] == "Complete"

    # Then approves one line's match and rejects another's: the rejected cardholder leaves the import.
    approve_ref = month.gap_line(next(h for h in month.statement.cardholders if h.name == by_role["fixed_receipt"]))
    reject_ref = month.gap_line(next(h for h in month.statement.cardholders if h.name == by_role["fixed_coding"]))
    ok = httpx.post(
        f"{base}/lines/{ids[approve_ref.reference]}/decisions", json={"action": "approve", "reviewer": "ana"}
    )
    assert ok.status_code == 201, ok.text
    wait_status(stack.url, session_id, {"completed"})
    no = httpx.post(f"{base}/lines/{ids[reject_ref.reference]}/decisions", json={"action": "reject", "reviewer": "bo"})
    assert no.status_code == 201, no.text
    wait_status(stack.url, session_id, {"completed"})
    third = _statuses(report_rows(stack.url, session_id))
    assert third[approve_ref.reference] == "Complete"
    assert third[reject_ref.reference] != "Complete"

    data = _pvault(stack, session_id)
    assert _pvault_holders(data) == {by_role["complete"], by_role["fixed_receipt"], by_role["split"]}
    assert data.count(b"\r\n") == data.count(b"\n") == data.count(b"\r")
    header, *body = data.decode("utf-8").split("\r\n")[:-1]
    assert header == (
        "Transaction ID,Transaction Date,Transaction Amount,Transaction Name,Vendor Invoice #,Invoice Date,"
        "Header Description,Job,Phase,Cost Type,GL Account,Item Description,UM,Tax,Pay Type,Card Holder,"
        "Credit Card Number,Credit Card Vendor"
    )
    truth = {line.reference: (holder, line) for holder in month.statement.cardholders for line in holder.lines}
    rows = list(csv.reader(io.StringIO("\r\n".join(body), newline="")))
    amounts: dict[str, Decimal] = {}
    for row in rows:
        holder, line = truth[row[0]]
        assert row[1] == line.transaction_date.isoformat() and row[5] == line.posted_date.isoformat()
        assert row[2] == f"{Decimal(row[2]):.2f}" and "$" not in row[2]
        amounts[row[0]] = amounts.get(row[0], Decimal(0)) + Decimal(row[2])
        assert row[15] == holder.name and row[16] == f"XXXXXXXXXXXX{holder.card_last4}"
        assert row[14] == "Credit Card"
        assert row[17] == {"4": "Visa", "5": "Mastercard", "3": "Amex", "6": "Discover"}[holder.card_number[0]]
    expected_refs = {
        line.reference
        for h in month.statement.cardholders
        if h.name in (by_role["complete"], by_role["fixed_receipt"], by_role["split"])
        for line in h.lines
        if line.net > 0  # this month's credits refund no charge and nothing codes them: listed to code by hand
    }
    assert {row[0] for row in rows} == expected_refs
    # A split charge is one row per accepted part (tests/e2e/test_ap_import.py); the parts add up to the charge.
    assert amounts == {ref: truth[ref][1].net for ref in expected_refs}

    # Uploading the same expense report once more replaces its entries; every decision follows them.
    again = httpx.post(f"{stack.url}/api/sessions/{session_id}/uploads", files=files, timeout=60)
    assert again.status_code == 202, again.text
    wait_status(stack.url, session_id, {"completed"})
    assert _statuses(report_rows(stack.url, session_id)) == third
    assert _pvault(stack, session_id) == data

    audit = httpx.get(f"{base}/audit").json()
    assert [(a["actor"], a["action"], a["target_id"]) for a in audit] == [
        ("cy", "line.approve", ids[split_line.reference]),
        ("cy", "line.approve", ids[split_line.reference]),
        ("ana", "line.approve", ids[approve_ref.reference]),
        ("bo", "line.reject", ids[reject_ref.reference]),
    ]
    assert {a["after"]["expense_entry_id"] for a in audit[:2]} == set(split["entries"])
    assert audit[3]["before"]["line_status"] == "complete"

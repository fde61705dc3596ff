"""Issue 6's month, walked over the running stack: gaps, a completed re-upload, review, the AP import file."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
from recon_docgen.expense_report import render_expense_report
from recon_docgen.month_documents import MonthDocuments, make_month_documents
from recon_docgen.scenario import make_statement
from recon_docgen.wex_pdf import render_wex_statement
from recon_reporter.domain.report_rows import STATUS_LABELS

from tests.e2e.journeys import contradicted, follow_events, report_rows, upload, wait_status
from tests.e2e.stack import DEV_USER, Stack

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
    replaced = httpx.get(f"{stack.url}/api/sessions/{session_id}/entries", params={"page_size": 1}).json()
    assert replaced["items"][0]["source_file"] == first_pdf.name

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
    parts = [{"action": "approve", "expense_entry_id": e, "split": "fuel"} for e in split["entries"]]
    # Only an exact split is one: the same entries do not make another line's amount.
    approve_ref = month.gap_line(next(h for h in month.statement.cardholders if h.name == by_role["fixed_receipt"]))
    inexact = [p | {"transaction_id": ids[approve_ref.reference]} for p in parts]
    refused = httpx.post(f"{base}/decisions", json={"decisions": inexact, "reviewer": "cy"})
    assert refused.status_code == 422 and refused.json()["error"]["code"] == "split_not_exact", refused.text
    exact = [p | {"transaction_id": ids[split_line.reference]} for p in parts]
    accepted = httpx.post(f"{base}/decisions", json={"decisions": exact, "reviewer": "cy"})
    assert accepted.status_code == 201, accepted.text
    split_ids = {d["split_id"] for d in accepted.json()["decisions"]}
    assert len(split_ids) == 1 and None not in split_ids
    wait_status(stack.url, session_id, {"completed"})
    assert _statuses(report_rows(stack.url, session_id))[split_line.reference] == "Complete"

    # Then approves one line's match and rejects another's: the rejected cardholder leaves the import.
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

    audit = httpx.get(f"{base}/audit").json()["items"]
    assert [(a["actor"], a["action"], a["target_id"]) for a in audit] == [
        (DEV_USER, "line.approve", ids[split_line.reference]),
        (DEV_USER, "line.approve", ids[split_line.reference]),
        (DEV_USER, "line.approve", ids[approve_ref.reference]),
        (DEV_USER, "line.reject", ids[reject_ref.reference]),
    ]
    assert {a["after"]["expense_entry_id"] for a in audit[:2]} == set(split["entries"])
    assert audit[3]["before"]["line_status"] == "complete"

    _review_integrity(stack, session_id, first_pdf, replaced["items"][0]["id"], ids[reject_ref.reference])


def _review_integrity(stack: Stack, session_id: str, other_report: Path, replaced: str, free_line: str) -> None:
    """Double booking, ids from another session or a replaced report, a release-and-reassign batch, via the API."""
    base = f"{stack.url}/api/sessions/{session_id}"
    stale = httpx.post(
        f"{base}/lines/{free_line}/decisions",
        json={"action": "reassign", "expense_entry_id": replaced, "reviewer": "bo"},
    )
    assert stale.status_code == 422 and stale.json()["error"]["message"] == (
        f"expense entry {replaced} belongs to {other_report.name}, which a newer expense report replaced; use the "
        "current report's entries"
    )
    complete = httpx.get(f"{base}/lines", params={"status": "complete", "page_size": 500}).json()
    line = next(x for x in complete["items"] if x["entry"] and x["receipt"] and x["decision"] is None)
    entry, receipt = line["entry"]["id"], line["receipt"]["id"]
    ok = httpx.post(
        f"{base}/lines/{line['id']}/decisions",
        json={"action": "approve", "expense_entry_id": entry, "receipt_id": receipt, "reviewer": "ana"},
    )
    assert ok.status_code == 201, ok.text
    wait_status(stack.url, session_id, {"completed"})

    # The same entry and receipt for another line: refused, naming the line that has them.
    twice = httpx.post(
        f"{base}/lines/{free_line}/decisions",
        json={"action": "reassign", "expense_entry_id": entry, "receipt_id": receipt, "reviewer": "bo"},
    )
    assert twice.status_code == 409 and twice.json()["error"]["code"] == "entry_in_use", twice.text
    named = f"already backs line {line['reference']} ({line['merchant']}, {Decimal(line['amount']):.2f})"
    assert named in twice.json()["error"]["message"]
    assert twice.json()["error"]["details"]["line"]["id"] == line["id"]
    receipt_only = httpx.post(
        f"{base}/lines/{free_line}/decisions", json={"action": "reassign", "receipt_id": receipt, "reviewer": "bo"}
    )
    assert receipt_only.status_code == 409 and receipt_only.json()["error"]["code"] == "receipt_in_use"

    # An entry of another session is refused by name, and leaves nothing behind.
    other = upload(stack.url, [other_report]).json()["session_id"]
    assert wait_status(stack.url, other, {"needs_attention"})["attention"] == ["no card statement was read"]
    foreign = httpx.get(f"{stack.url}/api/sessions/{other}/entries", params={"page_size": 1}).json()["items"][0]["id"]
    refused = httpx.post(
        f"{base}/lines/{free_line}/decisions",
        json={"action": "reassign", "expense_entry_id": foreign, "reviewer": "bo"},
    )
    assert refused.status_code == 422, refused.text
    assert refused.json()["error"]["message"] == f"expense entry {foreign} is not in this session"
    assert httpx.get(base).json()["status"] == "completed"

    # Released from its line and given to another in one batch: one re-match, the entry backs the new line.
    runs = httpx.get(f"{base}/runs").json()["total"]
    moved = httpx.post(
        f"{base}/decisions",
        json={
            "reviewer": "cy",
            "decisions": [
                {"transaction_id": line["id"], "action": "reject", "expense_entry_id": entry},
                {"transaction_id": free_line, "action": "reassign", "expense_entry_id": entry},
            ],
        },
    )
    assert moved.status_code == 201, moved.text
    wait_status(stack.url, session_id, {"completed"})
    assert httpx.get(f"{base}/runs").json()["total"] == runs + 1
    entries = httpx.get(f"{base}/entries", params={"page_size": 500}).json()["items"]
    assert [x["id"] for x in next(e for e in entries if e["id"] == entry)["lines"]] == [free_line]
    unmatched = httpx.get(f"{base}/entries", params={"unmatched": True, "page_size": 500}).json()
    assert entry not in {e["id"] for e in unmatched["items"]} and unmatched["total"] < len(entries)


def _add(stack: Stack, session_id: str, paths: list[Path], **form: str) -> httpx.Response:
    files = [("files", (p.name, p.read_bytes(), "application/octet-stream")) for p in paths]
    return httpx.post(f"{stack.url}/api/sessions/{session_id}/uploads", files=files, data=form, timeout=60)


def _file(detail: dict[str, Any], upload_id: str) -> dict[str, Any]:
    return next(u for u in detail["uploads"] if u["id"] == upload_id)


def test_one_statement_period_per_session(stack: Stack, tmp_path: Path) -> None:
    september = make_statement(71, cardholders=1, period=(date(2025, 9, 1), date(2025, 9, 30)))
    february = make_statement(72, cardholders=1, period=(date(2025, 2, 1), date(2025, 2, 28)))
    sept_pdf, feb_pdf = tmp_path / "sept.pdf", tmp_path / "feb.pdf"
    render_wex_statement(september, sept_pdf)
    render_wex_statement(february, feb_pdf)
    first = upload(stack.url, [sept_pdf]).json()
    session_id = first["session_id"]
    wait_status(stack.url, session_id, {"completed"})

    # Another month's statement fails alone, saying which month it is; nothing is renamed or merged.
    other = _add(stack, session_id, [feb_pdf])
    assert other.status_code == 202, other.text
    detail = wait_status(stack.url, session_id, {"completed"})
    refused = _file(detail, other.json()["files"][0]["id"])["extraction"]
    assert refused["status"] == "failed"
    assert refused["error"].startswith(
        "feb.pdf: this statement is for February 2025, but this session holds September 2025; start a new session"
    )
    assert detail["name"] == "September 2025" and detail["total_transactions"] == september.line_count
    assert detail["periods"] == [{"start": "2025-09-01", "end": "2025-09-30"}]

    # The very same statement again is said to be there already and adds nothing.
    again = _add(stack, session_id, [sept_pdf])
    detail = wait_status(stack.url, session_id, {"completed"})
    repeated = _file(detail, again.json()["files"][0]["id"])["extraction"]
    assert repeated["status"] == "duplicate" and repeated["duplicate_of"] == first["files"][0]["id"]
    assert detail["total_transactions"] == september.line_count

    # With the explicit override the other month joins, and the session says it spans both.
    unclear = _add(stack, session_id, [feb_pdf], allow_other_period="maybe")
    assert unclear.status_code == 400 and "allow_other_period must be true or false" in unclear.text
    joined = _add(stack, session_id, [feb_pdf], allow_other_period="true")
    detail = wait_status(stack.url, session_id, {"completed"})
    assert _file(detail, joined.json()["files"][0]["id"])["extraction"]["status"] == "extracted"
    assert detail["total_transactions"] == september.line_count + february.line_count
    assert (detail["name"], detail["period_start"], detail["period_end"]) == (
        "September 2025",
        "2025-09-01",
        "2025-09-30",
    )
    assert [p["end"] for p in detail["periods"]] == ["2025-02-28", "2025-09-30"]
    messages = [e["message"] for e in follow_events(stack.url, session_id)]
    assert any(
        m.startswith("feb.pdf: ") and m.endswith("; February 2025 joins September 2025; the session spans both")
        for m in messages
    )

    # A Word document is not a spreadsheet, whatever its name says.
    docx = tmp_path / "expenses.xlsx"
    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    word = _add(stack, session_id, [docx])
    assert word.status_code == 400
    assert word.json()["error"]["details"] == [
        {
            "filename": "expenses.xlsx",
            "error": "a Word document (.docx), not a statement, expense report or receipt: upload a PDF, image, "
            "CSV or XLSX workbook",
        }
    ]


def test_findings_withhold_the_ap_import_until_a_reviewer_accepts_them(stack: Stack, tmp_path: Path) -> None:
    truth = make_statement(73, cardholders=2)
    flagged = contradicted(truth)
    statement_pdf = tmp_path / "contradicted.pdf"
    render_wex_statement(flagged, statement_pdf)
    body = upload(stack.url, [statement_pdf]).json()
    session_id, upload_id = body["session_id"], body["files"][0]["id"]

    events = follow_events(stack.url, session_id)
    assert events[0]["session_status"] == "processing" and events[-1]["session_status"] == "needs_attention"
    resumed = follow_events(stack.url, session_id, last_event_id=events[1]["id"])
    assert [(e["id"], e["session_status"]) for e in resumed] == [(e["id"], e["session_status"]) for e in events[2:]]

    detail = wait_status(stack.url, session_id, {"needs_attention"})
    [finding] = _file(detail, upload_id)["extraction"]["findings"]
    assert finding["kind"] == "total_mismatch" and "Report Totals" in finding["message"]
    assert detail["attention"] == [
        "1 finding(s) in contradicted.pdf need a reviewer: accept them or upload a corrected statement; "
        "the AP import is withheld until then"
    ]
    assert detail["status_message"].startswith("needs attention: 1 finding(s) in contradicted.pdf")
    assert detail["total_transactions"] == truth.line_count
    base = f"{stack.url}/api/sessions/{session_id}"
    withheld = httpx.get(f"{base}/report", params={"format": "pvault"})
    assert withheld.status_code == 409 and withheld.json()["error"]["code"] == "ap_import_withheld"
    assert "1 finding(s) in contradicted.pdf" in withheld.json()["error"]["message"]
    assert httpx.get(f"{base}/report", params={"format": "xlsx"}).status_code == 200

    accept = {"reason": "the printed total includes a fee billed separately", "reviewer": "dee"}
    accepted = httpx.post(f"{base}/files/{upload_id}/findings/accept", json=accept)
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["session_status"] == "completed" and accepted.json()["attention"] == []
    assert httpx.post(f"{base}/files/{upload_id}/findings/accept", json=accept).status_code == 409
    assert httpx.get(f"{base}").json()["status"] == "completed"
    assert httpx.get(f"{base}/report", params={"format": "pvault"}).status_code == 200
    [audit] = httpx.get(f"{base}/audit").json()["items"]
    assert (audit["actor"], audit["action"], audit["target_id"]) == (DEV_USER, "findings.accept", upload_id)
    assert audit["after"] == {"reason": accept["reason"]}


def test_a_month_whose_only_statement_failed_needs_attention(stack: Stack) -> None:
    body = upload(stack.url, [], extra=[("card.pdf", b"%PDF-1.7\n this is not really a pdf")]).json()
    detail = wait_status(stack.url, body["session_id"], {"completed", "needs_attention", "failed"})
    assert detail["status"] == "needs_attention", detail["status_message"]
    [reason] = detail["attention"]
    assert reason.startswith("no card statement was read (card.pdf: ")
    assert detail["status_message"].startswith(f"needs attention: {reason}")

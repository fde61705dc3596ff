"""The AP import of a month, byte for byte, through the running stack: three card networks, a waived receipt,
a split charge, a refund carrying its charge's coding and an uncoded credit left out; what each run changed;
and the workbook's outcomes, review log and current-report rows."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
from openpyxl import load_workbook
from recon_docgen.expense_report import GenExpenseEntry, render_expense_report
from recon_docgen.month_documents import receipt_image
from recon_docgen.truth import GenCardholder, GenItem, GenLine, GenStatement
from recon_docgen.wex_pdf import render_wex_statement

from tests.e2e.journeys import follow_events, upload, wait_status
from tests.e2e.stack import DEV_USER, Stack

pytestmark = pytest.mark.e2e

HEADER = (
    "Transaction ID,Transaction Date,Transaction Amount,Transaction Name,Vendor Invoice #,Invoice Date,"
    "Header Description,Job,Phase,Cost Type,GL Account,Item Description,UM,Tax,Pay Type,Card Holder,"
    "Credit Card Number,Credit Card Vendor"
)
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _line(ref: str, day: int, merchant: str, category: str, amount: str) -> GenLine:
    value = Decimal(amount)
    item = GenItem(None, abs(value), Decimal("1.00") if value > 0 else Decimal("-1.00"), value, Decimal("0.00"), value)
    return GenLine(
        date(2025, 9, day), date(2025, 9, day + 1), "N", ref, merchant, "BATON ROUGE", "LA", category, (item,)
    )


ANA = GenCardholder(
    "ANNABROWN",
    "100001",
    "411111XXXXXX1111",
    (
        _line("000500001", 3, "SHELL OIL129799150", "FUEL", "40.00"),
        _line("000500002", 10, "HOME DEPOT 4411", "MISC", "25.00"),
    ),
)
BORIS = GenCardholder(
    "BORISCLARK",
    "100002",
    "371449XXXXXX2222",
    (
        _line("000500003", 5, "HAMPTON INN 40150", "HOTELS", "412.35"),
        _line("000500004", 8, "LOWES 000123", "MISC", "89.10"),
        _line("000500005", 15, "LOWES 000123", "MISC", "-20.00"),
    ),
)
CYRUS = GenCardholder(
    "CYRUSDAVIS",
    "100003",
    "601111XXXXXX3333",
    (
        _line("000500006", 12, "CHEVRON 0012345", "FUEL", "15.00"),
        _line("000500007", 20, "GRAINGER", "MISC", "-5.00"),
    ),
)
STATEMENT = GenStatement(date(2025, 9, 1), date(2025, 9, 30), "S-42A", "AB2CD", "ACME BUILDERS", (ANA, BORIS, CYRUS))
NETWORK = {"4": "Visa", "3": "Amex", "6": "Discover"}


@dataclass(frozen=True)
class Claim:
    """An expense entry claiming (part of) a card line, and whether a receipt image is attached."""

    holder: GenCardholder
    line: GenLine
    amount: str
    purpose: str
    gl: str
    job: str
    expense_type: str
    image: bool = True


CLAIMS = (
    Claim(ANA, ANA.lines[0], "40.00", "Fuel for truck 12", "6110", "25-101", "Fuel"),
    Claim(ANA, ANA.lines[1], "25.00", "Door hinges for the shop", "6420", "25-102", "Supplies", image=False),
    Claim(BORIS, BORIS.lines[0], "300.12", "Two nights at the Hampton", "6200", "25-103", "Lodging"),
    Claim(BORIS, BORIS.lines[0], "112.23", "Team dinner at the Hampton", "6300", "25-103", "Meals", image=False),
    Claim(BORIS, BORIS.lines[1], "89.10", "Lumber for the deck job", "6420", "25-104", "Supplies"),
    Claim(CYRUS, CYRUS.lines[0], "15.00", "Fuel for the mower", "6110", "25-105", "Fuel"),
)
WAIVER = "receipt lost at the store"


def _entries(claims: tuple[Claim, ...], folder: Path) -> list[GenExpenseEntry]:
    return [
        GenExpenseEntry(
            employee=c.holder.name,
            expense_type=c.expense_type,
            date=c.line.posted_date,
            amount=Decimal(c.amount),
            purpose=c.purpose,
            merchant=c.line.merchant,
            address="100 MAIN ST, , BATON ROUGE, LA, 70801-",
            gl_account=c.gl,
            job=c.job,
            phase="100",
            cost_type="M",
            images=(receipt_image(folder, c.line),) if c.image else (),
        )
        for c in claims
    ]


def _expected_ap_file() -> bytes:
    """The AP import the scenario's truth calls for, row by row (see pvault_csv's rules)."""

    def row(holder: GenCardholder, line: GenLine, amount: Decimal, claim: Claim, purpose: str | None = None) -> str:
        values = [
            line.reference,
            line.transaction_date.isoformat(),
            f"{amount:.2f}",
            line.merchant,
            line.reference,
            line.posted_date.isoformat(),
            purpose or claim.purpose,
            claim.job,
            "100",
            "M",
            claim.gl,
            claim.expense_type,
            "",
            "",
            "Credit Card",
            holder.name,
            "XXXXXXXXXXXX" + holder.card_last4,
            NETWORK[holder.card_number[0]],
        ]
        assert not any("," in v or '"' in v for v in values)
        return ",".join(values)

    fuel, hinges, room, dinner, lumber, mower = CLAIMS
    rows = [
        HEADER,
        row(ANA, ANA.lines[0], Decimal("40.00"), fuel),
        row(
            ANA,
            ANA.lines[1],
            Decimal("25.00"),
            hinges,
            f"{hinges.purpose} (no receipt: {WAIVER}; waived by {DEV_USER})",
        ),
        row(BORIS, BORIS.lines[0], Decimal("300.12"), room),
        row(BORIS, BORIS.lines[0], Decimal("112.23"), dinner),
        row(BORIS, BORIS.lines[1], Decimal("89.10"), lumber),
        row(BORIS, BORIS.lines[2], Decimal("-20.00"), lumber),  # the refund carries the lumber's coding
        row(CYRUS, CYRUS.lines[0], Decimal("15.00"), mower),  # the Grainger credit, coded by nothing, is left out
    ]
    return ("\r\n".join(rows) + "\r\n").encode("utf-8")


def _sheet(workbook: bytes, name: str) -> list[dict[str, Any]]:
    rows = list(load_workbook(io.BytesIO(workbook), read_only=True)[name].iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def _decide(base: str, line: str, body: dict[str, Any], stack: Stack, session_id: str) -> None:
    response = httpx.post(f"{base}/lines/{line}/decisions", json=body, timeout=30)
    assert response.status_code == 201, response.text
    wait_status(stack.url, session_id, {"completed"})


def _last_changes(base: str) -> list[tuple[str, str | None, str | None]]:
    page = httpx.get(f"{base}/runs", params={"page_size": 100}, timeout=30).json()
    return [(c["reference"], c["from"], c["to"]) for c in page["items"][-1]["changes"]]


def test_the_ap_import_of_a_month_byte_for_byte(stack: Stack, tmp_path: Path) -> None:
    statement_pdf, first_pdf, second_pdf = (
        tmp_path / "card.pdf",
        tmp_path / "expenses-v1.pdf",
        tmp_path / "expenses-v2.pdf",
    )
    render_wex_statement(STATEMENT, statement_pdf)
    render_expense_report(_entries(CLAIMS[:-1], tmp_path), first_pdf)
    render_expense_report(_entries(CLAIMS, tmp_path), second_pdf)

    session_id = upload(stack.url, [statement_pdf, first_pdf]).json()["session_id"]
    wait_status(stack.url, session_id, {"completed"})
    base = f"{stack.url}/api/sessions/{session_id}"
    files = [("files", (second_pdf.name, second_pdf.read_bytes(), "application/pdf"))]
    assert httpx.post(f"{base}/uploads", files=files, timeout=60).status_code == 202
    wait_status(stack.url, session_id, {"completed"})
    assert _last_changes(base) == [("000500006", "missing_all_receipts", "complete")]

    ids = {t["reference_number"]: t["id"] for t in httpx.get(base, params={"page_size": 500}).json()["transactions"]}
    _decide(base, ids["000500002"], {"action": "no_receipt", "reason": WAIVER, "reviewer": "ana"}, stack, session_id)
    assert _last_changes(base) == [("000500002", "missing_receipt", "complete")]
    [hotel] = [
        line for line in httpx.get(f"{base}/review").json()["lines"] if line["transaction_id"] == ids["000500003"]
    ]
    [split] = [s for s in hotel["suggestions"] if s["kind"] == "line_split_over_entries"]
    room, dinner = split["entries"]
    _decide(
        base, ids["000500003"], {"action": "approve", "expense_entry_id": room, "reviewer": "cy"}, stack, session_id
    )
    # Half a split accepted is not complete: the line moves from Missing Both to Missing Coding, and says so.
    assert _last_changes(base) == [("000500003", "missing_both", "missing_coding")]
    _decide(
        base, ids["000500003"], {"action": "approve", "expense_entry_id": dinner, "reviewer": "cy"}, stack, session_id
    )
    assert _last_changes(base) == [("000500003", "missing_coding", "complete")]
    # The matcher's progress message of each re-run says how many lines changed, and how.
    said = [e["message"].split("; ", 1)[1] for e in follow_events(stack.url, session_id) if "; " in e["message"]]
    assert [m for m in said if "changed status" in m] == [
        "1 line(s) changed status: 1 Missing All Receipts → Complete",
        "1 line(s) changed status: 1 Missing Receipt → Complete",
        "1 line(s) changed status: 1 Missing Both → Missing Coding",
        "1 line(s) changed status: 1 Missing Coding → Complete",
    ]
    runs = httpx.get(f"{base}/runs", params={"page": 2, "page_size": 2}).json()
    assert (runs["total"], runs["page"], [r["run_number"] for r in runs["items"]]) == (5, 2, [3, 4])
    assert runs["items"][0]["newly_complete"] == ["000500002"] and runs["items"][1]["newly_missing"] == []

    pvault = httpx.get(f"{base}/report", params={"format": "pvault"}, timeout=30)
    assert pvault.status_code == 200, pvault.text
    assert pvault.content == _expected_ap_file()

    workbook = httpx.get(f"{base}/report", params={"format": "xlsx"}, timeout=30).content
    lines = {row["Reference"]: row for row in _sheet(workbook, "Transactions")}
    assert (lines["000500002"]["Outcome"], lines["000500002"]["Decided By"]) == ("Waived", DEV_USER)
    assert lines["000500002"]["Outcome Reason"] == f"no receipt: {WAIVER}"
    assert (lines["000500003"]["Outcome"], lines["000500003"]["Decided By"]) == ("Split", DEV_USER)
    assert lines["000500001"]["Outcome"] == "Auto-matched"
    entries = _sheet(workbook, "Expense entries")
    assert len(entries) == len(CLAIMS) and {e["Source File"] for e in entries} == {second_pdf.name}
    receipts = _sheet(workbook, "Receipts")  # the replaced report's attachments stay out
    assert len(receipts) == sum(c.image for c in CLAIMS) and {r["Source File"] for r in receipts} == {second_pdf.name}
    log = _sheet(workbook, "Review log")
    assert [(r["Who"], r["Action"], r["Line or Name"]) for r in log] == [
        (DEV_USER, "accepted without a receipt", "line 000500002 (HOME DEPOT 4411, $25.00)"),
        (DEV_USER, "approved", "line 000500003 (HAMPTON INN 40150, $412.35)"),
        (DEV_USER, "approved", "line 000500003 (HAMPTON INN 40150, $412.35)"),
    ]
    assert log[1]["Decision"] == "entry of BORISCLARK, 2025-09-06, $300.12, Two nights at the Hampton"
    assert not any(UUID.search(str(value)) for r in log for value in r.values())
    summary = list(load_workbook(io.BytesIO(workbook), read_only=True)["Summary"].iter_rows(values_only=True))
    assert summary[6][:2] == ("AP import", "3 of 3 cardholders")
    assert ("CYRUSDAVIS: line 000500007 (GRAINGER, -$5.00): credit to code by hand",) in [r[:1] for r in summary]

"""What a user does against the running gateway: upload files, follow the SSE stream, download reports."""

from __future__ import annotations

import io
import json
import time
from dataclasses import dataclass, fields
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
from recon_docgen.receipt_pdf import render_receipt
from recon_docgen.scenario import make_statement, receipt_for
from recon_docgen.truth import GenLine, GenStatement
from recon_docgen.wex_pdf import render_wex_statement


@dataclass(frozen=True)
class ContradictedTotals(GenStatement):
    """A statement whose printed Report Totals claims ten dollars more than its lines."""

    @property
    def net(self) -> Decimal:
        return super().net + Decimal("10.00")


def contradicted(truth: GenStatement) -> ContradictedTotals:
    """The same statement with Report Totals its lines contradict (a total_mismatch finding)."""
    return ContradictedTotals(**{f.name: getattr(truth, f.name) for f in fields(truth)})


def make_month(
    workdir: Path, *, seed: int, cardholders: int = 3
) -> tuple[GenStatement, Path, list[Path], list[GenLine]]:
    """A statement and receipts for every other charge (credits never get one)."""
    statement = make_statement(seed, cardholders=cardholders)
    statement_pdf = workdir / f"statement-{seed}.pdf"
    render_wex_statement(statement, statement_pdf)
    with_receipt = [line for line in statement.lines if line.amount > 0][::2]
    receipts = []
    for index, line in enumerate(with_receipt):
        path = workdir / f"receipt-{seed}-{index}.pdf"
        render_receipt(receipt_for(line, seed + index), path)
        receipts.append(path)
    return statement, statement_pdf, receipts, with_receipt


def upload(url: str, paths: list[Path], extra: list[tuple[str, bytes]] = ()) -> httpx.Response:  # type: ignore[assignment]
    files = [("files", (p.name, p.read_bytes(), "application/octet-stream")) for p in paths]
    files += [("files", (name, data, "application/octet-stream")) for name, data in extra]
    return httpx.post(f"{url}/api/upload", files=files, timeout=60)


def follow_events(
    url: str, session_id: str, timeout: float = 120.0, last_event_id: int | None = None
) -> list[dict[str, Any]]:
    """Read the SSE stream until the server ends it; returns the progress events."""
    events: list[dict[str, Any]] = []
    headers = {"Last-Event-ID": str(last_event_id)} if last_event_id else {}
    deadline = time.monotonic() + timeout
    with httpx.stream("GET", f"{url}/api/sessions/{session_id}/events", headers=headers, timeout=timeout) as response:
        response.raise_for_status()
        kind = None
        for line in response.iter_lines():
            if time.monotonic() > deadline:
                raise TimeoutError("SSE stream did not end")
            if line.startswith("event: "):
                kind = line.removeprefix("event: ")
            elif line.startswith("data: ") and kind == "progress":
                events.append(json.loads(line.removeprefix("data: ")))
            elif line.startswith("data: ") and kind in ("end", "gone"):
                break
    return events


def wait_status(url: str, session_id: str, statuses: set[str], timeout: float = 120.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body: dict[str, Any] = httpx.get(f"{url}/api/sessions/{session_id}", timeout=10).json()
        if body["status"] in statuses:
            return body
        time.sleep(0.3)
    raise TimeoutError(f"session {session_id} never reached {statuses}")


def report_rows(url: str, session_id: str) -> list[dict[str, Any]]:
    """The XLSX report's Transactions sheet as dicts keyed by header."""
    from openpyxl import load_workbook

    response = httpx.get(f"{url}/api/sessions/{session_id}/report", params={"format": "xlsx"}, timeout=30)
    response.raise_for_status()
    sheet = load_workbook(io.BytesIO(response.content), read_only=True)["Transactions"]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    return [dict(zip(header, row, strict=True)) for row in rows[1:]]


def row_key(row: dict[str, Any]) -> tuple[str, str, Decimal, bool]:
    """A report row as (cardholder, reference, amount, has a receipt)."""
    amount = Decimal(str(row["Amount"])).quantize(Decimal("0.01"))
    return row["Cardholder"], row["Reference"], amount, bool(row["Receipt File"])


def expected_rows(statement: GenStatement, with_receipt: list[GenLine]) -> set[tuple[str, str, Decimal, bool]]:
    """Every statement line, and whether a receipt was uploaded for it."""
    matched = {line.reference for line in with_receipt}
    return {
        (holder.name, line.reference, line.amount, line.reference in matched)
        for holder in statement.cardholders
        for line in holder.lines
    }

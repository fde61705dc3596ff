"""The walking skeleton end to end: upload → Kafka → extractor → matcher → reporter → report, on real infra."""

from __future__ import annotations

import asyncio
import io
import json
import uuid
from decimal import Decimal
from pathlib import Path

import httpx
import pytest
from recon_contracts import topics
from recon_contracts.db import (
    FileExtractionRow,
    MatchResultRow,
    MatchRunRow,
    OutboxRow,
    ProcessedEventRow,
    ProgressEventRow,
    ReceiptRow,
    ReportArtifactRow,
    SessionRow,
    TransactionRow,
)
from recon_contracts.db.engine import make_engine, make_sessionmaker
from sqlalchemy import func, select

from tests.e2e.journeys import expected_rows, follow_events, make_month, report_rows, row_key, upload, wait_status
from tests.e2e.kafka_probe import produce, read_all, wait_consumed
from tests.e2e.stack import Stack

pytestmark = pytest.mark.e2e


async def _scalar(stack: Stack, query):  # type: ignore[no-untyped-def]
    engine = make_engine(stack.database_url)
    try:
        async with make_sessionmaker(engine)() as db:
            return await db.scalar(query)
    finally:
        await engine.dispose()


async def _rows(stack: Stack, query):  # type: ignore[no-untyped-def]
    engine = make_engine(stack.database_url)
    try:
        async with make_sessionmaker(engine)() as db:
            return (await db.execute(query)).all()
    finally:
        await engine.dispose()


def test_upload_streams_progress_and_report_has_every_line(stack: Stack, tmp_path: Path) -> None:
    statement, statement_pdf, receipts, with_receipt = make_month(tmp_path, seed=11)
    response = upload(stack.url, [statement_pdf, *receipts])
    assert response.status_code == 202, response.text
    body = response.json()
    assert body["status"] == "processing"
    assert {f["status"] for f in body["files"]} == {"stored"}
    session_id = body["session_id"]

    events = follow_events(stack.url, session_id)
    stages = [e["stage"] for e in events]
    for stage in ("processing", "extracting", "matching", "reporting", "completed"):
        assert stage in stages, stages
    assert stages.index("extracting") < stages.index("matching") < stages.index("reporting") < stages.index("completed")
    assert [e["id"] for e in events] == sorted(e["id"] for e in events)

    # Resuming after an event id replays only what came after it.
    resumed = follow_events(stack.url, session_id, last_event_id=events[2]["id"])
    assert [e["id"] for e in resumed] == [e["id"] for e in events[3:]]

    rows = report_rows(stack.url, session_id)
    assert {row_key(r) for r in rows} == expected_rows(statement, with_receipt)
    assert len(rows) == statement.line_count
    assert {r["Read By"] for r in rows} == {"text"}
    # Without an expense report nobody has coding: a charge with a receipt misses its coding, one without
    # misses everything, and credits are credits.
    assert {(r["Status"], bool(r["Receipt File"]), Decimal(str(r["Amount"])) < 0) for r in rows} <= {
        ("Missing Coding", True, False),
        ("Missing All Receipts", False, False),
        ("Credit", False, True),
    }

    csv = httpx.get(f"{stack.url}/api/sessions/{session_id}/report", params={"format": "csv"}, timeout=30)
    assert csv.status_code == 200
    assert "attachment" in csv.headers["content-disposition"]
    assert csv.text.count("\r\n") == statement.line_count + 1

    detail = httpx.get(f"{stack.url}/api/sessions/{session_id}", timeout=10).json()
    assert detail["status"] == "completed"
    assert detail["total_transactions"] == statement.line_count
    assert detail["matched_count"] == len(with_receipt)


def test_same_event_twice_leaves_no_duplicates(stack: Stack, tmp_path: Path) -> None:
    statement, statement_pdf, _, _ = make_month(tmp_path, seed=12, cardholders=2)
    session_id = upload(stack.url, [statement_pdf]).json()["session_id"]
    wait_status(stack.url, session_id, {"completed"})
    sid = uuid.UUID(session_id)
    payload = asyncio.run(
        _scalar(
            stack, select(OutboxRow.payload).where(OutboxRow.key == session_id, OutboxRow.event_type == "FileUploaded")
        )
    )
    topic = stack.prefix + topics.FILE_UPLOADED.name
    for _ in range(2):
        asyncio.run(produce(stack.kafka_bootstrap, topic, session_id.encode(), json.dumps(payload).encode()))
    asyncio.run(wait_consumed(stack.kafka_bootstrap, stack.prefix + "extractor", topic))

    count = asyncio.run(
        _scalar(stack, select(func.count()).select_from(TransactionRow).where(TransactionRow.session_id == sid))
    )
    assert count == statement.line_count
    files = asyncio.run(
        _scalar(stack, select(func.count()).select_from(FileExtractionRow).where(FileExtractionRow.session_id == sid))
    )
    assert files == 1
    extracted = asyncio.run(
        _scalar(
            stack,
            select(func.count())
            .select_from(OutboxRow)
            .where(OutboxRow.key == session_id, OutboxRow.event_type == "SessionExtracted"),
        )
    )
    assert extracted == 1


def test_malformed_event_is_dead_lettered_and_session_fails_readably(stack: Stack) -> None:
    session_id = uuid.uuid4()

    async def create_session() -> None:
        engine = make_engine(stack.database_url)
        async with make_sessionmaker(engine).begin() as db:
            db.add(SessionRow(id=session_id, status="extracting"))
        await engine.dispose()

    asyncio.run(create_session())
    poison = b'{"event_type": "FileUploaded", "session_id": "%s", "upload_id": 42}' % str(session_id).encode()
    topic = stack.prefix + topics.FILE_UPLOADED.name
    asyncio.run(produce(stack.kafka_bootstrap, topic, str(session_id).encode(), poison))

    body = wait_status(stack.url, str(session_id), {"failed"}, timeout=60)
    assert "malformed message" in body["status_message"]
    letters = asyncio.run(read_all(stack.kafka_bootstrap, stack.prefix + topics.DEAD_LETTER.name))
    mine = [d for d in letters if d["session_id"] == str(session_id)]
    assert len(mine) == 1
    assert mine[0]["consumer"] == "extractor"
    assert mine[0]["source_topic"] == topic
    assert mine[0]["payload"] == poison.decode()

    # The partition is not blocked: later work on it still flows.
    asyncio.run(wait_consumed(stack.kafka_bootstrap, stack.prefix + "extractor", topic))


def test_extractor_killed_after_commit_loses_and_duplicates_nothing(stack: Stack, tmp_path: Path) -> None:
    statement, statement_pdf, receipts, _with_receipt = make_month(tmp_path, seed=13, cardholders=2)
    marker = tmp_path / "fault-fired"
    stack.stop("extractor")
    stack.start("extractor", {"FAULT_EXIT_AFTER_COMMIT": str(marker)})
    session_id = upload(stack.url, [statement_pdf, *receipts[:2]]).json()["session_id"]

    assert stack.wait_exit("extractor", timeout=90) == 137
    assert marker.exists()
    stack.start("extractor")
    wait_status(stack.url, session_id, {"completed"}, timeout=120)

    sid = uuid.UUID(session_id)
    assert (
        asyncio.run(
            _scalar(stack, select(func.count()).select_from(TransactionRow).where(TransactionRow.session_id == sid))
        )
        == statement.line_count
    )
    assert (
        asyncio.run(
            _scalar(
                stack, select(func.count()).select_from(FileExtractionRow).where(FileExtractionRow.session_id == sid)
            )
        )
        == 3
    )
    rows = report_rows(stack.url, session_id)
    assert sum(1 for r in rows if r["Receipt File"]) == 2
    processed = asyncio.run(
        _scalar(
            stack,
            select(func.count())
            .select_from(ProcessedEventRow)
            .where(
                ProcessedEventRow.consumer == "extractor",
                ProcessedEventRow.event_id.in_(
                    select(OutboxRow.event_id).where(
                        OutboxRow.key == session_id, OutboxRow.event_type == "FileUploaded"
                    )
                ),
            ),
        )
    )
    assert processed == 3


def test_a_bad_file_is_reported_and_the_rest_completes(stack: Stack, tmp_path: Path) -> None:
    statement, statement_pdf, _, _ = make_month(tmp_path, seed=14, cardholders=1)
    response = upload(
        stack.url,
        [statement_pdf],
        extra=[("broken.pdf", b"%PDF-1.7\n this is not really a pdf"), ("notes.exe", b"MZ\x90\x00binary")],
    )
    assert response.status_code == 202
    files = {f["filename"]: f for f in response.json()["files"]}
    assert files["notes.exe"]["status"] == "rejected"
    assert "judged from its content" in files["notes.exe"]["error"]
    session_id = response.json()["session_id"]
    detail = wait_status(stack.url, session_id, {"completed", "failed", "needs_attention"})
    assert detail["status"] == "completed"
    assert detail["total_transactions"] == statement.line_count
    failed = asyncio.run(
        _scalar(
            stack,
            select(FileExtractionRow.error).where(
                FileExtractionRow.session_id == uuid.UUID(session_id), FileExtractionRow.status == "failed"
            ),
        )
    )
    assert failed.startswith("broken.pdf: ")


def test_sessions_list_detail_delete(stack: Stack, tmp_path: Path) -> None:
    _, statement_pdf, _, _ = make_month(tmp_path, seed=15, cardholders=1)
    session_id = upload(stack.url, [statement_pdf]).json()["session_id"]
    wait_status(stack.url, session_id, {"completed"})
    page = httpx.get(f"{stack.url}/api/sessions", params={"page": 1, "page_size": 1}).json()
    assert page["page_size"] == 1 and len(page["items"]) == 1 and page["total"] >= 1
    assert page["has_next"] == (page["total"] > 1)
    assert httpx.get(f"{stack.url}/api/sessions", params={"page_size": 101}).status_code == 422
    assert httpx.delete(f"{stack.url}/api/sessions/{session_id}").status_code == 204
    gone = httpx.delete(f"{stack.url}/api/sessions/{session_id}")
    assert gone.status_code == 404
    assert gone.json()["error"]["code"] == "session_not_found"
    assert httpx.get(f"{stack.url}/api/sessions/{session_id}").status_code == 404
    assert not (stack.blob_root / "sessions" / session_id).exists()


def test_health_reports_both_dependencies(stack: Stack) -> None:
    body = httpx.get(f"{stack.url}/api/health").json()
    assert body["status"] == "healthy"
    assert body["database"] == "connected" and body["kafka"] == "connected"


def test_late_receipts_rematch_the_session(stack: Stack, tmp_path: Path) -> None:
    statement, statement_pdf, receipts, with_receipt = make_month(tmp_path, seed=16, cardholders=2)
    session_id = upload(stack.url, [statement_pdf]).json()["session_id"]
    wait_status(stack.url, session_id, {"completed"})
    assert not any(r["Receipt File"] for r in report_rows(stack.url, session_id))

    files = [("files", (p.name, p.read_bytes(), "application/pdf")) for p in receipts]
    added = httpx.post(f"{stack.url}/api/sessions/{session_id}/uploads", files=files, timeout=60)
    assert added.status_code == 202, added.text
    assert added.json()["status"] == "processing"
    busy = httpx.post(f"{stack.url}/api/sessions/{session_id}/uploads", files=files[:1], timeout=60)
    assert busy.status_code in (202, 409)  # 409 while the first batch is still being processed
    detail = wait_status(stack.url, session_id, {"completed"})
    rows = report_rows(stack.url, session_id)
    assert {row_key(r) for r in rows} == expected_rows(statement, with_receipt)
    assert detail["matched_count"] == len(with_receipt)
    missing = httpx.post(f"{stack.url}/api/sessions/{uuid.uuid4()}/uploads", files=files[:1], timeout=60)
    assert missing.status_code == 404


def test_rename_search_filter_and_paginate(stack: Stack, tmp_path: Path) -> None:
    statement, statement_pdf, _, _ = make_month(tmp_path, seed=17, cardholders=2)
    session_id = upload(stack.url, [statement_pdf]).json()["session_id"]
    wait_status(stack.url, session_id, {"completed"})
    name = f"March 2025 {uuid.uuid4().hex[:6]}"
    renamed = httpx.patch(f"{stack.url}/api/sessions/{session_id}", json={"name": name})
    assert renamed.status_code == 200 and renamed.json()["name"] == name
    assert httpx.patch(f"{stack.url}/api/sessions/{session_id}", json={"name": "  "}).status_code == 422
    found = httpx.get(f"{stack.url}/api/sessions", params={"q": name[-6:].upper()}).json()
    assert [s["id"] for s in found["items"]] == [session_id]
    assert httpx.get(f"{stack.url}/api/sessions", params={"q": name, "status": "failed"}).json()["total"] == 0
    first = httpx.get(f"{stack.url}/api/sessions/{session_id}", params={"page_size": 5}).json()
    assert first["lines_total"] == statement.line_count and len(first["transactions"]) == 5 and first["has_next"]
    pages = [first]
    while pages[-1]["has_next"]:
        pages.append(
            httpx.get(f"{stack.url}/api/sessions/{session_id}", params={"page_size": 5, "page": len(pages) + 1}).json()
        )
    ids = [t["id"] for p in pages for t in p["transactions"]]
    assert len(ids) == len(set(ids)) == statement.line_count


def test_expense_report_entries_and_attachments_are_stored(stack: Stack, tmp_path: Path) -> None:
    from openpyxl import load_workbook
    from recon_docgen.expense_exports import write_expense_csv
    from recon_docgen.expense_report import render_expense_report
    from recon_docgen.expense_scenario import make_expense_entries

    entries = make_expense_entries(31, 6, None, generated_dir=tmp_path / "img")
    report_pdf = tmp_path / "expenses.pdf"
    render_expense_report(entries, report_pdf)
    table = tmp_path / "expenses.csv"
    write_expense_csv(entries[:3], table)
    _, statement_pdf, _, _ = make_month(tmp_path, seed=31, cardholders=1)
    session_id = upload(stack.url, [statement_pdf, report_pdf, table]).json()["session_id"]
    wait_status(stack.url, session_id, {"completed"})

    response = httpx.get(f"{stack.url}/api/sessions/{session_id}/report", params={"format": "xlsx"}, timeout=30)
    sheet = load_workbook(io.BytesIO(response.content), read_only=True)["Expense entries"]
    rows = list(sheet.iter_rows(values_only=True))[1:]
    assert len(rows) == len(entries) + 3
    from_pdf = sorted((r[0], Decimal(str(r[3])), r[8]) for r in rows if r[8] is not None and r[8] > 0)
    expected = sorted((e.employee, e.amount, len(e.images)) for e in entries if e.images)
    assert [(n, round(a, 4), k) for n, a, k in from_pdf] == [(n, a, k) for n, a, k in expected]

    # Each attached image is a file of its own: the receipt shows without its report.
    import hashlib

    attached = asyncio.run(
        _rows(
            stack,
            select(ReceiptRow.id, ReceiptRow.image_sha256).where(
                ReceiptRow.session_id == uuid.UUID(session_id), ReceiptRow.expense_entry_id.is_not(None)
            ),
        )
    )
    assert len(attached) == sum(len(e.images) for e in entries)
    for receipt_id, sha in attached[:4]:
        image = httpx.get(f"{stack.url}/api/sessions/{session_id}/receipts/{receipt_id}/file", timeout=10)
        assert image.status_code == 200 and image.headers["content-type"].startswith("image/")
        extension = {"image/jpeg": ".jpg", "image/png": ".png"}[image.headers["content-type"]]
        assert image.headers["content-disposition"].endswith(extension), image.headers["content-disposition"]
        assert hashlib.sha256(image.content).hexdigest() == sha
    other = httpx.get(f"{stack.url}/api/sessions/{uuid.uuid4()}/receipts/{attached[0][0]}/file", timeout=10)
    assert other.status_code == 404


def test_a_photographed_receipt_is_read_by_ocr(stack: Stack, tmp_path: Path) -> None:
    import json as json_module

    sample = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "sroie-dev"
    image, key = sample / "img" / "001.jpg", json_module.loads((sample / "key" / "001.json").read_text())
    _, statement_pdf, _, _ = make_month(tmp_path, seed=51, cardholders=1)
    session_id = upload(stack.url, [statement_pdf, image]).json()["session_id"]
    wait_status(stack.url, session_id, {"completed"}, timeout=180)
    response = httpx.get(f"{stack.url}/api/sessions/{session_id}/report", params={"format": "xlsx"}, timeout=30)
    from openpyxl import load_workbook

    [receipt] = list(
        load_workbook(io.BytesIO(response.content), read_only=True)["Receipts"].iter_rows(values_only=True)
    )[1:]
    assert receipt[0] == "001.jpg"
    assert Decimal(str(receipt[3])).quantize(Decimal("0.01")) == Decimal(key["total"])
    receipt_id = asyncio.run(
        _scalar(stack, select(ReceiptRow.id).where(ReceiptRow.session_id == uuid.UUID(session_id)))
    )
    photo = httpx.get(f"{stack.url}/api/sessions/{session_id}/receipts/{receipt_id}/file", timeout=10)
    assert photo.status_code == 200 and photo.content == image.read_bytes()
    assert photo.headers["content-type"] == "image/jpeg"


def test_a_scanned_statement_is_read_by_ocr_and_says_so(stack: Stack, tmp_path: Path) -> None:
    from recon_docgen.scanned_copy import scan_pdf
    from recon_docgen.scenario import make_statement
    from recon_docgen.wex_pdf import render_wex_statement

    statement = make_statement(61, cardholders=2, lines_per_cardholder=(6, 8), credit_ratio=0.1)
    render_wex_statement(statement, tmp_path / "text.pdf")
    pages = scan_pdf(tmp_path / "text.pdf", tmp_path / "scanned-statement.pdf")
    session_id = upload(stack.url, [tmp_path / "scanned-statement.pdf"]).json()["session_id"]
    detail = wait_status(stack.url, session_id, {"completed", "failed", "needs_attention"}, timeout=300)
    assert detail["status"] == "completed", detail["status_message"]
    assert detail["name"] == statement.period_start.strftime("%B %Y")
    assert detail["status_message"].endswith("; 1 file(s) with warnings to check (Files sheet)")

    detail = httpx.get(f"{stack.url}/api/sessions/{session_id}", params={"page_size": 500}, timeout=10).json()
    [upload_row] = detail["uploads"]
    assert upload_row["extraction"] == {
        "status": "extracted",
        "document_kind": "statement",
        "pages": pages,
        "error": None,
        "warnings": [
            f"pages 1-{pages} had no text layer and were read by OCR: lower confidence, check their lines "
            "against the statement"
        ],
        "findings": [],
        "duplicate_of": None,
        "period_start": statement.period_start.isoformat(),
        "period_end": statement.period_end.isoformat(),
    }
    got = sorted((t["reference_number"], Decimal(t["amount"])) for t in detail["transactions"])
    assert got == sorted((line.reference, line.net) for line in statement.lines)
    assert {t["read_by"] for t in detail["transactions"]} == {"ocr"}
    from openpyxl import load_workbook

    report = httpx.get(f"{stack.url}/api/sessions/{session_id}/report", params={"format": "xlsx"}, timeout=30)
    files = list(load_workbook(io.BytesIO(report.content), read_only=True)["Files"].iter_rows(values_only=True))
    assert {r["Read By"] for r in report_rows(stack.url, session_id)} == {"OCR"}
    assert files[1:] == [
        ("scanned-statement.pdf", "statement", pages, "extracted", upload_row["extraction"]["warnings"][0])
    ]


@pytest.mark.parametrize("service", ["matcher", "reporter"])
def test_a_service_killed_after_commit_loses_and_duplicates_nothing(stack: Stack, tmp_path: Path, service: str) -> None:
    statement, statement_pdf, receipts, with_receipt = make_month(tmp_path, seed=71, cardholders=2)
    marker = tmp_path / "fault-fired"
    stack.stop(service)
    stack.start(service, {"FAULT_EXIT_AFTER_COMMIT": str(marker)})
    session_id = upload(stack.url, [statement_pdf, *receipts]).json()["session_id"]

    assert stack.wait_exit(service, timeout=90) == 137  # died between its commit and its offset commit
    assert marker.exists()
    stack.start(service)
    wait_status(stack.url, session_id, {"completed"}, timeout=120)

    sid = uuid.UUID(session_id)
    runs = asyncio.run(
        _scalar(stack, select(func.count()).select_from(MatchRunRow).where(MatchRunRow.session_id == sid))
    )
    results = asyncio.run(
        _scalar(stack, select(func.count()).select_from(MatchResultRow).where(MatchResultRow.session_id == sid))
    )
    formats = asyncio.run(
        _scalar(
            stack,
            select(func.array_agg(ReportArtifactRow.format)).where(ReportArtifactRow.session_id == sid),
        )
    )
    completions = asyncio.run(
        _scalar(
            stack,
            select(func.count())
            .select_from(ProgressEventRow)
            .where(ProgressEventRow.session_id == sid, ProgressEventRow.stage == "completed"),
        )
    )
    assert (runs, results) == (1, statement.line_count)
    assert sorted(formats) == ["csv", "pvault", "xlsx"] and completions == 1
    rows = report_rows(stack.url, session_id)
    assert {row_key(r) for r in rows} == expected_rows(statement, with_receipt)


def test_every_bad_upload_is_named_and_the_good_file_still_lands(stack: Stack, tmp_path: Path) -> None:
    from recon_docgen.bad_inputs import bad_input_corpus

    corpus = bad_input_corpus()
    statement, statement_pdf, _, _ = make_month(tmp_path, seed=81, cardholders=1)
    response = upload(stack.url, [statement_pdf], extra=[(bad.name, bad.data) for bad in corpus])
    assert response.status_code == 202, response.text
    session_id = response.json()["session_id"]
    detail = wait_status(stack.url, session_id, {"completed", "failed", "needs_attention"}, timeout=180)
    assert detail["status"] == "completed" and detail["total_transactions"] == statement.line_count

    uploads = {u["filename"]: u for u in httpx.get(f"{stack.url}/api/sessions/{session_id}").json()["uploads"]}
    for bad in corpus:
        got = uploads[bad.name]
        # Refused at the door (its bytes are no document we read), or read and refused by the extractor.
        error = got["error"] if got["status"] == "rejected" else (got["extraction"] or {}).get("error")
        assert error, f"{bad.name}: no error reported"
        if got["status"] != "rejected":
            assert error.startswith(f"{bad.name}: ") and bad.expect in error, error
    assert uploads[statement_pdf.name]["extraction"]["status"] == "extracted"

"""Sessions: list, detail, delete, report download and the server-sent progress stream."""

from __future__ import annotations

import asyncio
import contextlib
import json
import uuid
from collections.abc import AsyncIterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header, Query, Request, Response, status
from fastapi.responses import FileResponse, StreamingResponse
from recon_contracts.db import ProgressEventRow

from recon_gateway.adapters import attention_store, session_store
from recon_gateway.api.deps import DbDep, RuntimeDep, SettingsDep
from recon_gateway.api.errors import ApiError
from recon_gateway.api.schemas import (
    ErrorResponse,
    Session,
    SessionChange,
    SessionDetail,
    SessionPage,
    SessionStatus,
)
from recon_gateway.domain.attention import attention_reasons
from recon_gateway.domain.file_types import download_name
from recon_gateway.domain.session_status import TERMINAL

router = APIRouter(prefix="/api/sessions", tags=["sessions"])
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorResponse, "description": "no such session, or it has expired"}
}
MEDIA_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "pvault": "text/csv; charset=utf-8",
}


def _not_found(session_id: uuid.UUID) -> ApiError:
    return ApiError(404, "session_not_found", f"session {session_id} does not exist or has expired")


@router.get("", response_model=SessionPage)
async def list_sessions(
    db: DbDep,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    page_size: Annotated[int, Query(ge=1, le=100)] = 50,
    q: Annotated[str | None, Query(max_length=200, description="search in session names")] = None,
    status: Annotated[SessionStatus | None, Query(description="only sessions in this status")] = None,
) -> SessionPage:
    """Sessions of the last 90 days, newest first."""
    rows, total = await session_store.list_sessions(db, page=page, page_size=page_size, query=q, status=status)
    open_lines = await session_store.open_line_counts(db, [r.id for r in rows])
    return SessionPage(
        items=[Session.model_validate(r).model_copy(update={"open_lines": open_lines.get(r.id, 0)}) for r in rows],
        total=total,
        page=page,
        page_size=page_size,
        has_next=page * page_size < total,
    )


@router.get("/{session_id}", response_model=SessionDetail, responses=NOT_FOUND)
async def get_session(
    session_id: uuid.UUID,
    db: DbDep,
    page: Annotated[int, Query(ge=1, le=1_000_000, description="page of card lines")] = 1,
    page_size: Annotated[int, Query(ge=1, le=500)] = 100,
) -> SessionDetail:
    """The session with its files and cardholders, and one page of card lines with their matches."""
    session = await session_store.get_live_session(db, session_id)
    if session is None:
        raise _not_found(session_id)
    children = await session_store.session_children(db, session_id, offset=(page - 1) * page_size, limit=page_size)
    lines_total = await session_store.count_lines(db, session_id)
    files = await attention_store.file_states(db, session_id)
    periods = sorted({f.period for f in files if f.is_statement and f.period[1] is not None}, key=lambda p: p[1])
    open_lines = await session_store.open_line_counts(db, [session_id])
    return SessionDetail.model_validate(
        {
            **Session.model_validate(session).model_dump(),
            "open_lines": open_lines.get(session_id, 0),
            **children,
            "attention": attention_reasons(files) if session.status == "needs_attention" else [],
            "periods": [{"start": start, "end": end} for start, end in periods],
            "page": page,
            "page_size": page_size,
            "lines_total": lines_total,
            "has_next": page * page_size < lines_total,
        }
    )


@router.patch("/{session_id}", response_model=Session, responses=NOT_FOUND)
async def rename_session(session_id: uuid.UUID, change: SessionChange, db: DbDep) -> Session:
    """Rename a session."""
    session = await session_store.get_live_session(db, session_id, for_update=True)
    if session is None:
        raise _not_found(session_id)
    session.name = change.name.strip()
    await db.flush()
    await db.refresh(session)
    open_lines = await session_store.open_line_counts(db, [session_id])
    renamed = Session.model_validate(session).model_copy(update={"open_lines": open_lines.get(session_id, 0)})
    await db.commit()
    return renamed


@router.delete("/{session_id}", status_code=status.HTTP_204_NO_CONTENT, responses=NOT_FOUND)
async def delete_session(session_id: uuid.UUID, db: DbDep, runtime: RuntimeDep) -> Response:
    """Delete the session, everything extracted from it and its files."""
    if not await session_store.delete_session(db, session_id):
        raise _not_found(session_id)
    await db.commit()
    runtime.blobs.delete_prefix(f"sessions/{session_id}")
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/{session_id}/report",
    responses={
        200: {"content": {m: {} for m in MEDIA_TYPES.values()}, "description": "the report file"},
        409: {
            "model": ErrorResponse,
            "description": "the report is not ready yet, or (pvault) the session needs attention first",
        },
        **NOT_FOUND,
    },
    response_class=Response,
)
async def download_report(
    session_id: uuid.UUID, db: DbDep, runtime: RuntimeDep, format: Literal["xlsx", "csv", "pvault"] = "xlsx"
) -> Response:
    """The session's report: the workbook, the lines as CSV, or the pvault AP-import CSV (complete cardholders)."""
    session = await session_store.get_live_session(db, session_id)
    if session is None:
        raise _not_found(session_id)
    if format == "pvault" and (reasons := attention_reasons(await attention_store.file_states(db, session_id))):
        raise ApiError(409, "ap_import_withheld", f"the AP import is withheld: {'; '.join(reasons)}")
    artifact = await session_store.report_artifact(db, session_id, format)
    if artifact is None:
        raise ApiError(409, "report_not_ready", f"the {format} report of this session is not ready yet")
    kind, extension = ("pvault_import", "csv") if format == "pvault" else ("reconciliation", format)
    name = f"{kind}_{session.name or session_id}_{session.created_at:%Y-%m-%d}.{extension}".replace(" ", "_")
    return FileResponse(runtime.blobs.local_path(artifact.blob_ref), media_type=MEDIA_TYPES[format], filename=name)


@router.get(
    "/{session_id}/receipts/{receipt_id}/file",
    responses={
        200: {"content": {"image/jpeg": {}, "image/png": {}, "application/pdf": {}}, "description": "the receipt"},
        409: {"model": ErrorResponse, "description": "the receipt is a page of its expense report, not a file"},
        **NOT_FOUND,
    },
    response_class=Response,
)
async def receipt_file(session_id: uuid.UUID, receipt_id: uuid.UUID, db: DbDep, runtime: RuntimeDep) -> Response:
    """A receipt as it was uploaded (a photo or PDF), or an expense report's attached image on its own."""
    if await session_store.get_live_session(db, session_id) is None:
        raise _not_found(session_id)
    receipt = await session_store.receipt(db, session_id, receipt_id)
    if receipt is None:
        raise ApiError(404, "receipt_not_found", f"session {session_id} has no receipt {receipt_id}")
    if "#" in receipt.file_path:
        raise ApiError(409, "receipt_not_stored_alone", f"the receipt is on page {receipt.page} of its expense report")
    path = runtime.blobs.local_path(receipt.file_path)
    name = download_name(receipt.file_name, receipt.mime_type)
    return FileResponse(path, media_type=receipt.mime_type, filename=name, content_disposition_type="inline")


def _sse(row: ProgressEventRow, status_now: str) -> str:
    """One event as SSE, with the session status it left (`status_now` only for events stored before that)."""
    data = {
        "id": row.id,
        "session_id": str(row.session_id),
        "service": row.service,
        "stage": row.stage,
        "message": row.message,
        "current": row.current,
        "total": row.total,
        "occurred_at": row.occurred_at.isoformat(),
        "session_status": row.session_status or status_now,
    }
    return f"id: {row.id}\nevent: progress\ndata: {json.dumps(data)}\n\n"


async def _draining_within(request: Request, seconds: float) -> bool:
    """Wait up to `seconds`; True as soon as the gateway is stopping."""
    draining: asyncio.Event = request.app.state.draining
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(draining.wait(), seconds)
    return draining.is_set()


@router.get(
    "/{session_id}/events",
    responses={200: {"content": {"text/event-stream": {}}, "description": "progress events"}, **NOT_FOUND},
    response_class=StreamingResponse,
)
async def session_events(
    session_id: uuid.UUID,
    request: Request,
    runtime: RuntimeDep,
    settings: SettingsDep,
    last_event_id: Annotated[str | None, Header()] = None,
) -> StreamingResponse:
    """Server-sent progress; resumes after Last-Event-ID and ends once the session is finished.

    It also ends when the gateway stops (the client reconnects, with Last-Event-ID, to a running one).
    """
    after = int(last_event_id) if last_event_id and last_event_id.isdigit() else 0
    async with runtime.sessionmaker() as db:
        if await session_store.get_live_session(db, session_id) is None:
            raise _not_found(session_id)

    async def stream() -> AsyncIterator[str]:
        nonlocal after
        quiet = 0.0
        yield "retry: 2000\n\n"
        while True:
            async with runtime.sessionmaker() as db:
                session = await session_store.get_live_session(db, session_id)
                rows = await session_store.progress_after(db, session_id, after)
            if session is None:
                yield "event: gone\ndata: {}\n\n"
                return
            for row in rows:
                yield _sse(row, session.status)
                after = row.id
            if session.status in TERMINAL and not rows:
                yield f"event: end\ndata: {json.dumps({'session_status': session.status})}\n\n"
                return
            if await request.is_disconnected() or await _draining_within(request, settings.sse_poll_seconds):
                return
            quiet = 0.0 if rows else quiet + settings.sse_poll_seconds
            if quiet >= settings.sse_keepalive_seconds:
                quiet = 0.0
                yield ": keep-alive\n\n"

    return StreamingResponse(
        stream(), media_type="text/event-stream", headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
    )

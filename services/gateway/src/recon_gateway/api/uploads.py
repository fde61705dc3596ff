"""POST /api/upload: a new session from streamed files."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request, status
from recon_contracts.db import SessionRow, UploadRow
from recon_contracts.db.sessions import WORKING_STATUSES
from recon_contracts.outbox import stage
from recon_contracts.worker import Runtime
from sqlalchemy.ext.asyncio import AsyncSession

from recon_gateway.adapters.session_store import batch_rows, get_live_session
from recon_gateway.adapters.streaming_upload import (
    MalformedUploadError,
    ReceivedFile,
    StreamingUpload,
    UploadLimits,
    UploadTooLargeError,
)
from recon_gateway.adapters.upload_quota import processing_sessions
from recon_gateway.api.deps import RuntimeDep, SettingsDep
from recon_gateway.api.errors import ApiError
from recon_gateway.api.schemas import ErrorResponse, UploadAccepted, UploadedFile
from recon_gateway.auth.access import UserDep
from recon_gateway.settings import GatewaySettings

router = APIRouter(prefix="/api", tags=["uploads"])

_UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["files"],
                    "properties": {
                        "files": {
                            "type": "array",
                            "minItems": 1,
                            "items": {"type": "string", "format": "binary"},
                            "description": "statements, expense reports and receipts (PDF, JPEG, PNG, HEIC, CSV, XLSX)",
                        },
                        "allow_other_period": {
                            "type": "boolean",
                            "default": False,
                            "description": "accept a statement of another period than the session's (the session "
                            "then spans both); without it such a statement is refused",
                        },
                    },
                }
            }
        },
    }
}


TOO_LARGE = {"model": ErrorResponse, "description": "more files than allowed, or a larger request; nothing is kept"}
QUOTA = {"model": ErrorResponse, "description": "the user has MAX_PROCESSING_SESSIONS_PER_USER sessions processing"}
_FLAGS = {"true": True, "1": True, "yes": True, "on": True, "false": False, "0": False, "no": False, "off": False}


def _allow_other_period(fields: dict[str, str]) -> bool:
    value = fields.get("allow_other_period", "false").strip().lower()
    if value not in _FLAGS:
        raise ApiError(400, "malformed_upload", f"allow_other_period must be true or false, not {value[:20]!r}")
    return _FLAGS[value]


async def _receive(
    request: Request, runtime: Runtime, settings: GatewaySettings, session_id: uuid.UUID
) -> tuple[list[ReceivedFile], bool]:
    """Stream the request's files into the session's folder; 400 when nothing usable arrived. Returns the
    files and whether a statement of another period may join the session; 413 (nothing kept) when the request
    is over the file count or the request size."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > settings.max_request_bytes:
        raise ApiError(413, "upload_too_large", f"the upload is larger than {settings.max_request_bytes} bytes")
    limits = UploadLimits(
        settings.max_file_bytes, settings.max_session_bytes, settings.max_files, settings.max_request_bytes
    )
    try:
        parser = StreamingUpload(
            content_type=request.headers.get("content-type", ""),
            store=runtime.blobs,
            key_prefix=f"sessions/{session_id}/uploads",
            limits=limits,
        )
        files = await parser.consume(request.stream())
    except UploadTooLargeError as exc:
        raise ApiError(413, "upload_too_large", str(exc)) from exc
    except MalformedUploadError as exc:
        raise ApiError(400, "malformed_upload", str(exc)) from exc
    except ValueError as exc:  # python-multipart's own parse errors
        raise ApiError(400, "malformed_upload", f"the multipart body could not be parsed: {exc}") from exc
    if not any(f.stored for f in files):
        rejected = [{"filename": f.filename, "error": f.error} for f in files]
        message = "no file was accepted" if files else "the upload holds no files (send them as 'files' parts)"
        raise ApiError(400, "no_files_accepted", message, rejected)
    try:
        return files, _allow_other_period(parser.fields)
    except ApiError:
        for f in files:
            if f.blob is not None:
                runtime.blobs.delete(f.blob.ref)
        raise


async def _within_quota(db: AsyncSession, actor: str, limit: int, *, hold: bool = False) -> None:
    """429 when the user already has `limit` sessions processing (0: no limit)."""
    if limit > 0 and (working := await processing_sessions(db, actor, hold=hold)) >= limit:
        raise ApiError(
            429,
            "too_many_processing_sessions",
            f"{actor} has {working} sessions processing (MAX_PROCESSING_SESSIONS_PER_USER={limit}); "
            "upload again once one has finished",
        )


def _accepted(session: SessionRow, uploads: list[UploadRow]) -> UploadAccepted:
    return UploadAccepted(
        session_id=session.id,
        status=session.status,
        created_at=session.created_at,
        expires_at=session.expires_at,
        files=[UploadedFile.model_validate(u) for u in uploads],
    )


@router.post(
    "/upload",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=UploadAccepted,
    responses={400: {"model": ErrorResponse}, 413: TOO_LARGE, 429: QUOTA},
    openapi_extra=_UPLOAD_BODY,
)
async def upload(request: Request, runtime: RuntimeDep, settings: SettingsDep, user: UserDep) -> UploadAccepted:
    """Stream the files to the blob store, create the session, and queue every accepted file for extraction."""
    session_id, batch_id = uuid.uuid4(), uuid.uuid4()
    async with runtime.sessionmaker() as db:  # refused before any byte is stored
        await _within_quota(db, user.actor, settings.max_processing_sessions_per_user)
    try:
        files, allow_other_period = await _receive(request, runtime, settings, session_id)
        uploads, events = batch_rows(session_id, batch_id, files, allow_other_period=allow_other_period)
        session = SessionRow(
            id=session_id, status="processing", upload_count=sum(f.stored for f in files), created_by=user.actor
        )
        async with runtime.sessionmaker.begin() as db:
            await _within_quota(db, user.actor, settings.max_processing_sessions_per_user, hold=True)
            db.add(session)
            await db.flush()
            db.add_all(uploads)
            stage(db, *events)
            await db.flush()
            await db.refresh(session)  # server defaults: created_at, expires_at
    except BaseException:
        runtime.blobs.delete_prefix(f"sessions/{session_id}")
        raise
    return _accepted(session, uploads)


@router.post(
    "/sessions/{session_id}/uploads",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=UploadAccepted,
    responses={
        400: {"model": ErrorResponse},
        413: TOO_LARGE,
        404: {"model": ErrorResponse, "description": "no such session, or it has expired"},
        409: {"model": ErrorResponse, "description": "the session is still processing its previous files"},
    },
    openapi_extra=_UPLOAD_BODY,
)
async def add_uploads(
    session_id: uuid.UUID, request: Request, runtime: RuntimeDep, settings: SettingsDep
) -> UploadAccepted:
    """Add files to a finished session (a newer expense report, late receipts); it re-extracts and re-matches."""
    async with runtime.sessionmaker() as db:
        current = await get_live_session(db, session_id)
    if current is None:
        raise ApiError(404, "session_not_found", f"session {session_id} does not exist or has expired")
    if current.status in WORKING_STATUSES:
        raise ApiError(409, "session_busy", "the session is still processing; add files once it has finished")
    batch_id = uuid.uuid4()
    files, allow_other_period = await _receive(request, runtime, settings, session_id)
    uploads, events = batch_rows(session_id, batch_id, files, allow_other_period=allow_other_period)
    async with runtime.sessionmaker.begin() as db:
        session = await get_live_session(db, session_id, for_update=True)
        if session is None or session.status in WORKING_STATUSES:
            for f in files:
                if f.blob is not None:
                    runtime.blobs.delete(f.blob.ref)
            raise ApiError(409, "session_busy", "the session changed while the files were uploading; try again")
        db.add_all(uploads)
        session.status = "processing"
        session.status_message = None
        session.upload_count += sum(f.stored for f in files)
        stage(db, *events)
        await db.flush()
        await db.refresh(session)
    return _accepted(session, uploads)

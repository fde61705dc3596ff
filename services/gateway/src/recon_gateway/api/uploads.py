"""POST /api/upload: a new session from streamed files."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request, status
from recon_contracts.outbox import stage

from recon_gateway.adapters.session_store import new_session_rows
from recon_gateway.adapters.streaming_upload import MalformedUploadError, StreamingUpload, UploadLimits
from recon_gateway.api.deps import RuntimeDep, SettingsDep
from recon_gateway.api.errors import ApiError
from recon_gateway.api.schemas import ErrorResponse, UploadAccepted, UploadedFile

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
                        "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
                        "name": {"type": "string", "description": "optional session name"},
                    },
                }
            }
        },
    }
}


@router.post(
    "/upload",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=UploadAccepted,
    responses={400: {"model": ErrorResponse}, 422: {"model": ErrorResponse}},
    openapi_extra=_UPLOAD_BODY,
)
async def upload(request: Request, runtime: RuntimeDep, settings: SettingsDep) -> UploadAccepted:
    """Stream the files to the blob store, create the session, and queue every accepted file for extraction."""
    session_id, batch_id = uuid.uuid4(), uuid.uuid4()
    try:
        parser = StreamingUpload(
            content_type=request.headers.get("content-type", ""),
            store=runtime.blobs,
            key_prefix=f"sessions/{session_id}/uploads",
            limits=UploadLimits(settings.max_file_bytes, settings.max_session_bytes, settings.max_files),
        )
        files = await parser.consume(request.stream())
    except MalformedUploadError as exc:
        raise ApiError(400, "malformed_upload", str(exc)) from exc
    except ValueError as exc:  # python-multipart's own parse errors
        runtime.blobs.delete_prefix(f"sessions/{session_id}")
        raise ApiError(400, "malformed_upload", f"the multipart body could not be parsed: {exc}") from exc
    rejected = [{"filename": f.filename, "error": f.error} for f in files if not f.stored]
    if not any(f.stored for f in files):
        runtime.blobs.delete_prefix(f"sessions/{session_id}")
        message = "no file was accepted" if files else "the upload holds no files (send them as 'files' parts)"
        raise ApiError(400, "no_files_accepted", message, rejected)
    session, uploads, events = new_session_rows(session_id, None, batch_id, files)
    async with runtime.sessionmaker.begin() as db:
        db.add(session)
        await db.flush()
        db.add_all(uploads)
        stage(db, *events)
        await db.flush()
        await db.refresh(session)  # server defaults: created_at, expires_at
    return UploadAccepted(
        session_id=session.id,
        status=session.status,
        created_at=session.created_at,
        expires_at=session.expires_at,
        files=[UploadedFile.model_validate(u) for u in uploads],
    )

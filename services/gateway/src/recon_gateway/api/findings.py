"""A reviewer accepts what a statement's reader could not account for, so the AP import may go ahead."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field
from recon_contracts.db.sessions import WORKING_STATUSES

from recon_gateway.adapters import attention_store, review_store, session_store
from recon_gateway.api.deps import DbDep
from recon_gateway.api.errors import ApiError
from recon_gateway.api.schemas import ErrorResponse, FindingsAcceptance, SessionStatus
from recon_gateway.auth.access import UserDep
from recon_gateway.domain.attention import attention_reasons

router = APIRouter(prefix="/api/sessions/{session_id}/files/{upload_id}", tags=["review"])
ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorResponse, "description": "no such session or file"},
    409: {"model": ErrorResponse, "description": "the session is busy, or the file has no findings to accept"},
}


class FindingsAccept(BaseModel):
    reason: str = Field(min_length=1, max_length=2000, pattern=r"\S", description="why the lines may be used")


class FindingsAccepted(BaseModel):
    upload_id: uuid.UUID
    acceptance: FindingsAcceptance
    session_status: SessionStatus
    attention: list[str] = Field(description="what still needs a person; empty when nothing does")


@router.post("/findings/accept", response_model=FindingsAccepted, responses=ERRORS)
async def accept_findings(
    session_id: uuid.UUID, upload_id: uuid.UUID, body: FindingsAccept, db: DbDep, user: UserDep
) -> FindingsAccepted:
    """Accept a statement's findings (audited): once none is open, the session is completed and its AP import
    is released."""
    session = await session_store.get_live_session(db, session_id, for_update=True)
    if session is None:
        raise ApiError(404, "session_not_found", f"session {session_id} does not exist or has expired")
    if session.status in WORKING_STATUSES:
        raise ApiError(409, "session_busy", "the session is still processing; accept findings once it has finished")
    found = await attention_store.upload_with_extraction(db, session_id, upload_id)
    if found is None:
        raise ApiError(404, "file_not_found", f"session {session_id} has no file {upload_id}")
    upload, extraction = found
    if extraction is None or not extraction.findings:
        raise ApiError(409, "no_findings", f"{upload.filename} has no findings to accept")
    if upload.findings_accepted_by is not None:
        raise ApiError(
            409, "already_accepted", f"the findings of {upload.filename} were accepted by {upload.findings_accepted_by}"
        )
    reviewer, reason = user.actor, body.reason.strip()
    upload.findings_accepted_by, upload.findings_accept_reason = reviewer, reason
    upload.findings_accepted_at = datetime.now(UTC)
    review_store.audit(
        db,
        session_id=session_id,
        actor=reviewer,
        action="findings.accept",
        target_type="file",
        target_id=str(upload_id),
        before={"filename": upload.filename, "findings": extraction.findings},
        after={"reason": reason},
    )
    await db.flush()
    reasons = attention_reasons(await attention_store.file_states(db, session_id))
    if session.status == "needs_attention" and not reasons:
        session.status = "completed"
        session.status_message = f"completed: the findings of {upload.filename} were accepted by {reviewer}"
    elif session.status == "needs_attention":
        session.status_message = "needs attention: " + "; ".join(reasons)
    acceptance = FindingsAcceptance(accepted_by=reviewer, accepted_at=upload.findings_accepted_at, reason=reason)
    return FindingsAccepted.model_validate(
        {"upload_id": upload_id, "acceptance": acceptance, "session_status": session.status, "attention": reasons}
    )

"""Review: what needs a person, their decisions on lines and cardholder aliases, and the audit log."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from fastapi import APIRouter, status
from pydantic import BaseModel, ConfigDict, Field
from recon_contracts.db.sessions import WORKING_STATUSES
from recon_contracts.events import ReviewRecorded
from recon_contracts.outbox import stage

from recon_gateway.adapters import review_store, session_store
from recon_gateway.api.decisions import idle_session
from recon_gateway.api.deps import DbDep
from recon_gateway.api.errors import ApiError
from recon_gateway.api.paging import Page, PagingDep
from recon_gateway.api.schemas import ErrorResponse
from recon_gateway.auth.access import UserDep

router = APIRouter(prefix="/api/sessions/{session_id}", tags=["review"])
ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorResponse, "description": "no such session or line"},
    409: {"model": ErrorResponse, "description": "the session is still processing"},
}


class Suggestion(BaseModel):
    kind: str = Field(
        description="line_split_over_entries or receipt_covers_lines: accept it with POST /decisions, the parts "
        "sharing one split label"
    )
    lines: list[uuid.UUID]
    entries: list[uuid.UUID]
    receipts: list[uuid.UUID]
    reasons: list[str]


class ReviewLine(BaseModel):
    transaction_id: uuid.UUID
    cardholder_id: uuid.UUID | None
    cardholder: str | None
    transaction_date: date
    amount: Decimal
    merchant: str
    match_status: str
    line_status: str | None
    confidence: float
    reasons: str | None
    candidates: list[Any]
    suggestions: list[Suggestion]


class IdentitySuggestion(BaseModel):
    name: str = Field(description="the name as the expense report prints it")
    cardholder: str | None = Field(description="the statement cardholder it probably is")
    cardholder_id: uuid.UUID | None = Field(description="that cardholder's id in this session")
    employee_number: str | None = Field(description="that cardholder's employee number as printed (shown only)")
    score: float
    reasons: list[str]


class ReviewQueue(BaseModel):
    lines: list[ReviewLine] = Field(description="one page of the lines that need a person")
    identity_suggestions: list[IdentitySuggestion]
    total: int = Field(description="how many lines need a person")
    page: int
    page_size: int
    has_next: bool


class AliasDecision(BaseModel):
    alias: str = Field(min_length=1, max_length=200, description="the name as the expense report prints it")
    cardholder_name: str = Field(min_length=1, max_length=200, description="the statement's cardholder name")
    employee_number: str | None = Field(default=None, max_length=50)
    decision: Literal["confirm", "reject"]


class AuditEntry(BaseModel):
    id: uuid.UUID = Field(validation_alias="public_id")
    actor: str
    action: str
    target_type: str
    target_id: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    at: datetime


@router.get("/review", response_model=ReviewQueue, responses=ERRORS)
async def review_queue(session_id: uuid.UUID, db: DbDep, paging: PagingDep) -> ReviewQueue:
    """Lines the matcher sent to a person (with the candidates it hesitated between) and unknown names."""
    session = await session_store.get_live_session(db, session_id)
    if session is None:
        raise ApiError(404, "session_not_found", f"session {session_id} does not exist or has expired")
    if session.status in WORKING_STATUSES:
        raise ApiError(409, "session_busy", "the session is still processing; its review queue follows once it ends")
    found, total = await review_store.lines_needing_review(db, session_id, offset=paging.offset, limit=paging.page_size)
    lines = [
        ReviewLine(
            transaction_id=tx.id,
            cardholder_id=employee.id if employee else None,
            cardholder=employee.name if employee else None,
            transaction_date=tx.transaction_date,
            amount=tx.amount,
            merchant=tx.merchant_name,
            match_status=match.match_status,
            line_status=match.line_status,
            confidence=match.confidence_score,
            reasons=match.match_reason,
            candidates=match.candidates,
            suggestions=[Suggestion.model_validate(x) for x in match.matching_factors.get("suggestions", [])],
        )
        for tx, match, employee in found
    ]
    summary = await review_store.latest_run_summary(db, session_id)
    holders = await review_store.cardholder_ids(db, session_id)
    suggestions = [
        IdentitySuggestion.model_validate(
            s | {"cardholder_id": holders.get(s.get("cardholder") or ""), "employee_number": s.get("employee_id")}
        )
        for s in summary.get("identity_suggestions", [])
    ]
    page = Page[ReviewLine].of(lines, total, paging)
    return ReviewQueue(identity_suggestions=suggestions, lines=page.items, **page.model_dump(exclude={"items"}))


@router.post("/cardholder-aliases", status_code=status.HTTP_201_CREATED, response_model=AuditEntry, responses=ERRORS)
async def decide_alias(session_id: uuid.UUID, decision: AliasDecision, db: DbDep, user: UserDep) -> AuditEntry:
    """Confirm (applies automatically from now on, in every month) or reject a suggested cardholder alias."""
    await idle_session(db, session_id)
    name = decision.cardholder_name.strip()
    if not await review_store.is_session_cardholder(db, session_id, name, decision.employee_number):
        raise ApiError(
            422,
            "unknown_cardholder",
            f"{name!r} is not a cardholder on this session's statement; an alias names one of them",
            name,
        )
    actor = user.actor
    status_ = "confirmed" if decision.decision == "confirm" else "rejected"
    before, alias = await review_store.decide_alias(
        db,
        alias=decision.alias.strip(),
        cardholder_name=decision.cardholder_name.strip(),
        employee_number=decision.employee_number,
        status=status_,
        actor=actor,
    )
    after = {"cardholder_id": str(alias.cardholder_id), "status": status_, "cardholder_name": decision.cardholder_name}
    review_store.audit(
        db,
        session_id=session_id,
        actor=actor,
        action=f"alias.{decision.decision}",
        target_type="cardholder_alias",
        target_id=alias.alias,
        before=before,
        after=after,
    )
    stage(
        db,
        ReviewRecorded(
            session_id=session_id,
            subject="cardholder_alias",
            subject_id=alias.alias,
            action=decision.decision,
            decided_by=actor,
        ),
    )
    await db.flush()
    return AuditEntry.model_validate(await review_store.last_audit_entry(db, session_id), from_attributes=True)


class RunChange(BaseModel):
    """One card line whose status a run moved."""

    model_config = ConfigDict(populate_by_name=True)

    line: uuid.UUID = Field(description="the card line's id")
    reference: str | None = Field(description="the reference printed on the statement")
    from_: str | None = Field(alias="from", description="its status before the run; null: new in this run")
    to: str | None = Field(description="its status after the run; null: no longer in the session")


class MatchRun(BaseModel):
    """One matching of the session (the first after upload, then one per new file or review decision) and
    which card lines it changed: every status transition, and in short the lines that became complete and those
    that were complete (or a credit) before and now miss something."""

    run_number: int
    created_at: datetime
    newly_complete: list[str] = Field(
        description="card lines complete now, not before: the reference printed on the statement (the line's id "
        "when it prints none)"
    )
    newly_missing: list[str] = Field(description="card lines missing something now that were complete before")
    changes: list[RunChange] = Field(description="every line whose status changed, new lines included")


@router.get("/runs", response_model=Page[MatchRun], responses={404: ERRORS[404]})
async def match_runs(session_id: uuid.UUID, db: DbDep, paging: PagingDep) -> Page[MatchRun]:
    """What each matching run changed, oldest first: after a re-upload, what the new files fixed."""
    if await session_store.get_live_session(db, session_id) is None:
        raise ApiError(404, "session_not_found", f"session {session_id} does not exist or has expired")
    runs, total = await review_store.match_runs(db, session_id, offset=paging.offset, limit=paging.page_size)
    return Page[MatchRun].of([MatchRun.model_validate(run, from_attributes=True) for run in runs], total, paging)


@router.get("/audit", response_model=Page[AuditEntry], responses={404: ERRORS[404]})
async def audit_log(session_id: uuid.UUID, db: DbDep, paging: PagingDep) -> Page[AuditEntry]:
    """Every review action on the session, oldest first: who, when, before and after."""
    if await session_store.get_live_session(db, session_id) is None:
        raise ApiError(404, "session_not_found", f"session {session_id} does not exist or has expired")
    rows, total = await review_store.audit_log(db, session_id, offset=paging.offset, limit=paging.page_size)
    return Page[AuditEntry].of([AuditEntry.model_validate(r, from_attributes=True) for r in rows], total, paging)

"""Review: what needs a person, their decisions on lines and cardholder aliases, and the audit log."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, status
from pydantic import BaseModel, ConfigDict, Field, model_validator
from recon_contracts.db import ReviewDecisionRow
from recon_contracts.db.sessions import WORKING_STATUSES
from recon_contracts.events import ReviewRecorded
from recon_contracts.outbox import stage
from sqlalchemy.ext.asyncio import AsyncSession

from recon_gateway.adapters import review_store, session_store
from recon_gateway.api.deps import DbDep
from recon_gateway.api.errors import ApiError
from recon_gateway.api.schemas import ErrorResponse

router = APIRouter(prefix="/api/sessions/{session_id}", tags=["review"])
ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorResponse, "description": "no such session or line"},
    409: {"model": ErrorResponse, "description": "the session is still processing"},
}
Reviewer = Field(min_length=1, max_length=200, pattern=r"\S", description="who decides (until sign-in arrives)")


class Suggestion(BaseModel):
    kind: str = Field(description="e.g. line_split_over_entries, receipt_covering_lines")
    lines: list[str]
    entries: list[str]
    receipts: list[str]
    reasons: list[str]


class ReviewLine(BaseModel):
    transaction_id: uuid.UUID
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
    employee_id: str | None
    score: float
    reasons: list[str]


class ReviewQueue(BaseModel):
    lines: list[ReviewLine]
    identity_suggestions: list[IdentitySuggestion]


class LineDecision(BaseModel):
    action: Literal["approve", "reject", "reassign", "no_receipt"]
    expense_entry_id: uuid.UUID | None = None
    receipt_id: uuid.UUID | None = None
    reason: str | None = Field(default=None, max_length=2000)
    reviewer: str = Reviewer

    @model_validator(mode="after")
    def _complete(self) -> LineDecision:
        if self.action == "no_receipt" and not (self.reason and self.reason.strip()):
            raise ValueError("'no_receipt' needs a reason")
        if self.action == "reassign" and self.expense_entry_id is None and self.receipt_id is None:
            raise ValueError("'reassign' needs an expense_entry_id or a receipt_id")
        return self


class DecisionRecorded(BaseModel):
    id: int
    transaction_id: uuid.UUID
    action: str
    decided_by: str
    decided_at: datetime


class AliasDecision(BaseModel):
    alias: str = Field(min_length=1, max_length=200, description="the name as the expense report prints it")
    cardholder_name: str = Field(min_length=1, max_length=200, description="the statement's cardholder name")
    employee_number: str | None = Field(default=None, max_length=50)
    decision: Literal["confirm", "reject"]
    reviewer: str = Reviewer


class AuditEntry(BaseModel):
    id: int
    actor: str
    action: str
    target_type: str
    target_id: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    at: datetime


async def _idle_session(db: AsyncSession, session_id: uuid.UUID) -> None:
    session = await session_store.get_live_session(db, session_id, for_update=True)
    if session is None:
        raise ApiError(404, "session_not_found", f"session {session_id} does not exist or has expired")
    if session.status in WORKING_STATUSES:
        raise ApiError(409, "session_busy", "the session is still processing; review once it has finished")
    session.status = "matching"
    session.status_message = "applying a review decision"


@router.get("/review", response_model=ReviewQueue, responses={404: ERRORS[404]})
async def review_queue(session_id: uuid.UUID, db: DbDep) -> ReviewQueue:
    """Lines the matcher sent to a person (with the candidates it hesitated between) and unknown names."""
    if await session_store.get_live_session(db, session_id) is None:
        raise ApiError(404, "session_not_found", f"session {session_id} does not exist or has expired")
    lines = [
        ReviewLine(
            transaction_id=tx.id,
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
        for tx, match, employee in await review_store.lines_needing_review(db, session_id)
    ]
    summary = await review_store.latest_run_summary(db, session_id)
    suggestions = [IdentitySuggestion.model_validate(s) for s in summary.get("identity_suggestions", [])]
    return ReviewQueue(lines=lines, identity_suggestions=suggestions)


@router.post(
    "/lines/{transaction_id}/decisions",
    status_code=status.HTTP_201_CREATED,
    response_model=DecisionRecorded,
    responses=ERRORS,
)
async def decide_line(
    session_id: uuid.UUID, transaction_id: uuid.UUID, decision: LineDecision, db: DbDep
) -> DecisionRecorded:
    """Approve, reject or reassign a line's match, or accept it without a receipt; the session is re-matched."""
    await _idle_session(db, session_id)
    found = await review_store.line_with_match(db, session_id, transaction_id)
    if found is None:
        raise ApiError(404, "line_not_found", f"card line {transaction_id} is not in session {session_id}")
    _, match = found
    row = ReviewDecisionRow(
        session_id=session_id,
        transaction_id=transaction_id,
        action=decision.action,
        expense_entry_id=decision.expense_entry_id,
        receipt_id=decision.receipt_id,
        reason=decision.reason,
        decided_by=decision.reviewer.strip(),
    )
    db.add(row)
    await db.flush()
    await db.refresh(row)
    after = decision.model_dump(mode="json", exclude={"reviewer"})
    review_store.audit(
        db,
        session_id=session_id,
        actor=row.decided_by,
        action=f"line.{decision.action}",
        target_type="card_line",
        target_id=str(transaction_id),
        before=review_store.match_snapshot(match),
        after=after,
    )
    stage(
        db,
        ReviewRecorded(
            session_id=session_id,
            subject="line",
            subject_id=str(transaction_id),
            action=decision.action,
            decided_by=row.decided_by,
        ),
    )
    return DecisionRecorded(
        id=row.id,
        transaction_id=transaction_id,
        action=row.action,
        decided_by=row.decided_by,
        decided_at=row.decided_at,
    )


@router.post("/cardholder-aliases", status_code=status.HTTP_201_CREATED, response_model=AuditEntry, responses=ERRORS)
async def decide_alias(session_id: uuid.UUID, decision: AliasDecision, db: DbDep) -> AuditEntry:
    """Confirm (applies automatically from now on, in every month) or reject a suggested cardholder alias."""
    await _idle_session(db, session_id)
    actor = decision.reviewer.strip()
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
    entries = await review_store.audit_log(db, session_id)
    recorded = AuditEntry.model_validate(entries[-1], from_attributes=True)
    await db.commit()
    return recorded


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


class MatchRunPage(BaseModel):
    items: list[MatchRun]
    total: int
    page: int
    page_size: int
    has_next: bool


@router.get("/runs", response_model=MatchRunPage, responses={404: ERRORS[404]})
async def match_runs(
    session_id: uuid.UUID,
    db: DbDep,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    page_size: Annotated[int, Query(ge=1, le=100)] = 20,
) -> MatchRunPage:
    """What each matching run changed, oldest first: after a re-upload, what the new files fixed."""
    if await session_store.get_live_session(db, session_id) is None:
        raise ApiError(404, "session_not_found", f"session {session_id} does not exist or has expired")
    runs = await review_store.match_runs(db, session_id)
    start = (page - 1) * page_size
    return MatchRunPage(
        items=[MatchRun.model_validate(run, from_attributes=True) for run in runs[start : start + page_size]],
        total=len(runs),
        page=page,
        page_size=page_size,
        has_next=start + page_size < len(runs),
    )


@router.get("/audit", response_model=list[AuditEntry], responses={404: ERRORS[404]})
async def audit_log(session_id: uuid.UUID, db: DbDep) -> list[AuditEntry]:
    """Every review action on the session: who, when, before and after."""
    if await session_store.get_live_session(db, session_id) is None:
        raise ApiError(404, "session_not_found", f"session {session_id} does not exist or has expired")
    return [
        AuditEntry.model_validate(row, from_attributes=True) for row in await review_store.audit_log(db, session_id)
    ]

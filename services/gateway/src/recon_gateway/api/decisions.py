"""Reviewer decisions on card lines, one or a batch: checked all-or-nothing, recorded with the backings they make,
audited, and one re-match of the session."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from fastapi import APIRouter, status
from pydantic import BaseModel, Field, model_validator
from recon_contracts.db.sessions import WORKING_STATUSES
from recon_contracts.events import ReviewRecorded
from recon_contracts.outbox import stage
from sqlalchemy.ext.asyncio import AsyncSession

from recon_gateway.adapters import decision_store, review_store, session_store
from recon_gateway.adapters.decision_store import Decided
from recon_gateway.api.deps import DbDep
from recon_gateway.api.errors import ApiError
from recon_gateway.api.schemas import ErrorResponse
from recon_gateway.auth.access import UserDep
from recon_gateway.domain.decision_rules import DecisionRefused, Proposed, plan_decisions

router = APIRouter(prefix="/api/sessions/{session_id}", tags=["review"])
ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorResponse, "description": "no such session or line"},
    409: {
        "model": ErrorResponse,
        "description": "the session is still processing, or an entry or receipt already backs another line "
        "(the message and details name that line)",
    },
    422: {
        "model": ErrorResponse,
        "description": "an id that is not the session's (named), or a split whose parts do not sum exactly",
    },
}


class Decision(BaseModel):
    action: Literal["approve", "reject", "reassign", "no_receipt"]
    expense_entry_id: uuid.UUID | None = None
    receipt_id: uuid.UUID | None = None
    reason: str | None = Field(default=None, max_length=2000)
    split: str | None = Field(
        default=None,
        min_length=1,
        max_length=50,
        description="a label shared by the decisions of one split (batch only): one line over several entries, or "
        "several lines one receipt or entry covers; the parts must sum exactly",
    )

    @model_validator(mode="after")
    def _complete(self) -> Decision:
        if self.action == "no_receipt" and not (self.reason and self.reason.strip()):
            raise ValueError("'no_receipt' needs a reason")
        if self.action == "reassign" and self.expense_entry_id is None and self.receipt_id is None:
            raise ValueError("'reassign' needs an expense_entry_id or a receipt_id")
        return self


class LineDecision(Decision):
    split: None = Field(default=None, description="splits are made with the batch route")


class BatchItem(Decision):
    transaction_id: uuid.UUID


class DecisionBatch(BaseModel):
    decisions: list[BatchItem] = Field(min_length=1, max_length=500)


class DecisionRecorded(BaseModel):
    id: uuid.UUID = Field(validation_alias="public_id")
    transaction_id: uuid.UUID
    action: str
    decided_by: str
    decided_at: datetime
    split_id: uuid.UUID | None = Field(default=None, description="shared by the decisions of one accepted split")


class DecisionsRecorded(BaseModel):
    decisions: list[DecisionRecorded]


async def idle_session(db: AsyncSession, session_id: uuid.UUID) -> None:
    """Lock the finished session for a review change, and mark it matching again."""
    session = await session_store.get_live_session(db, session_id, for_update=True)
    if session is None:
        raise ApiError(404, "session_not_found", f"session {session_id} does not exist or has expired")
    if session.status in WORKING_STATUSES:
        raise ApiError(409, "session_busy", "the session is still processing; review once it has finished")
    session.status = "matching"
    session.status_message = "applying a review decision"


async def _decide(db: AsyncSession, session_id: uuid.UUID, decided: list[Decided]) -> list[DecisionRecorded]:
    """Check and record the decisions, audit each, and stage one re-match."""
    proposed = [d.proposed for d in decided]
    named = {i for p in proposed for i in (p.entry_id, p.receipt_id) if i is not None}
    try:
        plan = plan_decisions(
            proposed,
            await decision_store.session_lines(db, session_id),
            await decision_store.named_backers(db, session_id, named),
            await decision_store.holdings(db, session_id),
        )
    except DecisionRefused as refused:
        raise ApiError(refused.status, refused.code, refused.message, refused.details) from refused
    before = {p.line_id: await review_store.line_with_match(db, session_id, p.line_id) for p in proposed}
    rows = await decision_store.record(db, session_id, decided, plan)
    for d, row in zip(decided, rows, strict=True):
        found = before[row.transaction_id]
        after: dict[str, Any] = {
            "action": row.action,
            "expense_entry_id": str(row.expense_entry_id) if row.expense_entry_id else None,
            "receipt_id": str(row.receipt_id) if row.receipt_id else None,
            "reason": row.reason,
            "split_id": str(row.split_id) if row.split_id else None,
        }
        review_store.audit(
            db,
            session_id=session_id,
            actor=d.reviewer,
            action=f"line.{row.action}",
            target_type="card_line",
            target_id=str(row.transaction_id),
            before=review_store.match_snapshot(found[1] if found else None),
            after=after,
        )
    first = rows[0]
    subject = ("line", str(first.transaction_id)) if len(rows) == 1 else ("lines", f"{len(rows)} decisions")
    stage(
        db,
        ReviewRecorded(
            session_id=session_id,
            subject=subject[0],
            subject_id=subject[1],
            action=first.action if len(rows) == 1 else "batch",
            decided_by=first.decided_by,
        ),
    )
    return [DecisionRecorded.model_validate(row, from_attributes=True) for row in rows]


@router.post(
    "/lines/{transaction_id}/decisions",
    status_code=status.HTTP_201_CREATED,
    response_model=DecisionRecorded,
    responses=ERRORS,
)
async def decide_line(
    session_id: uuid.UUID, transaction_id: uuid.UUID, decision: LineDecision, db: DbDep, user: UserDep
) -> DecisionRecorded:
    """Approve, reject or reassign a line's match, or accept it without a receipt; the session is re-matched."""
    await idle_session(db, session_id)
    if await review_store.line_with_match(db, session_id, transaction_id) is None:
        raise ApiError(404, "line_not_found", f"card line {transaction_id} is not in session {session_id}")
    proposed = Proposed(transaction_id, decision.action, decision.expense_entry_id, decision.receipt_id)
    [recorded] = await _decide(db, session_id, [Decided(proposed, decision.reason, user.actor)])
    return recorded


@router.post("/decisions", status_code=status.HTTP_201_CREATED, response_model=DecisionsRecorded, responses=ERRORS)
async def decide_lines(session_id: uuid.UUID, batch: DecisionBatch, db: DbDep, user: UserDep) -> DecisionsRecorded:
    """Several decisions at once, in order, checked all-or-nothing (e.g. release an entry from one line and give
    it to another, or accept a split); one re-match of the session."""
    await idle_session(db, session_id)
    decided = [
        Decided(Proposed(d.transaction_id, d.action, d.expense_entry_id, d.receipt_id, d.split), d.reason, user.actor)
        for d in batch.decisions
    ]
    return DecisionsRecorded(decisions=await _decide(db, session_id, decided))

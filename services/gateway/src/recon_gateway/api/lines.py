"""What a review screen lists: the card lines with their match, and the current expense entries and receipts
(with what they back), each filterable and paged."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query

from recon_gateway.adapters import line_store, session_store
from recon_gateway.api.deps import DbDep
from recon_gateway.api.errors import ApiError
from recon_gateway.api.line_views import (
    Cardholder,
    CardLineView,
    EntryRef,
    EntryView,
    LastDecision,
    LineRef,
    LineStatus,
    Outcome,
    ReceiptRef,
    ReceiptView,
)
from recon_gateway.api.paging import Page, PagingDep
from recon_gateway.api.schemas import ErrorResponse

router = APIRouter(prefix="/api/sessions/{session_id}", tags=["review"])
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorResponse, "description": "no such session"}}


async def _live(db: DbDep, session_id: uuid.UUID) -> None:
    if await session_store.get_live_session(db, session_id) is None:
        raise ApiError(404, "session_not_found", f"session {session_id} does not exist or has expired")


def _line_ref(tx: Any) -> LineRef:
    return LineRef(
        id=tx.id,
        reference=tx.reference_number,
        merchant=tx.merchant_name,
        amount=tx.amount,
        transaction_date=tx.transaction_date,
    )


def _outcome(match: Any) -> Outcome | None:
    if match is None:
        return None
    return Outcome(kind=match.outcome, by=match.outcome_by, at=match.outcome_at, reason=match.outcome_reason)


@router.get("/lines", response_model=Page[CardLineView], responses=NOT_FOUND)
async def card_lines(
    session_id: uuid.UUID,
    db: DbDep,
    paging: PagingDep,
    status: Annotated[LineStatus | None, Query(description="only lines in this status")] = None,
    cardholder: Annotated[uuid.UUID | None, Query(description="only this cardholder's lines (their id)")] = None,
    needs_review: Annotated[bool | None, Query(description="only lines that do (or do not) need a person")] = None,
) -> Page[CardLineView]:
    """Every card line with its cardholder, matched entry and receipt, status and latest decision."""
    await _live(db, session_id)
    rows, total = await line_store.lines(
        db,
        session_id,
        status=status,
        cardholder_id=cardholder,
        needs_review=needs_review,
        offset=paging.offset,
        limit=paging.page_size,
    )
    decisions = await line_store.last_decisions(db, [row[0].id for row in rows])
    items = []
    for tx, match, employee, entry, receipt in rows:
        items.append(
            CardLineView(
                **_line_ref(tx).model_dump(),
                post_date=tx.post_date,
                card_last_four=tx.card_last_four,
                read_by=tx.read_by,
                cardholder=Cardholder.model_validate(employee) if employee else None,
                line_status=match.line_status if match else None,
                match_status=match.match_status if match else None,
                needs_review=bool(match and (match.needs_review or match.match_status == "manual_review")),
                confidence=match.confidence_score if match else None,
                reasons=match.match_reason if match else None,
                entry=EntryRef.model_validate(entry) if entry else None,
                receipt=ReceiptRef.model_validate(receipt) if receipt else None,
                decision=LastDecision.model_validate(decisions[tx.id]) if tx.id in decisions else None,
                outcome=_outcome(match),
            )
        )
    return Page[CardLineView].of(items, total, paging)


@router.get("/entries", response_model=Page[EntryView], responses=NOT_FOUND)
async def expense_entries(
    session_id: uuid.UUID,
    db: DbDep,
    paging: PagingDep,
    unmatched: Annotated[bool, Query(description="only entries that back no card line")] = False,
    employee: Annotated[str | None, Query(max_length=200, description="only this employee's entries")] = None,
) -> Page[EntryView]:
    """The current expense report's entries (a newer report replaces older ones), with what they back."""
    await _live(db, session_id)
    rows, total = await line_store.entries(
        db, session_id, unmatched=unmatched, employee=employee, offset=paging.offset, limit=paging.page_size
    )
    ids = [entry.id for entry, _ in rows]
    backed = await line_store.lines_of_entries(db, ids)
    attached = await line_store.attached_receipts(db, ids)
    items = [
        EntryView.model_validate(
            {
                **{c.key: getattr(entry, c.key) for c in entry.__table__.columns},
                "source_file": source,
                "receipt_ids": attached.get(entry.id, []),
                "lines": [_line_ref(tx) for tx in backed.get(entry.id, [])],
            }
        )
        for entry, source in rows
    ]
    return Page[EntryView].of(items, total, paging)


@router.get("/receipts", response_model=Page[ReceiptView], responses=NOT_FOUND)
async def receipts(
    session_id: uuid.UUID,
    db: DbDep,
    paging: PagingDep,
    unmatched: Annotated[bool, Query(description="only receipts that back no card line")] = False,
) -> Page[ReceiptView]:
    """Loose receipts and the current expense report's attached images (second copies left out), with what
    they back; each one's file is at `/receipts/{id}/file`."""
    await _live(db, session_id)
    rows, total = await line_store.receipts(
        db, session_id, unmatched=unmatched, offset=paging.offset, limit=paging.page_size
    )
    backed = await line_store.lines_of_receipts(db, [r.id for r, _ in rows])
    items = [
        ReceiptView.model_validate(
            {
                **{c.key: getattr(receipt, c.key) for c in receipt.__table__.columns},
                "source_file": source,
                "lines": [_line_ref(tx) for tx in backed.get(receipt.id, [])],
            }
        )
        for receipt, source in rows
    ]
    return Page[ReceiptView].of(items, total, paging)

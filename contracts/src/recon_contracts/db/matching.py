"""Tables written by the matcher and the reporter."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from recon_contracts.db.base import Base

MATCH_STATUSES = ("matched", "unmatched", "manual_review", "approved", "rejected")


class MatchResultRow(Base):
    """The match of one card line. Written by the matcher (review columns later by the gateway's review)."""

    __tablename__ = "match_results"
    __table_args__ = (
        CheckConstraint("confidence_score BETWEEN 0 AND 1", name="confidence_range"),
        CheckConstraint(
            "match_status IN ('matched', 'unmatched', 'manual_review', 'approved', 'rejected')",
            name="match_status",
        ),
        CheckConstraint("match_status <> 'matched' OR receipt_id IS NOT NULL", name="matched_has_receipt"),
        CheckConstraint("merchant_similarity IS NULL OR merchant_similarity BETWEEN 0 AND 1", name="similarity_range"),
        CheckConstraint(
            "outcome IN ('auto_matched', 'approved', 'reassigned', 'waived', 'split', 'unmatched')", name="outcome"
        ),
        Index("ix_match_results_receipt_id", "receipt_id", postgresql_where=text("receipt_id IS NOT NULL")),
        Index(None, "session_id", "match_status"),
        Index("ix_match_results_session_id_confidence", "session_id", text("confidence_score DESC")),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    session_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    transaction_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("transactions.id", ondelete="CASCADE"), unique=True)
    receipt_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("receipts.id", ondelete="SET NULL"))
    confidence_score: Mapped[float] = mapped_column(Float)
    match_status: Mapped[str] = mapped_column(String(20))
    match_reason: Mapped[str | None] = mapped_column(Text)
    amount_difference: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    date_difference_days: Mapped[int | None] = mapped_column(Integer)
    merchant_similarity: Mapped[float | None] = mapped_column(Float)
    matching_factors: Mapped[dict[str, Any]] = mapped_column(JSONB, server_default=text("'{}'::jsonb"))
    reviewed_by: Mapped[str | None] = mapped_column(String(200))
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=text("now()"))
    expense_entry_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("expense_entries.id", ondelete="SET NULL"))
    line_status: Mapped[str | None] = mapped_column(String(30))
    needs_review: Mapped[bool] = mapped_column(Boolean, server_default="false")
    candidates: Mapped[list[Any]] = mapped_column(JSONB, server_default=text("'[]'::jsonb"))
    # How the line ended up as it is, in words a person reads: who (a reviewer, or None for the matcher), when, why.
    outcome: Mapped[str] = mapped_column(String(20), server_default="unmatched")
    outcome_by: Mapped[str | None] = mapped_column(String(200))
    outcome_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    outcome_reason: Mapped[str | None] = mapped_column(Text)
    # Entry ids whose coding the line carries: its entry, every part of an accepted split, or for a credit the
    # entry of the charge it refunds (empty: nothing codes it).
    coding_entries: Mapped[list[Any]] = mapped_column(JSONB, server_default=text("'[]'::jsonb"))


class MatchRunRow(Base):
    """One run of the matcher over a session and what it changed since the previous run. Written by the matcher."""

    __tablename__ = "match_runs"
    __table_args__ = (UniqueConstraint("session_id", "run_number"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    session_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    run_number: Mapped[int] = mapped_column(Integer)
    newly_complete: Mapped[list[Any]] = mapped_column(JSONB, server_default=text("'[]'::jsonb"))
    newly_missing: Mapped[list[Any]] = mapped_column(JSONB, server_default=text("'[]'::jsonb"))
    # Every line whose status moved: {"line", "reference", "from", "to"} (from null: new in this run).
    changes: Mapped[list[Any]] = mapped_column(JSONB, server_default=text("'[]'::jsonb"))
    summary: Mapped[dict[str, Any]] = mapped_column(JSONB, server_default=text("'{}'::jsonb"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=text("now()"))


class ReportArtifactRow(Base):
    """A report file the reporter built for a session, stored in the blob store. Written by the reporter."""

    __tablename__ = "report_artifacts"
    __table_args__ = (
        UniqueConstraint("session_id", "format"),
        CheckConstraint("format IN ('xlsx', 'csv', 'pvault')", name="format"),
        CheckConstraint("size_bytes > 0", name="size_positive"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    session_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    format: Mapped[str] = mapped_column(String(10))
    blob_ref: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    row_count: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=text("now()"))

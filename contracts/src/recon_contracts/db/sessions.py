"""Tables written by the gateway: sessions, uploads, progress events."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Computed,
    Date,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
    Uuid,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, ExcludeConstraint
from sqlalchemy.orm import Mapped, mapped_column

from recon_contracts.db.base import Base

SESSION_STATUSES = (
    "processing",
    "extracting",
    "matching",
    "reporting",
    "completed",
    "needs_attention",
    "failed",
    "expired",
)
WORKING_STATUSES = ("processing", "extracting", "matching", "reporting")
RETENTION_DAYS = 90


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class SessionRow(Base):
    """One monthly reconciliation. Written by the gateway."""

    __tablename__ = "sessions"
    __table_args__ = (
        CheckConstraint(_in("status", SESSION_STATUSES), name="status"),
        CheckConstraint(
            "upload_count >= 0 AND total_transactions >= 0 AND total_receipts >= 0 AND matched_count >= 0",
            name="counts_not_negative",
        ),
        CheckConstraint("expires_at > created_at", name="expires_after_created"),
        Index(None, "created_at"),
        Index(None, "expires_at"),
        Index(None, "status"),
        Index(None, "created_by", "status"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    name: Mapped[str | None] = mapped_column(String(200))
    created_by: Mapped[str | None] = mapped_column(String(200))
    """Who uploaded the session's first files (the signed-in user); null for sessions made before sign-in."""
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=text("now()"))
    expires_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=text(f"now() + interval '{RETENTION_DAYS} days'")
    )
    status: Mapped[str] = mapped_column(String(20), server_default="processing")
    status_message: Mapped[str | None] = mapped_column(Text)
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    upload_count: Mapped[int] = mapped_column(Integer, server_default="0")
    total_transactions: Mapped[int] = mapped_column(Integer, server_default="0")
    total_receipts: Mapped[int] = mapped_column(Integer, server_default="0")
    matched_count: Mapped[int] = mapped_column(Integer, server_default="0")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=text("now()"))


class UploadRow(Base):
    """A file received for a session, stored in the blob store (claim check). Written by the gateway."""

    __tablename__ = "uploads"
    __table_args__ = (
        CheckConstraint("size_bytes >= 0", name="size_not_negative"),
        CheckConstraint("sha256 ~ '^[0-9a-f]{64}$'", name="sha256_hex"),
        CheckConstraint(_in("status", ("stored", "rejected")), name="status"),
        CheckConstraint("status = 'rejected' OR (blob_ref IS NOT NULL AND sha256 IS NOT NULL)", name="stored_has_blob"),
        CheckConstraint(
            "(findings_accepted_by IS NULL) = (findings_accepted_at IS NULL)"
            " AND (findings_accepted_by IS NULL) = (findings_accept_reason IS NULL)",
            name="findings_acceptance_complete",
        ),
        Index(None, "session_id", "created_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    session_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    batch_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    filename: Mapped[str] = mapped_column(String(255))
    blob_ref: Mapped[str | None] = mapped_column(Text)
    sha256: Mapped[str | None] = mapped_column(String(64))
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    detected_type: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(20))
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=text("now()"))
    allow_other_period: Mapped[bool] = mapped_column(Boolean, server_default="false")
    """The uploader said a statement of another period may join the session (it then spans both)."""
    findings_accepted_by: Mapped[str | None] = mapped_column(String(200))
    findings_accepted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    findings_accept_reason: Mapped[str | None] = mapped_column(Text)


class ProgressEventRow(Base):
    """A progress event as the gateway materialised it; the rising id is the SSE event id."""

    __tablename__ = "progress_events"
    __table_args__ = (Index(None, "session_id", "id"),)

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    event_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    session_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    service: Mapped[str] = mapped_column(String(50))
    stage: Mapped[str] = mapped_column(String(20))
    message: Mapped[str] = mapped_column(Text)
    current: Mapped[int | None] = mapped_column(Integer)
    total: Mapped[int | None] = mapped_column(Integer)
    occurred_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    session_status: Mapped[str | None] = mapped_column(String(20))
    """The session's status once this event was applied (null on events stored before it was kept)."""


def _same_session(column: str, table: str, ondelete: str | None = None) -> ForeignKeyConstraint:
    """A reference that must name a row of the same session (a decision cannot reach into another month)."""
    return ForeignKeyConstraint(["session_id", column], [f"{table}.session_id", f"{table}.id"], ondelete=ondelete)


class ReviewDecisionRow(Base):
    """A reviewer's decision on a card line, in the order made; every matcher re-run applies them all.

    Written by the gateway. Several decisions may concern one line (approving two entries of a split charge);
    the decisions of one accepted split share a `split_id`. The line, entry and receipt belong to the session.
    """

    __tablename__ = "review_decisions"
    __table_args__ = (
        _same_session("transaction_id", "transactions", "CASCADE"),
        _same_session("expense_entry_id", "expense_entries"),
        _same_session("receipt_id", "receipts"),
        CheckConstraint(_in("action", ("approve", "reject", "reassign", "no_receipt")), name="action"),
        CheckConstraint("action <> 'no_receipt' OR reason IS NOT NULL", name="no_receipt_has_reason"),
        CheckConstraint(
            "action <> 'reassign' OR expense_entry_id IS NOT NULL OR receipt_id IS NOT NULL", name="reassign_has_target"
        ),
    )

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    session_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    transaction_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    action: Mapped[str] = mapped_column(String(20))
    expense_entry_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    receipt_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    reason: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[str] = mapped_column(String(200))
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=text("now()"))
    split_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    public_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True, server_default=text("gen_random_uuid()"))
    """The id the API shows; the rising `id` orders the decisions (the matcher applies them in that order)."""


class LineBackingRow(Base):
    """Which expense entry or receipt a reviewer's decision made back which card line, as it stands now.

    Written by the gateway with each decision (a later decision that releases a backing deletes its row).
    The exclusion constraints are the rule "one entry, one receipt back at most one card line": two rows
    may share an entry or a receipt only when they belong to the same accepted split (`holder` is the
    split when there is one, else the line).
    """

    __tablename__ = "line_backings"
    __table_args__ = (
        _same_session("transaction_id", "transactions", "CASCADE"),
        _same_session("expense_entry_id", "expense_entries", "CASCADE"),
        _same_session("receipt_id", "receipts", "CASCADE"),
        CheckConstraint("(expense_entry_id IS NULL) <> (receipt_id IS NULL)", name="one_backing"),
        ExcludeConstraint(
            ("session_id", "="),
            ("expense_entry_id", "="),
            ("holder", "<>"),
            using="gist",
            name="xc_line_backings_entry_backs_one_line",
        ),
        ExcludeConstraint(
            ("session_id", "="),
            ("receipt_id", "="),
            ("holder", "<>"),
            using="gist",
            name="xc_line_backings_receipt_backs_one_line",
        ),
    )

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    session_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    transaction_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    expense_entry_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    receipt_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    decision_id: Mapped[int] = mapped_column(ForeignKey("review_decisions.id", ondelete="CASCADE"), index=True)
    split_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    holder: Mapped[uuid.UUID] = mapped_column(Uuid, Computed("coalesce(split_id, transaction_id)", persisted=True))


class AuditLogRow(Base):
    """Who did what to a session, when, with the state before and after. Written by the gateway."""

    __tablename__ = "audit_log"
    __table_args__ = (Index(None, "session_id", "id"),)

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    session_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(50))
    target_type: Mapped[str] = mapped_column(String(50))
    target_id: Mapped[str | None] = mapped_column(String(100))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=text("now()"))
    public_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True, server_default=text("gen_random_uuid()"))
    """The id the API shows; the rising `id` keeps the log's order."""

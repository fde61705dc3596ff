"""Tables written by the extractor: what the files of a session say."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
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

RECEIPT_STATUSES = ("pending", "processing", "completed", "failed")
MONEY = Numeric(12, 2)


class EmployeeRow(Base):
    """A cardholder as a session's statement names them. Written by the extractor."""

    __tablename__ = "employees"
    __table_args__ = (
        UniqueConstraint("session_id", "employee_number"),
        UniqueConstraint("session_id", "name"),
        CheckConstraint("card_last_four ~ '^[0-9]{4}$'", name="card_last_four_digits"),
        Index(None, "session_id", "created_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    session_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    employee_number: Mapped[str | None] = mapped_column(String(50))
    name: Mapped[str] = mapped_column(String(200))
    department: Mapped[str | None] = mapped_column(String(200))
    cost_center: Mapped[str | None] = mapped_column(String(100))
    card_last_four: Mapped[str | None] = mapped_column(String(4))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=text("now()"))


class TransactionRow(Base):
    """One card charge or credit. Amounts are exact decimals; credits are negative. Written by the extractor."""

    __tablename__ = "transactions"
    __table_args__ = (
        CheckConstraint("post_date IS NULL OR post_date >= transaction_date", name="posted_after_transaction"),
        CheckConstraint("card_last_four ~ '^[0-9]{4}$'", name="card_last_four_digits"),
        CheckConstraint("currency ~ '^[A-Z]{3}$'", name="currency_code"),
        CheckConstraint("card_first_digit ~ '^[0-9]$'", name="card_first_digit"),
        CheckConstraint("is_credit = (amount < 0)", name="credit_is_negative"),
        CheckConstraint("read_by IN ('text', 'ocr')", name="read_by"),
        UniqueConstraint("session_id", "id"),  # the target of same-session references (review decisions)
        Index(
            "uq_transactions_session_id_reference_number",
            "session_id",
            "reference_number",
            unique=True,
            postgresql_where=text("reference_number IS NOT NULL"),
        ),
        Index("ix_transactions_session_id_transaction_date", "session_id", text("transaction_date DESC")),
        Index(None, "amount"),
        Index(None, "merchant_name"),
        Index("ix_transactions_raw_data", "raw_data", postgresql_using="gin"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    session_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    upload_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("uploads.id", ondelete="CASCADE"), index=True)
    employee_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("employees.id", ondelete="SET NULL"), index=True)
    transaction_date: Mapped[date] = mapped_column(Date)
    post_date: Mapped[date | None] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(MONEY)
    currency: Mapped[str] = mapped_column(String(3), server_default="USD")
    merchant_name: Mapped[str] = mapped_column(String(200))
    merchant_category: Mapped[str | None] = mapped_column(String(100))
    description: Mapped[str | None] = mapped_column(Text)
    card_last_four: Mapped[str | None] = mapped_column(String(4))
    card_first_digit: Mapped[str | None] = mapped_column(String(1))
    reference_number: Mapped[str | None] = mapped_column(String(50))
    is_credit: Mapped[bool] = mapped_column(Boolean, server_default="false")
    incomplete_flag: Mapped[bool] = mapped_column(Boolean, server_default="false")
    read_by: Mapped[str] = mapped_column(String(10), server_default="text")
    """How the line was read: "text" (the PDF's text layer) or "ocr" (a scanned page: check it)."""
    raw_data: Mapped[dict[str, Any]] = mapped_column(JSONB, server_default=text("'{}'::jsonb"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=text("now()"))


class ReceiptRow(Base):
    """A receipt read from a file (text layer or OCR). Written by the extractor."""

    __tablename__ = "receipts"
    __table_args__ = (
        CheckConstraint("file_size > 0", name="file_size_positive"),
        CheckConstraint("ocr_confidence BETWEEN 0 AND 1", name="confidence_range"),
        CheckConstraint(
            "processing_status IN ('pending', 'processing', 'completed', 'failed')", name="processing_status"
        ),
        CheckConstraint("processing_status <> 'failed' OR error_message IS NOT NULL", name="failure_explained"),
        UniqueConstraint("session_id", "id"),
        Index("ix_receipts_session_id_receipt_date", "session_id", text("receipt_date DESC")),
        Index(None, "amount"),
        Index(None, "vendor_name"),
        Index(
            "ix_receipts_unfinished",
            "session_id",
            "processing_status",
            postgresql_where=text("processing_status IN ('pending', 'processing', 'failed')"),
        ),
        Index("ix_receipts_extracted_data", "extracted_data", postgresql_using="gin"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    session_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    upload_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("uploads.id", ondelete="CASCADE"), index=True)
    receipt_date: Mapped[date | None] = mapped_column(Date)
    amount: Mapped[Decimal | None] = mapped_column(MONEY)
    currency: Mapped[str | None] = mapped_column(String(3))
    vendor_name: Mapped[str | None] = mapped_column(String(200))
    file_name: Mapped[str] = mapped_column(String(255))
    file_path: Mapped[str] = mapped_column(Text)
    file_size: Mapped[int] = mapped_column(Integer)
    mime_type: Mapped[str] = mapped_column(String(100))
    ocr_confidence: Mapped[float | None] = mapped_column(Float)
    extracted_data: Mapped[dict[str, Any]] = mapped_column(JSONB, server_default=text("'{}'::jsonb"))
    processing_status: Mapped[str] = mapped_column(String(20), server_default="pending")
    error_message: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=text("now()"))
    processed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    expense_entry_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("expense_entries.id", ondelete="CASCADE"), index=True
    )
    image_sha256: Mapped[str | None] = mapped_column(String(64))
    duplicate_of_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("receipts.id", ondelete="SET NULL"))
    page: Mapped[int | None] = mapped_column(Integer)


class FileExtractionRow(Base):
    """The outcome of extracting one uploaded file. Written by the extractor.

    `duplicate`: the very file (same sha256) was already read into the session; nothing was added.
    `findings`: what the statement reader could not account for ({kind, message, page}); until a reviewer
    accepts them (on the upload) or a corrected statement of the period arrives, the session needs attention.
    """

    __tablename__ = "file_extractions"
    __table_args__ = (
        CheckConstraint("status IN ('extracted', 'failed', 'duplicate')", name="status"),
        CheckConstraint("status <> 'duplicate' OR duplicate_of IS NOT NULL", name="duplicate_names_original"),
        CheckConstraint("status <> 'failed' OR error IS NOT NULL", name="failure_explained"),
    )

    upload_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("uploads.id", ondelete="CASCADE"), primary_key=True)
    session_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    batch_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    document_kind: Mapped[str | None] = mapped_column(String(30))
    status: Mapped[str] = mapped_column(String(20))
    error: Mapped[str | None] = mapped_column(Text)
    pages: Mapped[int | None] = mapped_column(Integer)
    warnings: Mapped[list[str]] = mapped_column(JSONB, server_default=text("'[]'::jsonb"))
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    finished_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=text("now()"))
    findings: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, server_default=text("'[]'::jsonb"))
    duplicate_of: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("uploads.id", ondelete="CASCADE"))


class ExtractionBatchRow(Base):
    """Fan-in counter of one upload batch: one conditional UPDATE decides when it is complete."""

    __tablename__ = "extraction_batches"
    __table_args__ = (
        CheckConstraint("finished_files >= 0 AND finished_files <= expected_files", name="finished_in_range"),
    )

    batch_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    session_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    expected_files: Mapped[int] = mapped_column(Integer)
    finished_files: Mapped[int] = mapped_column(Integer, server_default="0")
    failed_files: Mapped[int] = mapped_column(Integer, server_default="0")
    completed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ExpenseEntryRow(Base):
    """One entry of the expense system's report (what was claimed, with its coding). Written by the extractor."""

    __tablename__ = "expense_entries"
    __table_args__ = (
        UniqueConstraint("upload_id", "entry_index"),
        UniqueConstraint("session_id", "id"),
        Index(None, "session_id", "employee"),
        Index(None, "session_id", "amount"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    session_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    upload_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("uploads.id", ondelete="CASCADE"), index=True)
    entry_index: Mapped[int] = mapped_column(Integer)
    # Free text is unbounded; coding stays short (see recon_extractor.adapters.stored_text).
    employee: Mapped[str] = mapped_column(Text)
    expense_type: Mapped[str | None] = mapped_column(Text)
    entry_date: Mapped[date | None] = mapped_column(Date)
    amount: Mapped[Decimal | None] = mapped_column(Numeric(14, 4))
    purpose: Mapped[str | None] = mapped_column(Text)
    merchant: Mapped[str | None] = mapped_column(Text)
    address: Mapped[str | None] = mapped_column(Text)
    gl_account: Mapped[str | None] = mapped_column(String(50))
    job: Mapped[str | None] = mapped_column(String(50))
    phase: Mapped[str | None] = mapped_column(String(50))
    cost_type: Mapped[str | None] = mapped_column(String(50))
    page: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=text("now()"))

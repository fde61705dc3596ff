"""Writes of the extractor's tables; the caller's transaction commits them."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from recon_contracts.card_numbers import mask_card_numbers
from recon_contracts.db import (
    EmployeeRow,
    ExpenseEntryRow,
    ExtractionBatchRow,
    FileExtractionRow,
    ReceiptRow,
    TransactionRow,
)
from recon_contracts.events import FileUploaded
from sqlalchemy import case, func, select, text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from recon_extractor.adapters.stored_text import free_text, masked_json, stored_entry
from recon_extractor.expense_reports.model import ExpenseAttachment, ExpenseReport
from recon_extractor.receipts.duplicates import ReceiptKey, find_duplicates
from recon_extractor.receipts.read import ReceiptRead
from recon_extractor.receipts.text import ReceiptFields
from recon_extractor.statements.model import CardLine, Finding, Statement


def _money(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _line_raw(line: CardLine) -> dict[str, Any]:
    return {
        "city": line.city,
        "state": line.state,
        "gross": _money(line.gross),
        "discount": _money(line.discount),
        "page": line.page,
        "items": [
            {
                "description": item.description,
                "ppu": _money(item.ppu),
                "quantity": _money(item.quantity),
                "gross": _money(item.gross),
                "discount": _money(item.discount),
                "net": _money(item.net),
            }
            for item in line.items
        ],
    }


async def save_statement(db: AsyncSession, event: FileUploaded, statement: Statement) -> tuple[int, int]:
    """Store cardholders and lines; returns (lines stored, lines already present from another file)."""
    stored = skipped = 0
    for holder in statement.cardholders:
        employee_id = await db.scalar(
            insert(EmployeeRow)
            .values(
                id=uuid.uuid4(),
                session_id=event.session_id,
                employee_number=holder.employee_id,
                name=holder.name,
                card_last_four=holder.card_last4,
            )
            .on_conflict_do_update(
                index_elements=["session_id", "name"],
                set_={"card_last_four": func.coalesce(EmployeeRow.card_last_four, holder.card_last4)},
            )
            .returning(EmployeeRow.id)
        )
        for line in holder.lines:
            inserted = await db.execute(
                insert(TransactionRow)
                .values(
                    id=uuid.uuid4(),
                    session_id=event.session_id,
                    upload_id=event.upload_id,
                    employee_id=employee_id,
                    transaction_date=line.transaction_date,
                    post_date=line.posted_date,
                    amount=line.amount,
                    currency=line.currency,
                    merchant_name=free_text(line.merchant),
                    merchant_category=free_text(line.category),
                    description=free_text(line.description),
                    card_last_four=holder.card_last4,
                    card_first_digit=holder.card_first_digit,
                    reference_number=line.reference,
                    is_credit=line.amount < 0,
                    read_by=statement.read_by(line),
                    raw_data=masked_json(_line_raw(line)),
                )
                .on_conflict_do_nothing(
                    index_elements=["session_id", "reference_number"],
                    index_where=text("reference_number IS NOT NULL"),
                )
                .returning(TransactionRow.id)
            )
            if inserted.first() is None:
                skipped += 1
            else:
                stored += 1
    return stored, skipped


def finding_rows(findings: Sequence[Finding]) -> tuple[dict[str, object], ...]:
    """Findings as stored with the file, card numbers masked like warnings (a finding may quote a row)."""
    return tuple({"kind": f.kind, "message": mask_card_numbers(f.message), "page": f.page} for f in findings)


def receipt_rows(event: FileUploaded, reads: Sequence[ReceiptRead]) -> list[ReceiptRow]:
    """One row per receipt in the file (a scanner batch holds several, one per page)."""
    rows = []
    for read in reads:
        row = receipt_row(event, read.fields)
        row.page = read.page
        row.image_sha256 = read.image_sha256
        # The recogniser's confidence, None for a text layer (read in full, nothing guessed).
        row.ocr_confidence = read.ocr_confidence
        row.extracted_data = {**row.extracted_data, "read_by": read.source}
        if len(reads) > 1:
            row.file_name = f"{event.filename} p.{read.page}"
        rows.append(row)
    return rows


async def mark_duplicates(db: AsyncSession, session_id: uuid.UUID) -> int:
    """Flag receipts already in the session: the same image bytes, or the same vendor, date and total.

    The first one stays; later copies point at it and are not counted again.
    """
    rows = (
        await db.scalars(
            select(ReceiptRow)
            .where(ReceiptRow.session_id == session_id, ReceiptRow.processing_status == "completed")
            .order_by(ReceiptRow.created_at, ReceiptRow.id)
        )
    ).all()
    keys = [ReceiptKey(str(r.id), r.image_sha256, r.vendor_name, r.receipt_date, r.amount) for r in rows]
    by_id = {str(r.id): r for r in rows}
    marked = 0
    for duplicate in find_duplicates(keys):
        row = by_id[duplicate.id]
        if row.duplicate_of_id is None and row.expense_entry_id is None:
            row.duplicate_of_id = uuid.UUID(duplicate.original)
            marked += 1
    return marked


def receipt_row(event: FileUploaded, fields: ReceiptFields) -> ReceiptRow:
    confidences = list(fields.confidence.values())
    return ReceiptRow(
        session_id=event.session_id,
        upload_id=event.upload_id,
        receipt_date=fields.date,
        amount=fields.total.quantize(Decimal("0.01")) if fields.total is not None else None,
        currency=fields.currency,
        vendor_name=free_text(fields.vendor),
        file_name=event.filename,
        file_path=event.blob_ref,
        file_size=max(event.size_bytes, 1),
        mime_type=event.detected_type,
        ocr_confidence=min(confidences) if confidences else None,
        extracted_data=masked_json(
            {
                "vendor_raw": fields.vendor_raw,
                "subtotal": _money(fields.subtotal),
                "tax": _money(fields.tax),
                "tip": _money(fields.tip),
                "card_last4": fields.card_last4,
                "payment_method": fields.payment_method,
                "date_ambiguous": fields.date_ambiguous,
                "confidence": fields.confidence,
            }
        ),
        processing_status="completed",
        processed_at=func.now(),
    )


def _attachment_row(
    event: FileUploaded, entry_id: uuid.UUID, attachment: ExpenseAttachment, image_ref: str | None
) -> ReceiptRow:
    """An image attached to an expense entry; what OCR read of it, when it was read. Its file is the image
    stored on its own when it was (`image_ref`), else its page of the report."""
    fields = attachment.receipt if isinstance(attachment.receipt, ReceiptFields) else None
    row = (
        receipt_row(event, fields)
        if fields
        else ReceiptRow(
            session_id=event.session_id,
            upload_id=event.upload_id,
            file_size=1,
            mime_type=attachment.media_type,
            processing_status="pending",
        )
    )
    row.expense_entry_id = entry_id
    row.file_name = f"{event.filename} p.{attachment.page} image {attachment.index_on_page + 1}"
    row.file_path = image_ref or f"{event.blob_ref}#page={attachment.page}"
    row.file_size = max(attachment.size, 1)
    row.mime_type = attachment.media_type
    row.image_sha256 = attachment.sha256
    row.page = attachment.page
    return row


async def save_expense_report(
    db: AsyncSession, event: FileUploaded, report: ExpenseReport, images: Mapping[str, str]
) -> tuple[int, int]:
    """Store the entries and their attached receipts (`images`: stored attachment blobs by sha256); returns
    (entries, attachments)."""
    attachments = 0
    for entry in map(stored_entry, report.entries):
        row = ExpenseEntryRow(
            id=uuid.uuid4(),
            session_id=event.session_id,
            upload_id=event.upload_id,
            entry_index=entry.index,
            employee=entry.employee,
            expense_type=entry.expense_type,
            entry_date=entry.date,
            amount=entry.amount,
            purpose=entry.purpose,
            merchant=entry.merchant,
            address=entry.address,
            gl_account=entry.gl_account,
            job=entry.job,
            phase=entry.phase,
            cost_type=entry.cost_type,
            page=entry.page,
        )
        db.add(row)
        db.add_all(_attachment_row(event, row.id, a, images.get(a.sha256)) for a in entry.attachments)
        attachments += len(entry.attachments)
    await db.flush()
    return len(report.entries), attachments


@dataclass(frozen=True)
class BatchState:
    finished: int
    expected: int
    failed: int

    @property
    def complete(self) -> bool:
        return self.finished == self.expected


async def record_file_outcome(
    db: AsyncSession,
    event: FileUploaded,
    *,
    kind: str | None,
    pages: int | None,
    error: str | None,
    warnings: tuple[str, ...] = (),
    period: tuple[date | None, date | None] = (None, None),
    findings: Sequence[dict[str, object]] = (),
    duplicate_of: uuid.UUID | None = None,
) -> BatchState:
    """Record one file's outcome and count it into its batch (DESIGN rule 5: fan-in by one UPDATE).

    The row lock of the batch UPDATE serialises concurrent extractors, so exactly one of them sees the
    batch become complete.
    """
    db.add(
        FileExtractionRow(
            upload_id=event.upload_id,
            session_id=event.session_id,
            batch_id=event.batch_id,
            document_kind=kind,
            status="failed" if error else "duplicate" if duplicate_of else "extracted",
            error=error,
            pages=pages,
            warnings=list(warnings),
            period_start=period[0],
            period_end=period[1],
            findings=list(findings),
            duplicate_of=duplicate_of,
        )
    )
    await db.execute(
        insert(ExtractionBatchRow)
        .values(batch_id=event.batch_id, session_id=event.session_id, expected_files=event.batch_size)
        .on_conflict_do_nothing()
    )
    finished = ExtractionBatchRow.finished_files + 1
    row = (
        await db.execute(
            update(ExtractionBatchRow)
            .where(ExtractionBatchRow.batch_id == event.batch_id)
            .values(
                finished_files=finished,
                failed_files=ExtractionBatchRow.failed_files + (1 if error else 0),
                completed_at=case((finished == ExtractionBatchRow.expected_files, func.now()), else_=None),
            )
            .returning(
                ExtractionBatchRow.finished_files,
                ExtractionBatchRow.expected_files,
                ExtractionBatchRow.failed_files,
            )
        )
    ).one()
    return BatchState(finished=row[0], expected=row[1], failed=row[2])

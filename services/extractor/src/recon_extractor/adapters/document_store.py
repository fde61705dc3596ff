"""A read file's rows stored in the file's transaction: a statement (if its session admits it), an expense
report with its attachments, or receipts."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from recon_contracts.events import FileUploaded
from sqlalchemy.ext.asyncio import AsyncSession

from recon_extractor.adapters.extraction_store import (
    finding_rows,
    mark_duplicates,
    receipt_rows,
    save_expense_report,
    save_statement,
)
from recon_extractor.adapters.statement_admission import admit, stored_statements
from recon_extractor.adapters.stored_text import overlong_coding
from recon_extractor.reading.read_document import ExtractedDocument
from recon_extractor.statements.model import Statement


@dataclass(frozen=True)
class StoredFile:
    """What storing a read file gave: the progress message, or why the file is refused, or its original."""

    message: str | None = None
    error: str | None = None
    duplicate_of: uuid.UUID | None = None
    findings: tuple[dict[str, object], ...] = ()


async def _store_statement(db: AsyncSession, event: FileUploaded, statement: Statement) -> StoredFile:
    period = (statement.period_start, statement.period_end)
    admission = admit(
        event.filename, event.sha256, period, event.allow_other_period, await stored_statements(db, event)
    )
    if admission.verdict == "refused":
        return StoredFile(error=admission.message)
    if admission.verdict == "duplicate":
        return StoredFile(message=admission.message, duplicate_of=admission.duplicate_of)
    stored, skipped = await save_statement(db, event, statement)
    message = f"{event.filename}: {stored} card lines from {len(statement.cardholders)} cardholders"
    if skipped:
        message += f" ({skipped} already present from another file)"
    if statement.findings:
        message += f"; {len(statement.findings)} finding(s) need a reviewer"
    if admission.message:
        message += f"; {admission.message.removeprefix(f'{event.filename}: ')}"
    return StoredFile(message=message, findings=finding_rows(statement.findings))


async def store_document(
    db: AsyncSession, event: FileUploaded, document: ExtractedDocument, images: dict[str, str]
) -> StoredFile:
    """Store what the file says, in the file's transaction."""
    if document.statement is not None:
        return await _store_statement(db, event, document.statement)
    if document.expenses is not None:
        if (overlong := overlong_coding(event.filename, document.expenses.entries)) is not None:
            return StoredFile(error=overlong)
        entries, attachments = await save_expense_report(db, event, document.expenses, images)
        return StoredFile(f"{event.filename}: {entries} expense entries with {attachments} receipt images")
    if document.receipts:
        db.add_all(receipt_rows(event, document.receipts))
        await db.flush()
        duplicates = await mark_duplicates(db, event.session_id)
        message = f"{event.filename}: {len(document.receipts)} receipt(s) read"
        if duplicates:
            message += f", {duplicates} already uploaded (kept once)"
        return StoredFile(message)
    return StoredFile()

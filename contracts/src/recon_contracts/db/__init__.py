"""The shared PostgreSQL schema: one module per writing service."""

from recon_contracts.db.base import Base
from recon_contracts.db.directory import CardholderAliasRow, CardholderRow, MerchantAliasRow
from recon_contracts.db.extraction import (
    EmployeeRow,
    ExpenseEntryRow,
    ExtractionBatchRow,
    FileExtractionRow,
    ReceiptRow,
    TransactionRow,
)
from recon_contracts.db.matching import MatchResultRow, MatchRunRow, ReportArtifactRow
from recon_contracts.db.messaging import OutboxRow, ProcessedEventRow
from recon_contracts.db.sessions import (
    AuditLogRow,
    LineBackingRow,
    ProgressEventRow,
    ReviewDecisionRow,
    SessionRow,
    UploadRow,
)

__all__ = [
    "AuditLogRow",
    "Base",
    "CardholderAliasRow",
    "CardholderRow",
    "EmployeeRow",
    "ExpenseEntryRow",
    "ExtractionBatchRow",
    "FileExtractionRow",
    "LineBackingRow",
    "MatchResultRow",
    "MatchRunRow",
    "MerchantAliasRow",
    "OutboxRow",
    "ProcessedEventRow",
    "ProgressEventRow",
    "ReceiptRow",
    "ReportArtifactRow",
    "ReviewDecisionRow",
    "SessionRow",
    "TransactionRow",
    "UploadRow",
]

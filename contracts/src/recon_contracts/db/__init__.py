"""The shared PostgreSQL schema: one module per writing service."""

from recon_contracts.db.base import Base
from recon_contracts.db.directory import CardholderAliasRow, CardholderRow
from recon_contracts.db.extraction import (
    EmployeeRow,
    ExtractionBatchRow,
    FileExtractionRow,
    ReceiptRow,
    TransactionRow,
)
from recon_contracts.db.matching import MatchResultRow, ReportArtifactRow
from recon_contracts.db.messaging import OutboxRow, ProcessedEventRow
from recon_contracts.db.sessions import ProgressEventRow, SessionRow, UploadRow

__all__ = [
    "Base",
    "CardholderAliasRow",
    "CardholderRow",
    "EmployeeRow",
    "ExtractionBatchRow",
    "FileExtractionRow",
    "MatchResultRow",
    "OutboxRow",
    "ProcessedEventRow",
    "ProgressEventRow",
    "ReceiptRow",
    "ReportArtifactRow",
    "SessionRow",
    "TransactionRow",
    "UploadRow",
]

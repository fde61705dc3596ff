"""card-recon contracts: event models, topic names, the database schema and its migrations."""

from recon_contracts import topics
from recon_contracts.events import (
    Event,
    FileUploaded,
    MessageDeadLettered,
    ProgressReported,
    ReviewRecorded,
    SessionExtracted,
    SessionMatched,
    Stage,
)

__all__ = [
    "Event",
    "FileUploaded",
    "MessageDeadLettered",
    "ProgressReported",
    "ReviewRecorded",
    "SessionExtracted",
    "SessionMatched",
    "Stage",
    "topics",
]

"""Versioned event models: one frozen pydantic model per event, evolved only by adding fields."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import ClassVar, Literal
from uuid import UUID, uuid4

from pydantic import BaseModel, ConfigDict, Field

from recon_contracts import topics

Stage = Literal["processing", "extracting", "matching", "reporting", "completed", "failed"]


def _now() -> datetime:
    return datetime.now(UTC)


class Event(BaseModel):
    """The envelope every event carries."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    event_id: UUID = Field(default_factory=uuid4)
    event_type: str
    schema_version: int = 1
    occurred_at: datetime = Field(default_factory=_now)
    session_id: UUID
    trace: dict[str, str] = Field(default_factory=dict, description="W3C trace context headers")

    topic: ClassVar[topics.Topic]


class FileUploaded(Event):
    """A file was stored in the blob store for a session; its bytes are behind blob_ref (claim check)."""

    event_type: Literal["FileUploaded"] = "FileUploaded"
    topic: ClassVar[topics.Topic] = topics.FILE_UPLOADED
    upload_id: UUID
    batch_id: UUID
    batch_size: int = Field(ge=1)
    filename: str
    blob_ref: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    size_bytes: int = Field(ge=0)
    detected_type: str
    allow_other_period: bool = Field(
        default=False, description="the uploader accepts a statement of another period into the session"
    )


class SessionExtracted(Event):
    """Every file of an upload batch has been extracted (or has failed with a recorded error)."""

    event_type: Literal["SessionExtracted"] = "SessionExtracted"
    topic: ClassVar[topics.Topic] = topics.SESSION_EXTRACTED
    batch_id: UUID
    extracted_files: int = Field(ge=0)
    failed_files: int = Field(ge=0)


class SessionMatched(Event):
    """The matcher has (re)computed every match result of the session."""

    event_type: Literal["SessionMatched"] = "SessionMatched"
    topic: ClassVar[topics.Topic] = topics.SESSION_MATCHED
    matched: int = Field(ge=0)
    unmatched: int = Field(ge=0)
    review: int = Field(ge=0)


class ReviewRecorded(Event):
    """A reviewer decided something about a session (a line's match, a cardholder alias); it is matched again."""

    event_type: Literal["ReviewRecorded"] = "ReviewRecorded"
    topic: ClassVar[topics.Topic] = topics.REVIEW_RECORDED
    subject: Literal["line", "lines", "cardholder_alias"]
    subject_id: str
    action: str
    decided_by: str


class ProgressReported(Event):
    """A service reports where a session stands; the gateway stores it and streams it as SSE."""

    event_type: Literal["ProgressReported"] = "ProgressReported"
    topic: ClassVar[topics.Topic] = topics.PROGRESS
    service: str
    stage: Stage
    message: str
    current: int | None = None
    total: int | None = None


class MessageDeadLettered(Event):
    """A message no consumer could process; kept whole so an operator can replay or discard it."""

    event_type: Literal["MessageDeadLettered"] = "MessageDeadLettered"
    topic: ClassVar[topics.Topic] = topics.DEAD_LETTER
    consumer: str
    source_topic: str
    source_partition: int
    source_offset: int
    error: str
    payload: str

from __future__ import annotations

import uuid

import pytest
import recon_contracts
from pydantic import ValidationError
from recon_contracts import topics
from recon_contracts.events import FileUploaded, ProgressReported


def _file_uploaded(**overrides: object) -> FileUploaded:
    fields: dict[str, object] = {
        "session_id": uuid.uuid4(),
        "upload_id": uuid.uuid4(),
        "batch_id": uuid.uuid4(),
        "batch_size": 2,
        "filename": "statement.pdf",
        "blob_ref": "local:sessions/x/uploads/y",
        "sha256": "a" * 64,
        "size_bytes": 10,
        "detected_type": "application/pdf",
    }
    fields.update(overrides)
    return FileUploaded.model_validate(fields)


def test_envelope_round_trips_through_json() -> None:
    event = _file_uploaded()
    again = FileUploaded.model_validate_json(event.model_dump_json())
    assert again == event
    assert again.event_type == "FileUploaded" and again.schema_version == 1
    assert event.topic is topics.FILE_UPLOADED


def test_events_are_frozen_and_validated() -> None:
    event = ProgressReported(session_id=uuid.uuid4(), service="x", stage="matching", message="m")
    with pytest.raises(ValidationError):
        event.message = "changed"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        _file_uploaded(sha256="not-a-hash")
    with pytest.raises(ValidationError):
        ProgressReported(session_id=uuid.uuid4(), service="x", stage="dancing", message="m")  # type: ignore[arg-type]


def test_newer_producers_may_add_fields() -> None:
    payload = _file_uploaded().model_dump(mode="json") | {"added_in_v2": "ignored by v1 readers"}
    assert FileUploaded.model_validate(payload).filename == "statement.pdf"


def test_every_topic_is_unique_and_partitioned() -> None:
    names = [t.name for t in topics.ALL_TOPICS]
    assert len(names) == len(set(names))
    assert all(t.partitions >= 1 for t in topics.ALL_TOPICS)


def test_public_api_is_pinned() -> None:
    assert sorted(recon_contracts.__all__) == [
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

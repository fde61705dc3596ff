"""Every Kafka topic of card-recon, with the partition count the project creates it with."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    """A topic name and how many partitions it is created with."""

    name: str
    partitions: int


FILE_UPLOADED = Topic("recon.file-uploaded", 6)
SESSION_EXTRACTED = Topic("recon.session-extracted", 3)
SESSION_MATCHED = Topic("recon.session-matched", 3)
REVIEW_RECORDED = Topic("recon.review-recorded", 3)
PROGRESS = Topic("recon.progress", 3)
DEAD_LETTER = Topic("recon.dead-letter", 1)

ALL_TOPICS: tuple[Topic, ...] = (
    FILE_UPLOADED,
    SESSION_EXTRACTED,
    SESSION_MATCHED,
    REVIEW_RECORDED,
    PROGRESS,
    DEAD_LETTER,
)

"""Tables every service writes its own rows in: the outbox, the processed-event ledger and the count of
deliveries a consumer never finished."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, DateTime, Index, Integer, String, Text, Uuid, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from recon_contracts.db.base import Base


class OutboxRow(Base):
    """An event staged in the same transaction as the writes it describes; the relay publishes it.

    A row the broker keeps refusing counts its `attempts` and `last_error`, and is parked (`parked_at`) after
    the relay's limit, so the rows behind it go on; `python -m recon_contracts.outbox replay` releases it.
    """

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_unpublished", "id", postgresql_where=text("published_at IS NULL AND parked_at IS NULL")),
        Index("ix_outbox_parked", "id", postgresql_where=text("parked_at IS NOT NULL")),
    )

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    event_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    topic: Mapped[str] = mapped_column(String(200))
    key: Mapped[str] = mapped_column(String(200))
    event_type: Mapped[str] = mapped_column(String(100))
    payload: Mapped[dict[str, Any]] = mapped_column(JSONB)
    headers: Mapped[dict[str, str]] = mapped_column(JSONB, server_default=text("'{}'::jsonb"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=text("now()"))
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    attempts: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    last_error: Mapped[str | None] = mapped_column(Text)
    parked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ProcessedEventRow(Base):
    """Which consumer has applied which event: the primary key makes redelivery a no-op."""

    __tablename__ = "processed_events"

    consumer: Mapped[str] = mapped_column(String(100), primary_key=True)
    event_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    processed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=text("now()"))
    note: Mapped[str | None] = mapped_column(Text)


class MessageDeliveryRow(Base):
    """A message handed to a consumer whose handling has not finished: counted before handling and removed
    after it, so a message that ends the process is counted across restarts (and dead-lettered after N)."""

    __tablename__ = "message_deliveries"

    consumer: Mapped[str] = mapped_column(String(100), primary_key=True)
    topic: Mapped[str] = mapped_column(String(300), primary_key=True)
    partition: Mapped[int] = mapped_column(Integer, primary_key=True)
    offset: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    deliveries: Mapped[int] = mapped_column(Integer)
    last_delivered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=text("now()"))

"""The cardholder directory: lives outside sessions and survives the 90-day purge. Written by the gateway."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, DateTime, ForeignKey, Index, String, UniqueConstraint, Uuid, text
from sqlalchemy.orm import Mapped, mapped_column

from recon_contracts.db.base import Base


class CardholderRow(Base):
    """A person (or an account such as a toll pass) who holds a card across months."""

    __tablename__ = "cardholders"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    display_name: Mapped[str] = mapped_column(String(200))
    employee_number: Mapped[str | None] = mapped_column(String(50), unique=True)
    is_account: Mapped[bool] = mapped_column(Boolean, server_default="false")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=text("now()"))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=text("now()"))


class CardholderAliasRow(Base):
    """A reviewer's word on whether a name (statement or expense report) is a cardholder: confirmed ones apply
    automatically, rejected ones are never suggested again. One row per (alias, cardholder), so "J SMITH is not
    John" and "J SMITH is not Jane" both hold; at most one cardholder owns a confirmed alias."""

    __tablename__ = "cardholder_aliases"
    __table_args__ = (
        CheckConstraint("status IN ('suggested', 'confirmed', 'rejected')", name="status"),
        UniqueConstraint("alias", "cardholder_id"),
        Index(
            "uq_cardholder_aliases_confirmed_alias", "alias", unique=True, postgresql_where=text("status = 'confirmed'")
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    cardholder_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cardholders.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20), server_default="suggested")
    decided_by: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=text("now()"))


class MerchantAliasRow(Base):
    """A card descriptor a reviewer confirmed as a vendor (e.g. SHELL OIL12979 → Shell); the matcher learns it."""

    __tablename__ = "merchant_aliases"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    alias: Mapped[str] = mapped_column(String(200), unique=True)
    canonical: Mapped[str] = mapped_column(String(200))
    confirmed_by: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=text("now()"))

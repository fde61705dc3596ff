"""expense_entries: employee, expense type and merchant as text (free text has no width to fail a file on);
outbox: attempts, last error and parking of a row that keeps failing; message_deliveries: how often a message
was handed to a consumer that never finished it (counted across restarts)

Revision ID: 0010
Revises: 0007
Create Date: 2026-12-03 16:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WIDENED = (("employee", 200), ("expense_type", 100), ("merchant", 200))


def upgrade() -> None:
    for column, _ in WIDENED:
        op.alter_column("expense_entries", column, type_=sa.Text())
    op.add_column("outbox", sa.Column("attempts", sa.Integer(), server_default="0", nullable=False))
    op.add_column("outbox", sa.Column("last_error", sa.Text(), nullable=True))
    op.add_column("outbox", sa.Column("parked_at", sa.DateTime(timezone=True), nullable=True))
    # The relay reads only rows neither published nor parked.
    op.drop_index("ix_outbox_unpublished", table_name="outbox")
    op.create_index(
        "ix_outbox_unpublished",
        "outbox",
        ["id"],
        postgresql_where=sa.text("published_at IS NULL AND parked_at IS NULL"),
    )
    op.create_index("ix_outbox_parked", "outbox", ["id"], postgresql_where=sa.text("parked_at IS NOT NULL"))
    op.create_table(
        "message_deliveries",
        sa.Column("consumer", sa.String(length=100), nullable=False),
        sa.Column("topic", sa.String(length=300), nullable=False),
        sa.Column("partition", sa.Integer(), nullable=False),
        sa.Column("offset", sa.BigInteger(), nullable=False),
        sa.Column("deliveries", sa.Integer(), nullable=False),
        sa.Column("last_delivered_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("consumer", "topic", "partition", "offset"),
    )


def downgrade() -> None:
    op.drop_table("message_deliveries")
    op.drop_index("ix_outbox_parked", table_name="outbox")
    op.drop_index("ix_outbox_unpublished", table_name="outbox")
    op.create_index("ix_outbox_unpublished", "outbox", ["id"], postgresql_where=sa.text("published_at IS NULL"))
    op.drop_column("outbox", "parked_at")
    op.drop_column("outbox", "last_error")
    op.drop_column("outbox", "attempts")
    for column, length in WIDENED:
        op.alter_column("expense_entries", column, type_=sa.String(length=length))

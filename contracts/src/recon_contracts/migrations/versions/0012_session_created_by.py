"""sessions.created_by: who uploaded the session (the signed-in user), for per-user limits on processing sessions

Revision ID: 0012
Revises: 0010
Create Date: 2026-12-03 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("sessions", sa.Column("created_by", sa.String(length=200), nullable=True))
    op.create_index("ix_sessions_created_by_status", "sessions", ["created_by", "status"])


def downgrade() -> None:
    op.drop_index("ix_sessions_created_by_status", table_name="sessions")
    op.drop_column("sessions", "created_by")

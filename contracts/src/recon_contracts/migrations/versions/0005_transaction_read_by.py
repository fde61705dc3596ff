"""transactions: how each line was read (text layer or OCR)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28 02:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("transactions", sa.Column("read_by", sa.String(length=10), server_default="text", nullable=False))
    op.create_check_constraint("read_by", "transactions", "read_by IN ('text', 'ocr')")


def downgrade() -> None:
    op.drop_constraint(op.f("ck_transactions_read_by"), "transactions", type_="check")
    op.drop_column("transactions", "read_by")

"""card network digit, statement period

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 00:01:54.864637
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('file_extractions', sa.Column('period_start', sa.Date(), nullable=True))
    op.add_column('file_extractions', sa.Column('period_end', sa.Date(), nullable=True))
    op.add_column('transactions', sa.Column('card_first_digit', sa.String(length=1), nullable=True))


    op.create_check_constraint("card_first_digit", "transactions", "card_first_digit ~ '^[0-9]$'")


def downgrade() -> None:
    op.drop_constraint(op.f("ck_transactions_card_first_digit"), "transactions", type_="check")
    op.drop_column('transactions', 'card_first_digit')
    op.drop_column('file_extractions', 'period_end')
    op.drop_column('file_extractions', 'period_start')

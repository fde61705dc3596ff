"""match_results: each line's outcome (who decided what, when, why) and the entries its coding comes from;
match_runs: every status transition a run made

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 15:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OUTCOMES = "'auto_matched', 'approved', 'reassigned', 'waived', 'split', 'unmatched'"


def upgrade() -> None:
    op.add_column(
        "match_results", sa.Column("outcome", sa.String(length=20), server_default="unmatched", nullable=False)
    )
    op.add_column("match_results", sa.Column("outcome_by", sa.String(length=200), nullable=True))
    op.add_column("match_results", sa.Column("outcome_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("match_results", sa.Column("outcome_reason", sa.Text(), nullable=True))
    op.add_column(
        "match_results",
        sa.Column(
            "coding_entries",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'[]'::jsonb"),
            nullable=False,
        ),
    )
    op.create_check_constraint("outcome", "match_results", f"outcome IN ({OUTCOMES})")
    # Results matched before this revision: their entry codes them and their status says roughly how they came
    # about, until the next run of their session writes the full outcome (and a refund's coding).
    op.execute(
        "UPDATE match_results SET "
        "coding_entries = CASE WHEN expense_entry_id IS NULL THEN '[]'::jsonb "
        "ELSE jsonb_build_array(expense_entry_id::text) END, "
        "outcome = CASE WHEN match_status = 'approved' THEN 'approved' ELSE 'auto_matched' END, "
        "outcome_at = created_at, outcome_reason = match_reason "
        "WHERE expense_entry_id IS NOT NULL OR receipt_id IS NOT NULL"
    )
    op.add_column(
        "match_runs",
        sa.Column(
            "changes", postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'[]'::jsonb"), nullable=False
        ),
    )


def downgrade() -> None:
    op.drop_column("match_runs", "changes")
    op.drop_constraint(op.f("ck_match_results_outcome"), "match_results", type_="check")
    for column in ("coding_entries", "outcome_reason", "outcome_at", "outcome_by", "outcome"):
        op.drop_column("match_results", column)

"""review integrity, one period per session, findings: same-session references, line backings, needs attention

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 14:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_STATUSES = "'processing', 'extracting', 'matching', 'reporting', 'completed', 'failed', 'expired'"
_REFERENCES = (("transaction_id", "transactions"), ("expense_entry_id", "expense_entries"), ("receipt_id", "receipts"))


def _same_session_fks(table: str, ondelete: dict[str, str | None]) -> None:
    for column, target in _REFERENCES:
        op.create_foreign_key(
            op.f(f"fk_{table}_session_id_{target}"),
            table,
            target,
            ["session_id", column],
            ["session_id", "id"],
            ondelete=ondelete.get(column),
        )


def upgrade() -> None:
    # btree_gist lets an exclusion constraint compare uuids with = and <> (a trusted extension: the owner may).
    op.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    for table in ("transactions", "expense_entries", "receipts"):
        op.create_unique_constraint(op.f(f"uq_{table}_session_id_id"), table, ["session_id", "id"])

    for column, target in _REFERENCES:
        op.drop_constraint(op.f(f"fk_review_decisions_{column}_{target}"), "review_decisions", type_="foreignkey")
    # Decisions already naming a row of another session (issue 11) lose that reference rather than the decision.
    for column, target in _REFERENCES[1:]:
        op.execute(
            f"UPDATE review_decisions d SET {column} = NULL WHERE {column} IS NOT NULL AND NOT EXISTS "
            f"(SELECT 1 FROM {target} t WHERE t.id = d.{column} AND t.session_id = d.session_id)"
        )
    op.execute(
        "DELETE FROM review_decisions d WHERE NOT EXISTS "
        "(SELECT 1 FROM transactions t WHERE t.id = d.transaction_id AND t.session_id = d.session_id)"
    )
    _same_session_fks("review_decisions", {"transaction_id": "CASCADE"})
    op.add_column("review_decisions", sa.Column("split_id", sa.Uuid(), nullable=True))
    # Rows are named by UUID in the API; the bigint ids keep their order.
    for table in ("review_decisions", "audit_log"):
        op.add_column(
            table, sa.Column("public_id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False)
        )
        op.create_unique_constraint(op.f(f"uq_{table}_public_id"), table, ["public_id"])

    op.create_table(
        "line_backings",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("session_id", sa.Uuid(), nullable=False),
        sa.Column("transaction_id", sa.Uuid(), nullable=False),
        sa.Column("expense_entry_id", sa.Uuid(), nullable=True),
        sa.Column("receipt_id", sa.Uuid(), nullable=True),
        sa.Column("decision_id", sa.BigInteger(), nullable=False),
        sa.Column("split_id", sa.Uuid(), nullable=True),
        sa.Column("holder", sa.Uuid(), sa.Computed("coalesce(split_id, transaction_id)", persisted=True)),
        sa.CheckConstraint("(expense_entry_id IS NULL) <> (receipt_id IS NULL)", name=op.f("ck_line_backings_one_backing")),
        sa.ForeignKeyConstraint(
            ["session_id"], ["sessions.id"], name=op.f("fk_line_backings_session_id_sessions"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["decision_id"],
            ["review_decisions.id"],
            name=op.f("fk_line_backings_decision_id_review_decisions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_line_backings")),
        postgresql.ExcludeConstraint(
            (sa.column("session_id"), "="),
            (sa.column("expense_entry_id"), "="),
            (sa.column("holder"), "<>"),
            using="gist",
            name="xc_line_backings_entry_backs_one_line",
        ),
        postgresql.ExcludeConstraint(
            (sa.column("session_id"), "="),
            (sa.column("receipt_id"), "="),
            (sa.column("holder"), "<>"),
            using="gist",
            name="xc_line_backings_receipt_backs_one_line",
        ),
    )
    _same_session_fks("line_backings", {c: "CASCADE" for c, _ in _REFERENCES})
    op.create_index(op.f("ix_line_backings_session_id"), "line_backings", ["session_id"])
    op.create_index(op.f("ix_line_backings_decision_id"), "line_backings", ["decision_id"])

    op.drop_constraint(op.f("ck_sessions_status"), "sessions", type_="check")
    op.create_check_constraint("status", "sessions", f"status IN ({_STATUSES}, 'needs_attention')")
    op.add_column("progress_events", sa.Column("session_status", sa.String(length=20), nullable=True))

    op.add_column("uploads", sa.Column("allow_other_period", sa.Boolean(), server_default="false", nullable=False))
    op.add_column("uploads", sa.Column("findings_accepted_by", sa.String(length=200), nullable=True))
    op.add_column("uploads", sa.Column("findings_accepted_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("uploads", sa.Column("findings_accept_reason", sa.Text(), nullable=True))
    op.create_check_constraint(
        "findings_acceptance_complete",
        "uploads",
        "(findings_accepted_by IS NULL) = (findings_accepted_at IS NULL)"
        " AND (findings_accepted_by IS NULL) = (findings_accept_reason IS NULL)",
    )

    op.add_column(
        "file_extractions",
        sa.Column("findings", postgresql.JSONB(), server_default=sa.text("'[]'::jsonb"), nullable=False),
    )
    op.add_column("file_extractions", sa.Column("duplicate_of", sa.Uuid(), nullable=True))
    op.create_foreign_key(
        op.f("fk_file_extractions_duplicate_of_uploads"),
        "file_extractions",
        "uploads",
        ["duplicate_of"],
        ["id"],
        ondelete="CASCADE",
    )
    op.drop_constraint(op.f("ck_file_extractions_status"), "file_extractions", type_="check")
    op.create_check_constraint("status", "file_extractions", "status IN ('extracted', 'failed', 'duplicate')")
    op.create_check_constraint(
        "duplicate_names_original", "file_extractions", "status <> 'duplicate' OR duplicate_of IS NOT NULL"
    )


def downgrade() -> None:
    op.drop_constraint(op.f("ck_file_extractions_duplicate_names_original"), "file_extractions", type_="check")
    op.drop_constraint(op.f("ck_file_extractions_status"), "file_extractions", type_="check")
    op.execute("DELETE FROM file_extractions WHERE status = 'duplicate'")
    op.create_check_constraint("status", "file_extractions", "status IN ('extracted', 'failed')")
    op.drop_constraint(op.f("fk_file_extractions_duplicate_of_uploads"), "file_extractions", type_="foreignkey")
    op.drop_column("file_extractions", "duplicate_of")
    op.drop_column("file_extractions", "findings")

    op.drop_constraint(op.f("ck_uploads_findings_acceptance_complete"), "uploads", type_="check")
    for column in ("findings_accept_reason", "findings_accepted_at", "findings_accepted_by", "allow_other_period"):
        op.drop_column("uploads", column)

    op.drop_column("progress_events", "session_status")
    op.drop_constraint(op.f("ck_sessions_status"), "sessions", type_="check")
    op.execute("UPDATE sessions SET status = 'completed' WHERE status = 'needs_attention'")
    op.create_check_constraint("status", "sessions", f"status IN ({_STATUSES})")

    op.drop_table("line_backings")
    for table in ("review_decisions", "audit_log"):
        op.drop_constraint(op.f(f"uq_{table}_public_id"), table, type_="unique")
        op.drop_column(table, "public_id")
    op.drop_column("review_decisions", "split_id")
    for column, target in _REFERENCES:
        op.drop_constraint(op.f(f"fk_review_decisions_session_id_{target}"), "review_decisions", type_="foreignkey")
    op.create_foreign_key(
        op.f("fk_review_decisions_transaction_id_transactions"),
        "review_decisions",
        "transactions",
        ["transaction_id"],
        ["id"],
        ondelete="CASCADE",
    )
    for column, target in _REFERENCES[1:]:
        op.create_foreign_key(
            op.f(f"fk_review_decisions_{column}_{target}"),
            "review_decisions",
            target,
            [column],
            ["id"],
            ondelete="SET NULL",
        )
    for table in ("transactions", "expense_entries", "receipts"):
        op.drop_constraint(op.f(f"uq_{table}_session_id_id"), table, type_="unique")

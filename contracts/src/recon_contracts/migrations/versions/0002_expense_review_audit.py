"""expense entries, review, audit, match runs

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 23:16:58.301832
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('merchant_aliases',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('alias', sa.String(length=200), nullable=False),
    sa.Column('canonical', sa.String(length=200), nullable=False),
    sa.Column('confirmed_by', sa.String(length=200), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_merchant_aliases')),
    sa.UniqueConstraint('alias', name=op.f('uq_merchant_aliases_alias'))
    )
    op.create_table('audit_log',
    sa.Column('id', sa.BigInteger(), autoincrement=True, nullable=False),
    sa.Column('session_id', sa.Uuid(), nullable=False),
    sa.Column('actor', sa.String(length=200), nullable=False),
    sa.Column('action', sa.String(length=50), nullable=False),
    sa.Column('target_type', sa.String(length=50), nullable=False),
    sa.Column('target_id', sa.String(length=100), nullable=True),
    sa.Column('before', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    sa.Column('after', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['sessions.id'], name=op.f('fk_audit_log_session_id_sessions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    op.create_index(op.f('ix_audit_log_session_id_id'), 'audit_log', ['session_id', 'id'], unique=False)
    op.create_table('match_runs',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('session_id', sa.Uuid(), nullable=False),
    sa.Column('run_number', sa.Integer(), nullable=False),
    sa.Column('newly_complete', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'[]'::jsonb"), nullable=False),
    sa.Column('newly_missing', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'[]'::jsonb"), nullable=False),
    sa.Column('summary', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['sessions.id'], name=op.f('fk_match_runs_session_id_sessions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_match_runs')),
    sa.UniqueConstraint('session_id', 'run_number', name=op.f('uq_match_runs_session_id_run_number'))
    )
    op.create_table('expense_entries',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('session_id', sa.Uuid(), nullable=False),
    sa.Column('upload_id', sa.Uuid(), nullable=False),
    sa.Column('entry_index', sa.Integer(), nullable=False),
    sa.Column('employee', sa.String(length=200), nullable=False),
    sa.Column('expense_type', sa.String(length=100), nullable=True),
    sa.Column('entry_date', sa.Date(), nullable=True),
    sa.Column('amount', sa.Numeric(precision=14, scale=4), nullable=True),
    sa.Column('purpose', sa.Text(), nullable=True),
    sa.Column('merchant', sa.String(length=200), nullable=True),
    sa.Column('address', sa.Text(), nullable=True),
    sa.Column('gl_account', sa.String(length=50), nullable=True),
    sa.Column('job', sa.String(length=50), nullable=True),
    sa.Column('phase', sa.String(length=50), nullable=True),
    sa.Column('cost_type', sa.String(length=50), nullable=True),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['sessions.id'], name=op.f('fk_expense_entries_session_id_sessions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['upload_id'], ['uploads.id'], name=op.f('fk_expense_entries_upload_id_uploads'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_expense_entries')),
    sa.UniqueConstraint('upload_id', 'entry_index', name=op.f('uq_expense_entries_upload_id_entry_index'))
    )
    op.create_index(op.f('ix_expense_entries_session_id_amount'), 'expense_entries', ['session_id', 'amount'], unique=False)
    op.create_index(op.f('ix_expense_entries_session_id_employee'), 'expense_entries', ['session_id', 'employee'], unique=False)
    op.create_index(op.f('ix_expense_entries_upload_id'), 'expense_entries', ['upload_id'], unique=False)
    op.create_table('review_decisions',
    sa.Column('id', sa.BigInteger(), autoincrement=True, nullable=False),
    sa.Column('session_id', sa.Uuid(), nullable=False),
    sa.Column('transaction_id', sa.Uuid(), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('expense_entry_id', sa.Uuid(), nullable=True),
    sa.Column('receipt_id', sa.Uuid(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('decided_by', sa.String(length=200), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint("action <> 'no_receipt' OR reason IS NOT NULL", name=op.f('ck_review_decisions_no_receipt_has_reason')),
    sa.CheckConstraint("action <> 'reassign' OR expense_entry_id IS NOT NULL OR receipt_id IS NOT NULL", name=op.f('ck_review_decisions_reassign_has_target')),
    sa.CheckConstraint("action IN ('approve', 'reject', 'reassign', 'no_receipt')", name=op.f('ck_review_decisions_action')),
    sa.ForeignKeyConstraint(['expense_entry_id'], ['expense_entries.id'], name=op.f('fk_review_decisions_expense_entry_id_expense_entries'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['receipt_id'], ['receipts.id'], name=op.f('fk_review_decisions_receipt_id_receipts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['session_id'], ['sessions.id'], name=op.f('fk_review_decisions_session_id_sessions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['transaction_id'], ['transactions.id'], name=op.f('fk_review_decisions_transaction_id_transactions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_decisions')),
    )
    op.create_index(op.f('ix_review_decisions_session_id'), 'review_decisions', ['session_id'], unique=False)
    op.create_index(op.f('ix_review_decisions_transaction_id'), 'review_decisions', ['transaction_id'], unique=False)
    op.add_column('match_results', sa.Column('expense_entry_id', sa.Uuid(), nullable=True))
    op.add_column('match_results', sa.Column('line_status', sa.String(length=30), nullable=True))
    op.add_column('match_results', sa.Column('needs_review', sa.Boolean(), server_default='false', nullable=False))
    op.add_column('match_results', sa.Column('candidates', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'[]'::jsonb"), nullable=False))
    op.create_foreign_key(op.f('fk_match_results_expense_entry_id_expense_entries'), 'match_results', 'expense_entries', ['expense_entry_id'], ['id'], ondelete='SET NULL')
    op.add_column('receipts', sa.Column('expense_entry_id', sa.Uuid(), nullable=True))
    op.add_column('receipts', sa.Column('image_sha256', sa.String(length=64), nullable=True))
    op.add_column('receipts', sa.Column('duplicate_of_id', sa.Uuid(), nullable=True))
    op.add_column('receipts', sa.Column('page', sa.Integer(), nullable=True))
    op.create_index(op.f('ix_receipts_expense_entry_id'), 'receipts', ['expense_entry_id'], unique=False)
    op.create_foreign_key(op.f('fk_receipts_duplicate_of_id_receipts'), 'receipts', 'receipts', ['duplicate_of_id'], ['id'], ondelete='SET NULL')
    op.create_foreign_key(op.f('fk_receipts_expense_entry_id_expense_entries'), 'receipts', 'expense_entries', ['expense_entry_id'], ['id'], ondelete='CASCADE')
    op.add_column('sessions', sa.Column('period_start', sa.Date(), nullable=True))
    op.add_column('sessions', sa.Column('period_end', sa.Date(), nullable=True))
    # Alembic does not autogenerate CHECK changes: the match status of a line and the pvault report format.
    op.create_check_constraint(
        "line_status",
        "match_results",
        "line_status IS NULL OR line_status IN ('complete', 'missing_receipt', 'missing_coding', 'missing_both', "
        "'missing_all_receipts', 'credit')",
    )
    op.drop_constraint(op.f("ck_report_artifacts_format"), "report_artifacts", type_="check")
    op.create_check_constraint("format", "report_artifacts", "format IN ('xlsx', 'csv', 'pvault')")


def downgrade() -> None:
    op.execute("DELETE FROM report_artifacts WHERE format = 'pvault'")
    op.drop_constraint(op.f("ck_report_artifacts_format"), "report_artifacts", type_="check")
    op.create_check_constraint("format", "report_artifacts", "format IN ('xlsx', 'csv')")
    op.drop_constraint(op.f("ck_match_results_line_status"), "match_results", type_="check")
    op.drop_column('sessions', 'period_end')
    op.drop_column('sessions', 'period_start')
    op.drop_constraint(op.f('fk_receipts_expense_entry_id_expense_entries'), 'receipts', type_='foreignkey')
    op.drop_constraint(op.f('fk_receipts_duplicate_of_id_receipts'), 'receipts', type_='foreignkey')
    op.drop_index(op.f('ix_receipts_expense_entry_id'), table_name='receipts')
    op.drop_column('receipts', 'page')
    op.drop_column('receipts', 'duplicate_of_id')
    op.drop_column('receipts', 'image_sha256')
    op.drop_column('receipts', 'expense_entry_id')
    op.drop_constraint(op.f('fk_match_results_expense_entry_id_expense_entries'), 'match_results', type_='foreignkey')
    op.drop_column('match_results', 'candidates')
    op.drop_column('match_results', 'needs_review')
    op.drop_column('match_results', 'line_status')
    op.drop_column('match_results', 'expense_entry_id')
    op.drop_index(op.f('ix_review_decisions_transaction_id'), table_name='review_decisions')
    op.drop_index(op.f('ix_review_decisions_session_id'), table_name='review_decisions')
    op.drop_table('review_decisions')
    op.drop_index(op.f('ix_expense_entries_upload_id'), table_name='expense_entries')
    op.drop_index(op.f('ix_expense_entries_session_id_employee'), table_name='expense_entries')
    op.drop_index(op.f('ix_expense_entries_session_id_amount'), table_name='expense_entries')
    op.drop_table('expense_entries')
    op.drop_table('match_runs')
    op.drop_index(op.f('ix_audit_log_session_id_id'), table_name='audit_log')
    op.drop_table('audit_log')
    op.drop_table('merchant_aliases')

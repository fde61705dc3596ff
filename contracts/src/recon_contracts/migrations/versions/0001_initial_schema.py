"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-27 22:46:53.808270
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


UPDATED_AT_TABLES = ("sessions", "cardholders")


def upgrade() -> None:
    op.execute(
        "CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN NEW.updated_at = now(); RETURN NEW; END $$"
    )
    op.create_table('cardholders',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('display_name', sa.String(length=200), nullable=False),
    sa.Column('employee_number', sa.String(length=50), nullable=True),
    sa.Column('is_account', sa.Boolean(), server_default='false', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cardholders')),
    sa.UniqueConstraint('employee_number', name=op.f('uq_cardholders_employee_number'))
    )
    op.create_table('outbox',
    sa.Column('id', sa.BigInteger(), autoincrement=True, nullable=False),
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('topic', sa.String(length=200), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('event_type', sa.String(length=100), nullable=False),
    sa.Column('payload', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('headers', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox')),
    sa.UniqueConstraint('event_id', name=op.f('uq_outbox_event_id'))
    )
    op.create_index('ix_outbox_unpublished', 'outbox', ['id'], unique=False, postgresql_where=sa.text('published_at IS NULL'))
    op.create_table('processed_events',
    sa.Column('consumer', sa.String(length=100), nullable=False),
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('processed_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('consumer', 'event_id', name=op.f('pk_processed_events'))
    )
    op.create_table('sessions',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), server_default=sa.text("now() + interval '90 days'"), nullable=False),
    sa.Column('status', sa.String(length=20), server_default='processing', nullable=False),
    sa.Column('status_message', sa.Text(), nullable=True),
    sa.Column('upload_count', sa.Integer(), server_default='0', nullable=False),
    sa.Column('total_transactions', sa.Integer(), server_default='0', nullable=False),
    sa.Column('total_receipts', sa.Integer(), server_default='0', nullable=False),
    sa.Column('matched_count', sa.Integer(), server_default='0', nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint("status IN ('processing', 'extracting', 'matching', 'reporting', 'completed', 'failed', 'expired')", name=op.f('ck_sessions_status')),
    sa.CheckConstraint('expires_at > created_at', name=op.f('ck_sessions_expires_after_created')),
    sa.CheckConstraint('upload_count >= 0 AND total_transactions >= 0 AND total_receipts >= 0 AND matched_count >= 0', name=op.f('ck_sessions_counts_not_negative')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sessions'))
    )
    op.create_index(op.f('ix_sessions_created_at'), 'sessions', ['created_at'], unique=False)
    op.create_index(op.f('ix_sessions_expires_at'), 'sessions', ['expires_at'], unique=False)
    op.create_index(op.f('ix_sessions_status'), 'sessions', ['status'], unique=False)
    op.create_table('cardholder_aliases',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('cardholder_id', sa.Uuid(), nullable=False),
    sa.Column('alias', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=20), server_default='suggested', nullable=False),
    sa.Column('decided_by', sa.String(length=200), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint("status IN ('suggested', 'confirmed', 'rejected')", name=op.f('ck_cardholder_aliases_status')),
    sa.ForeignKeyConstraint(['cardholder_id'], ['cardholders.id'], name=op.f('fk_cardholder_aliases_cardholder_id_cardholders'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cardholder_aliases')),
    sa.UniqueConstraint('alias', name=op.f('uq_cardholder_aliases_alias'))
    )
    op.create_index(op.f('ix_cardholder_aliases_cardholder_id'), 'cardholder_aliases', ['cardholder_id'], unique=False)
    op.create_table('employees',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('session_id', sa.Uuid(), nullable=False),
    sa.Column('employee_number', sa.String(length=50), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('department', sa.String(length=200), nullable=True),
    sa.Column('cost_center', sa.String(length=100), nullable=True),
    sa.Column('card_last_four', sa.String(length=4), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint("card_last_four ~ '^[0-9]{4}$'", name=op.f('ck_employees_card_last_four_digits')),
    sa.ForeignKeyConstraint(['session_id'], ['sessions.id'], name=op.f('fk_employees_session_id_sessions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_employees')),
    sa.UniqueConstraint('session_id', 'employee_number', name=op.f('uq_employees_session_id_employee_number')),
    sa.UniqueConstraint('session_id', 'name', name=op.f('uq_employees_session_id_name'))
    )
    op.create_index(op.f('ix_employees_session_id'), 'employees', ['session_id'], unique=False)
    op.create_index(op.f('ix_employees_session_id_created_at'), 'employees', ['session_id', 'created_at'], unique=False)
    op.create_table('extraction_batches',
    sa.Column('batch_id', sa.Uuid(), nullable=False),
    sa.Column('session_id', sa.Uuid(), nullable=False),
    sa.Column('expected_files', sa.Integer(), nullable=False),
    sa.Column('finished_files', sa.Integer(), server_default='0', nullable=False),
    sa.Column('failed_files', sa.Integer(), server_default='0', nullable=False),
    sa.Column('completed_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('finished_files >= 0 AND finished_files <= expected_files', name=op.f('ck_extraction_batches_finished_in_range')),
    sa.ForeignKeyConstraint(['session_id'], ['sessions.id'], name=op.f('fk_extraction_batches_session_id_sessions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('batch_id', name=op.f('pk_extraction_batches'))
    )
    op.create_index(op.f('ix_extraction_batches_session_id'), 'extraction_batches', ['session_id'], unique=False)
    op.create_table('progress_events',
    sa.Column('id', sa.BigInteger(), autoincrement=True, nullable=False),
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('session_id', sa.Uuid(), nullable=False),
    sa.Column('service', sa.String(length=50), nullable=False),
    sa.Column('stage', sa.String(length=20), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('current', sa.Integer(), nullable=True),
    sa.Column('total', sa.Integer(), nullable=True),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['sessions.id'], name=op.f('fk_progress_events_session_id_sessions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_progress_events')),
    sa.UniqueConstraint('event_id', name=op.f('uq_progress_events_event_id'))
    )
    op.create_index(op.f('ix_progress_events_session_id_id'), 'progress_events', ['session_id', 'id'], unique=False)
    op.create_table('report_artifacts',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('session_id', sa.Uuid(), nullable=False),
    sa.Column('format', sa.String(length=10), nullable=False),
    sa.Column('blob_ref', sa.Text(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size_bytes', sa.BigInteger(), nullable=False),
    sa.Column('row_count', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint("format IN ('xlsx', 'csv')", name=op.f('ck_report_artifacts_format')),
    sa.CheckConstraint('size_bytes > 0', name=op.f('ck_report_artifacts_size_positive')),
    sa.ForeignKeyConstraint(['session_id'], ['sessions.id'], name=op.f('fk_report_artifacts_session_id_sessions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_artifacts')),
    sa.UniqueConstraint('session_id', 'format', name=op.f('uq_report_artifacts_session_id_format'))
    )
    op.create_table('uploads',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('session_id', sa.Uuid(), nullable=False),
    sa.Column('batch_id', sa.Uuid(), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('blob_ref', sa.Text(), nullable=True),
    sa.Column('sha256', sa.String(length=64), nullable=True),
    sa.Column('size_bytes', sa.BigInteger(), nullable=False),
    sa.Column('detected_type', sa.String(length=100), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint("sha256 ~ '^[0-9a-f]{64}$'", name=op.f('ck_uploads_sha256_hex')),
    sa.CheckConstraint("status = 'rejected' OR (blob_ref IS NOT NULL AND sha256 IS NOT NULL)", name=op.f('ck_uploads_stored_has_blob')),
    sa.CheckConstraint("status IN ('stored', 'rejected')", name=op.f('ck_uploads_status')),
    sa.CheckConstraint('size_bytes >= 0', name=op.f('ck_uploads_size_not_negative')),
    sa.ForeignKeyConstraint(['session_id'], ['sessions.id'], name=op.f('fk_uploads_session_id_sessions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_uploads'))
    )
    op.create_index(op.f('ix_uploads_session_id_created_at'), 'uploads', ['session_id', 'created_at'], unique=False)
    op.create_table('file_extractions',
    sa.Column('upload_id', sa.Uuid(), nullable=False),
    sa.Column('session_id', sa.Uuid(), nullable=False),
    sa.Column('batch_id', sa.Uuid(), nullable=False),
    sa.Column('document_kind', sa.String(length=30), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('pages', sa.Integer(), nullable=True),
    sa.Column('warnings', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'[]'::jsonb"), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint("status <> 'failed' OR error IS NOT NULL", name=op.f('ck_file_extractions_failure_explained')),
    sa.CheckConstraint("status IN ('extracted', 'failed')", name=op.f('ck_file_extractions_status')),
    sa.ForeignKeyConstraint(['session_id'], ['sessions.id'], name=op.f('fk_file_extractions_session_id_sessions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['upload_id'], ['uploads.id'], name=op.f('fk_file_extractions_upload_id_uploads'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('upload_id', name=op.f('pk_file_extractions'))
    )
    op.create_index(op.f('ix_file_extractions_batch_id'), 'file_extractions', ['batch_id'], unique=False)
    op.create_index(op.f('ix_file_extractions_session_id'), 'file_extractions', ['session_id'], unique=False)
    op.create_table('receipts',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('session_id', sa.Uuid(), nullable=False),
    sa.Column('upload_id', sa.Uuid(), nullable=False),
    sa.Column('receipt_date', sa.Date(), nullable=True),
    sa.Column('amount', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=True),
    sa.Column('vendor_name', sa.String(length=200), nullable=True),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('file_path', sa.Text(), nullable=False),
    sa.Column('file_size', sa.Integer(), nullable=False),
    sa.Column('mime_type', sa.String(length=100), nullable=False),
    sa.Column('ocr_confidence', sa.Float(), nullable=True),
    sa.Column('extracted_data', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
    sa.Column('processing_status', sa.String(length=20), server_default='pending', nullable=False),
    sa.Column('error_message', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('processed_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("processing_status <> 'failed' OR error_message IS NOT NULL", name=op.f('ck_receipts_failure_explained')),
    sa.CheckConstraint("processing_status IN ('pending', 'processing', 'completed', 'failed')", name=op.f('ck_receipts_processing_status')),
    sa.CheckConstraint('file_size > 0', name=op.f('ck_receipts_file_size_positive')),
    sa.CheckConstraint('ocr_confidence BETWEEN 0 AND 1', name=op.f('ck_receipts_confidence_range')),
    sa.ForeignKeyConstraint(['session_id'], ['sessions.id'], name=op.f('fk_receipts_session_id_sessions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['upload_id'], ['uploads.id'], name=op.f('fk_receipts_upload_id_uploads'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_receipts'))
    )
    op.create_index(op.f('ix_receipts_amount'), 'receipts', ['amount'], unique=False)
    op.create_index('ix_receipts_extracted_data', 'receipts', ['extracted_data'], unique=False, postgresql_using='gin')
    op.create_index(op.f('ix_receipts_session_id'), 'receipts', ['session_id'], unique=False)
    op.create_index('ix_receipts_session_id_receipt_date', 'receipts', ['session_id', sa.literal_column('receipt_date DESC')], unique=False)
    op.create_index('ix_receipts_unfinished', 'receipts', ['session_id', 'processing_status'], unique=False, postgresql_where=sa.text("processing_status IN ('pending', 'processing', 'failed')"))
    op.create_index(op.f('ix_receipts_upload_id'), 'receipts', ['upload_id'], unique=False)
    op.create_index(op.f('ix_receipts_vendor_name'), 'receipts', ['vendor_name'], unique=False)
    op.create_table('transactions',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('session_id', sa.Uuid(), nullable=False),
    sa.Column('upload_id', sa.Uuid(), nullable=False),
    sa.Column('employee_id', sa.Uuid(), nullable=True),
    sa.Column('transaction_date', sa.Date(), nullable=False),
    sa.Column('post_date', sa.Date(), nullable=True),
    sa.Column('amount', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('currency', sa.String(length=3), server_default='USD', nullable=False),
    sa.Column('merchant_name', sa.String(length=200), nullable=False),
    sa.Column('merchant_category', sa.String(length=100), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('card_last_four', sa.String(length=4), nullable=True),
    sa.Column('reference_number', sa.String(length=50), nullable=True),
    sa.Column('is_credit', sa.Boolean(), server_default='false', nullable=False),
    sa.Column('incomplete_flag', sa.Boolean(), server_default='false', nullable=False),
    sa.Column('raw_data', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint("card_last_four ~ '^[0-9]{4}$'", name=op.f('ck_transactions_card_last_four_digits')),
    sa.CheckConstraint("currency ~ '^[A-Z]{3}$'", name=op.f('ck_transactions_currency_code')),
    sa.CheckConstraint('is_credit = (amount < 0)', name=op.f('ck_transactions_credit_is_negative')),
    sa.CheckConstraint('post_date IS NULL OR post_date >= transaction_date', name=op.f('ck_transactions_posted_after_transaction')),
    sa.ForeignKeyConstraint(['employee_id'], ['employees.id'], name=op.f('fk_transactions_employee_id_employees'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['session_id'], ['sessions.id'], name=op.f('fk_transactions_session_id_sessions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['upload_id'], ['uploads.id'], name=op.f('fk_transactions_upload_id_uploads'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_transactions'))
    )
    op.create_index(op.f('ix_transactions_amount'), 'transactions', ['amount'], unique=False)
    op.create_index(op.f('ix_transactions_employee_id'), 'transactions', ['employee_id'], unique=False)
    op.create_index(op.f('ix_transactions_merchant_name'), 'transactions', ['merchant_name'], unique=False)
    op.create_index('ix_transactions_raw_data', 'transactions', ['raw_data'], unique=False, postgresql_using='gin')
    op.create_index(op.f('ix_transactions_session_id'), 'transactions', ['session_id'], unique=False)
    op.create_index('ix_transactions_session_id_transaction_date', 'transactions', ['session_id', sa.literal_column('transaction_date DESC')], unique=False)
    op.create_index(op.f('ix_transactions_upload_id'), 'transactions', ['upload_id'], unique=False)
    op.create_index('uq_transactions_session_id_reference_number', 'transactions', ['session_id', 'reference_number'], unique=True, postgresql_where=sa.text('reference_number IS NOT NULL'))
    op.create_table('match_results',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('session_id', sa.Uuid(), nullable=False),
    sa.Column('transaction_id', sa.Uuid(), nullable=False),
    sa.Column('receipt_id', sa.Uuid(), nullable=True),
    sa.Column('confidence_score', sa.Float(), nullable=False),
    sa.Column('match_status', sa.String(length=20), nullable=False),
    sa.Column('match_reason', sa.Text(), nullable=True),
    sa.Column('amount_difference', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('date_difference_days', sa.Integer(), nullable=True),
    sa.Column('merchant_similarity', sa.Float(), nullable=True),
    sa.Column('matching_factors', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
    sa.Column('reviewed_by', sa.String(length=200), nullable=True),
    sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint("match_status <> 'matched' OR receipt_id IS NOT NULL", name=op.f('ck_match_results_matched_has_receipt')),
    sa.CheckConstraint("match_status IN ('matched', 'unmatched', 'manual_review', 'approved', 'rejected')", name=op.f('ck_match_results_match_status')),
    sa.CheckConstraint('confidence_score BETWEEN 0 AND 1', name=op.f('ck_match_results_confidence_range')),
    sa.CheckConstraint('merchant_similarity IS NULL OR merchant_similarity BETWEEN 0 AND 1', name=op.f('ck_match_results_similarity_range')),
    sa.ForeignKeyConstraint(['receipt_id'], ['receipts.id'], name=op.f('fk_match_results_receipt_id_receipts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['session_id'], ['sessions.id'], name=op.f('fk_match_results_session_id_sessions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['transaction_id'], ['transactions.id'], name=op.f('fk_match_results_transaction_id_transactions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_match_results')),
    sa.UniqueConstraint('transaction_id', name=op.f('uq_match_results_transaction_id'))
    )
    op.create_index('ix_match_results_receipt_id', 'match_results', ['receipt_id'], unique=False, postgresql_where=sa.text('receipt_id IS NOT NULL'))
    op.create_index(op.f('ix_match_results_session_id'), 'match_results', ['session_id'], unique=False)
    op.create_index('ix_match_results_session_id_confidence', 'match_results', ['session_id', sa.literal_column('confidence_score DESC')], unique=False)
    op.create_index(op.f('ix_match_results_session_id_match_status'), 'match_results', ['session_id', 'match_status'], unique=False)
    for table in UPDATED_AT_TABLES:
        op.execute(
            f"CREATE TRIGGER {table}_set_updated_at BEFORE UPDATE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION set_updated_at()"
        )


def downgrade() -> None:
    for table in UPDATED_AT_TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_set_updated_at ON {table}")
    op.drop_index(op.f('ix_match_results_session_id_match_status'), table_name='match_results')
    op.drop_index('ix_match_results_session_id_confidence', table_name='match_results')
    op.drop_index(op.f('ix_match_results_session_id'), table_name='match_results')
    op.drop_index('ix_match_results_receipt_id', table_name='match_results', postgresql_where=sa.text('receipt_id IS NOT NULL'))
    op.drop_table('match_results')
    op.drop_index('uq_transactions_session_id_reference_number', table_name='transactions', postgresql_where=sa.text('reference_number IS NOT NULL'))
    op.drop_index(op.f('ix_transactions_upload_id'), table_name='transactions')
    op.drop_index('ix_transactions_session_id_transaction_date', table_name='transactions')
    op.drop_index(op.f('ix_transactions_session_id'), table_name='transactions')
    op.drop_index('ix_transactions_raw_data', table_name='transactions', postgresql_using='gin')
    op.drop_index(op.f('ix_transactions_merchant_name'), table_name='transactions')
    op.drop_index(op.f('ix_transactions_employee_id'), table_name='transactions')
    op.drop_index(op.f('ix_transactions_amount'), table_name='transactions')
    op.drop_table('transactions')
    op.drop_index(op.f('ix_receipts_vendor_name'), table_name='receipts')
    op.drop_index(op.f('ix_receipts_upload_id'), table_name='receipts')
    op.drop_index('ix_receipts_unfinished', table_name='receipts', postgresql_where=sa.text("processing_status IN ('pending', 'processing', 'failed')"))
    op.drop_index('ix_receipts_session_id_receipt_date', table_name='receipts')
    op.drop_index(op.f('ix_receipts_session_id'), table_name='receipts')
    op.drop_index('ix_receipts_extracted_data', table_name='receipts', postgresql_using='gin')
    op.drop_index(op.f('ix_receipts_amount'), table_name='receipts')
    op.drop_table('receipts')
    op.drop_index(op.f('ix_file_extractions_session_id'), table_name='file_extractions')
    op.drop_index(op.f('ix_file_extractions_batch_id'), table_name='file_extractions')
    op.drop_table('file_extractions')
    op.drop_index(op.f('ix_uploads_session_id_created_at'), table_name='uploads')
    op.drop_table('uploads')
    op.drop_table('report_artifacts')
    op.drop_index(op.f('ix_progress_events_session_id_id'), table_name='progress_events')
    op.drop_table('progress_events')
    op.drop_index(op.f('ix_extraction_batches_session_id'), table_name='extraction_batches')
    op.drop_table('extraction_batches')
    op.drop_index(op.f('ix_employees_session_id_created_at'), table_name='employees')
    op.drop_index(op.f('ix_employees_session_id'), table_name='employees')
    op.drop_table('employees')
    op.drop_index(op.f('ix_cardholder_aliases_cardholder_id'), table_name='cardholder_aliases')
    op.drop_table('cardholder_aliases')
    op.drop_index(op.f('ix_sessions_status'), table_name='sessions')
    op.drop_index(op.f('ix_sessions_expires_at'), table_name='sessions')
    op.drop_index(op.f('ix_sessions_created_at'), table_name='sessions')
    op.drop_table('sessions')
    op.drop_table('processed_events')
    op.drop_index('ix_outbox_unpublished', table_name='outbox', postgresql_where=sa.text('published_at IS NULL'))
    op.drop_table('outbox')
    op.drop_table('cardholders')
    op.execute("DROP FUNCTION set_updated_at()")

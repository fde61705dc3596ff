// The gateway's response bodies as the pages read them (see services/gateway/.../schemas.py).
import type { Suggestion } from "./suggestions";

export type SessionStatus =
  | "processing"
  | "extracting"
  | "matching"
  | "reporting"
  | "completed"
  | "needs_attention"
  | "failed"
  | "expired";

export type LineStatus =
  | "complete"
  | "missing_receipt"
  | "missing_coding"
  | "missing_both"
  | "missing_all_receipts"
  | "credit";

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  page_size: number;
  has_next: boolean;
}

export interface Session {
  id: string;
  name: string | null;
  status: SessionStatus;
  status_message: string | null;
  created_at: string;
  expires_at: string;
  updated_at: string;
  upload_count: number;
  total_transactions: number;
  total_receipts: number;
  matched_count: number;
  /** card lines missing a receipt, coding or both (the exceptions) */
  open_lines: number;
  period_start: string | null;
  period_end: string | null;
}

export interface Finding {
  /** unread_row, total_mismatch, balance_mismatch, unconfirmed_rows, date_order, … (the readers may add kinds) */
  kind: string;
  message: string;
  page: number | null;
}

export interface UploadedFile {
  id: string;
  filename: string;
  detected_type: string;
  size_bytes: number;
  status: string;
  error: string | null;
  extraction: {
    status: "extracted" | "failed" | "duplicate";
    document_kind: string | null;
    pages: number | null;
    error: string | null;
    warnings: string[];
    findings: Finding[];
    duplicate_of: string | null;
    period_start: string | null;
    period_end: string | null;
  } | null;
  findings_acceptance: { accepted_by: string; accepted_at: string; reason: string } | null;
}

export interface SessionDetail extends Session {
  uploads: UploadedFile[];
  attention: string[];
  periods: { start: string | null; end: string }[];
  lines_total: number;
}

export interface Cardholder {
  id: string;
  name: string;
  employee_number: string | null;
  card_last_four: string | null;
}

export interface EntryRef {
  id: string;
  employee: string;
  expense_type: string | null;
  amount: string | null;
  gl_account: string | null;
  job: string | null;
}

export interface ReceiptRef {
  id: string;
  file_name: string;
  vendor_name: string | null;
  amount: string | null;
}

export interface CardLine {
  id: string;
  reference: string | null;
  transaction_date: string;
  post_date: string | null;
  amount: string;
  merchant: string;
  card_last_four: string | null;
  read_by: string;
  cardholder: Cardholder | null;
  line_status: LineStatus | null;
  match_status: string | null;
  needs_review: boolean;
  confidence: number | null;
  reasons: string | null;
  entry: EntryRef | null;
  receipt: ReceiptRef | null;
  decision: { action: string; decided_by: string; decided_at: string; reason: string | null } | null;
  /** how the line was settled; null until the session has been matched */
  outcome: Outcome | null;
}

export interface Outcome {
  kind: "auto_matched" | "approved" | "reassigned" | "waived" | "split" | "unmatched";
  /** the reviewer, or null for the matcher */
  by: string | null;
  at: string | null;
  reason: string | null;
}

export interface LineRef {
  id: string;
  reference: string | null;
  merchant: string;
  amount: string;
  transaction_date: string;
}

export interface Entry {
  id: string;
  employee: string;
  expense_type: string | null;
  entry_date: string | null;
  amount: string | null;
  merchant: string | null;
  purpose: string | null;
  gl_account: string | null;
  job: string | null;
  phase: string | null;
  cost_type: string | null;
  source_file: string;
  receipt_ids: string[];
  lines: LineRef[];
}

export interface Receipt {
  id: string;
  file_name: string;
  vendor_name: string | null;
  receipt_date: string | null;
  amount: string | null;
  expense_entry_id: string | null;
  source_file: string;
  lines: LineRef[];
}

export interface ReviewQueue {
  lines: { transaction_id: string; match_status: string; reasons: string | null; suggestions: Suggestion[] }[];
  identity_suggestions: {
    name: string;
    cardholder: string | null;
    cardholder_id: string | null;
    employee_number: string | null;
    score: number;
    reasons: string[];
  }[];
  total: number;
}

export interface MatchRun {
  run_number: number;
  created_at: string;
  newly_complete: string[];
  newly_missing: string[];
  /** every line whose status the run moved; `from` null: new in this run, `to` null: no longer in the session */
  changes: { line: string; reference: string | null; from: LineStatus | null; to: LineStatus | null }[];
}

export interface AuditEntry {
  id: string;
  actor: string;
  action: string;
  target_type: string;
  target_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  at: string;
}

export type DecisionAction = "approve" | "reject" | "reassign" | "no_receipt";

export interface Decision {
  action: DecisionAction;
  expense_entry_id?: string;
  receipt_id?: string;
  reason?: string;
}

export type ReportFormat = "xlsx" | "csv" | "pvault";

// The gateway's API as the pages use it: every call goes through `request`, the one place where a
// sign-in token will be attached once OIDC arrives.
import type { ApiFailure as Failure } from "./wording";
import type { BatchDecision, Suggestion } from "./suggestions";
import { failureFromResponse, unreachable } from "./wording";

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
  kind: "unread_row" | "total_mismatch" | "balance_mismatch";
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

export interface Transaction {
  id: string;
  read_by: "text" | "ocr";
}

export interface SessionDetail extends Session {
  uploads: UploadedFile[];
  transactions: Transaction[];
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
  outcome?: string | null;
  outcome_by?: string | null;
  outcome_at?: string | null;
  outcome_reason?: string | null;
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

export type ApiFailure = Failure;

/** The one fetch wrapper: same-origin `/api`, JSON in and out, failures as plain-worded ApiFailure. */
export async function request(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.body && typeof init.body === "string") headers.set("content-type", "application/json");
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { ...init, headers });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw unreachable();
  }
  if (!response.ok) throw await failureFromResponse(response);
  return response;
}

export async function getJson<T>(path: string): Promise<T> {
  return (await (await request(path)).json()) as T;
}

async function send<T>(method: string, path: string, body: unknown): Promise<T> {
  const response = await request(path, { method, body: JSON.stringify(body) });
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

const session = (id: string) => `/sessions/${encodeURIComponent(id)}`;

export const api = {
  sessionsPath: (query: { q?: string; status?: string; page?: number }) => {
    const params = new URLSearchParams({ page_size: "50", page: String(query.page ?? 1) });
    if (query.q) params.set("q", query.q);
    if (query.status) params.set("status", query.status);
    return `/sessions?${params}`;
  },
  sessionPath: (id: string) => `${session(id)}?page_size=1`,
  linesPath: (id: string, page: number) => `${session(id)}/lines?page_size=500&page=${page}`,
  entriesPath: (id: string, unmatched: boolean) => `${session(id)}/entries?page_size=500&unmatched=${unmatched}`,
  receiptsPath: (id: string, unmatched: boolean) => `${session(id)}/receipts?page_size=500&unmatched=${unmatched}`,
  reviewPath: (id: string) => `${session(id)}/review?page_size=500`,
  runsPath: (id: string) => `${session(id)}/runs?page_size=500`,
  auditPath: (id: string) => `${session(id)}/audit?page_size=500`,
  eventsUrl: (id: string) => `/api${session(id)}/events`,
  uploadUrl: (id?: string) => (id ? `/api${session(id)}/uploads` : "/api/upload"),
  reportPath: (id: string, format: ReportFormat) => `${session(id)}/report?format=${format}`,
  receiptFileUrl: (id: string, receiptId: string) =>
    `/api${session(id)}/receipts/${encodeURIComponent(receiptId)}/file`,

  rename: (id: string, name: string) => send<Session>("PATCH", session(id), { name }),
  remove: (id: string) => send<void>("DELETE", session(id), undefined),
  decide: (id: string, lineId: string, decision: Decision, reviewer: string) =>
    send<unknown>("POST", `${session(id)}/lines/${encodeURIComponent(lineId)}/decisions`, { ...decision, reviewer }),
  decideBatch: (id: string, decisions: BatchDecision[], reviewer: string) =>
    send<unknown>("POST", `${session(id)}/decisions`, { decisions, reviewer }),
  decideAlias: (id: string, body: { alias: string; cardholder_name: string; employee_number: string | null; decision: "confirm" | "reject"; reviewer: string }) =>
    send<unknown>("POST", `${session(id)}/cardholder-aliases`, body),
  acceptFindings: (id: string, uploadId: string, reason: string, reviewer: string) =>
    send<unknown>("POST", `${session(id)}/files/${encodeURIComponent(uploadId)}/findings/accept`, { reason, reviewer }),
};

/** Every page of a paged list (the lines of a month are a few pages of 500). */
export async function getAll<T>(pathOf: (page: number) => string): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page += 1) {
    const body = await getJson<Page<T>>(pathOf(page));
    items.push(...body.items);
    if (!body.has_next) return items;
  }
}

// Errors in plain words, each with what to do next. The gateway already words its own messages for
// people; here they gain the next step, and the failures it cannot word (no answer at all) get words too.

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly nextStep: string,
    readonly details: unknown = null,
  ) {
    super(message);
    this.name = "ApiFailure";
  }

  /** What a person reads: the problem, then what to do. */
  get sentence(): string {
    return `${capitalise(this.message)}. ${this.nextStep}`;
  }
}

const NEXT_STEPS: Record<string, string> = {
  session_not_found:
    "It was deleted or has expired (reconciliations are kept 90 days). Start a new one from the Sessions page.",
  session_busy: "Wait until processing has finished (the page updates by itself), then try again.",
  report_not_ready: "The reports are written at the end of processing. Wait a moment, then download again.",
  ap_import_withheld: "Review the file warnings on the session page and accept them, or upload a corrected statement.",
  no_files_accepted: "Check the files: PDF, JPEG, PNG, HEIC, CSV or XLSX, each under the size limit.",
  malformed_upload: "Try the upload again; if it keeps failing, send the file to IT.",
  file_too_large: "Split the file or compress its images, then upload it again.",
  upload_too_large: "Send the files in smaller groups: start with the card report, then add the rest to the reconciliation.",
  nothing_to_approve: "Reassign the line to an expense entry or a receipt, or mark it “no receipt” with a reason.",
  already_backed: "Choose another entry or receipt, or first change the line that uses it.",
  not_in_session: "Reload the page: the choice no longer belongs to this reconciliation.",
  invalid_request: "Check what you entered and try again.",
  unavailable: "Part of card-recon is restarting. Try again in a minute.",
  internal_error: "Try again. If it happens again, send IT the reference shown here.",
  signed_out: "Your sign-in has expired. Sign in again, then repeat what you were doing.",
  unreachable: "Check your network connection and try again. If it keeps happening, card-recon may be down: tell IT.",
};

function capitalise(text: string): string {
  const trimmed = text.trim().replace(/\.$/, "");
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}

export function nextStepFor(code: string, status: number): string {
  if (NEXT_STEPS[code]) return NEXT_STEPS[code];
  if (status === 401 || status === 403) return NEXT_STEPS.signed_out!;
  if (status === 413) return NEXT_STEPS.file_too_large!;
  if (status >= 500) return NEXT_STEPS.internal_error!;
  return "Try again.";
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: unknown };
}

/** The gateway's `{"error": {...}}` body as an ApiFailure; a body that is not ours still gets plain words. */
export async function failureFromResponse(response: Response): Promise<ApiFailure> {
  let body: ErrorBody = {};
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // a proxy's HTML error page, or nothing
  }
  const status = response.status;
  const code = body.error?.code ?? (status === 401 || status === 403 ? "signed_out" : `http_${status}`);
  let message = body.error?.message ?? defaultMessage(status);
  const details = body.error?.details ?? null;
  if (code === "internal_error" && details && typeof details === "object" && "error_id" in details) {
    message = `${message} (reference ${String((details as { error_id: unknown }).error_id)})`;
  }
  if (code === "no_files_accepted" && Array.isArray(details) && details.length > 0) {
    message = `${message}: ${details.map((d: { filename?: string; error?: string }) => `${d.filename}: ${d.error}`).join("; ")}`;
  }
  return new ApiFailure(status, code, message, nextStepFor(code, status), details);
}

function defaultMessage(status: number): string {
  if (status === 401 || status === 403) return "you are not signed in, or your sign-in has expired";
  if (status === 413) return "the upload is larger than the server accepts";
  if (status === 502 || status === 503 || status === 504) return "card-recon's server is not answering";
  if (status >= 500) return "the server ran into a problem";
  return `the server refused the request (${status})`;
}

export function unreachable(): ApiFailure {
  return new ApiFailure(0, "unreachable", "the server cannot be reached", NEXT_STEPS.unreachable!);
}

/** Any thrown value as a sentence for an error message on the page. */
export function describeError(error: unknown): string {
  if (error instanceof ApiFailure) return error.sentence;
  if (error instanceof Error) return `${capitalise(error.message)}. Try again.`;
  return "Something went wrong. Try again.";
}

export const STATUS_WORDS: Record<string, string> = {
  processing: "Receiving files",
  extracting: "Reading files",
  matching: "Matching",
  reporting: "Writing reports",
  completed: "Ready",
  needs_attention: "Needs attention",
  failed: "Failed",
  expired: "Expired",
};

export const LINE_STATUS_WORDS: Record<string, string> = {
  complete: "Complete",
  missing_receipt: "Missing receipt",
  missing_coding: "Missing coding",
  missing_both: "Missing receipt and coding",
  missing_all_receipts: "No receipts for this cardholder",
  credit: "Credit",
};

export const OUTCOME_WORDS: Record<string, string> = {
  auto_matched: "Matched automatically",
  approved: "Approved",
  reassigned: "Reassigned",
  waived: "No receipt needed",
  split: "Split",
  unmatched: "Not matched",
};

export const DECISION_WORDS: Record<string, string> = {
  approve: "Approved",
  reject: "Rejected",
  reassign: "Reassigned",
  no_receipt: "Marked “no receipt”",
};

/** A line's latest decision in words: "Rejected by Ana", "Marked “no receipt” by Bo: lost in transit". */
export function decisionSentence(decision: { action: string; decided_by: string; reason?: string | null }): string {
  const done = `${DECISION_WORDS[decision.action] ?? decision.action} by ${decision.decided_by}`;
  return decision.reason ? `${done}: ${decision.reason}` : done;
}

export const WORKING = new Set(["processing", "extracting", "matching", "reporting"]);

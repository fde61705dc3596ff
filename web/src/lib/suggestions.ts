// A suggestion of the matcher (one charge split over several entries, or one receipt covering several
// charges) as the batch of decisions that accepts it: one split label, so the gateway checks the parts sum.

export interface Suggestion {
  kind: "line_split_over_entries" | "receipt_covers_lines" | string;
  lines: string[];
  entries: string[];
  receipts: string[];
  reasons: string[];
}

export interface BatchDecision {
  transaction_id: string;
  action: "reassign" | "approve";
  expense_entry_id?: string;
  receipt_id?: string;
  split: string;
}

/** The decisions that accept `s`, or null for a kind this screen does not know. */
export function acceptingDecisions(s: Suggestion, label: string): BatchDecision[] | null {
  const only = (ids: string[]) => (ids.length === 1 ? ids[0] : undefined);
  if (s.kind === "line_split_over_entries" && s.lines.length === 1 && s.entries.length >= 2) {
    const line = s.lines[0]!;
    // the matcher folds a line's decisions in order: reassign replaces its pins, approve adds to them
    return s.entries.map((entry, i) => ({
      transaction_id: line,
      action: i === 0 ? "reassign" : "approve",
      expense_entry_id: entry,
      ...(i === 0 && only(s.receipts) ? { receipt_id: only(s.receipts) } : {}),
      split: label,
    }));
  }
  if (s.kind === "receipt_covers_lines" && s.lines.length >= 2 && (only(s.receipts) || only(s.entries))) {
    return s.lines.map((line) => ({
      transaction_id: line,
      action: "reassign",
      ...(only(s.entries) ? { expense_entry_id: only(s.entries) } : {}),
      ...(only(s.receipts) ? { receipt_id: only(s.receipts) } : {}),
      split: label,
    }));
  }
  return null;
}

export function describeSuggestion(s: Suggestion): string {
  const what =
    s.kind === "line_split_over_entries"
      ? `This charge is split over ${s.entries.length} expense entries`
      : s.kind === "receipt_covers_lines"
        ? `One receipt covers ${s.lines.length} charges`
        : "A combination was found";
  return s.reasons.length ? `${what}: ${s.reasons.join("; ")}` : what;
}

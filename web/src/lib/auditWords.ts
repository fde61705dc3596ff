// An audit entry in words: who did what to which line, never an id or JSON when a name is known.
import type { AuditEntry } from "./api";

const ACTIONS: Record<string, string> = {
  "line.approve": "approved the match of",
  "line.reject": "rejected the match of",
  "line.reassign": "reassigned",
  "line.no_receipt": "marked “no receipt” on",
  "alias.confirm": "confirmed the name",
  "alias.reject": "rejected the name",
  "findings.accept": "accepted the findings of",
};

// A split's parts are recorded as a reassign (the first, replacing the line's match) and approvals (joining it).
const SPLIT_PART = "accepted a part of the split charge";

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value : null;
}

function subject(entry: AuditEntry, lineName: (id: string) => string | null): string {
  const b = entry.before ?? {};
  const a = entry.after ?? {};
  const line = (entry.target_id ? lineName(entry.target_id) : null) ?? text(b.merchant);
  if (entry.target_type === "file") return text(b.filename) ?? "a file";
  if (entry.target_type === "cardholder_alias") {
    const holder = text(a.cardholder_name);
    return `${entry.target_id ?? "a name"}${holder ? ` as ${holder}` : ""}`;
  }
  return line ?? "a card line";
}

/** `lineName` names a card line by its id (cardholder, merchant, amount), or null when it is not known. */
export function auditSentence(entry: AuditEntry, lineName: (id: string) => string | null = () => null): string {
  const split = entry.target_type === "card_line" && text(entry.after?.split_id) !== null;
  const verb = split ? SPLIT_PART : (ACTIONS[entry.action] ?? entry.action.replace(/[._]/g, " "));
  const reason = text(entry.after?.reason);
  return `${entry.actor} ${verb} ${subject(entry, lineName)}${reason ? `: “${reason}”` : ""}`;
}

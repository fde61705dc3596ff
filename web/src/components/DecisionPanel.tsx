"use client";
// Approve or reject the match, reassign the line to another entry or receipt, or waive the receipt with
// a reason.
import { forwardRef, useState } from "react";
import type { CardLine, Entry, Receipt } from "@/lib/api";
import { formatAmount } from "@/lib/money";

export interface DecisionPanelProps {
  line: CardLine;
  entries: Entry[];
  receipts: Receipt[];
  busy: boolean;
  decide: (lineId: string, decision: import("@/lib/api").Decision) => Promise<boolean>;
}

export const DecisionPanel = forwardRef<HTMLTextAreaElement, DecisionPanelProps>(function DecisionPanel(
  { line, entries, receipts, busy, decide },
  reasonRef,
) {
  const [entryId, setEntryId] = useState("");
  const [receiptId, setReceiptId] = useState("");
  const [reason, setReason] = useState("");
  const hasMatch = Boolean(line.entry || line.receipt);
  return (
    <div className="card" aria-label="Decide">
      <h3>Decide</h3>
      <div className="row">
        <button type="button" className="primary" disabled={busy || !hasMatch} onClick={() => void decide(line.id, { action: "approve" })}>
          Approve match
        </button>
        <button type="button" disabled={busy || !hasMatch} onClick={() => void decide(line.id, { action: "reject" })}>
          Reject match
        </button>
      </div>
      {!hasMatch && <p className="muted">Nothing is matched to approve or reject: reassign, or mark “no receipt”.</p>}
      <form
        className="field"
        style={{ marginTop: "1rem" }}
        onSubmit={(e) => {
          e.preventDefault();
          void decide(line.id, { action: "reassign", expense_entry_id: entryId || undefined, receipt_id: receiptId || undefined });
        }}
      >
        <label htmlFor={`entry-${line.id}`}>Reassign to expense entry</label>
        <select id={`entry-${line.id}`} value={entryId} onChange={(e) => setEntryId(e.target.value)}>
          <option value="">Keep the entry</option>
          {entries.map((x) => (
            <option key={x.id} value={x.id}>
              {x.employee} · {x.merchant ?? x.expense_type ?? "entry"} · {formatAmount(x.amount)}
            </option>
          ))}
        </select>
        <label htmlFor={`receipt-${line.id}`}>Reassign to receipt</label>
        <select id={`receipt-${line.id}`} value={receiptId} onChange={(e) => setReceiptId(e.target.value)}>
          <option value="">Keep the receipt</option>
          {receipts.map((x) => (
            <option key={x.id} value={x.id}>
              {x.vendor_name ?? x.file_name} · {formatAmount(x.amount)}
            </option>
          ))}
        </select>
        <p>
          <button type="submit" disabled={busy || (!entryId && !receiptId)}>Reassign</button>
        </p>
      </form>
      <form
        className="field"
        onSubmit={(e) => {
          e.preventDefault();
          void decide(line.id, { action: "no_receipt", reason: reason.trim() });
        }}
      >
        <label htmlFor={`reason-${line.id}`}>No receipt: why (required)</label>
        <textarea id={`reason-${line.id}`} ref={reasonRef} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        <p>
          <button type="submit" disabled={busy || !reason.trim()}>Mark “no receipt”</button>
        </p>
      </form>
    </div>
  );
});

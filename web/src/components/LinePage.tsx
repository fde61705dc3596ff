"use client";
// One card line beside its matched expense entry (with the coding) and its receipt, with the reasons and
// confidence of the match, and the decisions a reviewer can take.
import Link from "next/link";
import { formatDay } from "@/lib/dates";
import { useBackers } from "@/lib/useBackers";
import { useDecide } from "@/lib/useDecide";
import { useReviewer } from "@/lib/useReviewer";
import { useSession } from "@/lib/useSession";
import { WORKING } from "@/lib/wording";
import { DecisionPanel } from "./DecisionPanel";
import { ErrorNote } from "./ErrorNote";
import { CardLineFacts, EntryFacts } from "./LineFacts";
import { ReceiptView } from "./ReceiptView";
import { ReviewerField } from "./ReviewerField";
import { SessionHeader } from "./SessionHeader";

export function LinePage({ id, lineId }: { id: string; lineId: string }) {
  const { detail, lines, refresh } = useSession(id);
  const backers = useBackers(id);
  const [reviewer, setReviewer] = useReviewer();
  const decisions = useDecide(id, reviewer, () => {
    refresh();
    backers.refresh();
  });
  const line = lines.data?.find((l) => l.id === lineId);
  const entry = line?.entry ? backers.entries.data?.find((e) => e.id === line.entry!.id) ?? null : null;
  if (detail.error || lines.error) return <ErrorNote error={detail.error ?? lines.error} />;
  if (!detail.data || !lines.data) return <p role="status">Loading…</p>;
  if (!line) {
    return (
      <p role="alert">
        This card line is not in the reconciliation any more. <Link href={`/sessions/${id}`}>Back to the results</Link>.
      </p>
    );
  }
  const working = WORKING.has(detail.data.status);
  return (
    <>
      <SessionHeader session={detail.data} />
      <p>
        <Link href={`/sessions/${id}`}>← Back to the results</Link>
      </p>
      <h2>
        {line.merchant}, {formatDay(line.transaction_date)}
      </h2>
      {decisions.recorded[line.id] && (
        <p className="ok" role="status">
          {decisions.recorded[line.id]}. {working ? "Matching again…" : "The results below include it."}
        </p>
      )}
      <div className="grid3">
        <section className="card" aria-labelledby="card-line">
          <h3 id="card-line">Card line</h3>
          <CardLineFacts line={line} />
          {line.reasons && (
            <>
              <h4>Why it matched (or did not)</h4>
              <p>{line.reasons}</p>
            </>
          )}
        </section>
        <section className="card" aria-labelledby="entry-title">
          <h3 id="entry-title">Expense entry and coding</h3>
          <EntryFacts entry={entry ?? (line.entry ? { ...line.entry, entry_date: null, merchant: null, purpose: null, phase: null, cost_type: null, source_file: "", receipt_ids: [], lines: [] } : null)} />
        </section>
        <section className="card" aria-labelledby="receipt-title">
          <h3 id="receipt-title">Receipt</h3>
          <ReceiptView sessionId={id} receipt={line.receipt} />
        </section>
      </div>
      <h2>Your decision</h2>
      <ReviewerField name={reviewer} onChange={setReviewer} />
      <ErrorNote error={decisions.error} />
      <DecisionPanel
        line={line}
        entries={(backers.entries.data ?? []).filter((e) => e.lines.length === 0)}
        receipts={backers.receipts.data ?? []}
        busy={decisions.busy || working}
        decide={decisions.decide}
      />
    </>
  );
}

"use client";
// The review queue, made for the keyboard: j/k or arrows move, a approves, r rejects, n asks for the
// "no receipt" reason, Enter opens the line. A decision shows at once on its row.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { api, type CardLine, type ReviewQueue } from "@/lib/api";
import { formatAmount } from "@/lib/money";
import { move, reviewCommand } from "@/lib/reviewKeys";
import { describeSuggestion } from "@/lib/suggestions";
import { useApi } from "@/lib/useApi";
import { useBackers } from "@/lib/useBackers";
import { useDecide } from "@/lib/useDecide";
import { useReviewer } from "@/lib/useReviewer";
import { useSession } from "@/lib/useSession";
import { LINE_STATUS_WORDS, WORKING } from "@/lib/wording";
import { AliasSuggestions } from "./AliasSuggestions";
import { DecisionPanel } from "./DecisionPanel";
import { ErrorNote } from "./ErrorNote";
import { CardLineFacts } from "./LineFacts";
import { ReviewerField } from "./ReviewerField";
import { SessionHeader } from "./SessionHeader";

type Scope = "decision" | "open" | "all";

function inScope(line: CardLine, scope: Scope): boolean {
  if (scope === "all") return true;
  if (scope === "decision") return line.needs_review;
  return line.needs_review || line.line_status === null || !["complete", "credit"].includes(line.line_status);
}

export function ReviewPage({ id }: { id: string }) {
  const router = useRouter();
  const { detail, lines, refresh } = useSession(id);
  const working = detail.data ? WORKING.has(detail.data.status) : true;
  const queue = useApi<ReviewQueue>(working ? null : api.reviewPath(id));
  const backers = useBackers(id);
  const [reviewer, setReviewer] = useReviewer();
  const [scope, setScope] = useState<Scope>("decision");
  const [index, setIndex] = useState(0);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const decisions = useDecide(id, reviewer, () => {
    refresh();
    backers.refresh();
    void queue.mutate();
  });
  // the list is frozen between refreshes so a decided line does not jump away under the keyboard
  const shown = (lines.data ?? []).filter((l) => inScope(l, scope) || decisions.recorded[l.id]);
  const current = shown[Math.min(index, Math.max(shown.length - 1, 0))];
  const suggestions = queue.data?.lines.find((l) => l.transaction_id === current?.id)?.suggestions ?? [];

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const command = reviewCommand(event);
      if (!command || !current) return;
      event.preventDefault();
      if (command === "next" || command === "previous") setIndex((i) => move(i, shown.length, command));
      else if (command === "approve") void decisions.decide(current.id, { action: "approve" });
      else if (command === "reject") void decisions.decide(current.id, { action: "reject" });
      else if (command === "no_receipt") reasonRef.current?.focus();
      else router.push(`/sessions/${id}/lines/${current.id}`);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [current, shown.length, decisions, id, router]);

  if (detail.error) return <ErrorNote error={detail.error} />;
  if (!detail.data) return <p role="status">Loading…</p>;
  return (
    <>
      <SessionHeader session={detail.data} />
      <div className="spread">
        <ReviewerField name={reviewer} onChange={setReviewer} />
        <div className="field">
          <label htmlFor="scope">Show</label>
          <select id="scope" value={scope} onChange={(e) => { setScope(e.target.value as Scope); setIndex(0); }}>
            <option value="decision">Lines waiting for a decision</option>
            <option value="open">Every line that is not complete</option>
            <option value="all">Every line</option>
          </select>
        </div>
      </div>
      <p className="muted" id="keys-help">
        Keys: <kbd>j</kbd>/<kbd>↓</kbd> next, <kbd>k</kbd>/<kbd>↑</kbd> previous, <kbd>a</kbd> approve,{" "}
        <kbd>r</kbd> reject, <kbd>n</kbd> no receipt, <kbd>Enter</kbd> open the line.
      </p>
      {working && <p role="status" className="notice">Matching again after a change; the list updates when it is done.</p>}
      <ErrorNote error={decisions.error ?? lines.error ?? queue.error} />
      {shown.length === 0 && lines.data && <p role="status">Nothing to review here.</p>}
      {shown.length > 0 && current && (
        <div style={{ display: "grid", gridTemplateColumns: "minmax(0, 3fr) minmax(0, 2fr)", gap: "1rem" }}>
          <table aria-describedby="keys-help">
            <caption className="muted" style={{ textAlign: "left" }}>{shown.length} lines</caption>
            <thead>
              <tr>
                <th scope="col">Cardholder</th>
                <th scope="col">Merchant</th>
                <th scope="col" className="num">Amount</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((l, i) => (
                <tr key={l.id} className={l.id === current.id ? "selected" : undefined} aria-selected={l.id === current.id} data-testid="review-row" onClick={() => setIndex(i)}>
                  <td>{l.cardholder?.name ?? "Not identified"}</td>
                  <td>
                    <Link href={`/sessions/${id}/lines/${l.id}`}>{l.merchant}</Link>
                  </td>
                  <td className="num">{formatAmount(l.amount)}</td>
                  <td>
                    {decisions.recorded[l.id] ? (
                      <span className="badge good">{decisions.recorded[l.id]}</span>
                    ) : (
                      <>
                        {LINE_STATUS_WORDS[l.line_status ?? ""] ?? "Not matched yet"}
                        {l.needs_review && <span className="badge warn" style={{ marginLeft: "0.4rem" }}>Needs a decision</span>}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div>
            <section className="card" aria-label="Selected line">
              <h3>{current.merchant}</h3>
              <CardLineFacts line={current} />
              <p>
                <strong>Matched:</strong> {current.entry ? `entry of ${current.entry.employee}, ${formatAmount(current.entry.amount)}` : "no entry"};{" "}
                {current.receipt ? `receipt ${current.receipt.vendor_name ?? current.receipt.file_name}, ${formatAmount(current.receipt.amount)}` : "no receipt"}
              </p>
              {current.reasons && <p className="muted">{current.reasons}</p>}
              {suggestions.map((suggestion, i) => (
                <div key={i} className="notice" data-testid="suggestion">
                  <p>Suggested: {describeSuggestion(suggestion)}</p>
                  <button
                    type="button"
                    className="primary"
                    disabled={decisions.busy || working}
                    onClick={() => void decisions.acceptSuggestion(suggestion)}
                  >
                    Accept suggestion
                  </button>
                </div>
              ))}
            </section>
            <DecisionPanel
              key={current.id}
              ref={reasonRef}
              line={current}
              entries={(backers.entries.data ?? []).filter((e) => e.lines.length === 0)}
              receipts={backers.receipts.data ?? []}
              busy={decisions.busy || working}
              decide={decisions.decide}
            />
          </div>
        </div>
      )}
      {queue.data && (
        <AliasSuggestions sessionId={id} suggestions={queue.data.identity_suggestions} reviewer={reviewer} onDecided={() => void queue.mutate()} />
      )}
    </>
  );
}

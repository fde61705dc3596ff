"use client";
// The lines that are not complete (or wait for a person), filterable by cardholder and status; each opens
// its detail.
import Link from "next/link";
import type { CardLine } from "@/lib/api";
import { formatDay } from "@/lib/dates";
import { formatAmount } from "@/lib/money";
import { exceptions, type LineFilter } from "@/lib/summary";
import { decisionSentence, LINE_STATUS_WORDS } from "@/lib/wording";

export function ExceptionsTable({
  sessionId,
  lines,
  filter,
  onFilter,
}: {
  sessionId: string;
  lines: CardLine[];
  filter: LineFilter;
  onFilter: (filter: LineFilter) => void;
}) {
  const shown = exceptions(lines, filter);
  const holders = [...new Map(lines.map((l) => [l.cardholder?.id ?? "unknown", l.cardholder?.name ?? "Not identified"])).entries()];
  return (
    <section aria-labelledby="exceptions-title">
      <h2 id="exceptions-title">Exceptions</h2>
      <div className="row">
        <div className="field">
          <label htmlFor="filter-holder">Cardholder</label>
          <select id="filter-holder" value={filter.cardholder} onChange={(e) => onFilter({ ...filter, cardholder: e.target.value })}>
            <option value="">Everyone</option>
            {holders.map(([id, name]) => (
              <option key={id} value={id}>{name}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-status">Status</label>
          <select
            id="filter-status"
            value={filter.status}
            onChange={(e) => onFilter({ ...filter, status: e.target.value as LineFilter["status"] })}
          >
            <option value="">Any exception</option>
            <option value="review">Waiting for a decision</option>
            {Object.entries(LINE_STATUS_WORDS)
              .filter(([value]) => value !== "complete" && value !== "credit")
              .map(([value, words]) => (
                <option key={value} value={value}>{words}</option>
              ))}
          </select>
        </div>
      </div>
      <p className="muted" role="status">
        {shown.length} line{shown.length === 1 ? "" : "s"} shown
      </p>
      {shown.length > 0 && (
        <table aria-labelledby="exceptions-title">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Cardholder</th>
              <th scope="col">Merchant</th>
              <th scope="col" className="num">Amount</th>
              <th scope="col">Status</th>
              <th scope="col">Decision</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((l) => (
              <tr key={l.id} data-testid="exception-row">
                <td>{formatDay(l.transaction_date)}</td>
                <td>{l.cardholder?.name ?? "Not identified"}</td>
                <td>
                  <Link href={`/sessions/${sessionId}/lines/${l.id}`}>{l.merchant}</Link>
                </td>
                <td className="num">{formatAmount(l.amount)}</td>
                <td>
                  {LINE_STATUS_WORDS[l.line_status ?? ""] ?? "Not matched yet"}
                  {l.needs_review && <span className="badge warn" style={{ marginLeft: "0.4rem" }}>Needs a decision</span>}
                </td>
                <td>{l.decision ? decisionSentence(l.decision) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

"use client";
// Per cardholder: complete or not, card total, receipt total, what is missing and why. Incomplete first,
// then by whichever column the person sorts.
import { useMemo, useState } from "react";
import { formatCents } from "@/lib/money";
import { sortSummary, type CardholderSummary, type Sort, type SortKey } from "@/lib/summary";

const COLUMNS: [SortKey, string][] = [
  ["name", "Cardholder"],
  ["cardTotal", "Card total"],
  ["receiptTotal", "Receipt total"],
  ["missingAmount", "Missing amount"],
];

export function SummaryTable({ rows, onShowExceptions }: { rows: CardholderSummary[]; onShowExceptions: (id: string) => void }) {
  const [sort, setSort] = useState<Sort>({ key: "missingAmount", descending: true });
  const sorted = useMemo(() => sortSummary(rows, sort), [rows, sort]);
  const complete = rows.filter((r) => r.complete).length;
  const toggle = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, descending: !s.descending } : { key, descending: key !== "name" }));
  return (
    <section aria-labelledby="summary-title">
      <h2 id="summary-title">Cardholders</h2>
      <p className="muted">
        {complete} of {rows.length} complete. Incomplete cardholders are listed first.
      </p>
      <table>
        <thead>
          <tr>
            {COLUMNS.map(([key, label]) => (
              <th
                key={key}
                scope="col"
                className={key === "name" ? undefined : "num"}
                aria-sort={sort.key === key ? (sort.descending ? "descending" : "ascending") : "none"}
              >
                <button type="button" onClick={() => toggle(key)}>
                  {label}
                  {sort.key === key ? (sort.descending ? " ▼" : " ▲") : ""}
                </button>
              </th>
            ))}
            <th scope="col">Complete</th>
            <th scope="col">What is missing</th>
            <th scope="col">Exceptions</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.id} data-testid="summary-row">
              <th scope="row">
                {r.name}
                {r.cardLastFour && <span className="muted"> ·{r.cardLastFour}</span>}
              </th>
              <td className="num">{formatCents(r.cardTotal)}</td>
              <td className="num">{formatCents(r.receiptTotal)}</td>
              <td className="num">{formatCents(r.missingAmount)}</td>
              <td>{r.complete ? <span className="badge good">Complete</span> : <span className="badge bad">Not complete</span>}</td>
              <td>{r.flags.join(", ") || "—"}</td>
              <td>
                {!r.complete || r.flags.length > 0 ? (
                  <button type="button" onClick={() => onShowExceptions(r.id)} aria-label={`Show exceptions of ${r.name}`}>
                    Show exceptions
                  </button>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

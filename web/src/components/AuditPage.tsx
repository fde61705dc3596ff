"use client";
import { api, type AuditEntry, type Page } from "@/lib/api";
import { auditSentence } from "@/lib/auditWords";
import { formatMoment } from "@/lib/dates";
import { formatAmount } from "@/lib/money";
import { useApi } from "@/lib/useApi";
import { useSession } from "@/lib/useSession";
import { ErrorNote } from "./ErrorNote";
import { SessionHeader } from "./SessionHeader";

export function AuditPage({ id }: { id: string }) {
  const { detail, lines } = useSession(id);
  const lineName = (lineId: string) => {
    const line = lines.data?.find((l) => l.id === lineId);
    return line ? `${line.cardholder?.name ?? "?"}: ${line.merchant}, ${formatAmount(line.amount)}` : null;
  };
  const audit = useApi<Page<AuditEntry>>(api.auditPath(id), { refreshInterval: 5000 });
  if (detail.error) return <ErrorNote error={detail.error} />;
  if (!detail.data) return <p role="status">Loading…</p>;
  return (
    <>
      <SessionHeader session={detail.data} />
      <h2>Audit log</h2>
      <p className="muted">Every review decision on this reconciliation, oldest first.</p>
      <ErrorNote error={audit.error} />
      {audit.data && audit.data.items.length === 0 && <p>No decisions yet.</p>}
      {audit.data && audit.data.items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">What</th>
            </tr>
          </thead>
          <tbody>
            {audit.data.items.map((entry) => (
              <tr key={entry.id} data-testid="audit-row">
                <td>{formatMoment(entry.at)}</td>
                <td>{auditSentence(entry, lineName)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

import type { CardLine, MatchRun } from "@/lib/api";
import { formatMoment } from "@/lib/dates";
import { formatAmount } from "@/lib/money";

function describe(reference: string, lines: CardLine[]): string {
  const line = lines.find((l) => l.reference === reference || l.id === reference);
  if (!line) return reference;
  return `${line.cardholder?.name ?? "?"}: ${line.merchant}, ${formatAmount(line.amount)} (${reference})`;
}

/** What each matching run changed: lines complete now that were not, and lines missing something now. */
export function RunsList({ runs, lines }: { runs: MatchRun[]; lines: CardLine[] }) {
  if (runs.length === 0) return <p>No matching has run yet.</p>;
  return (
    <ol reversed style={{ paddingLeft: "1.25rem" }}>
      {[...runs].reverse().map((run) => (
        <li key={run.run_number} className="card" style={{ marginBottom: "0.75rem" }} data-testid="run">
          <h3>
            Run {run.run_number}, {formatMoment(run.created_at)}
            {run.run_number === 1 ? " (first matching)" : ""}
          </h3>
          {run.run_number > 1 && run.newly_complete.length === 0 && run.newly_missing.length === 0 && <p>No line changed.</p>}
          {run.run_number > 1 && run.newly_complete.length > 0 && (
            <>
              <p>
                <strong>{run.newly_complete.length} now complete:</strong>
              </p>
              <ul>
                {run.newly_complete.map((r) => (
                  <li key={r}>{describe(r, lines)}</li>
                ))}
              </ul>
            </>
          )}
          {run.newly_missing.length > 0 && (
            <>
              <p className="error">{run.newly_missing.length} now missing something:</p>
              <ul>
                {run.newly_missing.map((r) => (
                  <li key={r}>{describe(r, lines)}</li>
                ))}
              </ul>
            </>
          )}
        </li>
      ))}
    </ol>
  );
}

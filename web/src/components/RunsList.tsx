import type { CardLine, MatchRun } from "@/lib/api";
import { formatMoment } from "@/lib/dates";
import { describeLine, transition, transitionCounts } from "@/lib/runChanges";

function Lines({ keys, lines }: { keys: string[]; lines: CardLine[] }) {
  return (
    <ul>
      {keys.map((k) => (
        <li key={k}>{describeLine(k, lines)}</li>
      ))}
    </ul>
  );
}

/** Every status move of a run: counted by kind, then line by line (folded: a first run moves every line). */
function EveryChange({ run, lines }: { run: MatchRun; lines: CardLine[] }) {
  if (run.changes.length === 0) return null;
  return (
    <details>
      <summary>
        Every status change ({run.changes.length}):{" "}
        {transitionCounts(run.changes)
          .map((t) => `${t.count} × ${t.words}`)
          .join("; ")}
      </summary>
      <ul data-testid="run-change">
        {run.changes.map((c) => (
          <li key={c.line}>
            {describeLine(c.line, lines)}: {transition(c)}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** What each matching run changed: lines complete now that were not, and lines missing something now. */
export function RunsList({ runs, lines }: { runs: MatchRun[]; lines: CardLine[] }) {
  if (runs.length === 0) return <p>No matching has run yet.</p>;
  return (
    <ol reversed style={{ listStyle: "none", padding: 0 }} aria-label="Matching runs, newest first">
      {[...runs].reverse().map((run) => (
        <li key={run.run_number} className="card" style={{ marginBottom: "0.75rem" }} data-testid="run">
          <h3>
            Run {run.run_number}, {formatMoment(run.created_at)}
            {run.run_number === 1 ? " (first matching)" : ""}
          </h3>
          {run.run_number === 1 && run.changes.length === 0 && <p>Every card line read was matched for the first time.</p>}
          {run.run_number > 1 && run.changes.length === 0 && <p>No line changed.</p>}
          {run.run_number > 1 && run.newly_complete.length > 0 && (
            <>
              <p>
                <strong>{run.newly_complete.length} now complete:</strong>
              </p>
              <Lines keys={run.newly_complete} lines={lines} />
            </>
          )}
          {run.newly_missing.length > 0 && (
            <>
              <p className="error">{run.newly_missing.length} now missing something:</p>
              <Lines keys={run.newly_missing} lines={lines} />
            </>
          )}
          <EveryChange run={run} lines={lines} />
        </li>
      ))}
    </ol>
  );
}

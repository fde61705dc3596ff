"use client";
// One reconciliation in the list: rename in place, delete only after saying plainly what is lost.
import Link from "next/link";
import { useState } from "react";
import { api, type Session } from "@/lib/api";
import { formatDay, formatPeriod } from "@/lib/dates";
import { formatCount } from "@/lib/money";
import { ErrorNote } from "./ErrorNote";
import { StatusBadge } from "./StatusBadge";

export function displayName(session: Pick<Session, "name" | "id">): string {
  return session.name ?? "Untitled reconciliation";
}

export function SessionRow({ session, onChanged }: { session: Session; onChanged: () => void }) {
  const [mode, setMode] = useState<"view" | "rename" | "delete">("view");
  const [name, setName] = useState(session.name ?? "");
  const [error, setError] = useState<unknown>(null);
  const title = displayName(session);

  async function act(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
      setMode("view");
      onChanged();
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <tr>
      <td>
        {mode === "rename" ? (
          <form
            className="row"
            onSubmit={(e) => {
              e.preventDefault();
              void act(() => api.rename(session.id, name));
            }}
          >
            <label htmlFor={`name-${session.id}`}>New name</label>
            <input id={`name-${session.id}`} value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} autoFocus />
            <button type="submit" className="primary">Save</button>
            <button type="button" onClick={() => setMode("view")}>Cancel</button>
          </form>
        ) : (
          <Link href={`/sessions/${session.id}`}>{title}</Link>
        )}
        {mode === "delete" && (
          <div className="notice" role="alertdialog" aria-label={`Delete ${title}?`}>
            <p>
              Delete <strong>{title}</strong>? Its files, results, review decisions and reports are removed for good.
            </p>
            <div className="row">
              <button type="button" className="danger" onClick={() => void act(() => api.remove(session.id))}>
                Delete for good
              </button>
              <button type="button" onClick={() => setMode("view")} autoFocus>
                Keep it
              </button>
            </div>
          </div>
        )}
        <ErrorNote error={error} />
      </td>
      <td>{formatPeriod(session.period_start, session.period_end)}</td>
      <td>
        <StatusBadge status={session.status} />
      </td>
      <td className="num">{formatCount(session.total_transactions)}</td>
      <td className="num">{formatCount(session.open_lines)}</td>
      <td>{formatDay(session.expires_at)}</td>
      <td>
        <div className="row">
          <button type="button" onClick={() => setMode("rename")} aria-label={`Rename ${title}`}>Rename</button>
          <button type="button" onClick={() => setMode("delete")} aria-label={`Delete ${title}`}>Delete</button>
        </div>
      </td>
    </tr>
  );
}

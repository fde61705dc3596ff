"use client";
import Link from "next/link";
import { useDeferredValue, useState } from "react";
import { api, type Page, type Session } from "@/lib/api";
import { useApi } from "@/lib/useApi";
import { STATUS_WORDS } from "@/lib/wording";
import { ErrorNote } from "./ErrorNote";
import { SessionRow } from "./SessionRow";

export function SessionsPage() {
  const [query, setQuery] = useState("");
  const [status, setStatus] = useState("");
  const [page, setPage] = useState(1);
  const q = useDeferredValue(query.trim());
  const { data, error, mutate, isLoading } = useApi<Page<Session>>(api.sessionsPath({ q, status, page }), {
    refreshInterval: 5000,
  });

  return (
    <>
      <div className="spread">
        <h1>Reconciliations</h1>
        <Link className="button primary" href="/new">
          New reconciliation
        </Link>
      </div>
      <p className="muted">Each month&apos;s card statement, its matching and its reports. Kept for 90 days.</p>
      <form className="row" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="search">Search by name</label>
          <input id="search" type="search" value={query} onChange={(e) => { setQuery(e.target.value); setPage(1); }} />
        </div>
        <div className="field">
          <label htmlFor="status">Status</label>
          <select id="status" value={status} onChange={(e) => { setStatus(e.target.value); setPage(1); }}>
            <option value="">Any status</option>
            {Object.entries(STATUS_WORDS).map(([value, words]) => (
              <option key={value} value={value}>{words}</option>
            ))}
          </select>
        </div>
      </form>
      <ErrorNote error={error} />
      {isLoading && <p role="status">Loading…</p>}
      {data && data.items.length === 0 && (
        <p role="status">{q || status ? "No reconciliation matches this search." : "No reconciliations yet. Start one with New reconciliation."}</p>
      )}
      {data && data.items.length > 0 && (
        <table>
          <caption className="muted" style={{ textAlign: "left" }}>
            {data.total} reconciliation{data.total === 1 ? "" : "s"}
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Period</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">Card lines</th>
              <th scope="col" className="num">Not complete</th>
              <th scope="col">Kept until</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((s) => (
              <SessionRow key={s.id} session={s} onChanged={() => void mutate()} />
            ))}
          </tbody>
        </table>
      )}
      {data && (data.page > 1 || data.has_next) && (
        <nav className="row" aria-label="Pages">
          <button type="button" disabled={page === 1} onClick={() => setPage(page - 1)}>Previous page</button>
          <span>Page {data.page}</span>
          <button type="button" disabled={!data.has_next} onClick={() => setPage(page + 1)}>Next page</button>
        </nav>
      )}
    </>
  );
}

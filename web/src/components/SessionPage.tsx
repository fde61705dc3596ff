"use client";
// A month's results: progress while it works, the attention banner, downloads, the cardholder summary,
// the exceptions and each file's outcome.
import { useMemo, useState } from "react";
import { summarise, type LineFilter } from "@/lib/summary";
import { useSession } from "@/lib/useSession";
import { useSessionEvents } from "@/lib/useSessionEvents";
import { WORKING } from "@/lib/wording";
import { AttentionBanner } from "./AttentionBanner";
import { Downloads } from "./Downloads";
import { ErrorNote } from "./ErrorNote";
import { ExceptionsTable } from "./ExceptionsTable";
import { FilesPanel } from "./FilesPanel";
import { ProgressPanel } from "./ProgressPanel";
import { SessionHeader } from "./SessionHeader";
import { SummaryTable } from "./SummaryTable";

function sentence(text: string | null): string | null {
  return text ? `${text.charAt(0).toUpperCase()}${text.slice(1)}.` : null;
}

export function SessionPage({ id }: { id: string }) {
  const { detail, lines, refresh } = useSession(id);
  const session = detail.data;
  const working = session ? WORKING.has(session.status) : false;
  const stream = useSessionEvents(id, working, refresh);
  const [filter, setFilter] = useState<LineFilter>({ cardholder: "", status: "" });
  const summary = useMemo(() => summarise(lines.data ?? []), [lines.data]);

  if (detail.error) return <ErrorNote error={detail.error} />;
  if (!session) return <p role="status">Loading…</p>;
  const live = working || stream.state === "reconnecting";
  return (
    <>
      <SessionHeader session={session} />
      <AttentionBanner session={session} onChanged={refresh} />
      {live && <ProgressPanel sessionId={id} uploads={session.uploads} events={stream.events} state={stream.state} />}
      {!live && session.status === "completed" && (
        <p className="ok" role="status">{sentence(session.status_message) ?? "Ready: every file was read and matched."}</p>
      )}
      <Downloads
        sessionId={id}
        cardholders={summary.map((s) => s.name)}
        ready={!working && (session.status === "completed" || session.status === "needs_attention")}
      />
      <ErrorNote error={lines.error} />
      {summary.length > 0 && (
        <>
          <SummaryTable
            rows={summary}
            onShowExceptions={(holder) => {
              setFilter({ cardholder: holder, status: "" });
              document.getElementById("exceptions-title")?.scrollIntoView();
            }}
          />
          <ExceptionsTable sessionId={id} lines={lines.data ?? []} filter={filter} onFilter={setFilter} />
        </>
      )}
      <FilesPanel uploads={session.uploads} />
    </>
  );
}

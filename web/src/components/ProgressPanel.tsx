"use client";
import { useMemo } from "react";
import type { UploadedFile } from "@/lib/api";
import { describeProgress } from "@/lib/progress";
import { knownFiles, recallRoles } from "@/lib/roles";
import type { StreamState } from "@/lib/useSessionEvents";
import type { ProgressEvent } from "@/lib/progress";
import { formatCount } from "@/lib/money";

const STREAM_WORDS: Record<StreamState, string | null> = {
  connecting: "Connecting…",
  live: null,
  reconnecting: "The connection dropped; reconnecting. Nothing is lost: progress picks up where it stopped.",
  ended: null,
  gone: "This reconciliation is no longer available.",
};

export function ProgressPanel({
  sessionId,
  uploads,
  events,
  state,
}: {
  sessionId: string;
  uploads: UploadedFile[];
  events: ProgressEvent[];
  state: StreamState;
}) {
  const view = useMemo(
    () => describeProgress(events, knownFiles(uploads, recallRoles(sessionId))),
    [events, uploads, sessionId],
  );
  const notice = STREAM_WORDS[state];
  return (
    <section className="card" aria-labelledby="progress-title">
      <h2 id="progress-title" style={{ marginTop: 0 }}>Progress</h2>
      <label htmlFor="files-progress">
        Files read {formatCount(view.filesRead)} of {formatCount(view.filesTotal)}
      </label>
      <progress id="files-progress" max={view.filesTotal || 1} value={view.filesRead} />
      <ul aria-live="polite" data-testid="progress-lines">
        {view.lines.map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ul>
      {notice && <p role="status" className={state === "gone" ? "error" : "muted"}>{notice}</p>}
    </section>
  );
}

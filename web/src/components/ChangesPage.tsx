"use client";
// Late receipts and a newer expense report join a finished month; it re-reads and re-matches, keeping
// every review decision, and each run says what it changed.
import { useEffect, useState } from "react";
import { api, type MatchRun, type Page } from "@/lib/api";
import { useApi } from "@/lib/useApi";
import { useSession } from "@/lib/useSession";
import { useSessionEvents } from "@/lib/useSessionEvents";
import { useUpload } from "@/lib/useUpload";
import { WORKING } from "@/lib/wording";
import { ErrorNote } from "./ErrorNote";
import { FilePicker } from "./FilePicker";
import { ProgressPanel } from "./ProgressPanel";
import { RunsList } from "./RunsList";
import { SessionHeader } from "./SessionHeader";
import { UploadProgress } from "./UploadProgress";

export function ChangesPage({ id }: { id: string }) {
  const { detail, lines, refresh } = useSession(id);
  const runs = useApi<Page<MatchRun>>(api.runsPath(id));
  const upload = useUpload(api.uploadUrl(id));
  const [otherPeriod, setOtherPeriod] = useState(false);
  // idle → sent (upload accepted) → matching (seen working) → the message that it is done
  const [sent, setSent] = useState<"idle" | "sent" | "matching">("idle");
  const working = detail.data ? WORKING.has(detail.data.status) : false;
  const stream = useSessionEvents(id, working, refresh);
  const { mutate: reloadRuns } = runs;
  useEffect(() => {
    if (!working) void reloadRuns();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- follows the session's status
    else setSent((s) => (s === "sent" ? "matching" : s));
  }, [working, reloadRuns]);

  if (detail.error) return <ErrorNote error={detail.error} />;
  if (!detail.data) return <p role="status">Loading…</p>;
  return (
    <>
      <SessionHeader session={detail.data} />
      <h2>Add late receipts or a newer expense report</h2>
      <p className="muted">
        The month is read and matched again with the new files. Review decisions are kept. A newer expense report replaces the
        older one.
      </p>
      <FilePicker roles={["receipt", "expenses", "statement"]} picked={upload.picked} onChange={upload.setPicked} disabled={upload.phase === "uploading" || working} />
      {upload.picked.some((p) => p.role === "statement") && (
        <p>
          <input id="other-period" type="checkbox" checked={otherPeriod} onChange={(e) => setOtherPeriod(e.target.checked)} />{" "}
          <label htmlFor="other-period">The statement is of another month: add it to this reconciliation anyway</label>
        </p>
      )}
      {upload.phase === "uploading" ? (
        <UploadProgress sent={upload.sent.loaded} total={upload.sent.total} onCancel={upload.cancel} />
      ) : (
        <p>
          <button
            type="button"
            className="primary"
            disabled={upload.picked.length === 0 || working}
            onClick={async () => {
              if (await upload.start({ allowOtherPeriod: otherPeriod })) {
                setSent("sent");
                refresh();
              }
            }}
          >
            Add files and match again
          </button>
        </p>
      )}
      {upload.phase === "cancelled" && <p role="status">The upload was cancelled. Nothing was added.</p>}
      <ErrorNote error={upload.error} />
      {(working || stream.state === "reconnecting") && (
        <ProgressPanel sessionId={id} uploads={detail.data.uploads} events={stream.events} state={stream.state} />
      )}
      {sent === "matching" && !working && <p className="ok" role="status">The new files were read and the month matched again. What changed is below.</p>}
      <h2>What changed</h2>
      <ErrorNote error={runs.error} />
      {runs.data && <RunsList runs={runs.data.items} lines={lines.data ?? []} />}
    </>
  );
}

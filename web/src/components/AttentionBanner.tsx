"use client";
// A statement that needs attention cannot be missed: a red banner at the top of the session, saying why,
// what is held back (the AP import) and how to release it.
import { useState } from "react";
import { api, type SessionDetail, type UploadedFile } from "@/lib/api";
import { useReviewer } from "@/lib/useReviewer";
import { ErrorNote } from "./ErrorNote";
import { ReviewerField } from "./ReviewerField";

function AcceptFindings({ sessionId, file, onDone }: { sessionId: string; file: UploadedFile; onDone: () => void }) {
  const [reviewer, setReviewer] = useReviewer();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<unknown>(null);
  const findings = file.extraction?.findings ?? [];
  return (
    <div className="card" style={{ marginTop: "0.75rem" }}>
      <h3>{file.filename}</h3>
      <ul>
        {findings.map((f, i) => (
          <li key={i}>
            {f.message}
            {f.page ? ` (page ${f.page})` : ""}
          </li>
        ))}
      </ul>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setError(null);
          try {
            await api.acceptFindings(sessionId, file.id, reason, reviewer);
            onDone();
          } catch (failure) {
            setError(failure);
          }
        }}
      >
        <ReviewerField name={reviewer} onChange={setReviewer} />
        <div className="field">
          <label htmlFor={`reason-${file.id}`}>Why the lines may still go to accounts payable</label>
          <textarea id={`reason-${file.id}`} value={reason} onChange={(e) => setReason(e.target.value)} required rows={2} />
        </div>
        <p>
          <button type="submit" className="primary" disabled={!reviewer.trim() || !reason.trim()}>
            Accept these findings
          </button>
        </p>
        <ErrorNote error={error} />
      </form>
    </div>
  );
}

export function AttentionBanner({ session, onChanged }: { session: SessionDetail; onChanged: () => void }) {
  if (session.status === "failed") {
    return (
      <section className="alert" role="alert" aria-labelledby="failed-title">
        <h2 id="failed-title">This reconciliation failed</h2>
        <p>{session.status_message ?? "Processing stopped."}</p>
        <p>Check the files below, then upload corrected files on the Late receipts and changes page, or start again.</p>
      </section>
    );
  }
  if (session.status !== "needs_attention") return null;
  const open = session.uploads.filter((u) => (u.extraction?.findings.length ?? 0) > 0 && !u.findings_acceptance);
  return (
    <section className="alert" role="alert" aria-labelledby="attention-title">
      <h2 id="attention-title">Needs attention: the AP import is held back</h2>
      <ul>
        {session.attention.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      {open.length > 0 ? (
        <p>
          Check the statement against these points. Then either upload a corrected statement (Late receipts and changes),
          or accept the findings below with a reason.
        </p>
      ) : (
        <p>Upload the card statement, or a readable copy of it, on the Late receipts and changes page.</p>
      )}
      {open.map((file) => (
        <AcceptFindings key={file.id} sessionId={session.id} file={file} onDone={onChanged} />
      ))}
    </section>
  );
}

"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { api } from "@/lib/api";
import { useUpload } from "@/lib/useUpload";
import { ErrorNote } from "./ErrorNote";
import { FilePicker } from "./FilePicker";
import { UploadProgress } from "./UploadProgress";

export function NewReconciliation() {
  const router = useRouter();
  const upload = useUpload(api.uploadUrl());
  const [name, setName] = useState("");
  const [renameError, setRenameError] = useState<unknown>(null);
  const hasStatement = upload.picked.some((p) => p.role === "statement");

  async function submit() {
    const accepted = await upload.start();
    if (!accepted) return;
    if (name.trim()) {
      try {
        await api.rename(accepted.session_id, name.trim());
      } catch (error) {
        setRenameError(error);
        return;
      }
    }
    router.push(`/sessions/${accepted.session_id}`);
  }

  return (
    <>
      <h1>New reconciliation</h1>
      <p className="muted">
        Add the month&apos;s card report, the expense report and any loose receipts, then start. Reading a large
        month takes a few minutes; you can leave this page and come back.
      </p>
      <div className="field" style={{ maxWidth: "28rem", marginBottom: "1rem" }}>
        <label htmlFor="session-name">Name (optional; the statement&apos;s month is used otherwise)</label>
        <input id="session-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
      </div>
      <FilePicker
        roles={["statement", "expenses", "receipt"]}
        picked={upload.picked}
        onChange={upload.setPicked}
        disabled={upload.phase === "uploading"}
      />
      {upload.phase === "uploading" ? (
        <UploadProgress sent={upload.sent.loaded} total={upload.sent.total} onCancel={upload.cancel} />
      ) : (
        <p className="row">
          <button type="button" className="primary" disabled={upload.picked.length === 0} onClick={submit}>
            Start reconciliation
          </button>
          {upload.picked.length > 0 && !hasStatement && (
            <span className="muted">No card report yet: the month can only be matched once one is added.</span>
          )}
        </p>
      )}
      {upload.phase === "cancelled" && <p role="status">The upload was cancelled. Nothing was saved; your files are still listed.</p>}
      <ErrorNote error={upload.error} />
      <ErrorNote error={renameError} />
    </>
  );
}

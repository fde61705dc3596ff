"use client";
// The three files of a month. The AP import says whom it holds and who was left out (not complete).
import { useState } from "react";
import { api, request, type ReportFormat } from "@/lib/api";
import { apContents, dispositionName, saveBlob, type ApContents } from "@/lib/downloads";
import { ErrorNote } from "./ErrorNote";

const FILES: [ReportFormat, string, string][] = [
  ["xlsx", "Excel report (XLSX)", "every sheet: summary, lines, entries, receipts, files, review log"],
  ["csv", "Card lines (CSV)", "one row per card line with its match"],
  ["pvault", "AP import (CSV)", "complete cardholders only, for the accounts payable system"],
];

function plural(n: number, word: string) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function Downloads({ sessionId, cardholders, ready }: { sessionId: string; cardholders: string[]; ready: boolean }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<ReportFormat | null>(null);
  const [ap, setAp] = useState<ApContents | null>(null);

  async function download(format: ReportFormat) {
    setError(null);
    setBusy(format);
    try {
      const response = await request(api.reportPath(sessionId, format));
      const blob = await response.blob();
      if (format === "pvault") setAp(apContents(await blob.text(), cardholders));
      saveBlob(blob, dispositionName(response.headers.get("content-disposition"), `${format}_${sessionId}`));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby="downloads-title">
      <h2 id="downloads-title">Downloads</h2>
      {!ready && <p className="muted">The files are written once processing has finished.</p>}
      <ul className="row" style={{ listStyle: "none", padding: 0 }}>
        {FILES.map(([format, label, about]) => (
          <li key={format} className="card" style={{ flex: "1 1 16rem" }}>
            <button type="button" className="primary" disabled={!ready || busy !== null} onClick={() => void download(format)}>
              {busy === format ? "Preparing…" : `Download ${label}`}
            </button>
            <p className="muted">{about}</p>
          </li>
        ))}
      </ul>
      {ap && (
        <p className={ap.leftOut.length ? "notice" : "ok"} role="status" data-testid="ap-summary">
          The AP import holds {plural(ap.cardholders.length, "cardholder")} ({plural(ap.rows, "line")})
          {ap.cardholders.length ? `: ${ap.cardholders.join(", ")}` : ""}.{" "}
          {ap.leftOut.length
            ? `Left out because not complete: ${ap.leftOut.join(", ")}.`
            : "Every cardholder is in it."}
        </p>
      )}
      <ErrorNote error={error} />
    </section>
  );
}

import type { UploadedFile } from "@/lib/api";
import { formatMoment } from "@/lib/dates";
import { fileOutcome } from "@/lib/fileOutcome";

export function FilesPanel({ uploads }: { uploads: UploadedFile[] }) {
  return (
    <section aria-labelledby="files-title">
      <h2 id="files-title">Files and warnings</h2>
      <div className="grid3">
        {uploads.map((file) => {
          const o = fileOutcome(file);
          return (
            <article key={file.id} className="card" aria-label={file.filename}>
              <h3 style={{ wordBreak: "break-all" }}>{o.title}</h3>
              <p>
                <span className={`badge ${o.tone}`}>{o.state}</span>
              </p>
              <p className="muted">
                {o.kind} · {o.facts.join(" · ")}
              </p>
              {o.problem && <p className="error">{o.problem}</p>}
              {(file.extraction?.warnings.length ?? 0) > 0 && (
                <>
                  <h4>Warnings</h4>
                  <ul>
                    {file.extraction!.warnings.map((w, i) => (
                      <li key={i}>{w}</li>
                    ))}
                  </ul>
                </>
              )}
              {(file.extraction?.findings.length ?? 0) > 0 && (
                <>
                  <h4>Findings</h4>
                  <ul>
                    {file.extraction!.findings.map((f, i) => (
                      <li key={i}>
                        {f.message}
                        {f.page ? ` (page ${f.page})` : ""}
                      </li>
                    ))}
                  </ul>
                  {file.findings_acceptance && (
                    <p className="muted">
                      Accepted by {file.findings_acceptance.accepted_by} on {formatMoment(file.findings_acceptance.accepted_at)}:{" "}
                      {file.findings_acceptance.reason}
                    </p>
                  )}
                </>
              )}
            </article>
          );
        })}
      </div>
    </section>
  );
}

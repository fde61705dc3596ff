"use client";
// One drop zone per kind of file (card report, expense report, receipts): files are checked as they are
// added, listed with their size, and can be removed before anything is sent.
import { useId, useState, type DragEvent } from "react";
import { acceptAttribute, fileProblem, MAX_FILES, ROLE_LABELS } from "@/lib/files";
import { formatSize } from "@/lib/money";
import type { FileRole } from "@/lib/progress";
import type { PickedFile } from "@/lib/upload";

const HINTS: Record<FileRole, string> = {
  statement: "The card issuer's monthly statement (PDF).",
  expenses: "The expense system's report (PDF, CSV or XLSX).",
  receipt: "Loose receipts: scans or phone photos (PDF, JPEG, PNG, HEIC).",
};

let counter = 0;

/** The files of `incoming` that may be added, and why the others may not. */
export function admit(
  picked: PickedFile[],
  incoming: File[],
  role: FileRole,
): { added: PickedFile[]; problems: string[] } {
  const problems: string[] = [];
  const added: PickedFile[] = [];
  for (const file of incoming) {
    const problem = fileProblem(file, role);
    if (problem) problems.push(problem);
    else if (picked.length + added.length >= MAX_FILES)
      problems.push(`${file.name} was not added: one upload holds at most ${MAX_FILES} files. Add the rest afterwards as late receipts.`);
    else if ([...picked, ...added].some((p) => p.file.name === file.name && p.file.size === file.size))
      problems.push(`${file.name} is already in the list.`);
    else added.push({ key: `f${(counter += 1)}`, file, role });
  }
  return { added, problems };
}

function Zone({
  role,
  files,
  onAdd,
  onRemove,
  disabled,
}: {
  role: FileRole;
  files: PickedFile[];
  onAdd: (role: FileRole, incoming: File[]) => void;
  onRemove: (key: string) => void;
  disabled: boolean;
}) {
  const inputId = useId();
  const [over, setOver] = useState(false);
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (!disabled) onAdd(role, [...event.dataTransfer.files]);
  };
  return (
    <section
      className={`dropzone${over ? " over" : ""}`}
      aria-label={ROLE_LABELS[role]}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <h3>{ROLE_LABELS[role]}</h3>
      <p className="muted">{HINTS[role]} Drop files here, or:</p>
      <label htmlFor={inputId}>Choose {ROLE_LABELS[role].toLowerCase()} files</label>
      <br />
      <input
        id={inputId}
        type="file"
        multiple={role !== "statement"}
        accept={acceptAttribute(role)}
        disabled={disabled}
        onChange={(event) => {
          onAdd(role, [...(event.target.files ?? [])]);
          event.target.value = "";
        }}
      />
      {files.length > 0 && (
        <ul className="filelist" aria-label={`${ROLE_LABELS[role]} to upload`}>
          {files.map((p) => (
            <li key={p.key}>
              <span>
                {p.file.name} <span className="muted">({formatSize(p.file.size)})</span>
              </span>
              <button type="button" onClick={() => onRemove(p.key)} disabled={disabled} aria-label={`Remove ${p.file.name}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function FilePicker({
  roles,
  picked,
  onChange,
  disabled = false,
}: {
  roles: FileRole[];
  picked: PickedFile[];
  onChange: (next: PickedFile[]) => void;
  disabled?: boolean;
}) {
  const [problems, setProblems] = useState<string[]>([]);
  const add = (role: FileRole, incoming: File[]) => {
    const result = admit(picked, incoming, role);
    setProblems(result.problems);
    onChange([...picked, ...result.added]);
  };
  const total = picked.reduce((sum, p) => sum + p.file.size, 0);
  return (
    <div>
      <div className="grid3">
        {roles.map((role) => (
          <Zone
            key={role}
            role={role}
            files={picked.filter((p) => p.role === role)}
            onAdd={add}
            onRemove={(key) => onChange(picked.filter((p) => p.key !== key))}
            disabled={disabled}
          />
        ))}
      </div>
      {problems.length > 0 && (
        <div role="alert" className="error">
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <p className="muted" aria-live="polite">
        {picked.length === 0 ? "No files chosen yet." : `${picked.length} file${picked.length === 1 ? "" : "s"}, ${formatSize(total)} in all.`}
      </p>
    </div>
  );
}

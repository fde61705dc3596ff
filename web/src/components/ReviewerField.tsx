"use client";
import { useId } from "react";

/** The reviewer's name; its own id, so a page with several (one per file to accept) keeps each label on its field. */
export function ReviewerField({ name, onChange }: { name: string; onChange: (name: string) => void }) {
  const id = useId();
  return (
    <div className="field" style={{ maxWidth: "20rem" }}>
      <label htmlFor={id}>Your name (recorded with each decision)</label>
      <input id={id} value={name} onChange={(e) => onChange(e.target.value)} maxLength={200} autoComplete="name" />
    </div>
  );
}

"use client";

export function ReviewerField({ name, onChange }: { name: string; onChange: (name: string) => void }) {
  return (
    <div className="field" style={{ maxWidth: "20rem" }}>
      <label htmlFor="reviewer">Your name (recorded with each decision)</label>
      <input id="reviewer" value={name} onChange={(e) => onChange(e.target.value)} maxLength={200} autoComplete="name" />
    </div>
  );
}

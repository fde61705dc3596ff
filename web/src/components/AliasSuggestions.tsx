"use client";
// Names on the expense report that are probably a statement cardholder: a person confirms or rejects each.
import { useState } from "react";
import { api, type ReviewQueue } from "@/lib/api";
import { ErrorNote } from "./ErrorNote";

export function AliasSuggestions({
  sessionId,
  suggestions,
  reviewer,
  onDecided,
}: {
  sessionId: string;
  suggestions: ReviewQueue["identity_suggestions"];
  reviewer: string;
  onDecided: () => void;
}) {
  const [error, setError] = useState<unknown>(null);
  if (suggestions.length === 0) return null;
  async function decide(s: ReviewQueue["identity_suggestions"][number], decision: "confirm" | "reject") {
    setError(null);
    try {
      if (!reviewer.trim()) throw new Error("enter your name first: it is recorded with the decision");
      await api.decideAlias(sessionId, {
        alias: s.name,
        cardholder_name: s.cardholder ?? "",
        employee_number: s.employee_number,
        decision,
        reviewer: reviewer.trim(),
      });
      onDecided();
    } catch (failure) {
      setError(failure);
    }
  }
  return (
    <section aria-labelledby="aliases-title">
      <h2 id="aliases-title">Names to confirm</h2>
      <p className="muted">The expense report names people the statement spells differently. A confirmed name applies in later months too.</p>
      <table>
        <thead>
          <tr>
            <th scope="col">Name on the expense report</th>
            <th scope="col">Probably</th>
            <th scope="col">Why</th>
            <th scope="col">Decision</th>
          </tr>
        </thead>
        <tbody>
          {suggestions.map((s) => (
            <tr key={s.name}>
              <td>{s.name}</td>
              <td>{s.cardholder ?? "No cardholder found"}{s.employee_number ? ` (employee ${s.employee_number})` : ""}</td>
              <td>{s.reasons.join("; ")}</td>
              <td className="row">
                <button type="button" disabled={!s.cardholder} onClick={() => void decide(s, "confirm")}>Same person</button>
                <button type="button" disabled={!s.cardholder} onClick={() => void decide(s, "reject")}>Not the same</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorNote error={error} />
    </section>
  );
}

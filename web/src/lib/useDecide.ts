"use client";
// Recording a decision: shown at once on the line ("Approved by Ana, re-matching…"), then in the results
// once the matcher has re-run, and in the audit log.
import { useState } from "react";
import { api, type Decision } from "./api";
import { acceptingDecisions, type Suggestion } from "./suggestions";
import { decisionSentence } from "./wording";

export function useDecide(sessionId: string, reviewer: string, onRecorded: () => void) {
  const [recorded, setRecorded] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function run(send: () => Promise<unknown>, shown: [string, string][]): Promise<boolean> {
    setError(null);
    if (!reviewer.trim()) {
      setError(new Error("enter your name first: it is recorded with the decision"));
      return false;
    }
    setBusy(true);
    try {
      await send();
      setRecorded((r) => ({ ...r, ...Object.fromEntries(shown) }));
      onRecorded();
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    } finally {
      setBusy(false);
    }
  }

  function decide(lineId: string, decision: Decision): Promise<boolean> {
    return run(
      () => api.decide(sessionId, lineId, decision, reviewer.trim()),
      [[lineId, decisionSentence({ action: decision.action, decided_by: reviewer.trim() })]],
    );
  }

  async function acceptSuggestion(suggestion: Suggestion): Promise<boolean> {
    const decisions = acceptingDecisions(suggestion, `suggestion-${Date.now()}`);
    if (!decisions) {
      setError(new Error("this kind of suggestion cannot be accepted here; reassign the lines one by one"));
      return false;
    }
    return run(
      () => api.decideBatch(sessionId, decisions, reviewer.trim()),
      suggestion.lines.map((line) => [line, `Suggestion accepted by ${reviewer.trim()}`]),
    );
  }

  return { decide, acceptSuggestion, recorded, error, busy };
}

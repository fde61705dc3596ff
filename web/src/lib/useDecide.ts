"use client";
// Recording a decision: shown at once on the line ("Approved by Ana, re-matching…"), then in the results
// once the matcher has re-run, and in the audit log.
import { useState } from "react";
import { api, type Decision } from "./api";

const DONE_WORDS: Record<Decision["action"], string> = {
  approve: "Approved",
  reject: "Rejected",
  reassign: "Reassigned",
  no_receipt: "Marked “no receipt”",
};

export function useDecide(sessionId: string, reviewer: string, onRecorded: () => void) {
  const [recorded, setRecorded] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function decide(lineId: string, decision: Decision): Promise<boolean> {
    setError(null);
    if (!reviewer.trim()) {
      setError(new Error("enter your name first: it is recorded with the decision"));
      return false;
    }
    setBusy(true);
    try {
      await api.decide(sessionId, lineId, decision, reviewer.trim());
      setRecorded((r) => ({ ...r, [lineId]: `${DONE_WORDS[decision.action]} by ${reviewer.trim()}` }));
      onRecorded();
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { decide, recorded, error, busy };
}

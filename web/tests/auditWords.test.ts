import { describe, expect, it } from "vitest";
import type { AuditEntry } from "@/lib/api";
import { auditSentence } from "@/lib/auditWords";

const entry = (action: string, after: Record<string, unknown> | null, extra: Partial<AuditEntry> = {}): AuditEntry => ({
  id: "a1",
  actor: "Ana",
  action,
  target_type: "card_line",
  target_id: "L1",
  before: { merchant: "SHELL" },
  after,
  at: "2026-12-03T17:00:00Z",
  ...extra,
});

const names = (id: string) => (id === "L1" ? "BO LIMA: SHELL, $40.00" : null);

describe("the audit log in words", () => {
  it("names who did what to which line, with the reason given", () => {
    expect(auditSentence(entry("line.approve", { split_id: null }), names)).toBe("Ana approved the match of BO LIMA: SHELL, $40.00");
    expect(auditSentence(entry("line.no_receipt", { reason: "lost" }), names)).toBe(
      "Ana marked “no receipt” on BO LIMA: SHELL, $40.00: “lost”",
    );
    expect(auditSentence(entry("line.reject", null))).toBe("Ana rejected the match of SHELL");
  });

  it("says each part of an accepted split is one, whether it replaced or joined the line's match", () => {
    for (const action of ["line.reassign", "line.approve"]) {
      expect(auditSentence(entry(action, { split_id: "s1" }), names)).toBe("Ana accepted a part of the split charge BO LIMA: SHELL, $40.00");
    }
  });

  it("names the file whose findings were accepted", () => {
    const accepted = entry("findings.accept", { reason: "fee billed apart" }, { target_type: "file", before: { filename: "card.pdf" } });
    expect(auditSentence(accepted)).toBe("Ana accepted the findings of card.pdf: “fee billed apart”");
  });
});

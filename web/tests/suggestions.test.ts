import { describe, expect, it } from "vitest";
import { acceptingDecisions, describeSuggestion } from "@/lib/suggestions";

describe("accepting a suggestion", () => {
  // The matcher folds a line's decisions in order: reassign replaces its pins, approve adds to them. So the first
  // part replaces whatever the line held and the others join it; all reassigns would keep only the last part.
  it("splits one charge over its entries (the first replaces, the rest add), the receipt on the first part, under one label", () => {
    const s = { kind: "line_split_over_entries", lines: ["L"], entries: ["E1", "E2"], receipts: ["R"], reasons: ["60.00 + 40.00 = 100.00"] };
    expect(acceptingDecisions(s, "x")).toEqual([
      { transaction_id: "L", action: "reassign", expense_entry_id: "E1", receipt_id: "R", split: "x" },
      { transaction_id: "L", action: "approve", expense_entry_id: "E2", split: "x" },
    ]);
    expect(describeSuggestion(s)).toBe("This charge is split over 2 expense entries: 60.00 + 40.00 = 100.00");
  });

  it("gives one receipt to each charge it covers", () => {
    const s = { kind: "receipt_covers_lines", lines: ["L1", "L2"], entries: [], receipts: ["R"], reasons: [] };
    expect(acceptingDecisions(s, "y")).toEqual([
      { transaction_id: "L1", action: "reassign", receipt_id: "R", split: "y" },
      { transaction_id: "L2", action: "reassign", receipt_id: "R", split: "y" },
    ]);
  });

  it("refuses what it cannot express", () => {
    expect(acceptingDecisions({ kind: "something_new", lines: ["L"], entries: [], receipts: [], reasons: [] }, "z")).toBeNull();
    expect(acceptingDecisions({ kind: "receipt_covers_lines", lines: ["L1", "L2"], entries: [], receipts: ["R1", "R2"], reasons: [] }, "z")).toBeNull();
  });
});

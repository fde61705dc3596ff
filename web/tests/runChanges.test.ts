import { describe, expect, it } from "vitest";
import type { CardLine } from "@/lib/api";
import { describeLine, transition, transitionCounts, type RunChange } from "@/lib/runChanges";

const change = (line: string, from: RunChange["from"], to: RunChange["to"]): RunChange => ({ line, reference: null, from, to });

describe("what a run changed", () => {
  it("words each move, a new line and a line gone included", () => {
    expect(transition({ from: "missing_coding", to: "complete" })).toBe("Missing coding → Complete");
    expect(transition({ from: null, to: "missing_receipt" })).toBe("New → Missing receipt");
    expect(transition({ from: "complete", to: null })).toBe("Complete → No longer read");
  });

  it("counts the moves, most frequent first", () => {
    const changes = [
      change("a", "missing_receipt", "complete"),
      change("b", "missing_coding", "complete"),
      change("c", "missing_receipt", "complete"),
      change("d", "complete", "missing_both"),
    ];
    expect(transitionCounts(changes)).toEqual([
      { words: "Missing receipt → Complete", count: 2 },
      { words: "Complete → Missing receipt and coding", count: 1 },
      { words: "Missing coding → Complete", count: 1 },
    ]);
  });

  it("names a line by cardholder, merchant, amount and reference, by its id or its reference", () => {
    const line = {
      id: "9f0c",
      reference: "R-17",
      merchant: "SHELL OIL",
      amount: "1234.50",
      cardholder: { id: "h", name: "ANA LIMA", employee_number: null, card_last_four: "4321" },
    } as CardLine;
    expect(describeLine("9f0c", [line])).toBe("ANA LIMA: SHELL OIL, $1,234.50 (R-17)");
    expect(describeLine("R-17", [line])).toBe("ANA LIMA: SHELL OIL, $1,234.50 (R-17)");
    expect(describeLine("unknown", [line])).toBe("unknown");
  });
});

import { describe, expect, it } from "vitest";
import type { CardLine, LineStatus } from "@/lib/api";
import { exceptions, sortSummary, summarise } from "@/lib/summary";
import { formatCents, toCents } from "@/lib/money";

function line(holder: string, amount: string, status: LineStatus, extra: Partial<CardLine> = {}): CardLine {
  return {
    id: `${holder}-${amount}-${status}`,
    reference: null,
    transaction_date: "2026-03-02",
    post_date: null,
    amount,
    merchant: "SHELL",
    card_last_four: "1234",
    read_by: "text",
    cardholder: { id: holder, name: holder.toUpperCase(), employee_number: null, card_last_four: "1234" },
    line_status: status,
    match_status: "matched",
    needs_review: false,
    confidence: 1,
    reasons: null,
    entry: null,
    receipt: null,
    decision: null,
    outcome: null,
    ...extra,
  };
}

const receipt = (amount: string) => ({ id: "r", file_name: "r.jpg", vendor_name: null, amount });

const LINES = [
  line("ann", "0.10", "complete", { receipt: receipt("0.10") }),
  line("ann", "0.20", "complete", { receipt: receipt("0.20") }),
  line("bob", "1000.00", "missing_receipt"),
  line("bob", "-50.00", "credit"),
  line("cy", "12.34", "missing_coding", { receipt: receipt("12.34"), needs_review: true, read_by: "ocr" }),
];

describe("the cardholder summary", () => {
  it("adds money exactly, in cents", () => {
    const ann = summarise(LINES).find((s) => s.id === "ann")!;
    expect(ann.cardTotal).toBe(30n); // 0.1 + 0.2 in floats would not be 0.3
    expect(formatCents(ann.cardTotal)).toBe("$0.30");
    expect(formatCents(toCents("-1234567.5"))).toBe("−$1,234,567.50");
    expect(() => toCents("1.005")).toThrow("more than cents");
  });

  it("says what is missing in words", () => {
    const [ann, bob, cy] = summarise(LINES);
    expect(ann!.complete).toBe(true);
    expect(bob).toMatchObject({ complete: false, missingAmount: 100000n, cardTotal: 95000n, flags: ["1 missing receipt"] });
    expect(cy!.flags).toEqual(["1 missing coding", "1 to review", "1 line read from a scan"]);
  });

  it("lists incomplete cardholders first, then by the chosen column either way", () => {
    const rows = summarise(LINES);
    expect(sortSummary(rows, { key: "missingAmount", descending: true }).map((r) => r.id)).toEqual(["bob", "cy", "ann"]);
    expect(sortSummary(rows, { key: "missingAmount", descending: false }).map((r) => r.id)).toEqual(["cy", "bob", "ann"]);
    expect(sortSummary(rows, { key: "name", descending: false }).map((r) => r.id)).toEqual(["bob", "cy", "ann"]);
  });

  it("filters the exceptions by cardholder and status", () => {
    expect(exceptions(LINES, { cardholder: "", status: "" }).map((l) => l.id)).toEqual(["bob-1000.00-missing_receipt", "cy-12.34-missing_coding"]);
    expect(exceptions(LINES, { cardholder: "cy", status: "" })).toHaveLength(1);
    expect(exceptions(LINES, { cardholder: "", status: "review" }).map((l) => l.id)).toEqual(["cy-12.34-missing_coding"]);
    expect(exceptions(LINES, { cardholder: "bob", status: "missing_coding" })).toEqual([]);
  });
});

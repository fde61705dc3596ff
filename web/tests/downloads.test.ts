import { describe, expect, it } from "vitest";
import { apContents, dispositionName } from "@/lib/downloads";

describe("downloads", () => {
  it("take the server's file name", () => {
    expect(dispositionName('attachment; filename="reconciliation_March_2026_2026-04-01.xlsx"', "x")).toBe(
      "reconciliation_March_2026_2026-04-01.xlsx",
    );
    expect(dispositionName("attachment; filename*=utf-8''pvault_import_Ma%C3%AFs_2026-04-01.csv", "x")).toBe(
      "pvault_import_Maïs_2026-04-01.csv",
    );
    expect(dispositionName(null, "fallback.csv")).toBe("fallback.csv");
  });

  it("say whom the AP import holds and who was left out", () => {
    const csv =
      "Transaction ID,Card Holder,Transaction Name\r\n" +
      '1,ANN LEE,"SHELL, INC"\r\n' +
      "2,ANN LEE,CHEVRON\r\n" +
      "3,BOB RAY,HOTEL\r\n";
    expect(apContents(csv, ["BOB RAY", "CY DOE", "ANN LEE", "DEE FOX"])).toEqual({
      rows: 3,
      cardholders: ["ANN LEE", "BOB RAY"],
      leftOut: ["CY DOE", "DEE FOX"],
    });
  });
});

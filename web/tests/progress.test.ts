import { describe, expect, it } from "vitest";
import { describeProgress, type KnownFile, type ProgressEvent } from "@/lib/progress";

let nextId = 1;
function event(service: string, stage: string, message: string, current: number | null = null, total: number | null = null): ProgressEvent {
  return { id: nextId++, service, stage, message, current, total, session_status: stage };
}

describe("progress wording", () => {
  it("names the card report by its role and counts its pages", () => {
    const files: KnownFile[] = [{ filename: "wex-march.pdf", role: "statement" }];
    const view = describeProgress(
      [event("gateway", "processing", "1 file(s) received"), event("extractor", "extracting", "wex-march.pdf: page 37 of 178", 37, 178)],
      files,
    );
    expect(view.lines).toEqual(["Reading the card report: page 37 of 178"]);
    expect([view.filesRead, view.filesTotal]).toEqual([0, 1]);
  });

  it("counts receipts read with thousands separators", () => {
    const receipts: KnownFile[] = Array.from({ length: 1080 }, (_, i) => ({ filename: `r${i}.jpg`, role: "receipt" }));
    const done = receipts.slice(0, 340).map((r) => event("extractor", "extracting", `${r.filename}: read`));
    expect(describeProgress(done, receipts).lines).toEqual(["Receipts read 340 of 1,080"]);
  });

  it("says when a file has started, finished or failed, and never lets a.pdf claim a.pdf.pdf", () => {
    const files: KnownFile[] = [
      { filename: "a.pdf", role: "statement" },
      { filename: "a.pdf.pdf", role: "expenses" },
      { filename: "scan.png", role: null },
    ];
    const view = describeProgress(
      [
        event("extractor", "extracting", "reading a.pdf"),
        event("extractor", "extracting", "a.pdf.pdf: page 2 of 9", 2, 9),
        event("extractor", "extracting", "scan.png: the file could not be read (UnidentifiedImageError)"),
      ],
      files,
    );
    expect(view.lines).toEqual([
      "Reading the card report",
      "Reading the expense report: page 2 of 9",
      "Scan.png: the file could not be read (UnidentifiedImageError)",
    ]);
    expect(view.filesRead).toBe(1);
  });

  it("names each of two statements by file, and follows matching after reading", () => {
    const files: KnownFile[] = [
      { filename: "march.pdf", role: "statement" },
      { filename: "april.pdf", role: "statement" },
    ];
    const view = describeProgress(
      [
        event("extractor", "extracting", "march.pdf: 24 card lines from 5 cardholders", 1, 2),
        event("matcher", "matching", "matching card lines"),
      ],
      files,
    );
    expect(view.lines).toEqual([
      "The card report (march.pdf): 24 card lines from 5 cardholders",
      "Waiting to read the card report (april.pdf)",
      "Matching card lines to expense entries and receipts…",
    ]);
    const matched = describeProgress([event("matcher", "matching", "18 of 24 card lines complete, 0 for review", 18, 24)], files);
    expect(matched.lines.at(-1)).toBe("Matched: 18 of 24 card lines complete, 0 for review");
  });
});

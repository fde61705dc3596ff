// An upload's outcome in plain words: what it was, how it was read, and what to check.
import type { UploadedFile } from "./api";
import { formatSize } from "./money";

const KIND_WORDS: Record<string, string> = {
  statement: "Card report",
  expense_report: "Expense report",
  receipt: "Receipt",
};

export interface FileOutcome {
  title: string;
  kind: string;
  facts: string[];
  problem: string | null;
  tone: "good" | "warn" | "bad" | "info";
  state: string;
}

const IMAGE_TYPES = new Set(["jpeg", "jpg", "png", "heic", "image"]);

export function fileOutcome(file: UploadedFile): FileOutcome {
  const x = file.extraction;
  const facts = [formatSize(file.size_bytes)];
  if (x?.pages) facts.push(`${x.pages} page${x.pages === 1 ? "" : "s"}`);
  if (x && x.status === "extracted") {
    const ocr = IMAGE_TYPES.has(file.detected_type) || x.warnings.some((w) => /\bOCR\b/.test(w));
    facts.push(ocr ? "read by OCR (scanned or photographed: check its figures)" : "read from its text");
  }
  const kind = KIND_WORDS[x?.document_kind ?? ""] ?? (file.detected_type ? file.detected_type.toUpperCase() : "File");
  const base = { title: file.filename, kind, facts };
  if (file.status === "rejected") {
    return { ...base, problem: file.error ?? "the file was refused", tone: "bad", state: "Refused at upload" };
  }
  if (!x) return { ...base, problem: null, tone: "info", state: "Waiting to be read" };
  if (x.status === "failed") return { ...base, problem: x.error ?? file.error ?? "it could not be read", tone: "bad", state: "Could not be read" };
  if (x.status === "duplicate") {
    return { ...base, problem: null, tone: "warn", state: "Already in this reconciliation: nothing was added" };
  }
  if (x.findings.length > 0 && !file.findings_acceptance) {
    return { ...base, problem: null, tone: "bad", state: "Read, with findings a person must check" };
  }
  if (x.warnings.length > 0) return { ...base, problem: null, tone: "warn", state: "Read, with warnings" };
  return { ...base, problem: null, tone: "good", state: "Read" };
}

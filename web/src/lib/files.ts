// What may be picked for upload, checked before a byte is sent: the gateway checks again, but a person
// should hear about a wrong file at once, by name.
import { formatSize } from "./money";
import type { FileRole } from "./progress";

export const MAX_FILE_BYTES = 300 * 1024 * 1024; // the gateway's MAX_FILE_BYTES default
export const MAX_FILES = 100;

const ACCEPTED: Record<FileRole, readonly string[]> = {
  statement: [".pdf"],
  expenses: [".pdf", ".csv", ".xlsx"],
  receipt: [".pdf", ".jpg", ".jpeg", ".png", ".heic"],
};

export const ROLE_LABELS: Record<FileRole, string> = {
  statement: "Card report",
  expenses: "Expense report",
  receipt: "Receipts",
};

export function acceptAttribute(role: FileRole): string {
  return ACCEPTED[role].join(",");
}

function extension(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot).toLowerCase();
}

/** Why a file cannot go in this place, in plain words with what to do; null when it can. */
export function fileProblem(file: { name: string; size: number }, role: FileRole): string | null {
  const ext = extension(file.name);
  if (!ACCEPTED[role].includes(ext)) {
    const kinds = ACCEPTED[role].map((e) => e.slice(1).toUpperCase()).join(", ");
    return `${file.name} is not a file the ${ROLE_LABELS[role].toLowerCase()} can be read from (${kinds} only). Choose the right file, or export it again in one of these formats.`;
  }
  if (file.size === 0) return `${file.name} is empty. Export it again and choose the new file.`;
  if (file.size > MAX_FILE_BYTES) {
    return `${file.name} is ${formatSize(file.size)}, larger than the ${formatSize(MAX_FILE_BYTES)} a file may be. Split it or compress its images, then add it again.`;
  }
  return null;
}

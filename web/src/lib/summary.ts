// The per-cardholder summary of a month, built from its card lines: complete or not, what the card says,
// what the receipts cover, what is still missing and why.
import type { CardLine, LineStatus } from "./api";
import { toCents } from "./money";

export interface CardholderSummary {
  id: string;
  name: string;
  cardLastFour: string | null;
  lines: number;
  complete: boolean;
  cardTotal: bigint;
  receiptTotal: bigint;
  missingAmount: bigint;
  flags: string[];
}

const DONE: ReadonlySet<LineStatus> = new Set(["complete", "credit"]);

function flagsOf(lines: CardLine[]): string[] {
  const count = (test: (line: CardLine) => boolean) => lines.filter(test).length;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const flags: string[] = [];
  const receipt = count((l) => l.line_status === "missing_receipt" || l.line_status === "missing_all_receipts");
  const coding = count((l) => l.line_status === "missing_coding");
  const both = count((l) => l.line_status === "missing_both");
  const review = count((l) => l.needs_review);
  const ocr = count((l) => l.read_by === "ocr");
  if (receipt) flags.push(plural(receipt, "missing receipt", "missing receipts"));
  if (coding) flags.push(plural(coding, "missing coding", "missing coding"));
  if (both) flags.push(plural(both, "missing receipt and coding", "missing receipt and coding"));
  if (review) flags.push(plural(review, "to review", "to review"));
  if (ocr) flags.push(plural(ocr, "line read from a scan", "lines read from a scan"));
  return flags;
}

export function summarise(lines: CardLine[]): CardholderSummary[] {
  const groups = new Map<string, CardLine[]>();
  for (const line of lines) {
    const key = line.cardholder?.id ?? "unknown";
    groups.set(key, [...(groups.get(key) ?? []), line]);
  }
  return [...groups.entries()].map(([id, held]) => {
    const first = held[0]!.cardholder;
    const missing = held.filter((l) => !l.line_status || !DONE.has(l.line_status));
    return {
      id,
      name: first?.name ?? "Cardholder not identified",
      cardLastFour: first?.card_last_four ?? null,
      lines: held.length,
      complete: missing.length === 0,
      cardTotal: held.reduce((t, l) => t + toCents(l.amount), 0n),
      receiptTotal: held.reduce((t, l) => t + (l.receipt?.amount ? toCents(l.receipt.amount) : 0n), 0n),
      missingAmount: missing.reduce((t, l) => t + toCents(l.amount), 0n),
      flags: flagsOf(held),
    };
  });
}

export type SortKey = "name" | "cardTotal" | "receiptTotal" | "missingAmount";
export interface Sort {
  key: SortKey;
  descending: boolean;
}

/** Incomplete cardholders first, then by the chosen column; ties by name. */
export function sortSummary(rows: CardholderSummary[], sort: Sort): CardholderSummary[] {
  const direction = sort.descending ? -1 : 1;
  const compare = (a: CardholderSummary, b: CardholderSummary): number => {
    if (sort.key === "name") return a.name.localeCompare(b.name);
    const x = a[sort.key];
    const y = b[sort.key];
    return x === y ? 0 : x < y ? -1 : 1;
  };
  return [...rows].sort(
    (a, b) => Number(a.complete) - Number(b.complete) || direction * compare(a, b) || a.name.localeCompare(b.name),
  );
}

export interface LineFilter {
  cardholder: string;
  status: LineStatus | "review" | "";
}

/** The exceptions: lines that are not complete (or await a person), narrowed by cardholder and status. */
export function exceptions(lines: CardLine[], filter: LineFilter): CardLine[] {
  return lines.filter((line) => {
    const open = line.needs_review || !line.line_status || !DONE.has(line.line_status);
    if (!open) return false;
    if (filter.cardholder && (line.cardholder?.id ?? "unknown") !== filter.cardholder) return false;
    if (filter.status === "review") return line.needs_review;
    return !filter.status || line.line_status === filter.status;
  });
}

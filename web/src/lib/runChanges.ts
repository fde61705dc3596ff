// What a matching run changed, in words: each line's move from one status to another, counted by kind of
// move so a reviewer sees "3 lines: Missing coding → Complete" before the lines themselves.
import type { CardLine, MatchRun } from "./api";
import { formatAmount } from "./money";
import { LINE_STATUS_WORDS } from "./wording";

export type RunChange = MatchRun["changes"][number];

function statusWords(status: string | null, missing: string): string {
  return status === null ? missing : (LINE_STATUS_WORDS[status] ?? status);
}

/** "Missing coding → Complete"; a line new in the run comes from "New", one gone goes to "No longer read". */
export function transition(change: Pick<RunChange, "from" | "to">): string {
  return `${statusWords(change.from, "New")} → ${statusWords(change.to, "No longer read")}`;
}

/** The run's moves, most frequent first (ties by their words), with how many lines made each. */
export function transitionCounts(changes: readonly RunChange[]): { words: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const change of changes) counts.set(transition(change), (counts.get(transition(change)) ?? 0) + 1);
  return [...counts].map(([words, count]) => ({ words, count })).sort((a, b) => b.count - a.count || a.words.localeCompare(b.words));
}

/** A card line named for a person: cardholder, merchant, amount and the printed reference. */
export function describeLine(key: string, lines: readonly CardLine[]): string {
  const line = lines.find((l) => l.id === key || (l.reference !== null && l.reference === key));
  if (!line) return key;
  return `${line.cardholder?.name ?? "Cardholder not known"}: ${line.merchant}, ${formatAmount(line.amount)} (${line.reference ?? "no reference"})`;
}

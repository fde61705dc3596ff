// The review list's keys: j/↓ next, k/↑ previous, a approve, r reject, n no receipt, Enter open the line.
export type ReviewCommand = "next" | "previous" | "approve" | "reject" | "no_receipt" | "open";

const KEYS: Record<string, ReviewCommand> = {
  j: "next",
  ArrowDown: "next",
  k: "previous",
  ArrowUp: "previous",
  a: "approve",
  r: "reject",
  n: "no_receipt",
  Enter: "open",
};

/** The command for a key press, or null when the key belongs to what has focus (typing, a button, a link). */
export function reviewCommand(event: {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  target: EventTarget | null;
}): ReviewCommand | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  const target = event.target as HTMLElement | null;
  const tag = target?.tagName;
  if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || target?.isContentEditable) return null;
  if (event.key === "Enter" && (tag === "BUTTON" || tag === "A")) return null;
  return KEYS[event.key] ?? null;
}

/** The index after a move, kept inside the list. */
export function move(index: number, count: number, command: "next" | "previous"): number {
  if (count === 0) return 0;
  return command === "next" ? Math.min(index + 1, count - 1) : Math.max(index - 1, 0);
}

import { STATUS_WORDS, WORKING } from "@/lib/wording";

export function StatusBadge({ status }: { status: string }) {
  const tone =
    status === "completed" ? "good" : status === "needs_attention" || status === "failed" ? "bad" : WORKING.has(status) ? "info" : "warn";
  return <span className={`badge ${tone}`}>{STATUS_WORDS[status] ?? status}</span>;
}

import type { CardLine, Entry } from "@/lib/api";
import { formatDay, formatMoment } from "@/lib/dates";
import { formatAmount } from "@/lib/money";
import { LINE_STATUS_WORDS, OUTCOME_WORDS } from "@/lib/wording";

function Pairs({ items }: { items: [string, string | null | undefined][] }) {
  return (
    <dl className="pairs">
      {items.map(([term, value]) => (
        <div key={term} style={{ display: "contents" }}>
          <dt>{term}</dt>
          <dd>{value || "—"}</dd>
        </div>
      ))}
    </dl>
  );
}

export function CardLineFacts({ line }: { line: CardLine }) {
  const o = line.outcome;
  const outcome = o ? `${OUTCOME_WORDS[o.kind] ?? o.kind}${o.by ? ` by ${o.by}` : ""}${o.at ? `, ${formatMoment(o.at)}` : ""}` : null;
  return (
    <Pairs
      items={[
        ["Cardholder", line.cardholder ? `${line.cardholder.name}${line.card_last_four ? ` (card ending ${line.card_last_four})` : ""}` : null],
        ["Date", formatDay(line.transaction_date)],
        ["Posted", formatDay(line.post_date)],
        ["Merchant", line.merchant],
        ["Amount", formatAmount(line.amount)],
        ["Reference", line.reference],
        ["Read", line.read_by === "ocr" ? "by OCR from a scan: check it against the statement" : "from the statement's text"],
        ["Status", LINE_STATUS_WORDS[line.line_status ?? ""] ?? "Not matched yet"],
        ["Confidence", line.confidence == null || !(line.entry || line.receipt) ? null : `${Math.round(line.confidence * 100)}%`],
        ["Outcome", outcome],
        ["Why", o?.reason ?? line.decision?.reason],
      ]}
    />
  );
}

export function EntryFacts({ entry }: { entry: Entry | null }) {
  if (!entry) return <p>No expense entry is matched to this line.</p>;
  return (
    <Pairs
      items={[
        ["Employee", entry.employee],
        ["Date", formatDay(entry.entry_date)],
        ["Expense type", entry.expense_type],
        ["Amount", formatAmount(entry.amount)],
        ["Merchant", entry.merchant],
        ["Purpose", entry.purpose],
        ["GL account", entry.gl_account],
        ["Job", entry.job],
        ["Phase", entry.phase],
        ["Cost type", entry.cost_type],
        ["From", entry.source_file],
      ]}
    />
  );
}

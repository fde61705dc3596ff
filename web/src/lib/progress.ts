// What the progress stream means to a person: per file and per page ("Reading the card report: page 37
// of 178"), receipts counted ("Receipts read 340 of 1,080"), then matching and the reports.
import { formatCount } from "./money";

export type FileRole = "statement" | "expenses" | "receipt";

export interface ProgressEvent {
  id: number;
  service: string;
  stage: string;
  message: string;
  current: number | null;
  total: number | null;
  session_status: string;
}

export interface KnownFile {
  filename: string;
  role: FileRole | null;
}

export interface ProgressView {
  lines: string[];
  filesRead: number;
  filesTotal: number;
  status: string | null;
}

const PAGE = /^(.*): page (\d+) of (\d+)$/;
const ROLE_NAMES: Record<Exclude<FileRole, "receipt">, string> = {
  statement: "the card report",
  expenses: "the expense report",
};

export function roleOfKind(kind: string | null | undefined): FileRole | null {
  if (kind === "statement") return "statement";
  if (kind === "expense_report") return "expenses";
  if (kind === "receipt") return "receipt";
  return null;
}

interface FileState {
  started: boolean;
  page: [number, number] | null;
  outcome: string | null;
}

/** Which known file an extractor message is about (the longest name that prefixes it, so "a.pdf" never
 * claims "a.pdf.pdf"'s messages). */
function fileOf(message: string, names: string[]): string | null {
  let best: string | null = null;
  for (const name of names) {
    if (message.startsWith(`${name}:`) && (!best || name.length > best.length)) best = name;
  }
  return best;
}

function fileStates(events: ProgressEvent[], names: string[]): Map<string, FileState> {
  const states = new Map<string, FileState>(names.map((n) => [n, { started: false, page: null, outcome: null }]));
  for (const event of events) {
    if (event.service !== "extractor") continue;
    const reading = event.message.startsWith("reading ") ? states.get(event.message.slice(8)) : undefined;
    if (reading) {
      reading.started = true;
      continue;
    }
    const name = fileOf(event.message, names);
    if (!name) continue;
    const state = states.get(name)!;
    const page = PAGE.exec(event.message);
    if (page && page[1] === name) state.page = [Number(page[2]), Number(page[3])];
    else state.outcome = event.message.slice(name.length + 1).trim();
  }
  return states;
}

function describeFile(file: KnownFile, state: FileState, alone: boolean): string {
  const what = file.role && file.role !== "receipt" ? ROLE_NAMES[file.role] : file.filename;
  const label = alone || !file.role ? what : `${what} (${file.filename})`;
  if (state.outcome !== null) return `${capital(label)}: ${state.outcome}`;
  if (state.page) return `Reading ${label}: page ${formatCount(state.page[0])} of ${formatCount(state.page[1])}`;
  return state.started ? `Reading ${label}` : `Waiting to read ${label}`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function laterStage(events: ProgressEvent[]): string | null {
  const last = [...events].reverse().find((e) => e.service !== "extractor" && e.service !== "gateway");
  if (!last) return null;
  if (last.stage === "matching") {
    return last.current === null ? "Matching card lines to expense entries and receipts…" : `Matched: ${last.message}`;
  }
  if (last.stage === "reporting") return "Writing the reports…";
  return capital(last.message);
}

export function describeProgress(events: ProgressEvent[], files: KnownFile[]): ProgressView {
  const names = files.map((f) => f.filename);
  const states = fileStates(events, names);
  const lines: string[] = [];
  for (const role of ["statement", "expenses"] as const) {
    const ofRole = files.filter((f) => f.role === role);
    for (const file of ofRole) lines.push(describeFile(file, states.get(file.filename)!, ofRole.length === 1));
  }
  const receipts = files.filter((f) => f.role === "receipt");
  if (receipts.length > 0) {
    const read = receipts.filter((f) => states.get(f.filename)!.outcome !== null).length;
    lines.push(`Receipts read ${formatCount(read)} of ${formatCount(receipts.length)}`);
  }
  for (const file of files.filter((f) => f.role === null)) {
    lines.push(describeFile(file, states.get(file.filename)!, true));
  }
  const stage = laterStage(events);
  if (stage) lines.push(stage);
  const filesRead = [...states.values()].filter((s) => s.outcome !== null).length;
  const last = events.at(-1);
  return { lines, filesRead, filesTotal: files.length, status: last ? last.session_status : null };
}

// The gateway's API as the pages use it: every call goes through `request`, the one place where a
// sign-in token will be attached once OIDC arrives.
import type { Decision, Page, ReportFormat, Session } from "./apiTypes";
import type { BatchDecision } from "./suggestions";
import { failureFromResponse, unreachable } from "./wording";

export type * from "./apiTypes";

/** The one fetch wrapper: same-origin `/api`, JSON in and out, failures as plain-worded ApiFailure. */
export async function request(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.body && typeof init.body === "string") headers.set("content-type", "application/json");
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { ...init, headers });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw unreachable();
  }
  if (!response.ok) throw await failureFromResponse(response);
  return response;
}

export async function getJson<T>(path: string): Promise<T> {
  return (await (await request(path)).json()) as T;
}

async function send<T>(method: string, path: string, body: unknown): Promise<T> {
  const response = await request(path, { method, body: JSON.stringify(body) });
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

const session = (id: string) => `/sessions/${encodeURIComponent(id)}`;

export const api = {
  sessionsPath: (query: { q?: string; status?: string; page?: number }) => {
    const params = new URLSearchParams({ page_size: "50", page: String(query.page ?? 1) });
    if (query.q) params.set("q", query.q);
    if (query.status) params.set("status", query.status);
    return `/sessions?${params}`;
  },
  sessionPath: (id: string) => `${session(id)}?page_size=1`,
  linesPath: (id: string, page: number) => `${session(id)}/lines?page_size=500&page=${page}`,
  entriesPath: (id: string, unmatched: boolean) => `${session(id)}/entries?page_size=500&unmatched=${unmatched}`,
  receiptsPath: (id: string, unmatched: boolean) => `${session(id)}/receipts?page_size=500&unmatched=${unmatched}`,
  reviewPath: (id: string) => `${session(id)}/review?page_size=500`,
  runsPath: (id: string) => `${session(id)}/runs?page_size=500`,
  auditPath: (id: string) => `${session(id)}/audit?page_size=500`,
  eventsUrl: (id: string) => `/api${session(id)}/events`,
  uploadUrl: (id?: string) => (id ? `/api${session(id)}/uploads` : "/api/upload"),
  reportPath: (id: string, format: ReportFormat) => `${session(id)}/report?format=${format}`,
  receiptFileUrl: (id: string, receiptId: string) =>
    `/api${session(id)}/receipts/${encodeURIComponent(receiptId)}/file`,

  rename: (id: string, name: string) => send<Session>("PATCH", session(id), { name }),
  remove: (id: string) => send<void>("DELETE", session(id), undefined),
  decide: (id: string, lineId: string, decision: Decision, reviewer: string) =>
    send<unknown>("POST", `${session(id)}/lines/${encodeURIComponent(lineId)}/decisions`, { ...decision, reviewer }),
  decideBatch: (id: string, decisions: BatchDecision[], reviewer: string) =>
    send<unknown>("POST", `${session(id)}/decisions`, { decisions, reviewer }),
  decideAlias: (id: string, body: { alias: string; cardholder_name: string; employee_number: string | null; decision: "confirm" | "reject"; reviewer: string }) =>
    send<unknown>("POST", `${session(id)}/cardholder-aliases`, body),
  acceptFindings: (id: string, uploadId: string, reason: string, reviewer: string) =>
    send<unknown>("POST", `${session(id)}/files/${encodeURIComponent(uploadId)}/findings/accept`, { reason, reviewer }),
};

/** Every page of a paged list (the lines of a month are a few pages of 500). */
export async function getAll<T>(pathOf: (page: number) => string): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page += 1) {
    const body = await getJson<Page<T>>(pathOf(page));
    items.push(...body.items);
    if (!body.has_next) return items;
  }
}

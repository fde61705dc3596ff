// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AliasSuggestions } from "@/components/AliasSuggestions";
import { AttentionBanner } from "@/components/AttentionBanner";
import type { SessionDetail, UploadedFile } from "@/lib/api";

afterEach(() => vi.unstubAllGlobals());

const statement: UploadedFile = {
  id: "u1",
  filename: "wex-march.pdf",
  detected_type: "pdf",
  size_bytes: 1000,
  status: "extracted",
  error: null,
  extraction: {
    status: "extracted",
    document_kind: "statement",
    pages: 178,
    error: null,
    warnings: [],
    findings: [{ kind: "total_mismatch", message: "the printed total 1,234.56 is not the lines' 1,200.00", page: 178 }],
    duplicate_of: null,
    period_start: "2026-03-01",
    period_end: "2026-03-31",
  },
  findings_acceptance: null,
};

function session(status: SessionDetail["status"]): SessionDetail {
  return {
    id: "s1",
    name: "March 2026",
    status,
    status_message: null,
    created_at: "2026-04-01T00:00:00Z",
    expires_at: "2026-06-30T00:00:00Z",
    updated_at: "2026-04-01T00:00:00Z",
    upload_count: 1,
    total_transactions: 10,
    total_receipts: 0,
    matched_count: 0,
    open_lines: 0,
    period_start: "2026-03-01",
    period_end: "2026-03-31",
    uploads: [statement],
    attention: ["wex-march.pdf: a printed total its lines contradict (page 178)"],
    periods: [],
    lines_total: 10,
  };
}

function stubFetch() {
  const fetch = vi.fn().mockResolvedValue(new Response("{}", { status: 200 }));
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

describe("a session that needs attention", () => {
  it("cannot be missed, says why, and releases the AP import only with a name and a reason", async () => {
    const user = userEvent.setup();
    const fetch = stubFetch();
    const onChanged = vi.fn();
    render(<AttentionBanner session={session("needs_attention")} onChanged={onChanged} />);
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("Needs attention: the AP import is held back");
    expect(alert).toHaveTextContent("wex-march.pdf: a printed total its lines contradict (page 178)");
    expect(alert).toHaveTextContent("the printed total 1,234.56 is not the lines' 1,200.00 (page 178)");
    const accept = screen.getByRole("button", { name: "Accept these findings" });
    expect(accept).toBeDisabled();
    await user.type(screen.getByLabelText(/^Your name/), "Ana");
    await user.type(screen.getByLabelText(/^Why the lines may still go/), "checked against the bank's total");
    await user.click(accept);
    expect(fetch).toHaveBeenCalledWith("/api/sessions/s1/files/u1/findings/accept", expect.objectContaining({ method: "POST" }));
    expect(JSON.parse(fetch.mock.calls[0]![1].body as string)).toEqual({ reason: "checked against the bank's total", reviewer: "Ana" });
    expect(onChanged).toHaveBeenCalled();
  });

  it("gives each file to accept its own labelled name field", () => {
    const second = { ...statement, id: "u2", filename: "wex-march-2.pdf" };
    render(<AttentionBanner session={{ ...session("needs_attention"), uploads: [statement, second] }} onChanged={() => {}} />);
    const names = screen.getAllByLabelText(/^Your name/);
    expect(names).toHaveLength(2);
    expect(new Set(names.map((n) => n.id)).size).toBe(2);
  });

  it("asks for a statement, not an acceptance, when no statement was read", () => {
    const failed = { ...statement, extraction: { ...statement.extraction!, status: "failed" as const, findings: [], error: "not a PDF" } };
    const noStatement = { ...session("needs_attention"), uploads: [failed], attention: ["no card statement was read (card.pdf: not a PDF)"] };
    render(<AttentionBanner session={noStatement} onChanged={() => {}} />);
    expect(screen.getByRole("alert")).toHaveTextContent("Upload the card statement, or a readable copy of it, on the Late receipts and changes page.");
    expect(screen.getByRole("alert")).not.toHaveTextContent("accept the findings");
    expect(screen.queryByRole("button", { name: "Accept these findings" })).toBeNull();
  });

  it("shows nothing when the session is ready", () => {
    const { container } = render(<AttentionBanner session={session("completed")} onChanged={() => {}} />);
    expect(container).toBeEmptyDOMElement();
  });
});

describe("names to confirm", () => {
  it("confirms a name as the statement's cardholder", async () => {
    const user = userEvent.setup();
    const fetch = stubFetch();
    const suggestion = { name: "Bob Ray Jr", cardholder: "BOB RAY", cardholder_id: "c1", employee_number: "042", score: 0.9, reasons: ["same card"] };
    render(<AliasSuggestions sessionId="s1" suggestions={[suggestion]} reviewer="Ana" onDecided={() => {}} />);
    await user.click(screen.getByRole("button", { name: "Same person" }));
    expect(fetch.mock.calls[0]![0]).toBe("/api/sessions/s1/cardholder-aliases");
    expect(JSON.parse(fetch.mock.calls[0]![1].body as string)).toEqual({
      alias: "Bob Ray Jr",
      cardholder_name: "BOB RAY",
      employee_number: "042",
      decision: "confirm",
      reviewer: "Ana",
    });
  });
});

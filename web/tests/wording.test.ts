import { describe, expect, it, vi, afterEach } from "vitest";
import { request } from "@/lib/api";
import { ApiFailure, describeError, failureFromResponse } from "@/lib/wording";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

afterEach(() => vi.unstubAllGlobals());

describe("errors in plain words", () => {
  it("keep the gateway's message and add what to do next", async () => {
    const failure = await failureFromResponse(
      json(404, { error: { code: "session_not_found", message: "session 1 does not exist or has expired" } }),
    );
    expect(failure.sentence).toBe(
      "Session 1 does not exist or has expired. It was deleted or has expired (reconciliations are kept 90 days). Start a new one from the Sessions page.",
    );
  });

  it("name the refused files of an upload", async () => {
    const failure = await failureFromResponse(
      json(400, {
        error: {
          code: "no_files_accepted",
          message: "no file was accepted",
          details: [{ filename: "memo.docx", error: "a Word document, not a spreadsheet" }],
        },
      }),
    );
    expect(failure.sentence).toMatch(/^No file was accepted: memo\.docx: a Word document, not a spreadsheet\. Check the files/);
  });

  it("say how to send an upload the gateway refused whole", async () => {
    const failure = await failureFromResponse(
      json(413, { error: { code: "upload_too_large", message: "more than 100 files in one upload; send at most 100" } }),
    );
    expect(failure.sentence).toBe(
      "More than 100 files in one upload; send at most 100. Send the files in smaller groups: start with the card report, then add the rest to the reconciliation.",
    );
  });

  it("word failures without a body: too large, signed out, server errors with their reference", async () => {
    expect((await failureFromResponse(new Response("<html>", { status: 413 }))).sentence).toBe(
      "The upload is larger than the server accepts. Split the file or compress its images, then upload it again.",
    );
    expect((await failureFromResponse(new Response(null, { status: 401 }))).sentence).toMatch(/^You are not signed in.*Sign in again/);
    const internal = await failureFromResponse(
      json(500, { error: { code: "internal_error", message: "an internal error occurred", details: { error_id: "e-42" } } }),
    );
    expect(internal.sentence).toBe("An internal error occurred (reference e-42). Try again. If it happens again, send IT the reference shown here.");
  });

  it("say the server is unreachable when nothing answers", async () => {
    vi.stubGlobal("fetch", vi.fn().mockRejectedValue(new TypeError("fetch failed")));
    const error = await request("/sessions").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiFailure);
    expect(describeError(error)).toBe(
      "The server cannot be reached. Check your network connection and try again. If it keeps happening, card-recon may be down: tell IT.",
    );
  });
});

describe("decisions in words", () => {
  it("say what was decided, by whom and why", async () => {
    const { decisionSentence } = await import("@/lib/wording");
    expect(decisionSentence({ action: "reject", decided_by: "Ana" })).toBe("Rejected by Ana");
    expect(decisionSentence({ action: "no_receipt", decided_by: "Bo", reason: "lost in transit" })).toBe(
      "Marked “no receipt” by Bo: lost in transit",
    );
  });
});

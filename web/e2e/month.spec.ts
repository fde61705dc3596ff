// A finance user's month in the browser, against the running stack: upload and watch it read, look into
// a cardholder's exceptions, decide, add late files, download the three files.
import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";
import { capture, month } from "./support";

test.describe.configure({ mode: "serial" });

const m = month();
const NAME = "December card month";
const REVIEWER = "Ana Reviewer";
// Who the audit log records: the signed-in user, never the typed name (the e2e gateway runs AUTH_MODE=dev as "dev").
const SIGNED_IN = "dev";
let sessionUrl = "";

/** Until the session has finished matching again (a decision starts a re-match). */
async function waitIdle(page: Page) {
  const id = sessionUrl.split("/").at(-1);
  await expect
    .poll(async () => ((await (await page.request.get(`/api/sessions/${id}?page_size=1`)).json()) as { status: string }).status, {
      timeout: 60_000,
    })
    .toMatch(/^(completed|needs_attention)$/);
}

async function waitReady(page: Page) {
  await expect(page.locator(".badge", { hasText: /^(Ready|Needs attention)$/ }).first()).toBeVisible({ timeout: 180_000 });
}

test("uploads a month and follows its progress, page by page, to the end", async ({ page }) => {
  await page.goto("/new");
  await page.getByLabel("Choose card report files").setInputFiles(m.statement);
  await page.getByLabel("Choose expense report files").setInputFiles(m.expenses);
  await page.getByLabel("Choose receipts files").setInputFiles([
    { name: path.basename(m.receipt), mimeType: "application/pdf", buffer: readFileSync(m.receipt) },
    { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not a receipt") },
  ]);
  await expect(page.getByRole("alert").filter({ hasText: "notes.txt is not a file the receipts can be read from" })).toBeVisible();
  const receipts = page.getByRole("list", { name: "Receipts to upload" });
  await expect(receipts).toContainText(path.basename(m.receipt));
  await page.getByRole("button", { name: `Remove ${path.basename(m.receipt)}` }).click();
  await expect(receipts).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Card report to upload" })).toContainText(/card-statement\.pdf \(\d+(\.\d)? KB\)/);
  await page.getByLabel(/^Name/).fill(NAME);
  await capture(page, "new-reconciliation");

  await page.getByRole("button", { name: "Start reconciliation" }).click();
  await page.waitForURL(/\/sessions\/[0-9a-f-]+$/);
  sessionUrl = new URL(page.url()).pathname;
  const seen = new Set<string>();
  let reloaded = false;
  for (let i = 0; i < 1200; i += 1) {
    for (const text of await page.getByTestId("progress-lines").locator("li").allInnerTexts()) seen.add(text);
    if (!reloaded && [...seen].some((t) => t.startsWith("Reading"))) {
      await page.reload(); // progress survives a reload: the stream replays from the first event
      reloaded = true;
      continue;
    }
    if (await page.locator(".badge", { hasText: /^Ready$/ }).count()) break;
    await page.waitForTimeout(100);
  }
  await waitReady(page);
  const words = [...seen];
  expect(words.some((t) => /^Reading the (card|expense) report: page \d+ of \d+$/.test(t)), words.join("\n")).toBe(true);
  expect(words.some((t) => /^The (card|expense) report: \d+ (card lines|expense entries)/.test(t)), words.join("\n")).toBe(true);
  expect(reloaded).toBe(true);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(NAME);
});

test("opens a cardholder's exceptions and sees the receipt beside the line", async ({ page }) => {
  await page.goto(sessionUrl);
  await waitReady(page);
  const rows = page.getByTestId("summary-row");
  await expect(rows).toHaveCount(Object.keys(m.holders).length);
  await expect(rows.first()).toContainText("Not complete"); // incomplete cardholders first
  await expect(rows.last()).toContainText("Complete");
  await capture(page, "results");

  const holder = m.holders.fixed_coding;
  await page.getByRole("button", { name: `Show exceptions of ${holder}` }).click();
  const exceptions = page.getByTestId("exception-row");
  await expect(exceptions).toHaveCount(1);
  await expect(exceptions.first()).toContainText(holder);
  await expect(exceptions.first()).toContainText("Missing coding");
  await exceptions.first().getByRole("link").click();
  await page.waitForURL(/\/lines\//);
  const image = page.getByRole("img", { name: /^Receipt / });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await expect(page.getByText("Missing coding").first()).toBeVisible();
  await capture(page, "line-detail");
});

/** Select a line of this cardholder in this status; the locator follows that line (by its merchant and
 * amount) after its status text changes. */
async function pick(page: Page, holder: string, status: string) {
  const candidate = page.getByTestId("review-row").filter({ hasText: holder }).filter({ hasText: status }).first();
  const cells = await candidate.locator("td").allInnerTexts();
  const row = page.getByTestId("review-row").filter({ hasText: cells[1]! }).filter({ hasText: cells[2]! });
  await row.locator("td").first().click(); // the cardholder cell: the merchant cell is a link
  await expect(row).toHaveAttribute("aria-selected", "true");
  return row;
}

test("accepts a suggested split, approves and rejects matches from the keyboard; all reach the audit log", async ({ page }) => {
  await page.goto(`${sessionUrl}/review`);
  await page.getByLabel(/^Your name/).fill(REVIEWER);

  const split = await pick(page, m.holders.split, "Missing receipt and coding");
  await expect(page.getByTestId("suggestion")).toContainText("Suggested: This charge is split over 2 expense entries");
  await page.getByRole("button", { name: "Accept suggestion" }).click();
  await expect(split).toContainText(`Suggestion accepted by ${REVIEWER}`);
  await waitIdle(page);

  await page.getByLabel("Show").selectOption("all");
  const approved = await pick(page, m.holders.complete, "Complete");
  await page.keyboard.press("a");
  await expect(approved).toContainText(`Approved by ${REVIEWER}`);
  await waitIdle(page);

  const rejected = await pick(page, m.holders.still_missing, "Complete");
  await page.keyboard.press("j");
  await page.keyboard.press("k"); // moving away and back keeps the same line
  await expect(rejected).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("r");
  await expect(rejected).toContainText(`Rejected by ${REVIEWER}`);
  await waitIdle(page);
  await expect(page.getByText("Matching again after a change")).toHaveCount(0);
  await capture(page, "review");

  await page.goto(`${sessionUrl}/audit`);
  const audit = page.getByTestId("audit-row");
  await expect(audit).toHaveCount(4); // the split is two decisions, one per expense entry
  await expect(audit.nth(0)).toContainText(`${SIGNED_IN} accepted a part of the split charge ${m.holders.split}`);
  await expect(audit.nth(1)).toContainText(`${SIGNED_IN} accepted a part of the split charge ${m.holders.split}`);
  await expect(audit.nth(2)).toContainText(`${SIGNED_IN} approved the match of ${m.holders.complete}`);
  await expect(audit.nth(3)).toContainText(`${SIGNED_IN} rejected the match of ${m.holders.still_missing}`);
  await capture(page, "audit-log");

  await page.goto(sessionUrl);
  await waitReady(page);
  const splitRow = page.getByTestId("summary-row").filter({ hasText: m.holders.split });
  await expect(splitRow.locator(".badge")).toHaveText("Complete");
});

/** Add files on the changes page and wait for the run they start; returns that run's entry. */
async function addLate(page: Page, label: string, file: string) {
  const runs = page.getByTestId("run");
  const before = await runs.count();
  await page.getByLabel(label).setInputFiles(file);
  await page.getByRole("button", { name: "Add files and match again" }).click();
  await expect(runs).toHaveCount(before + 1, { timeout: 180_000 });
  await expect(page.getByText("The new files were read and the month matched again")).toBeVisible();
  return runs.first();
}

test("adds a late receipt, then the completed expense report, and shows what each changed", async ({ page }) => {
  await page.goto(`${sessionUrl}/changes`);
  await expect(page.getByTestId("run").first()).toBeVisible();
  const receiptRun = await addLate(page, "Choose receipts files", m.late_receipt);
  await expect(receiptRun).toContainText("1 now complete");
  await expect(receiptRun).toContainText(m.late_receipt_reference);
  await expect(receiptRun).toContainText(/Every status change \(1\): 1 × Missing receipt → Complete/);

  const reportRun = await addLate(page, "Choose expense report files", m.completed);
  await expect(reportRun).toContainText(`${m.coded_late_references.length} now complete`);
  for (const reference of m.coded_late_references) await expect(reportRun).toContainText(reference);
  await expect(reportRun).toContainText(/× Missing coding → Complete/);
  await capture(page, "late-receipts-and-changes");
});

test("downloads the workbook, the lines and the AP import, which says whom it holds", async ({ page }) => {
  await page.goto(sessionUrl);
  await waitReady(page);
  const saved: Record<string, string> = {};
  for (const label of ["Excel report (XLSX)", "Card lines (CSV)", "AP import (CSV)"]) {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: `Download ${label}` }).click(),
    ]);
    const target = path.join(m.download_dir, download.suggestedFilename());
    await download.saveAs(target);
    saved[label] = target;
  }
  const day = new Date().toISOString().slice(0, 10);
  const slug = NAME.replaceAll(" ", "_");
  expect(path.basename(saved["Excel report (XLSX)"]!)).toBe(`reconciliation_${slug}_${day}.xlsx`);
  expect(path.basename(saved["Card lines (CSV)"]!)).toBe(`reconciliation_${slug}_${day}.csv`);
  expect(path.basename(saved["AP import (CSV)"]!)).toBe(`pvault_import_${slug}_${day}.csv`);
  expect(readFileSync(saved["Excel report (XLSX)"]!).subarray(0, 2).toString()).toBe("PK");
  const csv = readFileSync(saved["Card lines (CSV)"]!, "utf-8").trim().split(/\r?\n/);
  expect(csv.length - 1).toBe(m.lines);
  const holders = [m.holders.complete, m.holders.fixed_coding, m.holders.fixed_receipt, m.holders.split].sort();
  const ap = readFileSync(saved["AP import (CSV)"]!, "utf-8");
  for (const holder of holders) expect(ap).toContain(holder);
  for (const holder of [m.holders.no_entries, m.holders.still_missing]) expect(ap).not.toContain(holder);
  const summary = page.getByTestId("ap-summary");
  await expect(summary).toContainText(`The AP import holds 4 cardholders`);
  await expect(summary).toContainText(`Left out because not complete: ${[m.holders.no_entries, m.holders.still_missing].sort().join(", ")}`);
  await capture(page, "results-after-downloads");
});

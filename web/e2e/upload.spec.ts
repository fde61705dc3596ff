// A large file (about 50 MB) goes up with real progress and can be cancelled; the sessions list renames
// and deletes (after confirmation) what it made.
import { expect, test, type Page } from "@playwright/test";
import path from "node:path";
import { capture, month } from "./support";

const m = month();

async function sessionTotal(page: Page): Promise<number> {
  const response = await page.request.get("/api/sessions?page_size=1");
  return ((await response.json()) as { total: number }).total;
}

test("a 50 MB upload shows real progress, and another is cancelled without leaving anything", async ({ page }) => {
  const before = await sessionTotal(page);
  await page.goto("/new");
  await page.getByLabel("Choose receipts files").setInputFiles(m.large);
  await expect(page.getByRole("list", { name: "Receipts to upload" })).toContainText(/\(5\d MB\)/);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: 8 * 1024 * 1024, // bytes/s: a few seconds for 50 MB, so the bar can be watched
  });
  await page.getByRole("button", { name: "Start reconciliation" }).click();
  await expect(page.getByText(/^Uploading: [1-9][\d.]* MB of 5\d MB/)).toBeVisible();
  await capture(page, "upload-in-progress");
  await page.getByRole("button", { name: "Cancel upload" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The upload was cancelled" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Receipts to upload" })).toContainText(path.basename(m.large));
  expect(await sessionTotal(page)).toBe(before);

  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await page.getByLabel(/^Name/).fill("Large upload check");
  await page.getByRole("button", { name: "Start reconciliation" }).click();
  await page.waitForURL(/\/sessions\/[0-9a-f-]+$/, { timeout: 120_000 });
  expect(await sessionTotal(page)).toBe(before + 1);
});

test("the sessions list searches, renames and deletes after confirmation", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("link", { name: "December card month" }).first()).toBeVisible();
  await capture(page, "reconciliations");
  await page.getByRole("button", { name: "Rename Large upload check" }).first().click();
  await page.getByLabel("New name").fill("Large upload renamed");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("link", { name: "Large upload renamed" })).toHaveCount(1);

  await page.getByLabel("Search by name").fill("upload renamed");
  await expect(page.getByRole("link", { name: "December card month" })).toHaveCount(0);
  await page.getByRole("button", { name: "Delete Large upload renamed" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("removed for good");
  await page.getByRole("button", { name: "Keep it" }).click();
  await expect(page.getByRole("link", { name: "Large upload renamed" })).toBeVisible();
  await page.getByRole("button", { name: "Delete Large upload renamed" }).click();
  await page.getByRole("button", { name: "Delete for good" }).click();
  await expect(page.getByRole("link", { name: "Large upload renamed" })).toHaveCount(0);
  await expect(page.getByText("No reconciliation matches this search.")).toBeVisible();
});

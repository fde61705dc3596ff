// A statement whose printed totals its lines contradict: the month needs attention, the AP import is held
// back in plain words, and a reviewer's name and reason release it.
import { expect, test } from "@playwright/test";
import { capture, month } from "./support";

const m = month();

test("a statement its totals contradict needs attention until a reviewer accepts the findings", async ({ page }) => {
  await page.goto("/new");
  await page.getByLabel("Choose card report files").setInputFiles(m.contradicted);
  await page.getByLabel(/^Name/).fill("Contradicted totals check");
  await page.getByRole("button", { name: "Start reconciliation" }).click();
  await page.waitForURL(/\/sessions\/[0-9a-f-]+$/);
  await expect(page.locator(".badge", { hasText: /^Needs attention$/ }).first()).toBeVisible({ timeout: 180_000 });

  const banner = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "Needs attention: the AP import is held back" }) });
  await expect(banner).toContainText("1 finding(s) in contradicted-statement.pdf need a reviewer");
  await expect(banner).toContainText("Report Totals");
  await capture(page, "needs-attention");

  await page.getByRole("button", { name: "Download AP import (CSV)" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Review the file warnings on the session page" })).toBeVisible();

  await banner.getByLabel(/^Your name/).fill("Dee Reviewer");
  await banner.getByLabel("Why the lines may still go to accounts payable").fill("the printed total includes a fee billed separately");
  await banner.getByRole("button", { name: "Accept these findings" }).click();
  await expect(page.locator(".badge", { hasText: /^Ready$/ }).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Needs attention: the AP import is held back" })).toHaveCount(0);
  // The acceptance is the signed-in user's (the e2e gateway runs AUTH_MODE=dev as "dev"), not the typed name.
  await expect(page.getByText(/^Accepted by dev on /)).toBeVisible();
});

// What the browser tests share: the month the Python side generated, and the capture of a page (axe in
// light and dark, screenshots at 1440 and 1024 px).
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { mkdirSync } from "node:fs";
import path from "node:path";

export interface Month {
  statement: string;
  expenses: string;
  completed: string;
  large: string;
  receipt: string;
  late_receipt: string;
  late_receipt_reference: string;
  contradicted: string;
  holders: Record<"complete" | "fixed_receipt" | "fixed_coding" | "no_entries" | "still_missing" | "split", string>;
  coded_late_references: string[];
  lines: number;
  download_dir: string;
}

export function month(): Month {
  const file = process.env.MONTH_JSON;
  if (!file) throw new Error("MONTH_JSON is not set: run the browser tests through tests/e2e/test_web.py");
  return JSON.parse(readFileSync(file, "utf-8")) as Month;
}

const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? path.join(__dirname, "..", "screenshots");
const WIDTHS = [1440, 1024] as const;
const SCHEMES = ["light", "dark"] as const;

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Check the page with axe in both themes and write its screenshots: <name>-<width>-<theme>.png. */
export async function capture(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const original = page.viewportSize();
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await seriousViolations(page), `axe on ${name} (${scheme})`).toEqual([]);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${width}-${scheme}.png`), fullPage: true, animations: "disabled" });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  if (original) await page.setViewportSize(original);
}

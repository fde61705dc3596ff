import { defineConfig } from "@playwright/test";

// Browser tests against a running stack (tests/e2e/test_web.py starts it and sets WEB_URL); the browser is
// Debian's Chromium, never a downloaded one.
export default defineConfig({
  testDir: "e2e",
  timeout: 360_000, // generous: the suite shares two cores with the whole stack
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results",
  use: {
    baseURL: process.env.WEB_URL ?? "http://127.0.0.1:3000",
    browserName: "chromium",
    acceptDownloads: true,
    trace: "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});

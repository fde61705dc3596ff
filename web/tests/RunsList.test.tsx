// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { RunsList } from "@/components/RunsList";
import type { MatchRun } from "@/lib/api";

const run = (run_number: number, extra: Partial<MatchRun> = {}): MatchRun => ({
  run_number,
  created_at: "2026-12-03T17:00:00Z",
  newly_complete: [],
  newly_missing: [],
  changes: [],
  ...extra,
});

describe("what each run changed", () => {
  it("lists the newest run first, with what it completed and every move it made", () => {
    const runs = [
      run(1),
      run(2),
      run(3, { newly_complete: ["R-7"], changes: [{ line: "L7", reference: "R-7", from: "missing_receipt", to: "complete" }] }),
    ];
    render(<RunsList runs={runs} lines={[]} />);
    const [third, second, first] = screen.getAllByTestId("run");
    expect(within(third!).getByRole("heading")).toHaveTextContent(/^Run 3,/);
    expect(third).toHaveTextContent("1 now complete:");
    expect(third).toHaveTextContent("R-7");
    expect(third).toHaveTextContent("Every status change (1): 1 × Missing receipt → Complete");
    expect(second).toHaveTextContent("No line changed.");
    expect(first).toHaveTextContent("(first matching)");
    expect(first).toHaveTextContent("Every card line read was matched for the first time.");
  });

  it("says when nothing has been matched yet", () => {
    render(<RunsList runs={[]} lines={[]} />);
    expect(screen.getByText("No matching has run yet.")).toBeInTheDocument();
  });
});

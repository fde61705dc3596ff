// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { SummaryTable } from "@/components/SummaryTable";
import type { CardholderSummary } from "@/lib/summary";

const row = (id: string, complete: boolean, missing: bigint, card: bigint): CardholderSummary => ({
  id,
  name: id,
  cardLastFour: null,
  lines: 1,
  complete,
  cardTotal: card,
  receiptTotal: 0n,
  missingAmount: missing,
  flags: complete ? [] : ["1 missing receipt"],
});

const names = () => within(screen.getAllByRole("rowgroup")[1]!).getAllByRole("rowheader").map((h) => h.textContent);

describe("the summary table", () => {
  it("puts incomplete cardholders first and sorts by a column both ways", async () => {
    const user = userEvent.setup();
    const onShow = vi.fn();
    render(
      <SummaryTable
        rows={[row("Ann", true, 0n, 900n), row("Bob", false, 100n, 100n), row("Cy", false, 500n, 600n)]}
        onShowExceptions={onShow}
      />,
    );
    expect(names()).toEqual(["Cy", "Bob", "Ann"]);
    expect(screen.getByText("1 of 3 complete. Incomplete cardholders are listed first.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: /Missing amount/ }));
    expect(names()).toEqual(["Bob", "Cy", "Ann"]);
    expect(screen.getByRole("columnheader", { name: /Missing amount/ })).toHaveAttribute("aria-sort", "ascending");
    await user.click(screen.getByRole("button", { name: /Card total/ }));
    expect(names()).toEqual(["Cy", "Bob", "Ann"]);
    await user.click(screen.getByRole("button", { name: "Show exceptions of Bob" }));
    expect(onShow).toHaveBeenCalledWith("Bob");
  });
});

// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { FilePicker } from "@/components/FilePicker";
import type { PickedFile } from "@/lib/upload";

function Harness() {
  const [picked, setPicked] = useState<PickedFile[]>([]);
  return <FilePicker roles={["statement", "expenses", "receipt"]} picked={picked} onChange={setPicked} />;
}

const file = (name: string, size: number, type = "application/pdf") => new File([new Uint8Array(size)], name, { type });

describe("the upload list", () => {
  it("lists each file with its size under its kind, and removes one", async () => {
    const user = userEvent.setup({ applyAccept: false });
    render(<Harness />);
    await user.upload(screen.getByLabelText("Choose card report files"), file("wex.pdf", 2048));
    await user.upload(screen.getByLabelText("Choose receipts files"), [file("a.jpg", 1536, "image/jpeg"), file("b.png", 10, "image/png")]);
    expect(within(screen.getByRole("list", { name: "Card report to upload" })).getByText("wex.pdf")).toBeInTheDocument();
    const receipts = screen.getByRole("list", { name: "Receipts to upload" });
    expect(receipts).toHaveTextContent("a.jpg (1.5 KB)");
    expect(receipts).toHaveTextContent("b.png (10 bytes)");
    expect(screen.getByText("3 files, 3.5 KB in all.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Remove a.jpg" }));
    expect(receipts).not.toHaveTextContent("a.jpg");
    expect(screen.getByText("2 files, 2.0 KB in all.")).toBeInTheDocument();
  });

  it("refuses a wrong type, an empty file and a second copy, by name, with what to do", async () => {
    const user = userEvent.setup({ applyAccept: false });
    render(<Harness />);
    await user.upload(screen.getByLabelText("Choose expense report files"), [
      file("memo.docx", 100, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
      file("empty.csv", 0, "text/csv"),
      file("report.xlsx", 100),
    ]);
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent(
      "memo.docx is not a file the expense report can be read from (PDF, CSV, XLSX only). Choose the right file, or export it again in one of these formats.",
    );
    expect(alert).toHaveTextContent("empty.csv is empty. Export it again and choose the new file.");
    await user.upload(screen.getByLabelText("Choose expense report files"), file("report.xlsx", 100));
    expect(screen.getByRole("alert")).toHaveTextContent("report.xlsx is already in the list.");
    expect(screen.getByRole("list", { name: "Expense report to upload" }).querySelectorAll("li")).toHaveLength(1);
  });

  it("refuses a file over the size limit before sending a byte", async () => {
    const user = userEvent.setup({ applyAccept: false });
    render(<Harness />);
    const huge = file("huge.pdf", 1);
    Object.defineProperty(huge, "size", { value: 301 * 1024 * 1024 });
    await user.upload(screen.getByLabelText("Choose card report files"), huge);
    expect(screen.getByRole("alert")).toHaveTextContent("huge.pdf is 301 MB, larger than the 300 MB a file may be.");
    expect(screen.getByText("No files chosen yet.")).toBeInTheDocument();
  });
});

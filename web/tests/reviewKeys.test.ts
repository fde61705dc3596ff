import { describe, expect, it } from "vitest";
import { move, reviewCommand } from "@/lib/reviewKeys";

function press(key: string, target: Partial<HTMLElement> = { tagName: "BODY" }, modifiers = {}) {
  return reviewCommand({ key, altKey: false, ctrlKey: false, metaKey: false, target: target as EventTarget, ...modifiers });
}

describe("review keys", () => {
  it("map letters and arrows to commands", () => {
    expect(["j", "ArrowDown", "k", "ArrowUp", "a", "r", "n", "Enter", "x"].map((k) => press(k))).toEqual([
      "next",
      "next",
      "previous",
      "previous",
      "approve",
      "reject",
      "no_receipt",
      "open",
      null,
    ]);
  });

  it("leave typing, buttons, links and shortcuts of the browser alone", () => {
    expect(press("a", { tagName: "INPUT" })).toBeNull();
    expect(press("a", { tagName: "TEXTAREA" })).toBeNull();
    expect(press("r", { tagName: "SELECT" })).toBeNull();
    expect(press("Enter", { tagName: "BUTTON" })).toBeNull();
    expect(press("Enter", { tagName: "A" })).toBeNull();
    expect(press("a", { tagName: "BUTTON" })).toBe("approve");
    expect(press("r", { tagName: "BODY" }, { ctrlKey: true })).toBeNull();
  });

  it("move within the list", () => {
    expect(move(0, 3, "previous")).toBe(0);
    expect(move(0, 3, "next")).toBe(1);
    expect(move(2, 3, "next")).toBe(2);
    expect(move(0, 0, "next")).toBe(0);
  });
});

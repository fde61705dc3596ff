// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useSessionEvents } from "@/lib/useSessionEvents";

/** An EventSource the test drives: the browser's reconnects (with Last-Event-ID) are played by hand. */
class FakeEventSource {
  static CONNECTING = 0;
  static OPEN = 1;
  static CLOSED = 2;
  static last: FakeEventSource | null = null;
  readyState = FakeEventSource.CONNECTING;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private listeners = new Map<string, ((e: MessageEvent<string>) => void)[]>();
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(type: string, listener: (e: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
  open() {
    this.readyState = FakeEventSource.OPEN;
    this.onopen?.();
  }
  emit(type: string, data: unknown) {
    for (const listener of this.listeners.get(type) ?? []) listener(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
  drop() {
    this.readyState = FakeEventSource.CONNECTING; // the browser retries on its own
    this.onerror?.();
  }
}

const progress = (id: number) => ({ id, service: "extractor", stage: "extracting", message: `a.pdf: page ${id} of 9`, current: id, total: 9, session_status: "extracting" });

beforeEach(() => vi.stubGlobal("EventSource", FakeEventSource));
afterEach(() => vi.unstubAllGlobals());

describe("the progress stream", () => {
  it("says it is reconnecting after a drop, keeps each event once, and ends with the session", () => {
    const onEnd = vi.fn();
    const { result } = renderHook(() => useSessionEvents("s1", true, onEnd));
    const source = FakeEventSource.last!;
    expect(source.url).toBe("/api/sessions/s1/events");
    act(() => {
      source.open();
      source.emit("progress", progress(1));
      source.emit("progress", progress(2));
      source.drop();
    });
    expect(result.current.state).toBe("reconnecting");
    act(() => {
      source.open();
      source.emit("progress", progress(2)); // replayed around the drop: shown once
      source.emit("progress", progress(3));
    });
    expect(result.current.state).toBe("live");
    expect(result.current.events.map((e) => e.id)).toEqual([1, 2, 3]);
    act(() => source.emit("end", { session_status: "completed" }));
    expect(source.readyState).toBe(FakeEventSource.CLOSED);
    expect(onEnd).toHaveBeenCalledOnce();
  });

  it("opens nothing for a session that is not working", () => {
    FakeEventSource.last = null;
    renderHook(() => useSessionEvents("s1", false, () => {}));
    expect(FakeEventSource.last).toBeNull();
  });
});

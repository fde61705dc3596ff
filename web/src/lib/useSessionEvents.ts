"use client";
// The session's progress stream. EventSource resends Last-Event-ID itself after a dropped connection, so
// only missed events come again; a reload starts from the first event, so progress survives it.
import { useEffect, useState } from "react";
import { api } from "./api";
import type { ProgressEvent } from "./progress";

export type StreamState = "connecting" | "live" | "reconnecting" | "ended" | "gone";

export function useSessionEvents(sessionId: string, enabled: boolean, onEnd: () => void) {
  const [events, setEvents] = useState<ProgressEvent[]>([]);
  const [state, setState] = useState<StreamState>("connecting");

  useEffect(() => {
    if (!enabled) return;
    const source = new EventSource(api.eventsUrl(sessionId));
    const seen = new Set<number>();
    source.onopen = () => setState("live");
    source.addEventListener("progress", (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as ProgressEvent;
      if (seen.has(event.id)) return;
      seen.add(event.id);
      setEvents((previous) => [...previous, event]);
    });
    const finish = (final: StreamState) => () => {
      source.close();
      setState(final);
      onEnd();
    };
    source.addEventListener("end", finish("ended"));
    source.addEventListener("gone", finish("gone"));
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? "gone" : "reconnecting");
    return () => {
      source.close();
      setEvents([]);
      setState("connecting");
    };
    // onEnd is a refresh callback; a new one must not restart the stream
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sessionId, enabled]);

  return { events, state };
}

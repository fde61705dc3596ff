"use client";
// A session's detail and all its card lines. While the session works (after an upload or a decision) its
// detail is polled; once it is done the lines are fetched again, so results follow every re-match.
import { useEffect, useRef } from "react";
import useSWR from "swr";
import { api, getAll, type CardLine, type SessionDetail } from "./api";
import { useApi } from "./useApi";
import { WORKING } from "./wording";

export function useSession(id: string) {
  const detail = useApi<SessionDetail>(api.sessionPath(id), {
    refreshInterval: (data) => (data && WORKING.has(data.status) ? 1500 : 0),
  });
  const lines = useSWR<CardLine[]>(["lines", id], () => getAll<CardLine>((page) => api.linesPath(id, page)), {
    revalidateOnFocus: false,
  });
  const status = detail.data?.status;
  const previous = useRef(status);
  useEffect(() => {
    if (previous.current && WORKING.has(previous.current) && status && !WORKING.has(status)) void lines.mutate();
    previous.current = status;
  }, [status, lines]);
  const refresh = () => {
    void detail.mutate();
    void lines.mutate();
  };
  return { detail, lines, refresh };
}

"use client";
// The session's expense entries and its unmatched receipts: what a line can be reassigned to.
import useSWR from "swr";
import { api, getAll, type Entry, type Receipt } from "./api";

export function useBackers(id: string) {
  const entries = useSWR<Entry[]>(["entries", id], () => getAll<Entry>((page) => `${api.entriesPath(id, false)}&page=${page}`), {
    revalidateOnFocus: false,
  });
  const receipts = useSWR<Receipt[]>(
    ["receipts-unmatched", id],
    () => getAll<Receipt>((page) => `${api.receiptsPath(id, true)}&page=${page}`),
    { revalidateOnFocus: false },
  );
  return { entries, receipts, refresh: () => void Promise.all([entries.mutate(), receipts.mutate()]) };
}

"use client";
import useSWR, { type SWRConfiguration } from "swr";
import { getJson } from "./api";

/** A GET through the one fetch wrapper, cached and revalidated by SWR; `null` skips the request. */
export function useApi<T>(path: string | null, config?: SWRConfiguration<T>) {
  return useSWR<T>(path, (p: string) => getJson<T>(p), { revalidateOnFocus: false, ...config });
}

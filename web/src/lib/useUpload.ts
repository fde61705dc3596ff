"use client";
// The state of one upload: files picked, bytes sent, cancelled or failed in plain words.
import { useRef, useState } from "react";
import { rememberRoles } from "./roles";
import type { FileRole } from "./progress";
import { startUpload, UploadCancelled, type PickedFile, type UploadAccepted, type UploadHandle } from "./upload";

export type UploadPhase = "picking" | "uploading" | "cancelled" | "failed";

export function useUpload(url: string) {
  const [picked, setPicked] = useState<PickedFile[]>([]);
  const [phase, setPhase] = useState<UploadPhase>("picking");
  const [sent, setSent] = useState({ loaded: 0, total: 0 });
  const [error, setError] = useState<unknown>(null);
  const handle = useRef<UploadHandle | null>(null);

  async function start(options: { allowOtherPeriod?: boolean } = {}): Promise<UploadAccepted | null> {
    setError(null);
    setPhase("uploading");
    setSent({ loaded: 0, total: picked.reduce((sum, p) => sum + p.file.size, 0) });
    handle.current = startUpload(url, picked, {
      ...options,
      onProgress: (loaded, total) => setSent({ loaded, total }),
    });
    try {
      const accepted = await handle.current.done;
      const roles: Record<string, FileRole> = Object.fromEntries(picked.map((p) => [p.file.name, p.role]));
      rememberRoles(accepted.session_id, roles);
      setPicked([]);
      setPhase("picking");
      return accepted;
    } catch (failure) {
      if (failure instanceof UploadCancelled) setPhase("cancelled");
      else {
        setError(failure);
        setPhase("failed");
      }
      return null;
    } finally {
      handle.current = null;
    }
  }

  return { picked, setPicked, phase, sent, error, start, cancel: () => handle.current?.cancel() };
}

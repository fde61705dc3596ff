// Which drop zone each uploaded file came from, kept in the browser per session so that progress can say
// "the card report" after a reload (the server learns a file's kind only once it has read it).
import type { UploadedFile } from "./api";
import { roleOfKind, type FileRole, type KnownFile } from "./progress";

const key = (sessionId: string) => `card-recon:roles:${sessionId}`;

export function rememberRoles(sessionId: string, roles: Record<string, FileRole>): void {
  try {
    const merged = { ...recallRoles(sessionId), ...roles };
    window.localStorage.setItem(key(sessionId), JSON.stringify(merged));
  } catch {
    // storage full or disabled: progress then names files instead of their role
  }
}

export function recallRoles(sessionId: string): Record<string, FileRole> {
  try {
    return JSON.parse(window.localStorage.getItem(key(sessionId)) ?? "{}") as Record<string, FileRole>;
  } catch {
    return {};
  }
}

/** The session's stored files with the role each plays: remembered, else what the server read it as. */
export function knownFiles(uploads: UploadedFile[], remembered: Record<string, FileRole>): KnownFile[] {
  return uploads
    .filter((u) => u.status !== "rejected")
    .map((u) => ({ filename: u.filename, role: remembered[u.filename] ?? roleOfKind(u.extraction?.document_kind) }));
}

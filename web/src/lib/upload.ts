// Files go up in one multipart request with real progress (XMLHttpRequest's upload events; fetch has
// none) and can be cancelled. The same-origin /api path keeps this beside the fetch wrapper in api.ts.
import type { UploadedFile } from "./api";
import { ApiFailure, nextStepFor, unreachable } from "./wording";
import type { FileRole } from "./progress";

export interface PickedFile {
  key: string;
  file: File;
  role: FileRole;
}

export interface UploadAccepted {
  session_id: string;
  status: string;
  files: UploadedFile[];
}

export interface UploadHandle {
  done: Promise<UploadAccepted>;
  cancel: () => void;
}

export class UploadCancelled extends Error {
  constructor() {
    super("the upload was cancelled");
    this.name = "UploadCancelled";
  }
}

export function startUpload(
  url: string,
  picked: PickedFile[],
  options: { allowOtherPeriod?: boolean; onProgress: (sent: number, total: number) => void },
): UploadHandle {
  const xhr = new XMLHttpRequest();
  const form = new FormData();
  for (const p of picked) form.append("files", p.file, p.file.name);
  if (options.allowOtherPeriod) form.append("allow_other_period", "true");
  const done = new Promise<UploadAccepted>((resolve, reject) => {
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress(event.loaded, event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(JSON.parse(xhr.responseText) as UploadAccepted);
        return;
      }
      reject(failureFromXhr(xhr));
    };
    xhr.onerror = () => reject(unreachable());
    xhr.onabort = () => reject(new UploadCancelled());
  });
  xhr.open("POST", url);
  xhr.send(form);
  return { done, cancel: () => xhr.abort() };
}

function failureFromXhr(xhr: XMLHttpRequest): ApiFailure {
  let error: { code?: string; message?: string; details?: unknown } = {};
  try {
    error = (JSON.parse(xhr.responseText) as { error?: typeof error }).error ?? {};
  } catch {
    // not the gateway's body
  }
  const code = error.code ?? (xhr.status === 413 ? "file_too_large" : `http_${xhr.status}`);
  let message = error.message ?? `the upload was refused (${xhr.status})`;
  if (Array.isArray(error.details) && error.details.length > 0) {
    message += `: ${error.details.map((d: { filename?: string; error?: string }) => `${d.filename}: ${d.error}`).join("; ")}`;
  }
  return new ApiFailure(xhr.status, code, message, nextStepFor(code, xhr.status), error.details ?? null);
}

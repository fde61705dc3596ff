import { formatSize } from "@/lib/money";

export function UploadProgress({ sent, total, onCancel }: { sent: number; total: number; onCancel: () => void }) {
  const percent = total > 0 ? Math.floor((sent / total) * 100) : 0;
  return (
    <div className="card" aria-live="polite">
      <label htmlFor="upload-progress">
        Uploading: {formatSize(sent)} of {formatSize(total)} ({percent}%)
      </label>
      <progress id="upload-progress" max={total || 1} value={sent} />
      <p>
        <button type="button" onClick={onCancel}>
          Cancel upload
        </button>
      </p>
    </div>
  );
}

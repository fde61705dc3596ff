// Report downloads: the file name the server gives, and what the AP import holds and leaves out.
import Papa from "papaparse";

/** The file name of a Content-Disposition header (RFC 6266: filename* first, then filename). */
export function dispositionName(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim());
    } catch {
      // malformed escape: fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/.exec(header);
  return plain ? (plain[1] ?? plain[2]!).trim() : fallback;
}

export interface ApContents {
  rows: number;
  cardholders: string[];
  leftOut: string[];
}

const HOLDER_COLUMN = "Card Holder";

/** Who the AP import CSV holds (its "Card Holder" column) and which of the month's cardholders it leaves out. */
export function apContents(csv: string, everyone: string[]): ApContents {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true });
  const holders = new Set(parsed.data.map((row) => row[HOLDER_COLUMN] ?? "").filter(Boolean));
  return {
    rows: parsed.data.length,
    cardholders: [...holders].sort(),
    leftOut: everyone.filter((name) => !holders.has(name)).sort(),
  };
}

export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

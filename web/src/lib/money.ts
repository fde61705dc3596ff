// Money stays exact: the API sends decimals as strings, and sums are taken in whole cents (BigInt).

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** "1234.5" → 123450n cents; a value with more than two decimals is refused rather than rounded. */
export function toCents(value: string): bigint {
  const match = DECIMAL.exec(value.trim());
  if (!match) throw new Error(`not an amount: ${value}`);
  const [, sign, whole, fraction = ""] = match;
  if (fraction.replace(/0+$/, "").length > 2) throw new Error(`more than cents: ${value}`);
  const cents = BigInt(whole!) * 100n + BigInt(fraction.padEnd(2, "0").slice(0, 2));
  return sign ? -cents : cents;
}

export function sumCents(values: readonly (string | null | undefined)[]): bigint {
  return values.reduce<bigint>((total, value) => (value == null ? total : total + toCents(value)), 0n);
}

const GROUPED = new Intl.NumberFormat("en-US");

/** 123456n → "$1,234.56", -500n → "−$5.00". */
export function formatCents(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const text = `$${GROUPED.format(abs / 100n)}.${(abs % 100n).toString().padStart(2, "0")}`;
  return negative ? `−${text}` : text;
}

export function formatAmount(value: string | null | undefined): string {
  return value == null ? "—" : formatCents(toCents(value));
}

export function formatCount(value: number): string {
  return GROUPED.format(value);
}

const UNITS = ["bytes", "KB", "MB", "GB"];

export function formatSize(bytes: number): string {
  let size = bytes;
  let unit = 0;
  while (size >= 1024 && unit < UNITS.length - 1) {
    size /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} bytes` : `${size.toFixed(size < 10 ? 1 : 0)} ${UNITS[unit]}`;
}

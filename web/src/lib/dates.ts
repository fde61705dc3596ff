// Dates as the API sends them (ISO dates stay dates: no time zone shifts a statement's day).

const DAY = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
const MOMENT = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

export function formatDay(iso: string | null | undefined): string {
  return iso ? DAY.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : "—";
}

export function formatMoment(iso: string | null | undefined): string {
  return iso ? MOMENT.format(new Date(iso)) : "—";
}

export function formatPeriod(start: string | null, end: string | null): string {
  if (!end) return "Not known yet";
  return start ? `${formatDay(start)} – ${formatDay(end)}` : `until ${formatDay(end)}`;
}

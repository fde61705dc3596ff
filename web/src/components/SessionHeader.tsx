"use client";
import type { SessionDetail } from "@/lib/api";
import { formatDay, formatPeriod } from "@/lib/dates";
import { displayName } from "./SessionRow";
import { SessionNav } from "./SessionNav";
import { StatusBadge } from "./StatusBadge";

export function SessionHeader({ session }: { session: SessionDetail }) {
  return (
    <>
      <div className="spread">
        <div>
          <h1>{displayName(session)}</h1>
          <p className="muted">
            Period {formatPeriod(session.period_start, session.period_end)} · {session.lines_total} card lines · kept until{" "}
            {formatDay(session.expires_at)}
          </p>
        </div>
        <StatusBadge status={session.status} />
      </div>
      {session.periods.length > 1 && (
        <p className="notice">
          This reconciliation holds statements of {session.periods.length} periods:{" "}
          {session.periods.map((p) => formatPeriod(p.start, p.end)).join("; ")}.
        </p>
      )}
      <SessionNav id={session.id} />
    </>
  );
}

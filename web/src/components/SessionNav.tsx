"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  ["", "Results"],
  ["/review", "Review"],
  ["/changes", "Late receipts and changes"],
  ["/audit", "Audit log"],
] as const;

export function SessionNav({ id }: { id: string }) {
  const path = usePathname();
  return (
    <nav aria-label="This reconciliation" className="row" style={{ margin: "0.5rem 0 1rem" }}>
      {TABS.map(([suffix, label]) => {
        const href = `/sessions/${id}${suffix}`;
        return (
          <Link key={href} href={href} aria-current={path === href ? "page" : undefined} className={path === href ? "button primary" : "button"}>
            {label}
          </Link>
        );
      })}
    </nav>
  );
}

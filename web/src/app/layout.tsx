import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: "card-recon",
  description: "Monthly corporate-card reconciliation",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip" href="#main">
          Skip to content
        </a>
        <header className="top">
          <Link className="brand" href="/">
            card-recon
          </Link>
          <nav aria-label="Main">
            <Link href="/">Reconciliations</Link>
            <Link href="/new">New reconciliation</Link>
          </nav>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}

"use client";
import { useState } from "react";
import { api, type ReceiptRef } from "@/lib/api";
import { formatAmount } from "@/lib/money";

/** The receipt as it was uploaded (photo, scan or PDF), served by the receipt file route. */
export function ReceiptView({ sessionId, receipt }: { sessionId: string; receipt: ReceiptRef | null }) {
  const [failed, setFailed] = useState(false);
  if (!receipt) return <p>No receipt is matched to this line.</p>;
  const url = api.receiptFileUrl(sessionId, receipt.id);
  const label = `Receipt ${receipt.file_name}${receipt.vendor_name ? ` from ${receipt.vendor_name}` : ""}, ${formatAmount(receipt.amount)}`;
  return (
    <div className="receipt-view">
      <p>
        {receipt.vendor_name ?? "Vendor not read"} · {formatAmount(receipt.amount)} ·{" "}
        <a href={url} target="_blank" rel="noreferrer">Open {receipt.file_name}</a>
      </p>
      {failed ? (
        <p className="notice">This receipt is a page of its expense report and cannot be shown alone. Open the report to see it.</p>
      ) : receipt.file_name.toLowerCase().endsWith(".pdf") ? (
        <object data={url} type="application/pdf" aria-label={label}>
          <a href={url}>Open the receipt ({receipt.file_name})</a>
        </object>
      ) : (
        // eslint-disable-next-line @next/next/no-img-element -- served by the API, not a static asset
        <img src={url} alt={label} onError={() => setFailed(true)} />
      )}
    </div>
  );
}

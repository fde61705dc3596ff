import { NewReconciliation } from "@/components/NewReconciliation";

export const metadata = { title: "New reconciliation · card-recon" };

export default function NewPage() {
  return <NewReconciliation />;
}

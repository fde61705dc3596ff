import { AuditPage } from "@/components/AuditPage";

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <AuditPage id={id} />;
}

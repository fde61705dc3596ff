import { LinePage } from "@/components/LinePage";

export default async function Page({ params }: { params: Promise<{ id: string; lineId: string }> }) {
  const { id, lineId } = await params;
  return <LinePage id={id} lineId={lineId} />;
}

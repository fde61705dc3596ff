import { SessionPage } from "@/components/SessionPage";

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <SessionPage id={id} />;
}

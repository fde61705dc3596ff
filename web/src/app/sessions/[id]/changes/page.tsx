import { ChangesPage } from "@/components/ChangesPage";

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ChangesPage id={id} />;
}

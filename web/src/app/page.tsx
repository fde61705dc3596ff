import { SessionsPage } from "@/components/SessionsPage";

export default function Home() {
  return <SessionsPage />;
}

import { ComingSoon, comingSoonMetadata } from "@/components/coming-soon";

export const generateMetadata = () => comingSoonMetadata("sendRuns");

export default function SendRunsPage() {
  return <ComingSoon page="sendRuns" />;
}

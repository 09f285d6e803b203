import { ComingSoon, comingSoonMetadata } from "@/components/coming-soon";
import { requireStaff } from "@/lib/auth/require-staff";

export const generateMetadata = () => comingSoonMetadata("sendRuns");

export default async function SendRunsPage() {
  await requireStaff("librarian");
  return <ComingSoon page="sendRuns" />;
}

import { ComingSoon, comingSoonMetadata } from "@/components/coming-soon";
import { requireStaff } from "@/lib/auth/require-staff";

export const generateMetadata = () => comingSoonMetadata("statistics");

export default async function StatisticsPage() {
  await requireStaff("manager");
  return <ComingSoon page="statistics" />;
}

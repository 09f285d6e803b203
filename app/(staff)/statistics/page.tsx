import { ComingSoon, comingSoonMetadata } from "@/components/coming-soon";

export const generateMetadata = () => comingSoonMetadata("statistics");

export default function StatisticsPage() {
  return <ComingSoon page="statistics" />;
}

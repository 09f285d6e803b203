import { ComingSoon, comingSoonMetadata } from "@/components/coming-soon";

export const generateMetadata = () => comingSoonMetadata("bounces");

export default function BouncesPage() {
  return <ComingSoon page="bounces" />;
}

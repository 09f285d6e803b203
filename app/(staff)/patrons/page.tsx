import { ComingSoon, comingSoonMetadata } from "@/components/coming-soon";

export const generateMetadata = () => comingSoonMetadata("patrons");

export default function PatronsPage() {
  return <ComingSoon page="patrons" />;
}

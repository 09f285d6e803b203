import { ComingSoon, comingSoonMetadata } from "@/components/coming-soon";
import { requireStaff } from "@/lib/auth/require-staff";

export const generateMetadata = () => comingSoonMetadata("patrons");

export default async function PatronsPage() {
  await requireStaff("desk");
  return <ComingSoon page="patrons" />;
}

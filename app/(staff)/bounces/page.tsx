import { ComingSoon, comingSoonMetadata } from "@/components/coming-soon";
import { requireStaff } from "@/lib/auth/require-staff";

export const generateMetadata = () => comingSoonMetadata("bounces");

export default async function BouncesPage() {
  await requireStaff("librarian");
  return <ComingSoon page="bounces" />;
}

import { ComingSoon, comingSoonMetadata } from "@/components/coming-soon";
import { requireStaff } from "@/lib/auth/require-staff";

export const generateMetadata = () => comingSoonMetadata("letters");

export default async function LettersPage() {
  await requireStaff("librarian");
  return <ComingSoon page="letters" />;
}

import { ComingSoon, comingSoonMetadata } from "@/components/coming-soon";
import { requireStaff } from "@/lib/auth/require-staff";

export const generateMetadata = () => comingSoonMetadata("templates");

export default async function TemplatesPage() {
  await requireStaff("librarian");
  return <ComingSoon page="templates" />;
}

import { ComingSoon, comingSoonMetadata } from "@/components/coming-soon";
import { requireStaff } from "@/lib/auth/require-staff";

export const generateMetadata = () => comingSoonMetadata("settings");

export default async function SettingsPage() {
  await requireStaff("librarian");
  return <ComingSoon page="settings" />;
}

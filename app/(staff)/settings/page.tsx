import { ComingSoon, comingSoonMetadata } from "@/components/coming-soon";

export const generateMetadata = () => comingSoonMetadata("settings");

export default function SettingsPage() {
  return <ComingSoon page="settings" />;
}

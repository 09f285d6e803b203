import { ComingSoon, comingSoonMetadata } from "@/components/coming-soon";

export const generateMetadata = () => comingSoonMetadata("templates");

export default function TemplatesPage() {
  return <ComingSoon page="templates" />;
}

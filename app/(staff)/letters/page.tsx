import { ComingSoon, comingSoonMetadata } from "@/components/coming-soon";

export const generateMetadata = () => comingSoonMetadata("letters");

export default function LettersPage() {
  return <ComingSoon page="letters" />;
}

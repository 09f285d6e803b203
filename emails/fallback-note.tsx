import { dictionaryFor } from "@/lib/rendering/dictionary";
import { fallbackNoteText } from "@/lib/rendering/fallback-note";
import { branchView, libraryView } from "@/lib/rendering/notice-view";
import { sampleNoticeInput } from "@/lib/rendering/sample-data";
import type { Language, NoticeBranch, NoticeLibrary } from "@/lib/rendering/types";
import { FallbackBlock } from "./components/fallback-block";
import { EmailLayout } from "./components/layout";

/**
 * The "we could not reach you by email" note. It belongs on the fallback letter (lib/letters
 * prints the same text); this template shows the block on its own for the preview page.
 */
export type FallbackNoteProps = {
  language: Language;
  baseUrl: string;
  library: NoticeLibrary;
  branch: NoticeBranch;
  /** the address that bounced; null when the patron has none */
  patronEmail?: string | null;
  preferencesUrl: string;
};

export default function FallbackNote(props: FallbackNoteProps) {
  const t = dictionaryFor(props.language);
  const note = fallbackNoteText(t, { email: props.patronEmail, preferencesUrl: props.preferencesUrl });
  return (
    <EmailLayout
      t={t}
      preview={note.title}
      library={libraryView(props.library, props.baseUrl)}
      branch={branchView(props.branch, props.language)}
    >
      <FallbackBlock note={note} />
    </EmailLayout>
  );
}

const sample = sampleNoticeInput({ language: "nl" });
FallbackNote.PreviewProps = {
  language: sample.language,
  baseUrl: sample.baseUrl,
  library: sample.library,
  branch: sample.branch,
  patronEmail: sample.patron.email,
  preferencesUrl: sample.links.preferences,
} satisfies FallbackNoteProps;

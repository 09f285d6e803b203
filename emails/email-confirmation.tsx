import { Heading, Section } from "react-email";
import { dictionaryFor } from "@/lib/rendering/dictionary";
import { absoluteUrl, branchView, libraryView } from "@/lib/rendering/notice-view";
import { sampleNoticeInput } from "@/lib/rendering/sample-data";
import type { Language, NoticeBranch, NoticeLibrary } from "@/lib/rendering/types";
import { ActionButton } from "./components/action-button";
import { EmailLayout } from "./components/layout";
import { Paragraphs } from "./components/paragraphs";
import { colors } from "./components/theme";

/** Asks a patron to confirm a new email address before notices go to it. */
export type EmailConfirmationProps = {
  language: Language;
  baseUrl: string;
  library: NoticeLibrary;
  branch: NoticeBranch;
  patron: { firstName: string; email: string };
  /** absolute, e.g. `${baseUrl}/r/confirm-email?token=...` */
  confirmUrl: string;
  expiresInHours: number;
};

export default function EmailConfirmation(props: EmailConfirmationProps) {
  const t = dictionaryFor(props.language);
  const library = libraryView(props.library, props.baseUrl);
  return (
    <EmailLayout
      t={t}
      preview={t.confirmation.body(props.patron.email, library.name)}
      library={library}
      branch={branchView(props.branch, props.language)}
    >
      <Heading
        as="h1"
        className="r-text r-h1"
        style={{
          margin: "0 0 20px",
          fontSize: "24px",
          lineHeight: "31px",
          fontWeight: 700,
          color: colors.text,
        }}
      >
        {t.confirmation.heading}
      </Heading>
      <Paragraphs
        text={`${t.confirmation.greeting(props.patron.firstName)}\n\n${t.confirmation.body(props.patron.email, library.name)}`}
      />
      <Section style={{ margin: "4px 0 20px" }}>
        <ActionButton href={absoluteUrl(props.confirmUrl, "confirmUrl")}>
          {t.confirmation.button}
        </ActionButton>
      </Section>
      <Paragraphs
        text={`${t.confirmation.expires(props.expiresInHours)}\n\n${t.confirmation.notYou}`}
        muted
      />
    </EmailLayout>
  );
}

const sample = sampleNoticeInput({ language: "nl" });
EmailConfirmation.PreviewProps = {
  language: sample.language,
  baseUrl: sample.baseUrl,
  library: sample.library,
  branch: sample.branch,
  patron: { firstName: sample.patron.firstName, email: "lotte.vermeulen@example.be" },
  confirmUrl: `${sample.baseUrl}/r/confirm-email?token=sample-confirm`,
  expiresInHours: 48,
} satisfies EmailConfirmationProps;

import { Heading, Text } from "react-email";
import { dictionaryFor } from "@/lib/rendering/dictionary";
import { formatDateTime } from "@/lib/rendering/format";
import { branchView, buildNoticeView, libraryView } from "@/lib/rendering/notice-view";
import { sampleNoticeInput } from "@/lib/rendering/sample-data";
import type { Language, NoticeBranch, NoticeLibrary } from "@/lib/rendering/types";
import { ItemsTable } from "./components/items-table";
import { EmailLayout } from "./components/layout";
import { Paragraphs } from "./components/paragraphs";
import { colors } from "./components/theme";

/** What a librarian sends to themself to check that mail from Rappel arrives and looks right. */
export type TestEmailProps = {
  language: Language;
  baseUrl: string;
  library: NoticeLibrary;
  branch: NoticeBranch;
  /** who pressed "send test email" */
  senderName: string;
  /** ISO instant */
  sentAt: string;
};

export default function TestEmail(props: TestEmailProps) {
  const t = dictionaryFor(props.language);
  const library = libraryView(props.library, props.baseUrl);
  const sample = buildNoticeView(
    sampleNoticeInput({ language: props.language, baseUrl: props.baseUrl, itemCount: 2 }),
  );
  const body = t.test.body(props.senderName, formatDateTime(new Date(props.sentAt), props.language));
  return (
    <EmailLayout t={t} preview={body} library={library} branch={branchView(props.branch, props.language)}>
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
        {t.test.heading}
      </Heading>
      <Paragraphs text={body} />
      <Text className="r-muted" style={{ margin: "8px 0", fontSize: "14px", color: colors.muted }}>
        {t.test.sample}
      </Text>
      <ItemsTable t={t} items={sample.items} />
    </EmailLayout>
  );
}

const sample = sampleNoticeInput({ language: "nl" });
TestEmail.PreviewProps = {
  language: sample.language,
  baseUrl: sample.baseUrl,
  library: sample.library,
  branch: sample.branch,
  senderName: "An Declercq",
  sentAt: "2026-03-24T09:30:00.000Z",
} satisfies TestEmailProps;

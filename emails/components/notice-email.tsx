import { Heading, Section, Text } from "react-email";
import type { NoticeView } from "@/lib/rendering/notice-view";
import { ActionButton } from "./action-button";
import { FeesTable } from "./fees-table";
import { InlineLink, ItemsTable } from "./items-table";
import { EmailLayout, footerText } from "./layout";
import { MessageBox } from "./message-box";
import { Paragraphs } from "./paragraphs";
import { colors } from "./theme";

/** The body every loan notice shares; the pre-due and overdue templates differ only in their data. */
export function NoticeEmail({ view, preview }: { view: NoticeView; preview?: string }) {
  const { t } = view;
  const partlyRenewable = view.items.some((item) => !item.renewable);
  return (
    <EmailLayout
      t={t}
      preview={preview ?? previewText(view)}
      library={view.library}
      branch={view.branch}
      footer={
        <Text className="r-muted" style={footerText}>
          <InlineLink href={view.links.preferences}>{t.preferences}</InlineLink>
          {view.kind === "pre_due" && view.links.unsubscribe ? (
            <>
              {" · "}
              <InlineLink href={view.links.unsubscribe}>{t.unsubscribe}</InlineLink>
            </>
          ) : null}
          <br />
          {t.footerWhy(view.library.name)} {t.cardNumber} {view.patron.cardNumber} · {t.reference}{" "}
          {view.reference}
        </Text>
      }
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
        {view.subject}
      </Heading>
      <Paragraphs text={view.opening} />
      {view.message ? <MessageBox heading={t.messageHeading} message={view.message} /> : null}

      <Text
        className="r-text"
        style={{ margin: "8px 0 8px", fontSize: "16px", fontWeight: 700, color: colors.text }}
      >
        {t.items.heading(view.items.length)}
      </Text>
      <ItemsTable t={t} items={view.items} />

      {view.links.renewAll ? (
        <Section style={{ margin: "0 0 20px" }}>
          <ActionButton href={view.links.renewAll}>{t.renewAll}</ActionButton>
          {partlyRenewable ? (
            <Text
              className="r-muted"
              style={{ margin: "8px 0 0", fontSize: "13px", lineHeight: "18px", color: colors.muted }}
            >
              {t.renewAllPartly}
            </Text>
          ) : null}
        </Section>
      ) : null}

      {view.feeTotal ? <FeesTable t={t} fees={view.fees} total={view.feeTotal} /> : null}

      <Paragraphs text={view.closing} />
    </EmailLayout>
  );
}

/** The line mail clients show after the subject: the opening without its greeting. */
export function previewText(view: NoticeView): string {
  const paragraphs = view.opening.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, " ").trim());
  const text = paragraphs.length > 1 ? paragraphs.slice(1).join(" ") : (paragraphs[0] ?? "");
  return text.length > 140 ? `${text.slice(0, 139).trimEnd()}…` : text;
}

import type { ReactNode } from "react";
import { Body, Container, Head, Html, Img, Link, Preview, Section, Text } from "react-email";
import type { Dictionary } from "@/lib/rendering/dictionary";
import type { BranchView, LibraryView } from "@/lib/rendering/notice-view";
import { colors, fontFamily, headCss } from "./theme";

type LayoutProps = {
  t: Dictionary;
  preview: string;
  library: LibraryView;
  branch: BranchView;
  /** extra footer lines such as preference links */
  footer?: ReactNode;
  children: ReactNode;
};

/** Header with the library's logo and name, a white card for the content, and the branch's details below. */
export function EmailLayout({ t, preview, library, branch, footer, children }: LayoutProps) {
  return (
    <Html lang={t.locale} dir="ltr">
      <Head>
        <meta name="color-scheme" content="light dark" />
        <meta name="supported-color-schemes" content="light dark" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="x-apple-disable-message-reformatting" />
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: constant CSS, no user input */}
        <style dangerouslySetInnerHTML={{ __html: headCss }} />
      </Head>
      <Preview>{preview}</Preview>
      <Body
        className="r-page"
        lang={t.locale}
        style={{ backgroundColor: colors.page, margin: 0, padding: "24px 0", fontFamily }}
      >
        <Container style={{ maxWidth: "600px", width: "100%", margin: "0 auto" }}>
          <Section className="r-pad" style={{ padding: "0 24px 16px" }} data-skip-in-text="true">
            <table role="presentation" cellPadding={0} cellSpacing={0} style={{ borderCollapse: "collapse" }}>
              <tbody>
                <tr>
                  <td style={{ verticalAlign: "middle", paddingRight: "12px" }}>
                    <Img
                      className="r-logo"
                      src={library.logoUrl}
                      width="44"
                      height="44"
                      alt={library.name}
                      style={{ display: "block", borderRadius: "10px" }}
                    />
                  </td>
                  <td style={{ verticalAlign: "middle" }}>
                    <Text
                      className="r-text"
                      style={{
                        margin: 0,
                        fontSize: "17px",
                        lineHeight: "22px",
                        fontWeight: 700,
                        color: colors.text,
                      }}
                    >
                      {library.name}
                    </Text>
                    <Text
                      className="r-muted"
                      style={{ margin: 0, fontSize: "14px", lineHeight: "20px", color: colors.muted }}
                    >
                      {branch.name}
                    </Text>
                  </td>
                </tr>
              </tbody>
            </table>
          </Section>

          <Section
            className="r-card r-pad"
            style={{
              backgroundColor: colors.card,
              border: `1px solid ${colors.border}`,
              borderRadius: "12px",
              padding: "28px 32px",
            }}
          >
            {children}
          </Section>

          <Section className="r-pad" style={{ padding: "20px 32px 0" }}>
            <Text className="r-muted" style={footerText}>
              <strong>
                {library.name} · {branch.name}
              </strong>
              <br />
              {branch.addressLines.join(", ")}
              {branch.phone || branch.email ? <br /> : null}
              {branch.phone}
              {branch.phone && branch.email ? " · " : null}
              {branch.email ? (
                <Link className="r-link" href={`mailto:${branch.email}`} style={footerLink}>
                  {branch.email}
                </Link>
              ) : null}
              {branch.openingHoursUrl ? (
                <>
                  <br />
                  <Link className="r-link" href={branch.openingHoursUrl} style={footerLink}>
                    {t.openingHours}
                  </Link>
                </>
              ) : null}
            </Text>
            {footer}
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export const footerText = {
  margin: "0 0 12px",
  fontSize: "13px",
  lineHeight: "20px",
  color: colors.muted,
} as const;

export const footerLink = { color: colors.brand, textDecoration: "underline" } as const;

import { Section, Text } from "react-email";
import { Paragraphs } from "./paragraphs";
import { colors } from "./theme";

/** The librarian's variable message, set apart so it is not lost in the standard text. */
export function MessageBox({ heading, message }: { heading: string; message: string }) {
  return (
    <Section
      className="r-message"
      style={{
        backgroundColor: colors.messageBg,
        borderLeft: `4px solid ${colors.messageBorder}`,
        borderRadius: "6px",
        padding: "12px 16px 0",
        margin: "4px 0 20px",
      }}
    >
      <Text
        className="r-text"
        style={{ margin: "0 0 6px", fontSize: "14px", fontWeight: 700, color: colors.text }}
      >
        {heading}
      </Text>
      <Paragraphs text={message} />
    </Section>
  );
}

import { Section, Text } from "react-email";
import type { FallbackNoteText } from "@/lib/rendering/fallback-note";
import { colors } from "./theme";

export function FallbackBlock({ note }: { note: FallbackNoteText }) {
  return (
    <Section
      className="r-note"
      style={{
        backgroundColor: colors.noteBg,
        borderLeft: `4px solid ${colors.brand}`,
        borderRadius: "6px",
        padding: "14px 16px 2px",
      }}
    >
      <Text
        className="r-text"
        style={{ margin: "0 0 8px", fontSize: "16px", fontWeight: 700, color: colors.text }}
      >
        {note.title}
      </Text>
      {note.paragraphs.map((paragraph) => (
        <Text
          key={paragraph}
          className="r-text"
          style={{ margin: "0 0 12px", fontSize: "15px", lineHeight: "22px", color: colors.text }}
        >
          {paragraph}
        </Text>
      ))}
    </Section>
  );
}

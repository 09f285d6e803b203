import { Fragment } from "react";
import { Text } from "react-email";
import { colors } from "./theme";

/** A librarian's text: blank lines separate paragraphs, a single line break stays a line break. */
export function Paragraphs({ text, muted = false }: { text: string; muted?: boolean }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((paragraph, i) => (
        <Text
          // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity of their own
          key={i}
          className={muted ? "r-muted" : "r-text"}
          style={{
            margin: "0 0 14px",
            fontSize: "16px",
            lineHeight: "24px",
            color: muted ? colors.muted : colors.text,
          }}
        >
          {paragraph.split("\n").map((line, j) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity of their own
            <Fragment key={j}>
              {j > 0 ? <br /> : null}
              {line}
            </Fragment>
          ))}
        </Text>
      ))}
    </>
  );
}

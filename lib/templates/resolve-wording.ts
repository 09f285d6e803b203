import type { Language, StageKind } from "@/lib/generated/prisma/enums";
import { DEFAULT_NOTICE_TEXTS } from "./default-texts";
import type { NoticeWording } from "./validate-wording";

/** A stored level of wording: a null or blank field inherits from the level above. */
export type WordingOverride = { [K in keyof NoticeWording]?: string | null };

export type WordingSource = "branch" | "system" | "default";

export type ResolvedWording = NoticeWording & { sources: Record<keyof NoticeWording, WordingSource> };

/** Branch level over system level over the built-in default, field by field. */
export function resolveWording(input: {
  kind: StageKind;
  language: Language;
  system?: WordingOverride | null;
  branch?: WordingOverride | null;
}): ResolvedWording {
  const fallback = DEFAULT_NOTICE_TEXTS[input.kind][input.language];
  const pick = (field: keyof NoticeWording): [string, WordingSource] => {
    const branch = input.branch?.[field];
    if (branch?.trim()) return [branch, "branch"];
    const system = input.system?.[field];
    if (system?.trim()) return [system, "system"];
    return [fallback[field], "default"];
  };
  const [subject, subjectSource] = pick("subject");
  const [opening, openingSource] = pick("opening");
  const [closing, closingSource] = pick("closing");
  return {
    subject,
    opening,
    closing,
    sources: { subject: subjectSource, opening: openingSource, closing: closingSource },
  };
}

import type { StageLabels, StageValues } from "./stage-settings";

export type StageDefinition = StageValues & {
  key: string;
  position: number;
  kind: "pre_due" | "overdue";
  labels: StageLabels;
};

/**
 * The stages a new library starts with (issue 4): an opt-in email reminder 3 days before the
 * due date, then overdue notices at +7 and +14 (email, letter when email is impossible), a
 * letter at +21 and a registered letter at +28.
 */
export const DEFAULT_NOTICE_STAGES: readonly StageDefinition[] = [
  {
    key: "pre-due",
    position: 1,
    kind: "pre_due",
    labels: { nl: "Herinnering", fr: "Rappel", en: "Reminder" },
    offsetDays: -3,
    dayCount: "calendar",
    enabled: true,
    channel: "email",
    fallback: "none",
    feeCents: 0,
    audience: "opted_in",
  },
  {
    key: "overdue-1",
    position: 2,
    kind: "overdue",
    labels: { nl: "Eerste aanmaning", fr: "Premier rappel", en: "First overdue notice" },
    offsetDays: 7,
    dayCount: "calendar",
    enabled: true,
    channel: "email",
    fallback: "letter",
    feeCents: 0,
    audience: "all",
  },
  {
    key: "overdue-2",
    position: 3,
    kind: "overdue",
    labels: { nl: "Tweede aanmaning", fr: "Deuxième rappel", en: "Second overdue notice" },
    offsetDays: 14,
    dayCount: "calendar",
    enabled: true,
    channel: "email",
    fallback: "letter",
    feeCents: 100,
    audience: "all",
  },
  {
    key: "overdue-3",
    position: 4,
    kind: "overdue",
    labels: { nl: "Derde aanmaning", fr: "Troisième rappel", en: "Third overdue notice" },
    offsetDays: 21,
    dayCount: "calendar",
    enabled: true,
    channel: "letter",
    fallback: "letter",
    feeCents: 200,
    audience: "all",
  },
  {
    key: "overdue-4",
    position: 5,
    kind: "overdue",
    labels: { nl: "Aangetekende aanmaning", fr: "Rappel recommandé", en: "Registered final notice" },
    offsetDays: 28,
    dayCount: "calendar",
    enabled: true,
    channel: "registered_letter",
    fallback: "registered_letter",
    feeCents: 800,
    audience: "all",
  },
];

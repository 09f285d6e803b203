import type { LocalDate } from "@/lib/dates";
import type {
  Audience,
  Channel,
  ChannelPreference,
  DayCount,
  Fallback,
  Language,
  StageKind,
} from "@/lib/generated/prisma/enums";

/** Where an effective value comes from: the library's stage, a branch override or the patron. */
export type SettingLevel = "system" | "branch" | "patron";

/** The fields of a stage every branch may override (null at branch level = inherited). */
export const STAGE_FIELDS = [
  "offsetDays",
  "dayCount",
  "enabled",
  "channel",
  "fallback",
  "feeCents",
  "audience",
] as const;
export type StageField = (typeof STAGE_FIELDS)[number];

export type StageValues = {
  offsetDays: number;
  dayCount: DayCount;
  enabled: boolean;
  channel: Channel;
  fallback: Fallback;
  feeCents: number;
  audience: Audience;
};

export type StageLabels = Partial<Record<Language, string>>;

/** A stage at system level, as stored in NoticeStage. */
export type SystemStage = StageValues & {
  id: number;
  key: string;
  position: number;
  kind: StageKind;
  labels: StageLabels;
  updatedAt: Date | null;
  updatedById: number | null;
};

export type BranchStageOverride = { [F in StageField]?: StageValues[F] | null } & {
  stageId: number;
  branchId: number;
  updatedAt: Date | null;
  updatedById: number | null;
};

/** What one patron may set per stage: switch it off, or choose the channel. */
export type PatronStageOverride = {
  stageId: number;
  patronId: number;
  enabled: boolean | null;
  channel: Channel | null;
  updatedAt: Date | null;
  updatedById: number | null;
};

export type BranchInfo = { id: number; name: string; openWeekdays: number[] };

/** The patron's person-level settings, which apply to every stage. */
export type PatronSettings = {
  id: number;
  channelPreference: ChannelPreference | null;
  preDueOptIn: boolean;
  language: Language;
  /** no notices up to and including this library-local day */
  noticesPausedUntil: LocalDate | null;
  updatedAt: Date | null;
};

/** Everything the library level and the branch level say, read once per library. */
export type LibrarySettings = {
  libraryId: number;
  timeZone: string;
  /** ordered by position */
  stages: SystemStage[];
  branches: BranchInfo[];
  branchOverrides: BranchStageOverride[];
};

export type ResolvedValue<T> = {
  value: T;
  level: SettingLevel;
  branchId?: number;
  branchName?: string;
  patronId?: number;
  updatedAt: Date | null;
  updatedById: number | null;
  /** what this value replaces, for "back to inherited" (absent at system level) */
  inherited?: { value: T; level: SettingLevel; branchName?: string };
};

export type ResolvedStage = {
  stageId: number;
  key: string;
  position: number;
  kind: StageKind;
  labels: StageLabels;
  fields: { [F in StageField]: ResolvedValue<StageValues[F]> };
};

export type ResolvedPatronSettings = {
  channelPreference: ResolvedValue<ChannelPreference | null>;
  preDueOptIn: ResolvedValue<boolean>;
  language: ResolvedValue<Language>;
  noticesPausedUntil: ResolvedValue<LocalDate | null>;
};

export type ResolvedSettings = { stages: ResolvedStage[]; patron?: ResolvedPatronSettings };

/** A stage's plain effective values for one branch, as the planner uses them. */
export type EffectiveStage = StageValues & {
  stageId: number;
  key: string;
  position: number;
  kind: StageKind;
  /** the level the channel came from, for the reason a notice has its channel */
  channelLevel: SettingLevel;
};

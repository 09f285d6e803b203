import "server-only";
import { addDays, fromDbDate, type LocalDate, toDbDate } from "@/lib/dates";
import type { ErrorCode, Problem } from "@/lib/errors/domain-error";
import type { Channel, ChannelPreference, EmailStatus, Language } from "@/lib/generated/prisma/enums";
import { emailProblem } from "@/lib/planning/choose-channel";
import { loadLibrarySettings, loadPatronSettings, type Reader } from "./load-settings";
import { resolveStageSettings } from "./resolve-stage-settings";
import type { ResolvedStage } from "./stage-settings";

/** The person-level fields a patron may have of their own. */
export const PATRON_FIELDS = ["channelPreference", "preDueOptIn", "language", "noticesPausedUntil"] as const;
export type PatronField = (typeof PATRON_FIELDS)[number];

export type PatronPersonValues = {
  /** null = follow each stage's channel */
  channelPreference: ChannelPreference | null;
  preDueOptIn: boolean;
  language: Language;
  /** no notices up to and including this library-local day; null = not paused */
  noticesPausedUntil: LocalDate | null;
};

/**
 * What a patron has when nothing was set for them: follow the stages, no reminder before the
 * due date (it is opt-in), Dutch, not paused. "Back to inherited" returns a field to this.
 */
export const PATRON_DEFAULTS: PatronPersonValues = {
  channelPreference: null,
  preDueOptIn: false,
  language: "nl",
  noticesPausedUntil: null,
};

/** The per-stage fields a patron may override (null = inherited from branch or system). */
export const PATRON_STAGE_FIELDS = ["enabled", "channel"] as const;
export type PatronStageField = (typeof PATRON_STAGE_FIELDS)[number];
export type PatronStageValues = { stageId: number; enabled: boolean | null; channel: Channel | null };

/** The form's name of a stage field: "stage-12-channel". */
export function stageFieldName(stageId: number, field: PatronStageField): string {
  return `stage-${stageId}-${field}`;
}

export function parseStageFieldName(name: string): { stageId: number; field: PatronStageField } | null {
  const match = /^stage-(\d+)-(enabled|channel)$/.exec(name);
  return match ? { stageId: Number(match[1]), field: match[2] as PatronStageField } : null;
}

/**
 * One refusal, at the form field it is about: a `Problem` (lib/errors) whose code is under
 * "errors.patronSettings" and whose values name the stage, or a day as epoch milliseconds
 * (worded by the message in the reader's language).
 */
export type PatronSettingsProblem = Problem & { field: string };

/** An audit entry to write for a change, with patronId so it shows on the patron's history. */
export type PatronSettingsChange = {
  action: "patron.settings.update" | "patron.stage-override";
  entityType: "Patron" | "PatronStageSetting";
  entityId: number;
  patronId: number;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
};

export type PatronSettingsResult =
  | { ok: true; changes: PatronSettingsChange[] }
  | { ok: false; problems: PatronSettingsProblem[] };

/** The patron with what the checks need: the address and the settings seen from the home branch. */
export async function loadPatronForSettings(db: Reader, libraryId: number, patronId: number) {
  const patron = await db.patron.findFirst({
    where: { id: patronId, libraryId },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      cardNumber: true,
      email: true,
      emailStatus: true,
      emailStatusAt: true,
      homeBranchId: true,
    },
  });
  if (!patron) return null;
  // One after the other: `db` may be a transaction, whose one connection runs one query at a time.
  const library = await loadLibrarySettings(db, libraryId);
  const patronSettings = await loadPatronSettings(db, patronId);
  const branch = library.branches.find((b) => b.id === patron.homeBranchId) ?? null;
  // Branch level only (no patron): what the patron's own values replace.
  const inherited = resolveStageSettings(library, { branchId: branch?.id });
  const resolved = resolveStageSettings(library, { branchId: branch?.id, patron: patronSettings });
  return { patron, library, branch, patronSettings, inherited, resolved };
}
export type PatronForSettings = NonNullable<Awaited<ReturnType<typeof loadPatronForSettings>>>;

const EMAIL_PROBLEM_CODES = {
  no_email: "patronSettings.emailNone",
  invalid: "patronSettings.emailInvalid",
  bounced: "patronSettings.emailBounced",
  complained: "patronSettings.emailComplained",
} as const satisfies Record<string, ErrorCode>;

/**
 * A library-local day as the epoch milliseconds a message words as a date ({last, date,
 * long}): noon UTC, the same day in any time zone the staff may read it in.
 */
const dayValue = (day: LocalDate) => toDbDate(day).getTime() + 12 * 60 * 60 * 1000;

/**
 * Every problem with the patron's settings as they would be saved, each at its field: email
 * chosen for a patron email cannot reach (it would become a letter anyway: fix the address
 * first), a channel on a registered-letter stage, a letter for a reminder before the due date,
 * switching on a stage the library or branch has off, a pause that ends in the past or more
 * than a year ahead.
 */
export function checkPatronSettings(
  loaded: Pick<PatronForSettings, "patron" | "inherited">,
  person: PatronPersonValues,
  stages: PatronStageValues[],
  today: LocalDate,
): PatronSettingsProblem[] {
  const problems: PatronSettingsProblem[] = [];
  const { patron } = loaded;
  const problem = emailProblem({ email: patron.email, emailStatus: patron.emailStatus as EmailStatus });
  const emailRefusal = (field: string) => {
    if (!problem) return;
    const since = patron.emailStatusAt && problem !== "no_email" ? fromDbDate(patron.emailStatusAt) : null;
    problems.push({
      field,
      code: EMAIL_PROBLEM_CODES[problem],
      values: since ? { hasSince: "yes", since: dayValue(since) } : { hasSince: "no" },
    });
  };

  if (person.channelPreference === "email") emailRefusal("channelPreference");
  if (person.noticesPausedUntil != null) {
    if (person.noticesPausedUntil < today) {
      problems.push({
        field: "noticesPausedUntil",
        code: "patronSettings.paused_in_past",
      });
    } else if (person.noticesPausedUntil > addDays(today, 366)) {
      problems.push({
        field: "noticesPausedUntil",
        code: "patronSettings.paused_too_far",
        values: { last: dayValue(addDays(today, 366)) },
      });
    }
  }

  for (const values of stages) {
    const stage = loaded.inherited.stages.find((s) => s.stageId === values.stageId);
    const channelField = stageFieldName(values.stageId, "channel");
    if (!stage) {
      problems.push({
        field: channelField,
        code: "patronSettings.unknown_stage",
      });
      continue;
    }
    const name = stageName(stage);
    if (values.enabled === true && !stage.fields.enabled.value) {
      problems.push({
        field: stageFieldName(values.stageId, "enabled"),
        code: "patronSettings.cannot_enable_stage",
        values: { stage: name },
      });
    }
    if (values.channel == null) continue;
    if (stage.fields.channel.value === "registered_letter") {
      problems.push({
        field: channelField,
        code: "patronSettings.channel_on_registered_stage",
        values: { stage: name },
      });
    } else if (values.channel === "registered_letter") {
      problems.push({
        field: channelField,
        code: "patronSettings.registered_letter_not_for_patron",
        values: { stage: name },
      });
    } else if (values.channel === "letter" && stage.kind === "pre_due") {
      problems.push({
        field: channelField,
        code: "patronSettings.letter_on_pre_due",
        values: { stage: name },
      });
    } else if (values.channel === "email") {
      emailRefusal(channelField);
    }
  }
  return problems;
}

function stageName(stage: Pick<ResolvedStage, "labels" | "key">): string {
  return stage.labels.nl || stage.labels.en || stage.labels.fr || stage.key;
}

/**
 * Saves a patron's person-level settings and per-stage overrides after checking them all
 * (every problem is returned at once; nothing is written then). Writes only what changed and
 * returns one audit change per changed row. A stage override with both fields back to
 * inherited is deleted.
 */
export async function savePatronSettings(
  tx: Reader,
  input: {
    libraryId: number;
    patronId: number;
    today: LocalDate;
    staffId: number | null;
    person: PatronPersonValues;
    stages: PatronStageValues[];
  },
): Promise<PatronSettingsResult> {
  const loaded = await loadPatronForSettings(tx, input.libraryId, input.patronId);
  if (!loaded) throw new Error(`Patron ${input.patronId} is not in library ${input.libraryId}.`);

  // Only what changes is checked: a stored value that has since become impossible (the
  // address bounced after the patron chose email) does not block saving something else.
  const current = loaded.patronSettings.settings;
  const changedPerson: Partial<PatronPersonValues> = {};
  for (const field of PATRON_FIELDS) {
    if (input.person[field] !== current[field]) {
      (changedPerson as Record<string, unknown>)[field] = input.person[field];
    }
  }
  const stored = new Map(loaded.patronSettings.overrides.map((o) => [o.stageId, o]));
  const changedStages = input.stages.filter((values) => {
    const existing = stored.get(values.stageId);
    return (existing?.enabled ?? null) !== values.enabled || (existing?.channel ?? null) !== values.channel;
  });
  const toCheck: PatronPersonValues = {
    ...PATRON_DEFAULTS,
    language: input.person.language,
    preDueOptIn: input.person.preDueOptIn,
    channelPreference: changedPerson.channelPreference ?? null,
    noticesPausedUntil: "noticesPausedUntil" in changedPerson ? input.person.noticesPausedUntil : null,
  };
  const problems = checkPatronSettings(
    loaded,
    toCheck,
    changedStages.map((values) => {
      const existing = stored.get(values.stageId);
      return {
        stageId: values.stageId,
        enabled: values.enabled !== (existing?.enabled ?? null) ? values.enabled : null,
        channel: values.channel !== (existing?.channel ?? null) ? values.channel : null,
      };
    }),
    input.today,
  );
  if (problems.length) return { ok: false, problems };

  const changes: PatronSettingsChange[] = [];
  if (Object.keys(changedPerson).length) {
    await tx.patron.update({
      where: { id: input.patronId },
      data: {
        ...changedPerson,
        ...("noticesPausedUntil" in changedPerson
          ? {
              noticesPausedUntil: changedPerson.noticesPausedUntil
                ? toDbDate(changedPerson.noticesPausedUntil)
                : null,
            }
          : {}),
      },
    });
    changes.push({
      action: "patron.settings.update",
      entityType: "Patron",
      entityId: input.patronId,
      patronId: input.patronId,
      before: Object.fromEntries(Object.keys(changedPerson).map((f) => [f, current[f as PatronField]])),
      after: changedPerson,
    });
  }
  for (const values of changedStages) {
    const existing = stored.get(values.stageId);
    const before = {
      stageId: values.stageId,
      enabled: existing?.enabled ?? null,
      channel: existing?.channel ?? null,
    };
    let entityId: number;
    if (values.enabled == null && values.channel == null) {
      const row = await tx.patronStageSetting.delete({
        where: { stageId_patronId: { stageId: values.stageId, patronId: input.patronId } },
      });
      entityId = row.id;
    } else {
      const data = { enabled: values.enabled, channel: values.channel, updatedById: input.staffId };
      const row = await tx.patronStageSetting.upsert({
        where: { stageId_patronId: { stageId: values.stageId, patronId: input.patronId } },
        create: { stageId: values.stageId, patronId: input.patronId, ...data },
        update: data,
      });
      entityId = row.id;
    }
    changes.push({
      action: "patron.stage-override",
      entityType: "PatronStageSetting",
      entityId,
      patronId: input.patronId,
      before,
      after: { stageId: values.stageId, enabled: values.enabled, channel: values.channel },
    });
  }
  return { ok: true, changes };
}

/** The values the form shows now, for saving one field back to inherited with the rest unchanged. */
export function currentValues(loaded: PatronForSettings): {
  person: PatronPersonValues;
  stages: PatronStageValues[];
} {
  const { settings, overrides } = loaded.patronSettings;
  return {
    person: {
      channelPreference: settings.channelPreference,
      preDueOptIn: settings.preDueOptIn,
      language: settings.language,
      noticesPausedUntil: settings.noticesPausedUntil,
    },
    stages: overrides.map((o) => ({ stageId: o.stageId, enabled: o.enabled, channel: o.channel })),
  };
}

/** "Back to inherited" for one field: the person default, or the stage override's field to null. */
export async function resetPatronField(
  tx: Reader,
  input: { libraryId: number; patronId: number; today: LocalDate; staffId: number | null; field: string },
): Promise<PatronSettingsResult> {
  const loaded = await loadPatronForSettings(tx, input.libraryId, input.patronId);
  if (!loaded) throw new Error(`Patron ${input.patronId} is not in library ${input.libraryId}.`);
  const { person, stages } = currentValues(loaded);
  const stageField = parseStageFieldName(input.field);
  if (stageField) {
    const next = stages.map((s) =>
      s.stageId === stageField.stageId ? { ...s, [stageField.field]: null } : s,
    );
    return savePatronSettings(tx, { ...input, person, stages: next });
  }
  if (!(PATRON_FIELDS as readonly string[]).includes(input.field)) return { ok: true, changes: [] };
  const field = input.field as PatronField;
  return savePatronSettings(tx, { ...input, person: { ...person, [field]: PATRON_DEFAULTS[field] }, stages });
}

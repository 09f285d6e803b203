import "server-only";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { fieldWords, stageLabel } from "@/app/(staff)/settings/stage-words";
import type { AuditRow } from "@/lib/audit/list-audit-entries";
import type { Prisma } from "@/lib/generated/prisma/client";
import { STAGE_FIELDS, type StageField } from "@/lib/settings/stage-settings";

type Json = Prisma.JsonValue;

/** Names of what audit entries point at, looked up once per page (lib/audit/audit-names.ts). */
export type AuditNames = {
  stages: Map<number, { labels: Json; key: string }>;
  branches: Map<number, string>;
  patrons: Map<number, string>;
  staff: Map<number, string>;
};

export type AuditEntryWords = {
  /** "Jonas Bibliothecaris wijzigde de kosten van Tweede aanmaning voor Harelbeke van € 1,00 naar € 1,25" */
  sentence: string;
  /** the other changed fields, in words (empty when the sentence says it all); from is null for a creation */
  changes: { field: string; from: string | null; to: string }[];
};

/** The actions the log knows words for; anything else is shown by a readable fallback. */
const ACTIONS = [
  "stage.update",
  "stage.branch-override",
  "notice-text.update",
  "patron.email.update",
  "patron.address.update",
  "patron.note.add",
  "patron.settings.update",
  "patron.stage-override",
  "loan.renew",
  "notice.letter.print",
  "staff.create",
  "staff.update",
  "staff.disable",
  "staff.enable",
  "staff.password.reset",
  "staff.password.change",
  "letter-batch.create",
  "letter-batch.print",
  "letter-batch.post",
  "letter.drop-out",
  "letter.tracking-number",
  "library.postage",
  "patron.preferences.update",
  "patron.reminders.unsubscribe",
  "bounce-policy.update",
  "bounce.dismiss",
  "notice.email.resend",
  "send-run.start",
  "send-run.pause",
  "send-run.resume",
  "notice.send-again",
  "library.sending-settings",
  "library.self-service",
  "branch.renewal-limits",
  "import-pickup.update",
] as const;
type KnownAction = (typeof ACTIONS)[number];
const isKnown = (action: string): action is KnownAction => (ACTIONS as readonly string[]).includes(action);

/** Fields that say which thing changed, not how: never listed as a change. */
const IDENTIFYING = new Set(["stageId", "branchId", "patronId", "resolvedFlags", "id", "letterId", "reason"]);

const FIELDS = [
  ...STAGE_FIELDS,
  "subject",
  "opening",
  "closing",
  "email",
  "emailStatus",
  "softBounceCount",
  "street",
  "postalCode",
  "city",
  "country",
  "name",
  "role",
  "disabled",
  "mustChangePassword",
  "channelPreference",
  "preDueOptIn",
  "language",
  "noticesPausedUntil",
  "dueDate",
  "renewalCount",
  "body",
  "letterPostageCents",
  "registeredPostageCents",
  "trackingNumber",
  "publicBaseUrl",
  "linkValidityDays",
  "renewalMaxCount",
  "renewalPeriodDays",
  "renewalMaxFeesCents",
  "renewalMaxOverdueDays",
  "note",
  "recipientEmail",
  "reprint",
] as const;
type KnownField = (typeof FIELDS)[number];
const isKnownField = (field: string): field is KnownField => (FIELDS as readonly string[]).includes(field);

function isRecord(value: Json | undefined): value is Prisma.JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The fields that differ between before and after (all fields of a creation). */
export function changedFields(before: Json, after: Json): { key: string; before?: Json; after?: Json }[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((key) => !IDENTIFYING.has(key));
  return keys
    .filter((key) => JSON.stringify(b[key] ?? null) !== JSON.stringify(a[key] ?? null))
    .map((key) => ({ key, before: b[key], after: a[key] }));
}

/**
 * The one vocabulary of audit entries: what an action, a field and a value are called, in
 * the staff member's language. The audit log (`auditWords`) and the patron page's history
 * (`auditHistoryWords`) both speak it.
 */
async function vocabulary(names: AuditNames) {
  const [t, format, locale, stageValue] = await Promise.all([
    getTranslations("audit"),
    getFormatter(),
    getLocale(),
    fieldWords(),
  ]);

  const stageName = (id: unknown) => {
    const stage = typeof id === "number" ? names.stages.get(id) : undefined;
    return stage
      ? stageLabel(stage.labels as Parameters<typeof stageLabel>[0], locale, stage.key)
      : t("unknownStage");
  };
  const branchName = (id: unknown) =>
    (typeof id === "number" ? names.branches.get(id) : undefined) ?? t("unknownBranch");

  const fieldName = (field: string) => (isKnownField(field) ? t(`fields.${field}`) : t("fields.other"));

  const value = (field: string, raw: Json | undefined): string => {
    if ((field === "renewalMaxFeesCents" || field === "renewalMaxOverdueDays") && raw === null)
      return t("noLimit");
    if (raw === undefined || raw === null || raw === "")
      return (STAGE_FIELDS as readonly string[]).includes(field) ? t("inherited") : t("empty");
    if ((STAGE_FIELDS as readonly string[]).includes(field))
      return stageValue(field as StageField, raw as never);
    if (typeof raw === "boolean") return raw ? t("yes") : t("no");
    if ((field.endsWith("PostageCents") || field === "renewalMaxFeesCents") && typeof raw === "number")
      return format.number(raw / 100, { style: "currency", currency: "EUR" });
    if (field === "role") return t(`roles.${raw as "desk"}`);
    if (field === "language") return t(`languages.${raw as "nl"}`);
    if (field === "channelPreference") return t(`channelPreferences.${raw as "email"}`);
    if (field === "emailStatus") return t(`emailStatuses.${raw as "ok"}`);
    if ((field === "dueDate" || field === "noticesPausedUntil") && typeof raw === "string")
      return format.dateTime(new Date(`${raw}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
    if (field === "branchId") return branchName(raw);
    if (typeof raw === "object") return t("changedValue");
    return String(raw);
  };

  /** an action's name ("E-mailadres verbeterd"), else its key made readable */
  const actionName = (action: string) =>
    isKnown(action)
      ? t(`actionNames.${action.replaceAll(".", "_") as "staff_create"}`)
      : action.replaceAll(/[.-]/g, " ");

  return { t, value, fieldName, stageName, branchName, actionName };
}

/**
 * The patron page's history: per entry its action's name and each changed field as a label
 * with its old and new value in words ("Werking e-mail: onbestelbaar → nog niet bevestigd").
 */
export async function auditHistoryWords(names: AuditNames) {
  const { t, value, actionName } = await vocabulary(names);
  return {
    title: actionName,
    lines(row: Pick<AuditRow, "before" | "after">): { field: string; from: string; to: string }[] {
      const created = !isRecord(row.before);
      return changedFields(row.before, row.after).map((change) => ({
        field: isKnownField(change.key) ? t(`fieldLabels.${change.key}`) : t("fieldLabels.other"),
        from: created ? t("empty") : value(change.key, change.before),
        to: value(change.key, change.after),
      }));
    },
  };
}

/**
 * Turns audit entries into sentences a manager reads: who did what to which stage, branch,
 * patron or account, with every value in words (amounts in euro, channels, yes/no, dates),
 * never an action key, a field name or JSON.
 */
export async function auditWords(names: AuditNames) {
  const { t, value, fieldName, stageName, branchName } = await vocabulary(names);

  return (row: AuditRow): AuditEntryWords => {
    const actor = row.actorLabel.replace(/\s*\([^)]*@[^)]*\)$/, "");
    const before = isRecord(row.before) ? row.before : {};
    const after = isRecord(row.after) ? row.after : {};
    const ids = { ...before, ...after };
    const patron = row.patronId
      ? (names.patrons.get(row.patronId) ?? t("unknownPatron"))
      : t("unknownPatron");
    const staffName =
      names.staff.get(Number(row.entityId)) ??
      (typeof ids.name === "string" ? ids.name : t("unknownAccount"));

    let subject: string;
    if (row.action === "stage.update")
      subject = t("subjects.stage", { stage: stageName(Number(row.entityId)) });
    else if (row.action === "stage.branch-override")
      subject = t("subjects.stageForBranch", {
        stage: stageName(ids.stageId),
        branch: branchName(ids.branchId),
      });
    else if (row.action === "notice-text.update") {
      const [stageId, second, third] = row.entityId.split(":");
      const language = t(`languages.${(third ?? second) as "nl"}`);
      subject = third
        ? t("subjects.textForBranch", {
            stage: stageName(Number(stageId)),
            branch: branchName(Number(second)),
            language,
          })
        : t("subjects.text", { stage: stageName(Number(stageId)), language });
    } else if (row.action === "branch.renewal-limits") subject = branchName(Number(row.entityId));
    else if (row.action.startsWith("staff.")) subject = t("subjects.account", { name: staffName });
    else subject = t("subjects.patron", { patron });

    const created = !isRecord(row.before);
    const changes = changedFields(row.before, row.after).map((change) => ({
      field: fieldName(change.key),
      from: created ? null : value(change.key, change.before),
      to: value(change.key, change.after),
    }));

    if (row.action === "loan.renew") {
      const to = value("dueDate", after.dueDate as Json);
      return { sentence: t("sentences.loanRenew", { actor, patron, to }), changes: [] };
    }
    if (isKnown(row.action) && row.action !== "stage.update" && row.action !== "stage.branch-override") {
      const simple = t(`sentences.${row.action.replaceAll(".", "_") as "staff_create"}`, {
        actor,
        subject,
        patron,
        entity: row.entityId,
      });
      const relevant =
        row.action.startsWith("staff.password") || row.action === "patron.note.add" ? [] : changes;
      return { sentence: simple, changes: relevant };
    }
    if (changes.length === 1 && changes[0].from !== null) {
      const [only] = changes;
      return {
        sentence: t("sentences.changedOne", {
          actor,
          field: only.field,
          subject,
          from: only.from ?? "",
          to: only.to,
        }),
        changes: [],
      };
    }
    if (isKnown(row.action)) return { sentence: t("sentences.changedMany", { actor, subject }), changes };
    return {
      sentence: t("sentences.other", { actor, action: row.action.replaceAll(/[.-]/g, " ") }),
      changes,
    };
  };
}

/** The action filter's options in words, for the actions that occur in the log. */
export async function actionWords() {
  return (await vocabulary({ stages: new Map(), branches: new Map(), patrons: new Map(), staff: new Map() }))
    .actionName;
}

/** The part filter's options in words. */
export async function entityWords() {
  const t = await getTranslations("audit");
  const known = [
    "SendRun",
    "Letter",
    "LetterBatch",
    "Library",
    "PatronNote",
    "NoticeStage",
    "BranchStageSetting",
    "NoticeText",
    "BranchNoticeText",
    "Patron",
    "PatronStageSetting",
    "Loan",
    "Notice",
    "StaffUser",
    "Branch",
    "ImportPickup",
  ];
  return (entity: string) => (known.includes(entity) ? t(`entityNames.${entity as "Patron"}`) : entity);
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/require-staff";
import { fromDbDate, toDbDate } from "@/lib/dates";
import { db } from "@/lib/db";
import { emailProblem } from "@/lib/planning/choose-channel";
import { loadPatronForSettings, PATRON_DEFAULTS, stageFieldName } from "@/lib/settings/patron-overrides";
import type { ResolvedValue } from "@/lib/settings/stage-settings";
import { stageLabel } from "../../../settings/stage-words";
import { type PatronFieldView, PatronSettingsForm, type PatronStageView } from "./patron-settings-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("patronSettings");
  return { title: t("title") };
}

type Props = { params: Promise<{ id: string }> };

/** A patron's own notice settings, with where every value comes from (desk and up). */
export default async function PatronSettingsPage({ params }: Props) {
  const { library } = await requireStaff("desk");
  const [t, tSettings, format, locale, { id }] = await Promise.all([
    getTranslations("patronSettings"),
    getTranslations("settings"),
    getFormatter(),
    getLocale(),
    params,
  ]);
  const patronId = Number(id);
  if (!Number.isInteger(patronId)) notFound();
  const loaded = await loadPatronForSettings(db, library.id, patronId);
  if (!loaded) notFound();
  const { patron, branch, patronSettings, resolved } = loaded;
  const person = patronSettings.settings;
  const problem = emailProblem(patron);
  const since =
    problem && problem !== "no_email" && patron.emailStatusAt ? fromDbDate(patron.emailStatusAt) : null;

  const levelText = (value: Pick<ResolvedValue<unknown>, "level" | "branchName">) =>
    value.level === "patron"
      ? t("ownValue")
      : value.level === "branch"
        ? t("inheritedFromBranch", { branch: value.branchName ?? "" })
        : t("inheritedFromSystem");
  const day = (value: string) => format.dateTime(toDbDate(value), { dateStyle: "long", timeZone: "UTC" });
  const channelWords = (value: string) => tSettings(`channels.${value as "email"}`);
  const preferenceWords = (value: string | null) => (value ? channelWords(value) : t("followStage"));
  const languageWords = (value: string) => t(`languages.${value as "nl"}`);
  const yesNo = (value: boolean) => (value ? tSettings("yes") : tSettings("no"));

  const personFields: PatronFieldView[] = [
    {
      name: "channelPreference",
      label: t("channelPreference"),
      kind: "select",
      value: person.channelPreference ?? "",
      options: [
        { value: "", label: t("followStage") },
        { value: "email", label: channelWords("email") },
        { value: "letter", label: channelWords("letter") },
      ],
      effective: preferenceWords(person.channelPreference),
      own: person.channelPreference !== PATRON_DEFAULTS.channelPreference,
      levelText: "",
      hint: t("channelPreferenceHint"),
    },
    {
      name: "preDueOptIn",
      label: t("preDueOptIn"),
      kind: "select",
      value: String(person.preDueOptIn),
      options: [
        { value: "true", label: tSettings("yes") },
        { value: "false", label: tSettings("no") },
      ],
      effective: yesNo(person.preDueOptIn),
      own: person.preDueOptIn !== PATRON_DEFAULTS.preDueOptIn,
      levelText: "",
    },
    {
      name: "language",
      label: t("language"),
      kind: "select",
      value: person.language,
      options: (["nl", "fr", "en"] as const).map((value) => ({ value, label: languageWords(value) })),
      effective: languageWords(person.language),
      own: person.language !== PATRON_DEFAULTS.language,
      levelText: "",
    },
    {
      name: "noticesPausedUntil",
      label: t("pausedUntil"),
      kind: "date",
      value: person.noticesPausedUntil ?? "",
      effective: person.noticesPausedUntil ? day(person.noticesPausedUntil) : t("notPaused"),
      own: person.noticesPausedUntil !== PATRON_DEFAULTS.noticesPausedUntil,
      levelText: "",
      hint: t("pausedUntilHint"),
    },
  ].map(
    (field) =>
      ({ ...field, levelText: field.own ? t("ownValue") : t("inheritedFromSystem") }) as PatronFieldView,
  );

  const stages: PatronStageView[] = resolved.stages.map((stage) => {
    const name = stageLabel(stage.labels, locale, stage.key);
    const override = patronSettings.overrides.find((o) => o.stageId === stage.stageId);
    const { enabled, channel } = stage.fields;
    const inheritedEnabled = enabled.level === "patron" ? enabled.inherited! : enabled;
    const inheritedChannel = channel.level === "patron" ? channel.inherited! : channel;
    const fields: PatronFieldView[] = [
      {
        name: stageFieldName(stage.stageId, "enabled"),
        label: t("stageEnabled"),
        kind: "select",
        value: override?.enabled == null ? "" : String(override.enabled),
        options: [
          { value: "", label: t("inheritedOption", { value: yesNo(inheritedEnabled.value) }) },
          { value: "false", label: t("offForPatron") },
          ...(override?.enabled === true ? [{ value: "true", label: tSettings("yes") }] : []),
        ],
        effective: yesNo(enabled.value),
        levelText: levelText(enabled),
        own: override?.enabled != null,
      },
    ];
    let fixedChannel: string | undefined;
    if (inheritedChannel.value === "registered_letter") {
      fixedChannel = t("registeredFixed");
    } else {
      fields.push({
        name: stageFieldName(stage.stageId, "channel"),
        label: t("stageChannel"),
        kind: "select",
        value: override?.channel ?? "",
        options: [
          { value: "", label: t("inheritedOption", { value: channelWords(inheritedChannel.value) }) },
          { value: "email", label: channelWords("email") },
          ...(stage.kind === "pre_due" ? [] : [{ value: "letter", label: channelWords("letter") }]),
        ],
        effective: channelWords(channel.value),
        levelText: levelText(channel),
        own: override?.channel != null,
      });
    }
    return { stageId: stage.stageId, label: name, fields, fixedChannel };
  });

  // A new key after every saved change: the form starts again from the stored values.
  const version = JSON.stringify([
    person,
    patronSettings.overrides.map((o) => [o.stageId, o.enabled, o.channel]),
  ]);

  return (
    <div className="flex flex-col gap-6">
      <div>
        <p className="text-sm">
          <Link href={`/patrons/${patron.id}`} className="underline">
            {t("backToPatron", { name: `${patron.firstName} ${patron.lastName}` })}
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold">
          {t("heading", { name: `${patron.firstName} ${patron.lastName}` })}
        </h1>
        <p className="mt-1 text-muted">
          {t("card", { card: patron.cardNumber })}
          {branch ? ` · ${t("homeBranch", { branch: branch.name })}` : null}
        </p>
        <p className="mt-1">
          {patron.email ? t("emailLine", { email: patron.email }) : null}
          {problem ? (
            <span className="font-medium text-red-800">
              {patron.email ? " — " : ""}
              {t(`problems.email.${problem}`, {
                since: since ? day(since) : "",
                hasSince: since ? "yes" : "no",
              })}
            </span>
          ) : null}
        </p>
        <p className="mt-2 max-w-3xl text-muted">{t("intro")}</p>
      </div>
      <PatronSettingsForm version={version} patronId={patron.id} person={personFields} stages={stages} />
    </div>
  );
}

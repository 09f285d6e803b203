import {
  type EffectiveStage,
  type LibrarySettings,
  type PatronSettings,
  type PatronStageOverride,
  type ResolvedPatronSettings,
  type ResolvedSettings,
  type ResolvedStage,
  type ResolvedValue,
  STAGE_FIELDS,
  type StageField,
  type StageValues,
  type SystemStage,
} from "./stage-settings";

export type SettingsScope = {
  /** the branch whose overrides apply: for a loan, the branch that lent the item */
  branchId?: number | null;
  patron?: { settings: PatronSettings; overrides: PatronStageOverride[] } | null;
};

/**
 * The effective value of every stage field, and the level it came from: system defaults,
 * then the branch's overrides, then what the patron chose. The patron level can switch a
 * stage off and choose its channel, but cannot switch on a stage the library has off nor
 * turn a registered letter into something else.
 */
export function resolveStageSettings(settings: LibrarySettings, scope: SettingsScope = {}): ResolvedSettings {
  const branch = scope.branchId == null ? undefined : settings.branches.find((b) => b.id === scope.branchId);
  if (scope.branchId != null && !branch) throw new Error(`Branch ${scope.branchId} is not in this library.`);

  const stages = settings.stages.map((stage): ResolvedStage => {
    const override = branch
      ? settings.branchOverrides.find((o) => o.stageId === stage.id && o.branchId === branch.id)
      : undefined;
    const fields = {} as ResolvedStage["fields"];
    for (const field of STAGE_FIELDS) {
      const system = systemValue(stage, field);
      const branchValue = override?.[field];
      (fields as Record<StageField, ResolvedValue<unknown>>)[field] =
        branch && override && branchValue != null
          ? {
              value: branchValue,
              level: "branch",
              branchId: branch.id,
              branchName: branch.name,
              updatedAt: override.updatedAt,
              updatedById: override.updatedById,
              inherited: { value: system.value, level: "system" },
            }
          : system;
    }

    const patronOverride = scope.patron?.overrides.find((o) => o.stageId === stage.id);
    if (patronOverride) {
      const patronId = scope.patron!.settings.id;
      const fromPatron = <T>(value: T, inherited: ResolvedValue<T>): ResolvedValue<T> => ({
        value,
        level: "patron",
        patronId,
        updatedAt: patronOverride.updatedAt,
        updatedById: patronOverride.updatedById,
        inherited: { value: inherited.value, level: inherited.level, branchName: inherited.branchName },
      });
      // A patron can only switch a stage off; "on" counts where the library has it on.
      if (patronOverride.enabled != null && fields.enabled.value) {
        fields.enabled = fromPatron(patronOverride.enabled, fields.enabled);
      }
      if (patronOverride.channel != null && fields.channel.value !== "registered_letter") {
        fields.channel = fromPatron(patronOverride.channel, fields.channel);
      }
    }

    return {
      stageId: stage.id,
      key: stage.key,
      position: stage.position,
      kind: stage.kind,
      labels: stage.labels,
      fields,
    };
  });

  return { stages, patron: scope.patron ? resolvePatron(scope.patron.settings) : undefined };
}

/** The plain effective stage values for one branch (no patron level), ordered by position. */
export function effectiveStagesForBranch(settings: LibrarySettings, branchId: number): EffectiveStage[] {
  return resolveStageSettings(settings, { branchId }).stages.map((stage) => ({
    stageId: stage.stageId,
    key: stage.key,
    position: stage.position,
    kind: stage.kind,
    offsetDays: stage.fields.offsetDays.value,
    dayCount: stage.fields.dayCount.value,
    enabled: stage.fields.enabled.value,
    channel: stage.fields.channel.value,
    fallback: stage.fields.fallback.value,
    feeCents: stage.fields.feeCents.value,
    audience: stage.fields.audience.value,
    channelLevel: stage.fields.channel.level,
  }));
}

function systemValue<F extends StageField>(stage: SystemStage, field: F): ResolvedValue<StageValues[F]> {
  return { value: stage[field], level: "system", updatedAt: stage.updatedAt, updatedById: stage.updatedById };
}

function resolvePatron(patron: PatronSettings): ResolvedPatronSettings {
  const own = <T>(value: T): ResolvedValue<T> => ({
    value,
    level: "patron",
    patronId: patron.id,
    updatedAt: patron.updatedAt,
    updatedById: null,
  });
  return {
    // No preference means "follow the stage": nothing is set at patron level.
    channelPreference:
      patron.channelPreference == null
        ? { value: null, level: "system", updatedAt: null, updatedById: null }
        : own(patron.channelPreference),
    preDueOptIn: own(patron.preDueOptIn),
    language: own(patron.language),
    noticesPausedUntil: own(patron.noticesPausedUntil),
  };
}

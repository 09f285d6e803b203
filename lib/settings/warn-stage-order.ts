import type { LibrarySettings } from "./stage-settings";
import { type SettingsIssue, validateStageSettings } from "./validate-stage-settings";

/**
 * What the library's stored stage settings should warn staff about (they are valid, so
 * saving them was allowed): a branch's mix of open-day and calendar-day stages that its closed
 * days can reorder. One warning per pair of stages and branch (or for the library's own
 * stages, once).
 */
export function warnStageOrder(settings: LibrarySettings): SettingsIssue[] {
  const names = new Map(settings.branches.map((branch) => [branch.id, branch.name]));
  return validateStageSettings({
    stages: settings.stages.map(({ updatedAt: _u, updatedById: _b, ...stage }) => stage),
    branchOverrides: settings.branchOverrides.map(({ updatedAt: _u, updatedById: _b, ...override }) => ({
      ...override,
      branchName: names.get(override.branchId),
    })),
  }).warnings;
}

/**
 * One refusal of a settings form: a code, the form field it is about and the values its
 * message needs. The action translates it (messages "settings.problems.<code>") and shows
 * it at its field; the lib functions never choose words.
 */
export type SettingsProblemCode =
  | "invalidAmount"
  | "amountOutOfRange"
  | "wholeNumberOutOfRange"
  | "invalidUrl"
  | "urlNotHttps"
  | "urlWithCredentials"
  | "urlWithPath"
  | "urlTooLong"
  | "urlIsDashboard"
  | "invalidTime"
  | "invalidSender"
  | "unknownBranch";

export type SettingsProblem = {
  code: SettingsProblemCode;
  field: string;
  values?: Record<string, string | number>;
};

/** What a settings change writes to the audit log (the action adds the actor). */
export type SettingsChange = {
  action: string;
  entityType: string;
  entityId: number;
  /** null: created */
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
};

/** `change` null: the form saved what was already stored (nothing to audit). */
export type SettingsResult =
  | { ok: true; change: SettingsChange | null }
  | { ok: false; problems: SettingsProblem[] };

/** A whole number as typed ("30", " 7 ") within bounds; a problem at `field` otherwise. */
export function parseWholeNumber(
  text: string,
  field: string,
  [min, max]: readonly [number, number],
): { value: number } | { problem: SettingsProblem } {
  const trimmed = text.trim();
  const value = /^-?\d{1,9}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (Number.isInteger(value) && value >= min && value <= max) return { value };
  return { problem: { code: "wholeNumberOutOfRange", field, values: { min, max } } };
}

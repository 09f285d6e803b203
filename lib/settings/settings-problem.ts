import type { Problem } from "@/lib/errors/domain-error";

/**
 * What a settings change writes to the audit log (the action adds the actor). The save
 * functions of lib/settings return it, or null when the form saved what was already stored
 * (nothing to audit); they refuse by throwing a DomainError with every problem at its field.
 */
export type SettingsChange = {
  action: string;
  entityType: string;
  entityId: number;
  /** null: created */
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
};

/** A whole number as typed ("30", " 7 ") within bounds; a problem at `field` otherwise. */
export function parseWholeNumber(
  text: string,
  field: string,
  [min, max]: readonly [number, number],
): { value: number } | { problem: Problem } {
  const trimmed = text.trim();
  const value = /^-?\d{1,9}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (Number.isInteger(value) && value >= min && value <= max) return { value };
  return { problem: { code: "settings.wholeNumberOutOfRange", field, values: { min, max } } };
}

/** Euros as typed within bounds (cents); a problem at `field` otherwise (its bounds in euros). */
export function parseEuroField(
  cents: number | null,
  field: string,
  [min, max]: readonly [number, number],
): { value: number } | { problem: Problem } {
  if (cents === null) return { problem: { code: "settings.invalidAmount", field } };
  if (cents < min || cents > max)
    return {
      problem: { code: "settings.amountOutOfRange", field, values: { min: min / 100, max: max / 100 } },
    };
  return { value: cents };
}

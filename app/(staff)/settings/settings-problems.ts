import "server-only";
import { getFormatter, getTranslations } from "next-intl/server";
import type { FieldErrors } from "@/lib/auth/action-state";
import type { SettingsProblem } from "@/lib/settings/settings-problem";

/** Codes whose values `min` and `max` are cents, said as euro amounts. */
const AMOUNTS = new Set(["amountOutOfRange"]);

/** lib/settings' refusals in the staff member's language, each at its field (messages "settings.problems"). */
export async function settingsFieldErrors(problems: readonly SettingsProblem[]): Promise<FieldErrors> {
  const [t, format] = await Promise.all([getTranslations("settings.problems"), getFormatter()]);
  const euros = (cents: string | number) =>
    format.number(Number(cents) / 100, { style: "currency", currency: "EUR" });
  const errors: FieldErrors = {};
  for (const problem of problems) {
    const values = { ...problem.values };
    if (AMOUNTS.has(problem.code))
      for (const key of ["min", "max"]) if (key in values) values[key] = euros(values[key]);
    const message = t(problem.code, values);
    if (!errors[problem.field]?.includes(message))
      errors[problem.field] = [...(errors[problem.field] ?? []), message];
  }
  return errors;
}

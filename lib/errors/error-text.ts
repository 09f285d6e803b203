// Problems -> words: the one place a code becomes staff text. Client-safe (takes the translator).
import type { FieldErrors } from "@/lib/auth/action-state";
import type { ErrorCode, Problem } from "./domain-error";

/** Looks a message up by its full key ("errors.forbidden"); undefined when there is none. */
export type Translate = (key: string, values?: Record<string, string | number>) => string | undefined;

/** The words of one problem, in the reader's language (messages/*.json "errors"). */
export function problemText(translate: Translate, problem: Problem): string {
  return (
    translate(`errors.${problem.code}`, problem.values) ??
    // a code without words (a zod default message, a code from a newer branch): still a clear refusal
    translate(problem.field ? "errors.invalidValue" : "errors.failed") ??
    problem.code
  );
}

/** The words of a stored code (a send run's stop reason), or undefined for a code with none. */
export function knownProblemText(translate: Translate, problem: Problem): string | undefined {
  return translate(`errors.${problem.code}`, problem.values);
}

/**
 * Problems -> what a form shows: each problem with a field at that field (every one, not just
 * the first; the same words once), the others as the form's message; when every problem has
 * its field, the message points at them ("check the marked fields").
 */
export function problemsToState(
  translate: Translate,
  problems: readonly Problem[],
): { message: string; fieldErrors?: FieldErrors } {
  const fieldErrors: FieldErrors = {};
  const general: string[] = [];
  for (const problem of problems) {
    const text = problemText(translate, problem);
    if (!problem.field) {
      if (!general.includes(text)) general.push(text);
      continue;
    }
    const list = fieldErrors[problem.field] ?? [];
    if (!list.includes(text)) fieldErrors[problem.field] = [...list, text];
  }
  const hasFields = Object.keys(fieldErrors).length > 0;
  return {
    message: general.length > 0 ? general.join(" ") : problemText(translate, { code: "checkFields" }),
    fieldErrors: hasFields ? fieldErrors : undefined,
  };
}

/** What zod reports, as much as problems need (zod 4's issues). */
type ZodIssueLike = {
  code: string;
  message: string;
  path: readonly PropertyKey[];
  origin?: string;
  maximum?: unknown;
};

/**
 * zod's issues -> problems. Schemas give codes as their messages (`z.string().min(1, { error:
 * "required" })`); zod's own English sentences become "invalidValue", and a string over its
 * `.max()` without a code of its own says how long it may be.
 */
export function zodProblems(issues: readonly ZodIssueLike[]): Problem[] {
  return issues.map((issue) => {
    const field = String(issue.path[0] ?? "form");
    if (/^[A-Za-z_][\w.]*$/.test(issue.message)) return { code: issue.message as ErrorCode, field };
    if (issue.code === "too_big" && issue.origin === "string" && typeof issue.maximum === "number")
      return { code: "textTooLong", field, values: { max: issue.maximum } };
    return { code: "invalidValue", field };
  });
}

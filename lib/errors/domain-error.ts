// The one error type of the domain (client-safe: no server code, no translations).
import type en from "@/messages/en.json";

/** Every dotted key under "errors" in messages/*.json: "nothingChanged", "desk.loanChanged", ... */
type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** What went wrong, as a key of messages/*.json "errors" (checked by the compiler). */
export type ErrorCode = Leaves<(typeof en)["errors"]>;

/** Values filled into the message ({max}, {reason}); dates as text the reader can read. */
export type ErrorValues = Record<string, string | number>;

/**
 * One problem: a code, the form field it is about (none: about the whole form or request)
 * and the values its message needs. Validation problems (zod's and the domain's own) and
 * refusals all take this shape; `lib/errors/error-text.ts` turns it into words.
 */
export type Problem = { code: ErrorCode; field?: string; values?: ErrorValues };

/**
 * An expected refusal ("you cannot disable your own account", "this batch is already
 * printed") or every problem of a form at once. Thrown by domain functions and actions; the
 * action wrapper (`staffAction`) rolls the transaction back and shows each problem at its
 * field, or as the form's message. Carries codes, never words: the words are chosen in one
 * place for the reader's language. Anything else thrown is logged and shown as a generic
 * failure.
 *
 *   throw new DomainError("lastAdmin");
 *   throw new DomainError("unknownBranch", { field: "branchId" });
 *   throw DomainError.all([{ code: "required", field: "name" }, { code: "invalidEmail", field: "email" }]);
 */
export class DomainError extends Error {
  readonly problems: readonly Problem[];

  constructor(code: ErrorCode, options: { field?: string; values?: ErrorValues } = {}) {
    super(code);
    this.name = "DomainError";
    this.problems = [{ code, ...options }];
  }

  /** Several problems at once (every problem of a form, not only the first); at least one. */
  static all(problems: readonly Problem[]): DomainError {
    if (problems.length === 0) throw new Error("DomainError.all needs at least one problem");
    const error = new DomainError(problems[0].code, problems[0]);
    (error as { problems: readonly Problem[] }).problems = [...problems];
    return error;
  }

  /** the first problem's code */
  get code(): ErrorCode {
    return this.problems[0].code;
  }
}

/** Throws every problem at once, when there is one. */
export function refuseIf(problems: readonly Problem[]): void {
  if (problems.length > 0) throw DomainError.all(problems);
}

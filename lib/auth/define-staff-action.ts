import "server-only";
import type { z } from "zod";
import { type AuditChange, recordAudit, staffActor } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db-client";
import { DomainError } from "@/lib/errors/domain-error";
import { problemsToState, problemText, type Translate, zodProblems } from "@/lib/errors/error-text";
import { formTextProblems } from "@/lib/errors/text-check";
import { Prisma } from "@/lib/generated/prisma/client";
import type { StaffLibrary } from "@/lib/library/current-library";
import type { ActionState, FieldErrors } from "./action-state";
import type { StaffSession, StaffWithLibrary } from "./load-staff-session";
import { roleAtLeast, type StaffRole } from "./roles";

export type { Translate };

/** Carries a preview's result out of the transaction it rolls back (`rollBack: true`). */
class RolledBack {
  constructor(readonly result: unknown) {}
}

/** The client inside `db.$transaction(async (tx) => ...)`, with the app client's options. */
export type StaffTx = Parameters<
  Extract<Parameters<Db["$transaction"]>[0], (...args: never[]) => unknown>
>[0];

export type StaffActionDeps = {
  db: Db;
  getSession(): Promise<StaffSession | null>;
  translate(): Promise<Translate>;
  revalidatePath(path: string): void;
  redirect(path: string): never;
};

export type StaffActionContext<TInput> = {
  tx: StaffTx;
  staff: StaffWithLibrary;
  /** the library this request works for: scope every query and write by its id */
  library: StaffLibrary;
  input: TInput;
  /** writes an audit entry of this library in this transaction, with the signed-in staff member as actor */
  audit(change: AuditChange): Promise<void>;
};

export type StaffActionConfig<TSchema extends z.ZodType, TResult, TExtra extends object> = {
  /** for the server log when something unexpected fails */
  name: string;
  /** the least role that may run it */
  role: StaffRole;
  /** validates the form fields (FormData as a plain object; repeated names become arrays) */
  schema: TSchema;
  /** the change password form is the one action open to someone who must change theirs */
  allowWhilePasswordChangeRequired?: boolean;
  run(context: StaffActionContext<z.infer<TSchema>>): Promise<TResult>;
  /**
   * A preview ("what would this change do?"): `run` works in a transaction that is always
   * rolled back, so nothing it writes stays, audit entries included; its result still reaches
   * onSuccess.
   */
  rollBack?: boolean;
  /** ms for the transaction, when `run` may take longer than Prisma's default of 5 s */
  transactionTimeoutMs?: number;
  revalidate?: string[] | ((result: TResult, input: z.infer<TSchema>) => string[]);
  /** extra state for the form after success (a message, a temporary password) */
  onSuccess?(
    result: TResult,
    input: z.infer<TSchema>,
  ): Partial<TExtra & { message: string }> | Promise<Partial<TExtra & { message: string }>>;
  /** where to go after success, instead of returning to the form */
  redirectTo?(result: TResult, input: z.infer<TSchema>): string;
};

export type StaffAction<TExtra extends object = Record<never, never>> = (
  previous: ActionState<TExtra>,
  formData: FormData,
) => Promise<ActionState<TExtra>>;

/** FormData -> plain object; React's and Next's own fields ($ACTION_...) left out. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const existing = result[key];
    if (existing === undefined) result[key] = value;
    else result[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return result;
}

/** The text fields of a refused form, to show again; never a password (or anything named so). */
function enteredText(fields: Record<string, unknown>): Record<string, string> {
  const entered: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields))
    if (typeof value === "string" && !/password|secret|token/i.test(name)) entered[name] = value;
  return entered;
}

/** The input fields a unique violation is about (from Prisma's meta, or the index name). */
function uniqueFields(error: Prisma.PrismaClientKnownRequestError, input: object): string[] {
  const meta = error.meta as
    | {
        target?: unknown;
        driverAdapterError?: { cause?: { constraint?: { fields?: unknown; index?: unknown } } };
      }
    | undefined;
  const constraint = meta?.driverAdapterError?.cause?.constraint;
  const raw = meta?.target ?? constraint?.fields ?? constraint?.index;
  const targets = (Array.isArray(raw) ? raw : [raw]).filter((t): t is string => typeof t === "string");
  // An index is named like "StaffUser_email_key": a field matches as "_<field>_".
  return Object.keys(input).filter((field) =>
    targets.some((target) => target === field || target.includes(`_${field}_`)),
  );
}

/** Enough to find the cause in the log, never the input: Prisma's messages can quote it. */
function describeForLog(error: unknown): string {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return `${error.name} ${error.code}`;
  if (error instanceof Prisma.PrismaClientValidationError) return error.name;
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

/**
 * Makes `staffAction(config)`: the one wrapper every staff server action goes through. In
 * order: the session (signed out -> refused), a forced password change, the role, the zod
 * schema, then `run` inside one transaction with `audit` writing to the same transaction
 * (rolled back when `rollBack` asks for a preview), then revalidatePath and the success state
 * or a redirect. A refusal changes nothing.
 */
export function createStaffActionFactory(getDeps: () => StaffActionDeps | Promise<StaffActionDeps>) {
  return function staffAction<
    TSchema extends z.ZodType,
    TResult,
    TExtra extends object = Record<never, never>,
  >(config: StaffActionConfig<TSchema, TResult, TExtra>): StaffAction<TExtra> {
    return async (_previous, formData) => {
      const deps = await getDeps();
      const translate = await deps.translate();
      const say = (code: "signedOut" | "mustChangePassword" | "forbidden" | "chooseLibrary" | "failed") =>
        problemText(translate, { code });
      const fail = (message: string, fieldErrors?: FieldErrors): ActionState<TExtra> =>
        ({ ok: false, message, fieldErrors }) as ActionState<TExtra>;
      let fields: Record<string, unknown> = {};
      const refuse = (problems: DomainError["problems"]): ActionState<TExtra> => {
        const { message, fieldErrors } = problemsToState(translate, problems);
        return { ...fail(message, fieldErrors), entered: enteredText(fields) };
      };

      const staff = await deps.getSession();
      if (!staff) return fail(say("signedOut"));
      if (staff.mustChangePassword && !config.allowWhilePasswordChangeRequired)
        return fail(say("mustChangePassword"));
      if (!roleAtLeast(staff.role, config.role)) return fail(say("forbidden"));
      const library = staff.library;
      if (!library) return fail(say("chooseLibrary"));

      // Text PostgreSQL cannot store (a NUL byte) or nobody typed is refused at its field here,
      // before any schema or query sees it: a clear message instead of a failed query.
      fields = formData instanceof FormData ? formDataToObject(formData) : {};
      const textProblems = formTextProblems(fields);
      if (textProblems.length > 0) return refuse(textProblems);
      const parsed = config.schema.safeParse(fields);
      if (!parsed.success) return refuse(zodProblems(parsed.error.issues));
      const input = parsed.data as z.infer<TSchema>;

      let result: TResult;
      try {
        result = await deps.db.$transaction(
          async (tx) => {
            const value = await config.run({
              tx,
              staff: { ...staff, library },
              library,
              input,
              audit: (change) => recordAudit(tx, { libraryId: library.id, ...staffActor(staff), ...change }),
            });
            if (config.rollBack) throw new RolledBack(value);
            return value;
          },
          config.transactionTimeoutMs
            ? { maxWait: config.transactionTimeoutMs, timeout: config.transactionTimeoutMs }
            : undefined,
        );
      } catch (error) {
        if (error instanceof RolledBack) return succeed(error.result as TResult);
        // Each problem at its field, the others as the form's message.
        if (error instanceof DomainError) return refuse(error.problems);
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
          const fields = uniqueFields(error, input as object);
          return refuse(
            fields.length
              ? fields.map((field) => ({ code: "alreadyExists" as const, field }))
              : [{ code: "alreadyExists" }],
          );
        }
        console.error(`[action ${config.name}] failed: ${describeForLog(error)}`);
        return fail(say("failed"));
      }

      return succeed(result);

      async function succeed(result: TResult): Promise<ActionState<TExtra>> {
        const paths =
          typeof config.revalidate === "function"
            ? config.revalidate(result, input)
            : (config.revalidate ?? []);
        for (const path of paths) deps.revalidatePath(path);
        const extra = config.onSuccess ? await config.onSuccess(result, input) : {};
        if (config.redirectTo) deps.redirect(config.redirectTo(result, input));
        return { ok: true, ...extra } as ActionState<TExtra>;
      }
    };
  };
}

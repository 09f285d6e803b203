import { DomainError, type ErrorCode, type ErrorValues } from "@/lib/errors/domain-error";

/**
 * @deprecated Throw `DomainError` (lib/errors/domain-error.ts): a code of messages/*.json
 * "errors", translated in one place. Kept so that code written against the old name still
 * compiles; a message that is not a code is shown as it is.
 */
export class ActionError extends DomainError {
  constructor(message: string, options: { field?: string; values?: ErrorValues } = {}) {
    super(message as ErrorCode, options);
    this.name = "ActionError";
  }
}

/**
 * An expected refusal whose message the person at the form sees ("you cannot disable your own
 * account"). `message` is a key of messages/*.json "actionErrors" (translated by the action
 * wrapper), or plain text. Anything else thrown in an action is logged and shown as a generic
 * failure.
 */
export class ActionError extends Error {
  readonly field?: string;
  readonly values?: Record<string, string | number>;

  constructor(message: string, options: { field?: string; values?: Record<string, string | number> } = {}) {
    super(message);
    this.name = "ActionError";
    this.field = options.field;
    this.values = options.values;
  }
}

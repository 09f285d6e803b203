/** A problem a librarian can act on; its message is shown on the Send runs page as it is. */
export class SendingError extends Error {
  constructor(
    message: string,
    /** a code under "sending" in messages/*.json "errors" (lib/errors), for the staff's language */
    readonly code: string,
    readonly values: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = "SendingError";
  }
}

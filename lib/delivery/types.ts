/** One email ready to go: rendered, addressed, tagged. */
export type OutgoingEmail = {
  to: string;
  subject: string;
  html: string;
  /** always sent next to the html, so Resend never derives a plain-text version of its own */
  text: string;
  /** defaults to the client's sender (EMAIL_FROM) */
  from?: string;
  replyTo?: string;
  /** e.g. { notice: "123", stage: "overdue-1" }; sanitised to what Resend accepts */
  tags?: Record<string, string | number>;
  /** RFC 8058 one-click unsubscribe (https, accepting POST), for optional mail such as pre-due reminders */
  unsubscribeUrl?: string;
  headers?: Record<string, string>;
};

export type DeliveryFailure = {
  ok: false;
  /** true: the same call may succeed later (429, 5xx, network); false: it will not */
  retryable: boolean;
  reason: string;
  /** Resend's error name, e.g. rate_limit_exceeded, daily_quota_exceeded, validation_error */
  code: string;
};

/** What became of one email: Resend's id, or why not. */
export type DeliveryResult = { ok: true; providerId: string } | DeliveryFailure;

import type { LocalDate } from "@/lib/dates";
import type { Language, StageKind } from "@/lib/generated/prisma/enums";
import type { WordingOverride } from "@/lib/templates/resolve-wording";

export type { Language, StageKind };

/** Why an item cannot be renewed, in words the patron understands. */
export type NotRenewableReason =
  | "reserved"
  | "max_renewals"
  | "fees_over_limit"
  | "too_long_overdue"
  | "other";

export type NoticeItem = {
  title: string;
  author?: string | null;
  barcode: string;
  /** library-local due date */
  dueDate: LocalDate;
  /** the loan's id: a stable key for the row */
  loanId?: number | string;
} & (
  | {
      renewable: true;
      /** absolute link that renews this one item, e.g. `${baseUrl}/r/renew?token=...` */
      renewUrl: string;
    }
  | { renewable: false; notRenewableReason: NotRenewableReason }
);

export type NoticeFeeKind = "notice" | "postage" | "fine" | "replacement" | "other";

export type NoticeFee = {
  kind: NoticeFeeKind;
  amountCents: number;
  /** overrides the translated name of the kind */
  label?: string | null;
};

export type PostalAddress = {
  street: string;
  postalCode: string;
  city: string;
  /** ISO country code; printed on letters only when it is not the sender's country */
  country?: string | null;
};

export type NoticeLibrary = {
  name: string;
  website?: string | null;
  /** absolute URL of the logo for email (PNG); default `${baseUrl}/email/logo.png` */
  logoUrl?: string | null;
};

export type NoticeBranch = PostalAddress & {
  name: string;
  email?: string | null;
  phone?: string | null;
  openingHoursUrl?: string | null;
};

export type NoticePatron = Partial<PostalAddress> & {
  firstName: string;
  lastName: string;
  cardNumber: string;
  email?: string | null;
};

export type NoticeStageInfo = {
  kind: StageKind;
  /** 1 for the first overdue notice, 2 for the second ...; pre-due reminders count on their own */
  number: number;
  /** the stage's label in the patron's language, e.g. "Tweede aanmaning" */
  label: string;
  /** a registered-letter stage: letters carry the marking */
  registered?: boolean;
};

/** Absolute links to the self-service pages; built by the caller with the patron's tokens. */
export type NoticeLinks = {
  /** renews every renewable item at once; omitted when nothing can be renewed */
  renewAll?: string | null;
  /** change email address, language, opt in or out of pre-due reminders */
  preferences: string;
  /** one-click unsubscribe from optional (pre-due) reminders */
  unsubscribe?: string | null;
};

/** Everything needed to render one notice, as email and as letter. */
export type NoticeRenderInput = {
  language: Language;
  /** the library-local day the notice is for: the letter's date and the base of "days overdue" */
  date: LocalDate;
  /** shown on letters and in the email footer, e.g. the notice id */
  reference: string;
  /** absolute base URL of the public site, e.g. "https://rappel.bibliotheek.be" */
  baseUrl: string;
  library: NoticeLibrary;
  branch: NoticeBranch;
  patron: NoticePatron;
  stage: NoticeStageInfo;
  items: NoticeItem[];
  fees: NoticeFee[];
  /** the wording stored for this stage, branch and language; missing fields use the defaults */
  texts?: WordingOverride | null;
  /** the librarian's variable message for this notice (placeholders allowed) */
  message?: string | null;
  links: NoticeLinks;
};

export type RenderedEmail = {
  subject: string;
  html: string;
  text: string;
  /** UTF-8 bytes of html + text */
  sizeBytes: number;
  /** problems that were worked around, e.g. stored wording that no longer validates */
  warnings: string[];
};

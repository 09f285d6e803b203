/**
 * Why a row was refused. Stored as this code on ImportRejection and shown to staff through
 * messages/*.json ("importReasons.<code>"); the API answers with the English words below.
 */
export const REJECTION_REASONS = {
  required: "a value is required",
  tooLong: "the value is too long",
  invalidText: "the value holds a control character (such as NUL) or half a character",
  invalidEmail: "not a valid email address",
  badDate: "not a date (use YYYY-MM-DD or DD/MM/YYYY)",
  badDateTime: "not a date and time (use YYYY-MM-DD HH:MM or DD/MM/YYYY HH:MM)",
  badNumber: "not a whole number",
  badAmount: "not an amount (e.g. 12.50)",
  badBoolean: "not yes or no",
  badLanguage: "not a language (nl, fr or en)",
  unknownBranch: "no branch with this code",
  unknownPatron: "no patron with this card number",
  unknownItem: "no item with this barcode",
  unknownLoan: "no loan with this id",
  duplicateId: "the same id appears earlier in the file",
  dueBeforeLoan: "the due date is before the loan date",
  columnCount: "the row has a different number of fields than the header",
  unreadable: "the row cannot be read (a quote is opened or closed in the wrong place)",
  notAnObject: "each row must be a JSON object",
  badValue: "a value must be a string, a number, true, false or null",
} as const;

export type RejectionCode = keyof typeof REJECTION_REASONS;

export type RowRejection = {
  line: number;
  column: string | null;
  reason: RejectionCode;
  value: string | null;
};

/** A refused value as kept in the report: enough to find it, never megabytes. */
export function shortValue(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === "") return null;
  return value.length > 80 ? `${value.slice(0, 77)}...` : value;
}

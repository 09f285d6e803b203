import { z } from "zod";

// Form fields of the patron page's actions. Error messages are keys of messages/*.json "errors" (lib/errors).

export const ZPatronId = z.coerce.number().int().positive();

const text = (max: number) => z.string().trim().min(1, { error: "required" }).max(max, { error: "tooLong" });

export const ZCorrectEmail = z.object({
  patronId: ZPatronId,
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, { error: "required" })
    .max(320, { error: "tooLong" })
    .pipe(z.email({ error: "invalidEmail" })),
});
export type CorrectEmailInput = z.infer<typeof ZCorrectEmail>;

export const ZCorrectAddress = z.object({
  patronId: ZPatronId,
  street: text(200),
  postalCode: z
    .string()
    .trim()
    .min(1, { error: "required" })
    .max(12, { error: "tooLong" })
    .regex(/^[A-Za-z0-9][A-Za-z0-9 -]*$/, { error: "invalidPostalCode" }),
  city: text(120),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, { error: "invalidCountry" }),
});
export type CorrectAddressInput = z.infer<typeof ZCorrectAddress>;

export const ZRenewLoan = z.object({
  loanId: z.coerce.number().int().positive(),
  /** what the desk saw: a renewal refuses when the loan changed since the page was shown */
  seenDueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "invalidValue" }),
  seenRenewalCount: z.coerce.number().int().min(0),
});
export type RenewLoanInput = z.infer<typeof ZRenewLoan>;

export const ZPatronNote = z.object({ patronId: ZPatronId, body: text(2000) });
export type PatronNoteInput = z.infer<typeof ZPatronNote>;

import "server-only";
import type { RawTx } from "./raw-tx";
import { type UpsertColumn, upsertRows } from "./upsert-rows";
import type { PatronRow } from "./validate-row";

export type ResolvedPatronRow = PatronRow & { homeBranchId: number };

const OPTIONAL: UpsertColumn<ResolvedPatronRow>[] = [
  { name: "email", array: "text", value: (r) => r.email },
  { name: "phone", array: "text", value: (r) => r.phone },
  { name: "street", array: "text", value: (r) => r.street },
  { name: "postalCode", array: "text", value: (r) => r.postalCode },
  { name: "city", array: "text", value: (r) => r.city },
  { name: "country", array: "text", value: (r) => r.country ?? "BE" },
  { name: "language", array: "text", value: (r) => r.language ?? "nl", cast: (v) => `${v}::"Language"` },
  { name: "preDueOptIn", array: "boolean", value: (r) => r.preDueOptIn ?? false },
];

/**
 * Upserts patrons on (library, card number). Only the columns the file has are written: a
 * column missing from the file leaves the stored value alone. A changed email address starts
 * its health again ("unknown"): the feedback step learns about the new address from scratch.
 */
export function upsertPatrons(
  tx: RawTx,
  scope: { libraryId: number; timeZone: string },
  rows: readonly ResolvedPatronRow[],
  present: ReadonlySet<string>,
) {
  const hasEmail = present.has("email");
  return upsertRows(
    tx,
    {
      table: "Patron",
      key: "cardNumber",
      columns: [
        { name: "cardNumber", array: "text", value: (r) => r.cardNumber, update: false },
        { name: "firstName", array: "text", value: (r) => r.firstName },
        { name: "lastName", array: "text", value: (r) => r.lastName },
        { name: "homeBranchId", array: "int", value: (r) => r.homeBranchId },
        ...OPTIONAL.filter((c) => present.has(c.name)),
      ],
      alsoOnChange: [
        `"updatedAt" = now()`,
        ...(hasEmail
          ? [
              `"emailStatus" = CASE WHEN "Patron"."email" IS DISTINCT FROM EXCLUDED."email" THEN 'unknown'::"EmailStatus" ELSE "Patron"."emailStatus" END`,
              `"softBounceCount" = CASE WHEN "Patron"."email" IS DISTINCT FROM EXCLUDED."email" THEN 0 ELSE "Patron"."softBounceCount" END`,
            ]
          : []),
      ],
      alsoOnInsert: { updatedAt: "now()" },
    },
    scope,
    rows,
  );
}

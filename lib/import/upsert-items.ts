import "server-only";
import type { RawTx } from "./raw-tx";
import { upsertRows } from "./upsert-rows";
import type { ItemRow } from "./validate-row";

/** Upserts items on (library, barcode); author and price only when the file has them. */
export function upsertItems(
  tx: RawTx,
  scope: { libraryId: number; timeZone: string },
  rows: readonly ItemRow[],
  present: ReadonlySet<string>,
) {
  return upsertRows(
    tx,
    {
      table: "Item",
      key: "barcode",
      columns: [
        { name: "barcode", array: "text", value: (r) => r.barcode, update: false },
        { name: "title", array: "text", value: (r) => r.title },
        ...(present.has("author")
          ? [{ name: "author", array: "text" as const, value: (r: ItemRow) => r.author }]
          : []),
        ...(present.has("price")
          ? [{ name: "priceCents", array: "int" as const, value: (r: ItemRow) => r.priceCents }]
          : []),
      ],
    },
    scope,
    rows,
  );
}

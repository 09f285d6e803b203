import { bulkInsert } from "./bulk-insert";
import { itemBarcode } from "./card-numbers";
import { CATALOGUE, CATALOGUE_SHARES, type CatalogueEntry } from "./data/catalogue";
import type { DbTx } from "./db-tx";
import { createRandom } from "./random";

export type DemoItem = { barcode: string; title: string; author: string; priceCents: number | null };

/** Draws `count` copies from the catalogue: books, youth books, comics and DVDs. */
export function buildDemoItems(options: { count: number; seed: number }): DemoItem[] {
  const random = createRandom(options.seed, "items");
  const items: DemoItem[] = [];
  for (let index = 0; index < options.count; index++) {
    const entry: CatalogueEntry = random.pick(CATALOGUE[random.weighted(CATALOGUE_SHARES)]);
    // Old gifts and withdrawn stock have no replacement value on record.
    const priceCents = random.chance(0.03) ? null : entry.priceCents;
    items.push({
      barcode: itemBarcode(index, options.seed),
      title: entry.title,
      author: entry.author,
      priceCents,
    });
  }
  return items;
}

/** Writes the items; resolves to their ids, in the order given. */
export function insertDemoItems(tx: DbTx, libraryId: number, items: readonly DemoItem[]): Promise<number[]> {
  return bulkInsert<DemoItem>(
    tx,
    "Item",
    [
      { name: "libraryId", type: "int", value: () => libraryId },
      { name: "barcode", type: "text", value: (i) => i.barcode },
      { name: "title", type: "text", value: (i) => i.title },
      { name: "author", type: "text", value: (i) => i.author },
      { name: "priceCents", type: "int", value: (i) => i.priceCents },
    ],
    items,
    { returnIds: true },
  );
}

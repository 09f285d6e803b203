export type DemoScale = "demo" | "bench";

/** Row counts per scale; items follow the loans. */
export const DEMO_SCALES: Record<DemoScale, { patrons: number; loans: number; chunkSize: number }> = {
  demo: { patrons: 3_000, loans: 8_000, chunkSize: 10_000 },
  bench: { patrons: 200_000, loans: 1_000_000, chunkSize: 20_000 },
};

/** Copies per loan: enough that every open loan has its own copy and most copies sit on the shelf for a while. */
export const ITEMS_PER_LOAN = 0.8;

export const DEMO_LIBRARY_CODE = "demo";
export const DEMO_SEED = 8760;

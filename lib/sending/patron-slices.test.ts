import { expect, test } from "vitest";
import { MAX_SLICE_IDS, sliceIds } from "./prepare-send-run";

const sizes = (slices: { fromId: number; toId: number }[]) => slices.map((s) => s.toId - s.fromId);

/** Every id from low to high in exactly one slice, in order. */
function expectCovers(slices: { fromId: number; toId: number }[], low: number, high: number) {
  expect(slices[0].fromId).toBe(low);
  expect(slices[slices.length - 1].toId).toBe(high + 1);
  for (let i = 1; i < slices.length; i++) expect(slices[i].fromId).toBe(slices[i - 1].toId);
}

test("a run plans a small first slice of patrons, then larger ones, none over the cap", () => {
  const slices = sliceIds(1, 20_000);
  expectCovers(slices, 1, 20_000);
  expect(sizes(slices).slice(0, 3)).toEqual([200, 600, 1_600]);
  expect(Math.max(...sizes(slices))).toBe(MAX_SLICE_IDS);
});

test("a large library's slices stay at the cap, so no slice holds the event loop long", () => {
  const slices = sliceIds(500_001, 700_000);
  expectCovers(slices, 500_001, 700_000);
  expect(sizes(slices).every((size) => size <= MAX_SLICE_IDS)).toBe(true);
  expect(slices).toHaveLength(100);
});

test("a small library is planned in a few slices, and a single patron in one", () => {
  const slices = sliceIds(10, 109);
  expectCovers(slices, 10, 109);
  expect(sizes(slices)).toEqual([1, 3, 8, 88]);
  expect(sliceIds(7, 7)).toEqual([{ fromId: 7, toId: 8 }]);
});

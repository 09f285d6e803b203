import { describe, expect, it } from "vitest";
import { IdSet } from "./id-set";

describe("the ids seen in an import file", () => {
  it("tells a new id from one already added, for hundreds of thousands of ids and ids of any text", () => {
    const ids = new IdSet();
    for (let i = 0; i < 300_000; i++) expect(ids.add(`L${i}`)).toBe(true);
    for (const id of ["", "Évrard-ß", "😀x", "a".repeat(5_000), "L1 "]) expect(ids.add(id)).toBe(true);
    for (const id of ["L0", "L299999", "", "Évrard-ß", "😀x", "a".repeat(5_000)])
      expect(ids.add(id)).toBe(false);
    expect(ids.add("a".repeat(4_999))).toBe(true);
    expect(ids.size).toBe(300_006);
  });

  it("gives its ids back in the order they were added, and nothing after clear", () => {
    const ids = new IdSet();
    const added = ["L2", "L1", "Évrard", "a".repeat(10_000), "L3"];
    for (const id of [...added, "L1"]) ids.add(id);
    expect([...ids]).toEqual(added);
    ids.clear();
    expect([...ids]).toEqual([]);
    expect(ids.add("L1")).toBe(true);
  });
});

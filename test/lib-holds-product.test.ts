import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Every source file of lib/ that is not a test, its generated Prisma client left out. */
function productFiles(dir = "lib"): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (file === path.join("lib", "generated")) return [];
    if (statSync(file).isDirectory()) return productFiles(file);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}

describe("lib/", () => {
  it("holds the product only: no test helper, demo, fake or benchmark lives in it or is imported by it", () => {
    const found: string[] = [];
    for (const file of productFiles()) {
      const name = path.basename(file);
      if (/^(test-|fake|bench|demo)/.test(name)) found.push(`${file}: its name`);
      const text = readFileSync(file, "utf8");
      if (/from "(vitest|@\/test\/|@\/scripts\/|(\.\.\/)+(test|scripts|e2e)\/)/.test(text))
        found.push(`${file}: imports a test, script or spec`);
    }
    expect(found).toEqual([]);
  });
});

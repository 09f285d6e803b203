import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildIsFresh } from "./next-build";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A project with a build made at t=1000 s and the given files, each at its own time. */
function project(files: Record<string, number>): string {
  const root = mkdtempSync(path.join(tmpdir(), "rappel-build-"));
  roots.push(root);
  const put = (file: string, seconds: number) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), "x");
    utimesSync(path.join(root, file), seconds, seconds);
  };
  for (const [file, seconds] of Object.entries(files)) put(file, seconds);
  put(".next/BUILD_ID", 1000);
  // a folder's own time counts too: the folders made here date from before the build
  for (const file of Object.keys(files))
    for (let dir = path.dirname(file); dir !== "."; dir = path.dirname(dir))
      utimesSync(path.join(root, dir), 900, 900);
  return root;
}

describe("buildIsFresh", () => {
  it("is fresh when every source is older than the build", () => {
    expect(buildIsFresh(project({ "app/page.tsx": 900, "proxy.ts": 900, "tsconfig.json": 900 }))).toBe(true);
  });

  it("is stale when proxy.ts, tsconfig.json or the generated Prisma client changed after it", () => {
    for (const file of ["proxy.ts", "tsconfig.json", "lib/generated/prisma/client.ts", "messages/nl.json"])
      expect(buildIsFresh(project({ "app/page.tsx": 900, [file]: 1100 })), file).toBe(false);
  });

  it("is stale without a build", () => {
    const root = project({});
    rmSync(path.join(root, ".next"), { recursive: true });
    expect(buildIsFresh(root)).toBe(false);
  });
});

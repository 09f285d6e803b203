import { existsSync } from "node:fs";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { localToday } from "@/lib/dates";
import { createRateLimiter } from "@/lib/delivery/rate-limiter";
import { buildResendClient } from "@/lib/delivery/resend-client";
import { env } from "@/lib/env";
import { stopQueue } from "@/lib/sending/queue";
import { startSendingWorker } from "@/lib/sending/worker";
import { resetDatabase, useTestDb } from "@/test/db";
import { createImportLibrary, TEST_IMPORT_DIR } from "@/test/test-import";
import { configureTestQueue } from "@/test/test-queue";
import { matchesPattern, pickupFolderPath } from "./pickup-folder";
import { claimDuePickups, runPickup } from "./run-pickup";

const db = useTestDb();
const folderName = `test-pickup-${process.pid}-${Date.now().toString(36)}`;
const folder = path.resolve(env.IMPORT_PICKUP_ROOT, folderName);
let worker: { stop(): Promise<void> } | undefined;

beforeAll(() => configureTestQueue(db));
afterAll(() => stopQueue());
beforeEach(async () => {
  await resetDatabase(db);
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
});
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  await rm(folder, { recursive: true, force: true });
});

const files: Record<string, string> = {
  "patrons_20261203.csv":
    "kaartnummer;voornaam;achternaam;filiaal\n1001;Els;Verstraete;HB\n1002;Jan;Peeters;FIL\n",
  "items.csv": "barcode;titel\nI1;Boek een\nI2;Boek twee\n",
  "loans.csv": [
    "loanId;cardNumber;barcode;branch;loanedAt;dueDate",
    "L1;1001;I1;HB;2026-11-03;2026-12-01",
    "L2;1002;I2;FIL;2026-11-03;2026-12-01",
    "L3;9999;I2;FIL;2026-11-03;2026-12-01",
  ].join("\n"),
  // no card number column: the file cannot be imported
  "patrons_kapot.csv": "naam;voornaam\nPeeters;Jan\n",
  "notities.txt": "not an export",
};

async function waitFor<T>(check: () => Promise<T | undefined | null | false>, ms = 60_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("the scheduled pickup", () => {
  // The worker imports on a connection of its own beside the test's: a PostgreSQL server (CI), not PGlite.
  it.skipIf(inject("embeddedDatabase"))(
    "the worker picks up the library's folder at its time: patrons, items, then loans, each an import by the scheduled pickup, files moved to done/ or failed/",
    async () => {
      const library = await createImportLibrary(db);
      for (const [name, content] of Object.entries(files)) await writeFile(path.join(folder, name), content);
      // 00:00 library-local has always come: due at once
      await db.importPickup.create({ data: { libraryId: library.id, folder: folderName, time: "00:00" } });

      worker = await startSendingWorker({
        db,
        client: buildResendClient({
          apiKey: "re_test",
          baseUrl: "http://127.0.0.1:9/unused",
          from: "unused <unused@example.org>",
          limiter: createRateLimiter({ perSecond: 1000, burst: 1000 }),
        }),
        schedule: false,
        pickupEveryMs: 200,
        importDatabaseUrl: inject("embeddedDatabase") ? undefined : inject("databaseUrl"),
      });
      const pickup = await waitFor(async () => {
        const row = await db.importPickup.findUniqueOrThrow({ where: { libraryId: library.id } });
        return row.lastAt ? row : null;
      });
      expect(pickup.lastProblem).toBeNull();
      expect(pickup.lastDay?.toISOString().slice(0, 10)).toBe(localToday(library.timeZone, new Date()));

      const runs = await db.importRun.findMany({ where: { libraryId: library.id }, orderBy: { id: "asc" } });
      expect(runs.map((r) => [r.fileName, r.kind, r.status, r.viaPickup, r.actorLabel])).toEqual([
        ["patrons_20261203.csv", "patrons", "succeeded", true, "scheduled pickup"],
        ["patrons_kapot.csv", "patrons", "failed", true, "scheduled pickup"],
        ["items.csv", "items", "succeeded", true, "scheduled pickup"],
        ["loans.csv", "loans", "succeeded", true, "scheduled pickup"],
      ]);
      expect(runs[3]).toMatchObject({ inserted: 2, rejected: 1 });
      expect(await db.loan.count({ where: { libraryId: library.id } })).toBe(2);

      expect((await readdir(folder)).sort()).toEqual(["done", "failed", "notities.txt"]);
      const done = (await readdir(path.join(folder, "done"))).map((f) => f.replace(/^[\dT-]+_/, "")).sort();
      expect(done).toEqual(["items.csv", "loans.csv", "patrons_20261203.csv"]);
      const failed = (await readdir(path.join(folder, "failed"))).map((f) => f.replace(/^[\dT-]+_/, ""));
      expect(failed).toEqual(["patrons_kapot.csv"]);

      // once a day: the next checks of the same day claim nothing
      expect(await claimDuePickups(db)).toEqual([]);
    },
    90_000,
  );

  it("a missing folder imports nothing and is recorded for the Import page; a pickup not yet due waits", async () => {
    const library = await createImportLibrary(db);
    await db.importPickup.create({
      data: { libraryId: library.id, folder: `${folderName}-nowhere`, time: "08:30" },
    });
    const early = new Date("2026-12-03T07:00:00Z"); // 08:00 in Brussels
    expect(await claimDuePickups(db, early)).toEqual([]);
    const late = new Date("2026-12-03T07:45:00Z");
    expect(await claimDuePickups(db, late)).toEqual([{ libraryId: library.id, day: "2026-12-03" }]);
    expect(await claimDuePickups(db, new Date("2026-12-03T15:00:00Z"))).toEqual([]);

    const outcome = await runPickup(db, {
      libraryId: library.id,
      root: env.IMPORT_PICKUP_ROOT,
      importDir: TEST_IMPORT_DIR,
    });
    expect(outcome).toEqual({ problem: "folderMissing", runs: [] });
    const pickup = await db.importPickup.findUniqueOrThrow({ where: { libraryId: library.id } });
    expect(pickup.lastProblem).toBe(`folderMissing|${folderName}-nowhere`);
    expect(await db.importRun.count()).toBe(0);
  });

  it("a pickup folder stays inside the server's pickup root", () => {
    expect(pickupFolderPath("/srv/pickup", "meulebeke")).toBe("/srv/pickup/meulebeke");
    expect(pickupFolderPath("/srv/pickup", "ils/export")).toBe("/srv/pickup/ils/export");
    expect(pickupFolderPath("/srv/pickup", "/etc")).toBeNull();
    expect(pickupFolderPath("/srv/pickup", "../etc")).toBeNull();
    expect(pickupFolderPath("/srv/pickup", "a/../../etc")).toBeNull();
    expect(pickupFolderPath("/srv/pickup", "")).toBeNull();
    expect(existsSync(folder)).toBe(true);
  });

  it("file name patterns: * and ?, any case, nothing for an empty pattern", () => {
    expect(matchesPattern("patrons*.csv", "Patrons_2026-12-03.CSV")).toBe(true);
    expect(matchesPattern("patrons*.csv", "patrons.csv.bak")).toBe(false);
    expect(matchesPattern("lener?.csv", "lener1.csv")).toBe(true);
    expect(matchesPattern("lener?.csv", "lener12.csv")).toBe(false);
    expect(matchesPattern("export(1).csv", "export(1).csv")).toBe(true);
    expect(matchesPattern("", "anything.csv")).toBe(false);
  });
});

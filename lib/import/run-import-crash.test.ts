import { spawn } from "node:child_process";
import { Readable } from "node:stream";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { resetDatabase, useTestDb } from "@/test/db";
import { createImportLibrary, importFile, TEST_IMPORT_DIR } from "@/test/test-import";
import { queueImport } from "./queue-import";
import { runImport } from "./run-import";

const db = useTestDb();

function patronsFile(rows: number): string {
  const lines = ["cardNumber;firstName;lastName;email;homeBranch"];
  for (let i = 1; i <= rows; i++) {
    // every 1000th row has a bad email: rejected rows must be counted exactly once too
    const email = i % 1000 === 0 ? "kapot@" : `lener${i}@voorbeeld.be`;
    lines.push(`C${i};Voornaam${i};Achternaam${i};${email};${i % 2 ? "HB" : "FIL"}`);
  }
  return lines.join("\n");
}

describe("an import killed mid-file", () => {
  beforeEach(() => resetDatabase(db));

  it.skipIf(inject("embeddedDatabase"))(
    "leaves data and counts consistent (SIGKILL), resumes after the last committed chunk, and uploading again completes it",
    async () => {
      const library = await createImportLibrary(db);
      const total = 20_000;
      const content = patronsFile(total);
      const run = await queueImport(db, {
        libraryId: library.id,
        kind: "patrons",
        fileName: "patrons.csv",
        body: Readable.from([Buffer.from(content)]),
        folder: TEST_IMPORT_DIR,
        actorLabel: "Test",
      });
      const child = spawn(
        "npx",
        [
          "tsx",
          "--tsconfig",
          "scripts/tsconfig.json",
          "scripts/run-import.ts",
          String(run.id),
          "--chunk-size",
          "1000",
        ],
        { env: { ...process.env, DATABASE_URL: inject("databaseUrl") }, stdio: "ignore", detached: true },
      );
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.on("exit", (_code, signal) => resolve(signal)),
      );
      // Kill it once a few chunks are committed, while it is still working.
      for (;;) {
        const progress = await db.importRun.findUniqueOrThrow({ where: { id: run.id } });
        if (
          progress.committedLine >= 5_000 ||
          (progress.status !== "queued" && progress.status !== "running")
        )
          break;
        await new Promise((r) => setTimeout(r, 50));
      }
      process.kill(-(child.pid as number), "SIGKILL");
      expect(await exited).toBe("SIGKILL");

      const killed = await db.importRun.findUniqueOrThrow({ where: { id: run.id } });
      expect(killed.status).toBe("running");
      expect(killed.committedLine).toBeLessThan(total + 1);
      // Data and counts agree: every committed row is there, nothing of an unfinished chunk.
      const patrons = await db.patron.count({ where: { libraryId: library.id } });
      const rejected = await db.importRejection.count({ where: { importRunId: run.id } });
      expect(patrons).toBe(killed.inserted);
      expect(rejected).toBe(killed.rejected);
      expect(killed.rowsRead).toBe(killed.committedLine - 1);
      expect(patrons + rejected).toBe(killed.rowsRead);

      // The worker (or pg-boss's retry) runs it again: it goes on after the committed line.
      await runImport(db, run.id);
      const resumed = await db.importRun.findUniqueOrThrow({ where: { id: run.id } });
      expect(resumed).toMatchObject({
        status: "succeeded",
        rowsRead: total,
        inserted: total - 20,
        rejected: 20,
        updated: 0,
      });
      expect(await db.patron.count()).toBe(total - 20);

      // Uploading the same file again changes nothing.
      const again = await importFile(db, library.id, "patrons", content);
      expect(again.run).toMatchObject({ inserted: 0, updated: 0, unchanged: total - 20, rejected: 20 });
    },
    120_000,
  );

  it.skipIf(inject("embeddedDatabase"))("uploading the file again after a crash completes it", async () => {
    const library = await createImportLibrary(db);
    const content = patronsFile(3_000);
    // What a crash after the first chunk leaves: the first 1,000 rows, and a run stuck "running".
    await importFile(db, library.id, "patrons", content.split("\n").slice(0, 1_001).join("\n"));
    const again = await importFile(db, library.id, "patrons", content);
    expect(again.run).toMatchObject({
      status: "succeeded",
      inserted: 2_000 - 2,
      unchanged: 1_000 - 1,
      rejected: 3,
    });
    expect(await db.patron.count()).toBe(3_000 - 3);
  });
});

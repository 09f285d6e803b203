import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, test } from "vitest";
import { resetDatabase, useTestDb } from "@/test/db";
import { createNoticeWithLinks } from "@/test/test-notice";

const db = useTestDb();

beforeEach(() => resetDatabase(db));

/** The data statements of a migration (its UPDATEs), as the migration engine runs them. */
function dataStatements(migration: string): string[] {
  const sql = readFileSync(join(__dirname, "migrations", migration, "migration.sql"), "utf8");
  return sql
    .replace(/^--.*$/gm, "")
    .split(/;\s*$/m)
    .map((statement) => statement.trim())
    .filter((statement) => statement.startsWith("UPDATE"));
}

describe("migrations that change stored data", () => {
  test("the failure-code migration turns the two English reasons into codes and keeps the provider's words", async () => {
    const statements = dataStatements("20261205400000_notice_failure_code");
    expect(statements).toHaveLength(2);
    const notices = await Promise.all(["A", "B", "C"].map((code) => createNoticeWithLinks(db, { code })));
    const [noEmail, unrenderable, provider] = notices.map(({ notice }) => notice.id);
    const before: Record<number, string> = {
      [noEmail]: "The patron has no email address.",
      [unrenderable]: "The notice's stored content could not be rendered.",
      [provider]: "Antwoord van Resend: The email address is invalid.",
    };
    for (const [id, reason] of Object.entries(before))
      await db.notice.update({
        where: { id: Number(id) },
        data: { status: "failed", failureReason: reason, failureCode: null },
      });

    for (const statement of statements) await db.$executeRawUnsafe(statement);

    const after = await db.notice.findMany({
      where: { id: { in: [noEmail, unrenderable, provider] } },
      select: { id: true, failureCode: true, failureReason: true },
    });
    const byId = new Map(after.map((notice) => [notice.id, notice]));
    expect(byId.get(noEmail)).toMatchObject({ failureCode: "no_email", failureReason: null });
    expect(byId.get(unrenderable)).toMatchObject({ failureCode: "unrenderable", failureReason: null });
    expect(byId.get(provider)).toMatchObject({ failureCode: null, failureReason: before[provider] });
  });
});

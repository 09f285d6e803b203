import { afterAll, beforeEach, describe, expect, inject, it } from "vitest";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";
import { resetDatabase, useTestDb } from "@/test/db";
import { createImportLibrary } from "@/test/test-import";

const db = useTestDb();
// The routes use the app's own client (lib/db.ts): point it at this run's database.
process.env.DATABASE_URL = inject("databaseUrl");
delete (globalThis as { prisma?: unknown }).prisma;
const { db: appDb } = await import("@/lib/db");
const { POST: postPatrons } = await import("./patrons/route");
const { POST: postLoans } = await import("./loans/route");
const { GET: getOutbox } = await import("./outbox/route");
const { GET: getOpenApi } = await import("./openapi.json/route");
afterAll(() => appDb.$disconnect());

const noParams = { params: Promise.resolve({}) };

function post(token: string | null, body: unknown, headers: Record<string, string> = {}) {
  return new Request("http://rappel.test/api/v1/patrons", {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

const patron = (card: string, extra: Record<string, unknown> = {}) => ({
  cardNumber: card,
  firstName: "Els",
  lastName: "Verstraete",
  homeBranch: "HB",
  email: `${card}@voorbeeld.be`,
  ...extra,
});

describe("the library system's API (/api/v1)", () => {
  let library: Awaited<ReturnType<typeof createImportLibrary>>;
  let write: string;
  let read: string;

  beforeEach(async () => {
    await resetDatabase(db);
    library = await createImportLibrary(db);
    write = (
      await createApiToken(db, { libraryId: library.id, name: "Vubis", scope: "write", createdById: null })
    ).secret;
    read = (
      await createApiToken(db, { libraryId: library.id, name: "Lezer", scope: "read", createdById: null })
    ).secret;
  });

  it("refuses a missing, unknown or revoked token with 401 problem details, and a read token's write with 403", async () => {
    const missing = await postPatrons(post(null, { rows: [] }), noParams);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("content-type")).toBe("application/problem+json");
    expect(missing.headers.get("www-authenticate")).toContain("Bearer");
    expect(await missing.json()).toMatchObject({ status: 401, title: "Unauthorized" });

    expect((await postPatrons(post("rpl_notarealtoken", { rows: [] }), noParams)).status).toBe(401);

    const revoked = await createApiToken(db, {
      libraryId: library.id,
      name: "Oud",
      scope: "write",
      createdById: null,
    });
    await revokeApiToken(db, { libraryId: library.id, tokenId: revoked.id });
    expect((await postPatrons(post(revoked.secret, { rows: [] }), noParams)).status).toBe(401);

    const readOnly = await postPatrons(post(read, { rows: [patron("1")] }), noParams);
    expect(readOnly.status).toBe(403);
    expect((await readOnly.json()).detail).toContain("read");
    expect(await db.patron.count()).toBe(0);
  });

  it("refuses oversized batches (rows or bytes), bad JSON and other content types with a clear problem", async () => {
    const many = await postPatrons(
      post(write, { rows: Array.from({ length: 5_001 }, (_, i) => patron(String(i))) }),
      noParams,
    );
    expect(many.status).toBe(413);
    expect(await many.json()).toMatchObject({ maxRows: 5_000, detail: expect.stringContaining("5001") });

    const big = await postPatrons(
      post(write, JSON.stringify({ rows: [patron("1", { street: "x".repeat(6 * 1024 * 1024) })] })),
      noParams,
    );
    expect(big.status).toBe(413);

    expect((await postPatrons(post(write, "{ rows: ["), noParams)).status).toBe(400);
    expect((await postPatrons(post(write, { patrons: [] }), noParams)).status).toBe(400);
    expect(
      (await postPatrons(post(write, "cardNumber\n1", { "Content-Type": "text/csv" }), noParams)).status,
    ).toBe(415);
    expect(await db.patron.count()).toBe(0);
  });

  it("upserts a batch, reports refused rows by index and field, records it in the import history and the token's last use", async () => {
    const rows = [
      patron("1"),
      patron("2", { email: "kapot@" }),
      patron("1"),
      patron("3", { homeBranch: "XX" }),
      "nope",
      patron("4", { preDueOptIn: true }),
    ];
    const response = await postPatrons(post(write, { rows }), noParams);
    expect(response.status).toBe(200);
    const result = await response.json();
    expect(result).toMatchObject({ inserted: 2, updated: 0, unchanged: 0, rejected: 4 });
    expect(
      result.rejections.map((r: { index: number; field: string; reason: string }) => [
        r.index,
        r.field,
        r.reason,
      ]),
    ).toEqual([
      [1, "email", "invalidEmail"],
      [2, "cardNumber", "duplicateId"],
      [3, "homeBranch", "unknownBranch"],
      [4, null, "notAnObject"],
    ]);
    expect(result.rejections[0].message).toBe("not a valid email address");
    expect((await db.patron.findFirstOrThrow({ where: { cardNumber: "4" } })).preDueOptIn).toBe(true);

    const again = await (
      await postPatrons(post(write, { rows: [patron("1"), patron("4", { preDueOptIn: true })] }), noParams)
    ).json();
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 2, rejected: 0 });

    const history = await db.importRun.findMany({ orderBy: { id: "asc" } });
    expect(history.map((h) => [h.actorLabel, h.fileName, h.kind, h.status])).toEqual([
      ["API: Vubis", "JSON API", "patrons", "succeeded"],
      ["API: Vubis", "JSON API", "patrons", "succeeded"],
    ]);
    const token = await db.apiToken.findFirstOrThrow({ where: { name: "Vubis" } });
    expect(token.lastUsedAt).toBeInstanceOf(Date);
    expect(token.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(token.tokenHash).not.toContain(write.slice(4));
  });

  it("loans name their patron, item and branch by the library system's ids", async () => {
    await postPatrons(post(write, { rows: [patron("1")] }), noParams);
    await db.item.create({ data: { libraryId: library.id, barcode: "I1", title: "Boek" } });
    const loan = {
      loanId: "L1",
      cardNumber: "1",
      barcode: "I1",
      branch: "HB",
      loanedAt: "2026-11-02T10:00:00+01:00",
      dueDate: "2026-11-30",
    };
    const request = new Request("http://rappel.test/api/v1/loans", {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${write}` },
      body: JSON.stringify({ rows: [loan, { ...loan, loanId: "L2", barcode: "NOPE" }] }),
    });
    const result = await (await postLoans(request, noParams)).json();
    expect(result).toMatchObject({
      inserted: 1,
      rejected: 1,
      rejections: [{ index: 1, field: "barcode", reason: "unknownItem" }],
    });
    expect((await db.loan.findFirstOrThrow({ where: { ilsLoanId: "L1" } })).loanedAt.toISOString()).toBe(
      "2026-11-02T09:00:00.000Z",
    );
  });

  it("reads the outbox after a cursor, oldest first, only the token's own library", async () => {
    const other = await createImportLibrary(db, "other");
    const entry = (libraryId: number, card: string) => ({
      libraryId,
      kind: "email_change" as const,
      source: "desk",
      payload: { cardNumber: card, email: `${card}@nieuw.be` },
    });
    await db.ilsOutboxEntry.createMany({
      data: [entry(library.id, "1"), entry(other.id, "X"), entry(library.id, "2"), entry(library.id, "3")],
    });
    const get = (query: string, token = read) =>
      getOutbox(
        new Request(`http://rappel.test/api/v1/outbox${query}`, {
          headers: { Authorization: `Bearer ${token}` },
        }),
        noParams,
      );

    const first = await (await get("?after=0&limit=2")).json();
    expect(first.entries.map((e: { payload: { cardNumber: string } }) => e.payload.cardNumber)).toEqual([
      "1",
      "2",
    ]);
    const rest = await (await get(`?after=${first.nextCursor}`)).json();
    expect(rest.entries.map((e: { payload: { cardNumber: string } }) => e.payload.cardNumber)).toEqual(["3"]);
    const none = await (await get(`?after=${rest.nextCursor}`)).json();
    expect(none).toEqual({ entries: [], nextCursor: rest.nextCursor });
    expect((await get("?after=abc")).status).toBe(400);
    expect((await get("", write)).status).toBe(200);
  });

  it("serves an OpenAPI document describing every route and its errors", async () => {
    const doc = await (await getOpenApi(new Request("http://rappel.test/api/v1/openapi.json"))).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual([
      "/api/v1/patrons",
      "/api/v1/items",
      "/api/v1/loans",
      "/api/v1/returns",
      "/api/v1/outbox",
    ]);
    expect(doc.components.schemas.patronsRow.required).toEqual([
      "cardNumber",
      "firstName",
      "lastName",
      "homeBranch",
    ]);
    expect(doc.paths["/api/v1/patrons"].post.responses["413"].content).toHaveProperty(
      "application/problem+json",
    );
  });
});

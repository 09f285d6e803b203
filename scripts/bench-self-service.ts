// npx tsx --tsconfig scripts/tsconfig.json scripts/bench-self-service.ts [--pages=N]
// The patron's renew page (app/(patron)/r/[token]) on the bench library in "rappel_bench"
// (200,000 patrons, made by `npm run bench:data`): the server work of one request (rate
// limit, link verification, the notice's loans with the outcome of renewing each) and of the
// renewal itself, over notices made for patrons spread over the data, next to a baseline
// measured interleaved in the same run: the notice's primary-key lookup. Everything happens
// in one transaction that is rolled back: the bench library is left as it was.
import { pathToFileURL } from "node:url";
import { addDays, localToday } from "../lib/dates";
import { createDbClient, type Db } from "../lib/db-client";
import { limitLinkRequests } from "../lib/self-service/limit-link-requests";
import { loadRenewalView, renewFromLink } from "../lib/self-service/renew-from-link";
import { signLink } from "../lib/self-service/sign-link";
import { verifyLink } from "../lib/self-service/verify-link";

/** Issue #14: the renew page under 150 ms at p95. */
export const TARGET_P95_MS = 150;

type Timing = { p50: number; p95: number; max: number };
export type SelfServiceBenchResult = {
  patrons: number;
  pages: number;
  loansPerNotice: number;
  page: Timing;
  renew: Timing;
  floor: Timing;
};

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
const timing = (values: number[]): Timing => ({
  p50: percentile(values, 50),
  p95: percentile(values, 95),
  max: Math.max(...values),
});

class RollBack extends Error {}

export async function benchSelfService(
  db: Db,
  { libraryCode = "bench", pages = 100 }: { libraryCode?: string; pages?: number } = {},
): Promise<SelfServiceBenchResult> {
  const library = await db.library.findUnique({ where: { code: libraryCode } });
  if (!library)
    throw new Error(`No library "${libraryCode}" in this database: run npm run bench:data first.`);
  const libraryId = library.id;
  const today = localToday(library.timeZone);
  const patrons = await db.patron.count({ where: { libraryId } });
  let result: SelfServiceBenchResult | null = null;
  try {
    await db.$transaction(
      async (tx) => {
        const stage = await tx.noticeStage.findFirstOrThrow({ where: { libraryId, kind: "overdue" } });
        // patrons with open loans, spread over the data by md5 of the id (the same every run)
        const chosen = await tx.$queryRaw<
          { patronId: number; branchId: number; loanIds: number[]; dueDates: Date[] }[]
        >`
          SELECT l."patronId", min(l."branchId") AS "branchId",
                 (array_agg(l.id ORDER BY l.id))[1:5] AS "loanIds", (array_agg(l."dueDate" ORDER BY l.id))[1:5] AS "dueDates"
          FROM "Loan" l
          WHERE l."libraryId" = ${libraryId} AND l."returnedAt" IS NULL
            AND l."patronId" IN (SELECT id FROM "Patron" WHERE "libraryId" = ${libraryId} ORDER BY md5(id::text) LIMIT ${pages * 3})
          GROUP BY l."patronId" LIMIT ${pages}`;
        const tokens: { token: string; noticeId: number }[] = [];
        let loans = 0;
        for (const [n, row] of chosen.entries()) {
          const notice = await tx.notice.create({
            data: {
              libraryId,
              patronId: row.patronId,
              branchId: row.branchId,
              stageId: stage.id,
              planDate: new Date(`${today}T00:00:00Z`),
              channel: "email",
              channelReason: "bench",
              language: "nl",
              idempotencyKey: `bench-self-service-${n}`,
              loans: {
                create: row.loanIds.map((loanId, i) => ({
                  loanId,
                  stageId: stage.id,
                  dueDate: row.dueDates[i],
                })),
              },
            },
          });
          loans += row.loanIds.length;
          const claims = {
            purpose: "renew-all" as const,
            noticeId: notice.id,
            loanId: null,
            expires: addDays(today, 30),
          };
          tokens.push({ token: signLink(library.linkSecret, claims), noticeId: notice.id });
        }
        const asDb = tx as unknown as Db;
        const page = async (token: string, ip: string) => {
          await limitLinkRequests(asDb, { token, ip });
          const check = await verifyLink(tx, token, { today });
          if (!check.ok) throw new Error("bench link refused");
          return loadRenewalView(tx, check.link);
        };
        const floor = (id: number) => tx.$queryRaw`SELECT id FROM "Notice" WHERE id = ${id}`;
        // warm up
        await page(tokens[0].token, "10.1.0.0");
        await floor(tokens[0].noticeId);

        const pageTimes: number[] = [];
        const renewTimes: number[] = [];
        const floorTimes: number[] = [];
        const time = async (work: () => Promise<unknown>, into: number[]) => {
          const start = performance.now();
          await work();
          into.push(performance.now() - start);
        };
        for (const [n, { token, noticeId }] of tokens.entries()) {
          await time(() => floor(noticeId), floorTimes);
          await time(() => page(token, `10.1.${n % 250}.${n % 7}`), pageTimes);
          await time(async () => {
            const check = await verifyLink(tx, token, { today });
            if (check.ok) await renewFromLink(asDb, check.link);
          }, renewTimes);
        }
        result = {
          patrons,
          pages: tokens.length,
          loansPerNotice: loans / Math.max(1, tokens.length),
          page: timing(pageTimes),
          renew: timing(renewTimes),
          floor: timing(floorTimes),
        };
        throw new RollBack();
      },
      { timeout: 600_000, maxWait: 30_000 },
    );
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  if (!result) throw new Error("bench did not run");
  return result;
}

export function formatSelfServiceBench(r: SelfServiceBenchResult): string {
  const ms = (t: Timing) =>
    `p50 ${t.p50.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms, max ${t.max.toFixed(1)} ms`;
  const ratio = (t: Timing) => `${(t.p95 / Math.max(r.floor.p95, 0.01)).toFixed(1)}x the floor`;
  return [
    `Renew page (self-service link) on ${r.patrons.toLocaleString("en")} patrons, ${r.pages} notices of ${r.loansPerNotice.toFixed(1)} loans:`,
    `  floor (notice by primary key)  ${ms(r.floor)}`,
    `  open the renew page            ${ms(r.page)}  ${ratio(r.page)}  ${r.page.p95 < TARGET_P95_MS ? "under" : "OVER"} the ${TARGET_P95_MS} ms target`,
    `  renew (POST)                   ${ms(r.renew)}  ${ratio(r.renew)}`,
  ].join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const pagesArg = process.argv.find((a) => a.startsWith("--pages="));
  const url = new URL(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  url.pathname = "/rappel_bench";
  const db = createDbClient(url.toString(), 2);
  benchSelfService(db, { pages: pagesArg ? Number(pagesArg.split("=")[1]) : 100 })
    .then((r) => console.log(formatSelfServiceBench(r)))
    .finally(() => db.$disconnect());
}

import { createTestDatabase } from "./lib/test-database";

const database = await createTestDatabase("s15time");
const { createDbClient } = await import("../lib/db-client");
const { ensureDemoLibrary } = await import("./demo/ensure-demo-library");
const db = createDbClient(database.url, database.embedded ? 1 : 4);
const started = performance.now();
const cpu = process.cpuUsage();
const r = await ensureDemoLibrary(db, {
  today: "2026-11-30",
  onProgress: (s) => console.log(((performance.now() - started) / 1000).toFixed(1), s),
});
const used = process.cpuUsage(cpu);
console.log(
  "done",
  ((performance.now() - started) / 1000).toFixed(1),
  "s, node cpu",
  ((used.user + used.system) / 1e6).toFixed(1),
  "s",
  r.counts,
);
const n = await db.noticeDayFigure.aggregate({ _sum: { notices: true, emailsSent: true, letters: true } });
console.log(n, await db.notice.count());
await db.$disconnect();
await database.drop?.();

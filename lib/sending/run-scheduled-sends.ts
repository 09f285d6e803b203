import "server-only";
import { localToday } from "@/lib/dates";
import type { Db } from "@/lib/db-client";
import { env } from "@/lib/env";
import { startSendRun } from "./start-send-run";

/** "07:00" in the library's time zone has come on its local day `now`. */
export function localTimeReached(sendTime: string, timeZone: string, now: Date): boolean {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return `${part("hour")}:${part("minute")}` >= sendTime;
}

/**
 * The daily schedule: for every library whose send time (library-local) has come today and
 * that has no run for today yet, starts one. Branch calendars are the planner's business:
 * a branch closed today plans nothing. Returns the ids of the runs started.
 */
export async function runScheduledSends(
  db: Db,
  { now = new Date(), baseUrl }: { now?: Date; baseUrl: string },
) {
  const libraries = await db.library.findMany({
    where: { sendScheduled: true },
    select: { id: true, timeZone: true, sendTime: true },
  });
  const started: number[] = [];
  for (const library of libraries) {
    const today = env.RAPPEL_TODAY ?? localToday(library.timeZone, now);
    if (!localTimeReached(library.sendTime, library.timeZone, now)) continue;
    const existing = await db.sendRun.count({
      where: { libraryId: library.id, planDate: new Date(`${today}T00:00:00Z`) },
    });
    if (existing > 0) continue;
    const run = await startSendRun(db, { libraryId: library.id, date: today, trigger: "schedule", baseUrl });
    if (run.started) started.push(run.runId);
  }
  return started;
}

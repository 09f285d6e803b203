import "server-only";
import { z } from "zod";
import type { Db, DbTx } from "@/lib/db-client";

/**
 * The bounce rules a library may tune (Settings -> Bounces). The rest is fixed: a permanent
 * bounce, a suppressed address, a failed send or a spam complaint make the address dead at once.
 */
export type BouncePolicy = {
  /** transient bounces (mailbox full, ...) within the window that make an address dead */
  softBounceLimit: number;
  softBounceWindowDays: number;
  /** an overdue notice by email that heard nothing back after this many hours becomes a letter */
  silentFallbackHours: number;
};

export const DEFAULT_BOUNCE_POLICY: BouncePolicy = {
  softBounceLimit: 3,
  softBounceWindowDays: 30,
  silentFallbackHours: 48,
};

/** Form fields; messages are keys of messages/*.json "errors" (lib/errors). */
const whole = (min: number, max: number) =>
  z.coerce
    .number({ error: "invalidValue" })
    .int({ error: "invalidValue" })
    .min(min, { error: "invalidValue" })
    .max(max, { error: "invalidValue" });

/** Allowed ranges, shown next to the fields. */
export const BOUNCE_POLICY_LIMITS = {
  softBounceLimit: [1, 20],
  softBounceWindowDays: [1, 365],
  silentFallbackHours: [6, 336],
} as const satisfies Record<keyof BouncePolicy, readonly [number, number]>;

/** The settings form; a wrong value is "invalidValue" (messages "validation"). */
export const ZBouncePolicy = z.object({
  softBounceLimit: whole(...BOUNCE_POLICY_LIMITS.softBounceLimit),
  softBounceWindowDays: whole(...BOUNCE_POLICY_LIMITS.softBounceWindowDays),
  silentFallbackHours: whole(...BOUNCE_POLICY_LIMITS.silentFallbackHours),
});

export async function loadBouncePolicy(db: Db | DbTx, libraryId: number): Promise<BouncePolicy> {
  const row = await db.bouncePolicy.findUnique({ where: { libraryId } });
  if (!row) return { ...DEFAULT_BOUNCE_POLICY };
  return {
    softBounceLimit: row.softBounceLimit,
    softBounceWindowDays: row.softBounceWindowDays,
    silentFallbackHours: row.silentFallbackHours,
  };
}

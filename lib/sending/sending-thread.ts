import "server-only";
import type { Db } from "@/lib/db-client";
import { type ResendThread, startResendThread } from "@/lib/delivery/resend-thread";
import { createDbGrants } from "./rate-bucket";
import { type SendingClientOverrides, sendingSettings } from "./sending-client";

/**
 * The send-run workers' client (sending-client.ts) with the requests made on a thread of their
 * own (resend-thread.ts), as `npm run worker` sends. Only scripts import this: the app's
 * bundler would follow the thread's entry into tsx (its in-process worker uses
 * createSendingClient).
 */
export function startSendingThread(db: Db, overrides: SendingClientOverrides = {}): ResendThread {
  const { perSecond, ...client } = sendingSettings(overrides);
  return startResendThread({ ...client, perSecond, grants: createDbGrants(db, { perSecond }) });
}

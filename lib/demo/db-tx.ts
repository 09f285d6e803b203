import type { Db } from "@/lib/db-client";

/** The client handed to `db.$transaction(async (tx) => ...)`: the generator writes only through it. */
export type DbTx = Parameters<Extract<Parameters<Db["$transaction"]>[0], (...args: never[]) => unknown>>[0];

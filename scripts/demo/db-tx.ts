export type { DbTx } from "@/lib/db-client";

import { existsSync, statSync } from "node:fs";
import { generateClient } from "./migrate";

const CLIENT = "lib/generated/prisma/client.ts";

/**
 * Generates the Prisma client when it is missing (a fresh clone: it is not in git) or older
 * than prisma/schema.prisma. Modules that import the client must be loaded after this.
 */
export async function ensurePrismaClient(): Promise<void> {
  if (existsSync(CLIENT) && statSync(CLIENT).mtimeMs >= statSync("prisma/schema.prisma").mtimeMs) return;
  console.log("Generating the Prisma client ...");
  await generateClient();
}

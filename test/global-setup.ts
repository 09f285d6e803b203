import type { TestProject } from "vitest/node";
import { createTestDatabase } from "../scripts/lib/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    embeddedDatabase: boolean;
  }
}

export default async function setup(project: TestProject) {
  const database = await createTestDatabase("unit");
  project.provide("databaseUrl", database.url);
  project.provide("embeddedDatabase", database.embedded);
  return () => database.drop();
}

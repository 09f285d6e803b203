import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// Rust-free Prisma: migrations and the client run on WebAssembly through the pg driver
// adapter, so no engine binary is ever downloaded (see docs/architecture.md).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set for the prisma CLI");
    return new PrismaPg({ connectionString, max: 1 });
  },
});

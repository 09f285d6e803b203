import { inject } from "vitest";

// Modules that read lib/env need a DATABASE_URL; without one (the embedded PGlite run of
// `npm test`) they get the test database that global-setup made.
process.env.DATABASE_URL ??= inject("databaseUrl");

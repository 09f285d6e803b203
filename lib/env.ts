import { z } from "zod";

// The one place that reads process.env. Everything else imports `env` from here.
const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .url("DATABASE_URL must be a postgresql:// URL")
    .refine((url) => /^postgres(ql)?:\/\//.test(url), "DATABASE_URL must start with postgresql://"),
  /** connections in the pg pool; 1 on the embedded database, which is one session */
  DATABASE_POOL_MAX: z.coerce.number().int().positive().default(10),
  /** the library-local "today" override for demos and tests (YYYY-MM-DD) */
  RAPPEL_TODAY: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "RAPPEL_TODAY must be YYYY-MM-DD")
    .optional(),
});

export type Env = z.infer<typeof ZEnv>;

function readEnv(): Env {
  const parsed = ZEnv.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n  ${problems.join("\n  ")}`);
  }
  return parsed.data;
}

export const env: Env = readEnv();

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
  /**
   * Encrypts the staff session cookies (next-auth). At least 32 characters, e.g. from
   * `openssl rand -base64 32`. Unset: a random secret per server process, so sessions end when
   * the server restarts: fine for the demo, set it for a real install.
   */
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  /** The public URL behind HTTPS (https://rappel.library.be): marks session cookies Secure. Read by next-auth. */
  NEXTAUTH_URL: z.string().url("NEXTAUTH_URL must be a URL such as https://rappel.library.be").optional(),
  /** Resend API key (re_...). Unset: email cannot be sent; the demo sets one for its local fake. */
  RESEND_API_KEY: z.string().min(1).optional(),
  /** Resend's API base URL; the demo and tests point it at the local fake (scripts/fake-resend.ts) */
  RESEND_BASE_URL: z.string().url("RESEND_BASE_URL must be a URL").optional(),
  /** signing secret of the Resend webhook endpoint, whsec_... */
  RESEND_WEBHOOK_SECRET: z
    .string()
    .startsWith("whsec_", "RESEND_WEBHOOK_SECRET must start with whsec_")
    .optional(),
  /** sender of the notices, on a domain verified at Resend */
  EMAIL_FROM: z.string().min(3).default("Bibliotheek <notices@rappel.example>"),
  /**
   * How many reverse proxies (nginx, a load balancer) stand in front of Rappel and append the
   * client's address to X-Forwarded-For. 0 (default): the connection's own address counts and
   * X-Forwarded-For, which any client can write, is ignored (lib/auth/client-ip.ts).
   */
  RAPPEL_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  /** Resend's limit for the whole team: 2 requests/s on older plans, 5/s on current ones */
  RESEND_RATE_LIMIT_PER_SECOND: z.coerce.number().positive().default(2),
  /**
   * How long a send-run worker's claim on a run or batch holds without its heartbeat: a
   * crashed worker's work is taken over after this (lib/sending). Tests shorten it.
   */
  RAPPEL_WORKER_LEASE_MS: z.coerce.number().int().min(500).default(10_000),
  /** "in-app": the web server runs the send-run worker itself (the demo); "off": `npm run worker` does */
  RAPPEL_WORKER: z.enum(["in-app", "off"]).default("off"),
  /** "off": this worker does not start the daily scheduled runs (tests, extra workers) */
  RAPPEL_WORKER_SCHEDULE: z.enum(["on", "off"]).default("on"),
  /** where uploaded import files wait for their import (streamed to disk, removed when done) */
  IMPORT_DIR: z.string().min(1).default(".data/imports"),
  /**
   * the folder under which libraries' pickup folders must lie (lib/import/pickup-folder.ts):
   * staff name a folder inside it, never any path on the server
   */
  IMPORT_PICKUP_ROOT: z.string().min(1).default(".data/pickup"),
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

import { createHash, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { WebhookEventPayload } from "resend";
import { type DeliveryOutcome, outcomeForRecipients } from "./delivery-outcome";
import { type ApiEmail, type ValidationFailure, validateEmail } from "./validate-email";
import { createWebhookOutbox, generateWebhookSecret, type WebhookDelivery } from "./webhook-outbox";

export type FakeResendOptions = {
  /** 0 or unset: a free port */
  port?: number;
  host?: string;
  /** when set, only this key is accepted (403 invalid_api_key otherwise); unset: any Bearer key */
  apiKey?: string;
  /** where the signed webhooks go; unset: events are kept but not posted (see `setWebhookUrl`) */
  webhookUrl?: string;
  /** whsec_...; unset: a fresh one, readable as `webhookSecret` */
  webhookSecret?: string;
  webhooksPaused?: boolean;
  webhookRetryDelaysMs?: number[];
  /** requests per second for all keys together; unset: no limit */
  rateLimitPerSecond?: number;
  /** emails accepted per UTC day / month; unset: no quota */
  quota?: { daily?: number; monthly?: number };
  /** added to every response, like the network and the API's own work */
  latencyMs?: number;
};

export type CapturedEmail = ApiEmail & {
  id: string;
  created_at: string;
  last_event: "sent" | DeliveryOutcome;
  idempotencyKey: string | null;
};

export type RecordedRequest = {
  method: string;
  path: string;
  /** arrival time, ms since the epoch */
  at: number;
  /** 0 when the connection was dropped */
  status: number;
  idempotencyKey: string | null;
};

export type InjectedFailure = { status: 500 | 502 | 503 | 429; retryAfterSeconds?: number };

export type FakeResend = Awaited<ReturnType<typeof startFakeResend>>;

type Reply = { status: number; body: unknown; headers?: Record<string, string> };
type Injection =
  | { kind: "status"; failure: InjectedFailure; afterProcessing: boolean }
  | { kind: "drop"; afterProcessing: boolean };
type StoredResponse = { fingerprint: string; reply: Reply; expiresAt: number };

const MAX_BATCH = 100;
const MAX_BODY_BYTES = 40 * 1024 * 1024;
const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

const errorReply = (
  status: number,
  name: string,
  message: string,
  headers?: Record<string, string>,
): Reply => ({
  status,
  body: { statusCode: status, name, message },
  headers,
});

const validationReply = (failure: ValidationFailure, prefix = ""): Reply =>
  errorReply(422, failure.name, `${prefix}${failure.message}`);

/**
 * A local stand-in for Resend's HTTP API that the real `resend` SDK talks to
 * (`new Resend(key, { baseUrl: fake.url })`): POST /emails, POST /emails/batch, GET /emails and
 * GET /emails/:id, with Resend's auth, validation, idempotency, rate limit, quotas and test
 * addresses, and signed webhooks posted back for every accepted email.
 */
export async function startFakeResend(options: FakeResendOptions = {}) {
  const webhookSecret = options.webhookSecret ?? generateWebhookSecret();
  const outbox = createWebhookOutbox({
    url: options.webhookUrl,
    secret: webhookSecret,
    paused: options.webhooksPaused,
    retryDelaysMs: options.webhookRetryDelaysMs,
  });
  const captured: CapturedEmail[] = [];
  const recorded: RecordedRequest[] = [];
  const injections: Injection[] = [];
  const idempotency = new Map<string, StoredResponse>();
  const inFlight = new Set<string>();
  const recentRequests: number[] = [];
  const sentPerDay = new Map<string, number>();
  const sentPerMonth = new Map<string, number>();

  function rateLimit(now: number): { headers: Record<string, string>; limited: boolean } {
    const limit = options.rateLimitPerSecond;
    if (!limit) return { headers: {}, limited: false };
    while (recentRequests.length > 0 && recentRequests[0] <= now - 1000) recentRequests.shift();
    const limited = recentRequests.length >= limit;
    if (!limited) recentRequests.push(now);
    const resetSeconds = String(Math.max(1, Math.ceil((recentRequests[0] + 1000 - now) / 1000)));
    const headers: Record<string, string> = {
      "ratelimit-limit": String(limit),
      "ratelimit-remaining": String(Math.max(0, limit - recentRequests.length)),
      "ratelimit-reset": resetSeconds,
    };
    if (limited) headers["retry-after"] = resetSeconds;
    return { headers, limited };
  }

  function reserveQuota(count: number): Reply | null {
    const day = new Date().toISOString().slice(0, 10);
    const month = day.slice(0, 7);
    const { daily, monthly } = options.quota ?? {};
    if (daily !== undefined && (sentPerDay.get(day) ?? 0) + count > daily) {
      return errorReply(429, "daily_quota_exceeded", "You have reached your daily email sending quota.");
    }
    if (monthly !== undefined && (sentPerMonth.get(month) ?? 0) + count > monthly) {
      return errorReply(429, "monthly_quota_exceeded", "You have reached your monthly email sending quota.");
    }
    sentPerDay.set(day, (sentPerDay.get(day) ?? 0) + count);
    sentPerMonth.set(month, (sentPerMonth.get(month) ?? 0) + count);
    return null;
  }

  function accept(email: ApiEmail, idempotencyKey: string | null): CapturedEmail {
    const outcome = outcomeForRecipients(email.to);
    const stored: CapturedEmail = {
      ...email,
      id: randomUUID(),
      created_at: new Date().toISOString(),
      last_event: outcome,
      idempotencyKey,
    };
    captured.push(stored);
    const data = {
      created_at: stored.created_at,
      email_id: stored.id,
      message_id: `<${stored.id}@fake-resend.local>`,
      from: email.from,
      to: email.to,
      subject: email.subject,
      ...(email.tags.length > 0 && { tags: Object.fromEntries(email.tags.map((t) => [t.name, t.value])) }),
    };
    const events: WebhookEventPayload[] = [{ type: "email.sent", created_at: stored.created_at, data }];
    const at = () => new Date().toISOString();
    if (outcome === "bounced") {
      events.push({
        type: "email.bounced",
        created_at: at(),
        data: {
          ...data,
          bounce: {
            type: "Permanent",
            subType: "General",
            message:
              "The recipient's email provider sent a hard bounce message: the address does not exist. Remove it from your mailing list.",
          },
        },
      });
    } else {
      events.push({ type: "email.delivered", created_at: at(), data });
      if (outcome === "complained") events.push({ type: "email.complained", created_at: at(), data });
    }
    for (const event of events) outbox.enqueue(event.type, event);
    return stored;
  }

  function sendOne(body: unknown, idempotencyKey: string | null): Reply {
    const checked = validateEmail(body, { inBatch: false });
    if (!checked.ok) return validationReply(checked.failure);
    const quota = reserveQuota(1);
    if (quota) return quota;
    return { status: 200, body: { id: accept(checked.email, idempotencyKey).id } };
  }

  function sendBatch(body: unknown, mode: string, idempotencyKey: string | null): Reply {
    if (mode !== "strict" && mode !== "permissive") {
      return errorReply(422, "validation_error", "`x-batch-validation` must be `strict` or `permissive`.");
    }
    if (!Array.isArray(body) || body.length === 0) {
      return errorReply(422, "validation_error", "The request body must be a non-empty array of emails.");
    }
    if (body.length > MAX_BATCH) {
      return errorReply(422, "validation_error", `Too many emails: a batch holds at most ${MAX_BATCH}.`);
    }
    const checked = body.map((email) => validateEmail(email, { inBatch: true }));
    const errors: { index: number; message: string }[] = [];
    checked.forEach((result, index) => {
      if (!result.ok) errors.push({ index, message: result.failure.message });
    });
    if (mode === "strict" && errors.length > 0) {
      const first = checked[errors[0].index];
      if (!first.ok) return validationReply(first.failure, `emails[${errors[0].index}]: `);
    }
    const valid = checked.flatMap((result) => (result.ok ? [result.email] : []));
    const quota = reserveQuota(valid.length);
    if (quota) return quota;
    const data = valid.map((email) => ({ id: accept(email, idempotencyKey).id }));
    return { status: 200, body: mode === "permissive" ? { data, errors } : { data } };
  }

  function getEmail(id: string): Reply {
    const email = captured.find((e) => e.id === id);
    if (!email) return errorReply(404, "not_found", "Email not found");
    return { status: 200, body: toApiEmail(email) };
  }

  function listEmails(limitParam: string | null): Reply {
    const limit = Math.min(100, Math.max(1, Number(limitParam ?? 20) || 20));
    const newestFirst = [...captured].reverse();
    return {
      status: 200,
      body: {
        object: "list",
        has_more: newestFirst.length > limit,
        data: newestFirst.slice(0, limit).map(toApiEmail),
      },
    };
  }

  async function post(req: IncomingMessage, path: string, raw: Buffer): Promise<Reply> {
    const header = req.headers["idempotency-key"];
    const key = typeof header === "string" ? header : null;
    let body: unknown;
    try {
      body = JSON.parse(raw.toString("utf8"));
    } catch {
      return errorReply(422, "validation_error", "The request body is not valid JSON.");
    }
    const mode = String(req.headers["x-batch-validation"] ?? "strict");
    const run = () => (path === "/emails" ? sendOne(body, key) : sendBatch(body, mode, key));
    if (key === null) return run();
    if (key.length < 1 || key.length > 256) {
      return errorReply(400, "invalid_idempotency_key", "The key must be between 1-256 chars.");
    }
    const fingerprint = createHash("sha256").update(`${path}\n${mode}\n`).update(raw).digest("hex");
    const stored = idempotency.get(key);
    if (stored && stored.expiresAt > Date.now()) {
      if (stored.fingerprint === fingerprint) return stored.reply;
      return errorReply(
        409,
        "invalid_idempotent_request",
        "Same idempotency key used with a different request payload. Change your idempotency key or payload.",
      );
    }
    if (inFlight.has(key)) {
      return errorReply(
        409,
        "concurrent_idempotent_requests",
        "Same idempotency key used while original request is still in progress. Try the request again later.",
      );
    }
    inFlight.add(key);
    try {
      const reply = run();
      await pause(options.latencyMs);
      // Only accepted requests are remembered: a retry after an error is processed again.
      if (reply.status < 300)
        idempotency.set(key, { fingerprint, reply, expiresAt: Date.now() + IDEMPOTENCY_TTL_MS });
      return reply;
    } finally {
      inFlight.delete(key);
    }
  }

  async function route(req: IncomingMessage, url: URL, raw: Buffer): Promise<Reply> {
    const auth = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "");
    if (!auth) {
      return errorReply(
        401,
        "missing_api_key",
        "Missing API key in the authorization header. Include the following header in the request: Authorization: Bearer YOUR_API_KEY",
      );
    }
    if (options.apiKey !== undefined && auth[1] !== options.apiKey) {
      return errorReply(403, "invalid_api_key", "API key is invalid");
    }
    const limit = rateLimit(Date.now());
    if (limit.limited) {
      return errorReply(
        429,
        "rate_limit_exceeded",
        `Too many requests. You can only make ${options.rateLimitPerSecond} requests per second.`,
        limit.headers,
      );
    }
    const reply = await dispatch(req, url, raw);
    return { ...reply, headers: { ...reply.headers, ...limit.headers } };
  }

  async function dispatch(req: IncomingMessage, url: URL, raw: Buffer): Promise<Reply> {
    const path = url.pathname.replace(/\/+$/, "");
    if (path === "/emails" || path === "/emails/batch") {
      if (req.method === "POST") return post(req, path, raw);
      if (req.method === "GET" && path === "/emails")
        return delayed(listEmails(url.searchParams.get("limit")));
      return errorReply(405, "method_not_allowed", "Method not allowed");
    }
    const match = /^\/emails\/([^/]+)$/.exec(path);
    if (match && req.method === "GET") return delayed(getEmail(decodeURIComponent(match[1])));
    return errorReply(404, "not_found", "The requested endpoint does not exist.");
  }

  async function delayed(reply: Reply): Promise<Reply> {
    await pause(options.latencyMs);
    return reply;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://fake-resend.local");
    const key = req.headers["idempotency-key"];
    const record: RecordedRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      at: Date.now(),
      status: 0,
      idempotencyKey: typeof key === "string" ? key : null,
    };
    recorded.push(record);
    const raw = await readBody(req);
    const injection = injections.shift();
    if (injection?.kind === "drop" && !injection.afterProcessing) {
      req.socket.destroy();
      return;
    }
    let reply: Reply;
    if (raw === null) reply = errorReply(413, "validation_error", "The request body is too large.");
    else if (injection?.kind === "status" && !injection.afterProcessing)
      reply = injectedReply(injection.failure);
    else reply = await route(req, url, raw);
    // Accepted, and then the error a proxy or an overloaded API answers instead of the result.
    if (injection?.kind === "status" && injection.afterProcessing) reply = injectedReply(injection.failure);
    if (injection?.kind === "drop") {
      // Processed, but the answer is lost on the way back: the client cannot know.
      req.socket.destroy();
      return;
    }
    record.status = reply.status;
    res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
    res.end(JSON.stringify(reply.body));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error("fake-resend:", error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(
        JSON.stringify({ statusCode: 500, name: "internal_server_error", message: "fake-resend failed" }),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}`,
    port,
    webhookSecret,
    /** every email accepted, oldest first */
    sent: (): CapturedEmail[] => [...captured],
    /** every request that reached the fake, oldest first */
    requests: (): RecordedRequest[] => [...recorded],
    /**
     * The next `count` requests answer with this error instead of being processed, or (with
     * `afterProcessing`) after being processed: the emails exist, the client hears "500".
     */
    failNext(count: number, failure: InjectedFailure, { afterProcessing = false } = {}): void {
      for (let i = 0; i < count; i++) injections.push({ kind: "status", failure, afterProcessing });
    },
    /**
     * The next `count` connections are cut: before the request is processed, or (with
     * `afterProcessing`) after it, so the emails exist but the client never hears of them.
     */
    dropNext(count: number, { afterProcessing = false } = {}): void {
      for (let i = 0; i < count; i++) injections.push({ kind: "drop", afterProcessing });
    },
    webhooks: (): WebhookDelivery[] => outbox.deliveries(),
    pauseWebhooks: outbox.pause,
    resumeWebhooks: outbox.resume,
    flushWebhooks: outbox.flush,
    setWebhookUrl: outbox.setUrl,
    async stop(): Promise<void> {
      outbox.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function injectedReply(failure: InjectedFailure): Reply {
  if (failure.status === 429) {
    const seconds = String(failure.retryAfterSeconds ?? 1);
    return errorReply(429, "rate_limit_exceeded", "Too many requests.", {
      "retry-after": seconds,
      "ratelimit-reset": seconds,
      "ratelimit-remaining": "0",
    });
  }
  return errorReply(failure.status, "internal_server_error", "An unexpected error occurred.");
}

function toApiEmail(email: CapturedEmail) {
  return {
    object: "email",
    id: email.id,
    to: email.to,
    from: email.from,
    created_at: email.created_at,
    subject: email.subject,
    html: email.html,
    text: email.text,
    bcc: email.bcc,
    cc: email.cc,
    reply_to: email.reply_to,
    last_event: email.last_event,
    scheduled_at: null,
    tags: email.tags,
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function pause(ms: number | undefined): Promise<void> {
  return ms ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

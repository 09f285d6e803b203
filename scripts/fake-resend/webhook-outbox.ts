import { randomBytes } from "node:crypto";
import { Webhook } from "svix";

export type WebhookDelivery = {
  /** the svix-id: the same on every attempt, so the receiver can dedupe */
  svixId: string;
  type: string;
  body: string;
  attempts: number;
  status: "pending" | "delivered" | "failed";
  lastError?: string;
  nextAt: number;
};

export type WebhookOutboxOptions = {
  url?: string;
  secret: string;
  paused?: boolean;
  /** waits between attempts; one attempt more than delays */
  retryDelaysMs?: number[];
};

export type WebhookOutbox = ReturnType<typeof createWebhookOutbox>;

/**
 * Posts signed webhooks the way Resend does through Svix: asynchronously, each event
 * signed again on every attempt with the same svix-id, retried with growing delays.
 * Tests pause it and `flush()` to decide when events arrive.
 */
export function createWebhookOutbox(options: WebhookOutboxOptions) {
  const signer = new Webhook(options.secret);
  const retryDelaysMs = options.retryDelaysMs ?? [250, 1_000, 5_000, 15_000];
  const deliveries: WebhookDelivery[] = [];
  let url = options.url;
  let paused = options.paused ?? false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  // Pump and flush take turns on one chain, so an event is never posted twice at once.
  let work: Promise<unknown> = Promise.resolve();

  const pending = () => deliveries.filter((d) => d.status === "pending");

  async function attempt(delivery: WebhookDelivery): Promise<void> {
    if (!url) return;
    delivery.attempts += 1;
    const body = delivery.body;
    const timestamp = new Date();
    try {
      const response = await fetch(url, {
        method: "POST",
        body,
        headers: {
          "content-type": "application/json",
          "user-agent": "Svix-Webhooks/1.0 (fake-resend)",
          "svix-id": delivery.svixId,
          "svix-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
          "svix-signature": signer.sign(delivery.svixId, timestamp, body),
        },
        signal: AbortSignal.timeout(5_000),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) {
        delivery.status = "delivered";
        delivery.lastError = undefined;
        return;
      }
      delivery.lastError = `HTTP ${response.status}`;
    } catch (error) {
      delivery.lastError = error instanceof Error ? error.message : String(error);
    }
    const delay = retryDelaysMs[delivery.attempts - 1];
    if (delay === undefined) delivery.status = "failed";
    else delivery.nextAt = Date.now() + delay;
  }

  function schedule(): void {
    clearTimeout(timer);
    if (paused || stopped || !url) return;
    const next = Math.min(...pending().map((d) => d.nextAt));
    if (!Number.isFinite(next)) return;
    timer = setTimeout(pump, Math.max(0, next - Date.now()));
    timer.unref();
  }

  function pump(): void {
    work = work
      .then(async () => {
        for (const delivery of pending()) {
          if (paused || stopped) break;
          if (delivery.nextAt <= Date.now()) await attempt(delivery);
        }
        schedule();
      })
      .catch(() => undefined);
  }

  return {
    enqueue(type: string, payload: unknown): WebhookDelivery {
      const delivery: WebhookDelivery = {
        svixId: `msg_${randomBytes(16).toString("base64url")}`,
        type,
        body: JSON.stringify(payload),
        attempts: 0,
        status: "pending",
        nextAt: Date.now(),
      };
      deliveries.push(delivery);
      schedule();
      return delivery;
    },
    /** every webhook made so far, in the order the events happened */
    deliveries: (): WebhookDelivery[] => [...deliveries],
    pause(): void {
      paused = true;
      clearTimeout(timer);
    },
    resume(): void {
      paused = false;
      schedule();
    },
    /** Posts every pending webhook once now, paused or not, and waits for the answers. */
    flush(): Promise<{ delivered: number; pending: number; failed: number }> {
      const done = work.then(async () => {
        for (const delivery of pending()) await attempt(delivery);
        schedule();
        const count = (status: WebhookDelivery["status"]) =>
          deliveries.filter((d) => d.status === status).length;
        return { delivered: count("delivered"), pending: count("pending"), failed: count("failed") };
      });
      work = done.catch(() => undefined);
      return done;
    },
    setUrl(next: string | undefined): void {
      url = next;
      schedule();
    },
    stop(): void {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

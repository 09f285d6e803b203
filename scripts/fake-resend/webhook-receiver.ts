import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedWebhook = { headers: IncomingHttpHeaders; body: string };

/**
 * A throwaway HTTP endpoint that records the webhooks posted to it, for tests of the fake
 * and of the webhook verifier. `failNext(n)` answers 500 n times to exercise retries.
 */
export async function startWebhookReceiver() {
  const received: ReceivedWebhook[] = [];
  let failures = 0;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
    received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
    if (failures > 0) {
      failures -= 1;
      res.writeHead(500).end();
      return;
    }
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/webhooks/resend`,
    received: (): ReceivedWebhook[] => [...received],
    failNext(count: number): void {
      failures += count;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

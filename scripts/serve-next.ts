/**
 * The dashboard's HTTP server: Next.js (production build, or `--dev`) behind a plain Node
 * server that tells the app who is really connected. Next keeps an `X-Forwarded-For` the
 * client sent, so without this the sign-in throttle could only trust what a client claims;
 * here every request gets `x-rappel-peer` = the socket's address, overwriting whatever came in
 * (lib/auth/client-ip.ts). `npm start`, `npm run demo` and the browser tests run it.
 *   tsx scripts/serve-next.ts [--dev] [-p PORT] [-H HOST]
 */
import { createServer } from "node:http";
import next from "next";
import { PEER_HEADER } from "../lib/auth/client-ip";

function option(flag: string): string | undefined {
  const index = process.argv.indexOf(flag);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const dev = process.argv.includes("--dev");
const port = Number(option("-p") ?? process.env.PORT ?? 3000);
// no -H: every interface, as `next start` does (npm run demo passes 127.0.0.1)
const hostname = option("-H") ?? process.env.HOST;

const app = next({ dev, hostname: hostname ?? "localhost", port });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((request, response) => {
  request.headers[PEER_HEADER] = request.socket.remoteAddress ?? "";
  void handle(request, response);
});
const ready = () =>
  console.log(
    `▲ Next.js ${dev ? "dev" : "production"} server ready on http://${hostname ?? "localhost"}:${port}`,
  );
if (hostname) server.listen(port, hostname, ready);
else server.listen(port, ready);
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
  });
}

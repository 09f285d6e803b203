import net from "node:net";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    envVar = "RAPPEL_DB_PORT",
  ) {
    super(
      `Port ${port} is already in use. Stop what is listening there, or choose another port (e.g. ${envVar}=${port + 1}).`,
    );
  }
}

export type EmbeddedPostgres = { url: string; port: number; stop(): Promise<void> };

/** Resolves when nothing listens on host:port; rejects with PortInUseError otherwise. */
export function assertPortFree(port: number, host = "127.0.0.1", envVar?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (err: NodeJS.ErrnoException) =>
      reject(err.code === "EADDRINUSE" ? new PortInUseError(port, envVar) : err),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/** A free TCP port chosen by the OS, for tests that must not collide. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A real PostgreSQL (PGlite, WebAssembly) served over the wire protocol on a local port.
 * PGlite is one database session: one connection at a time (others queue in the server),
 * so clients must use a pool of 1. `dataDir` undefined keeps the database in memory.
 */
export async function startEmbeddedPostgres(options: {
  port: number;
  dataDir?: string;
}): Promise<EmbeddedPostgres> {
  await assertPortFree(options.port);
  // pg_trgm and unaccent back the desk's patron search (CREATE EXTENSION in the migrations)
  const pglite = await PGlite.create(options.dataDir, { extensions: { pg_trgm, unaccent } });
  const server = new PGLiteSocketServer({
    db: pglite,
    port: options.port,
    host: "127.0.0.1",
    maxConnections: 1,
  });
  await server.start();
  return {
    port: options.port,
    url: `postgresql://postgres:postgres@127.0.0.1:${options.port}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await pglite.close();
    },
  };
}

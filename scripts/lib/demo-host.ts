/**
 * Where `npm run demo` listens, and the address this machine reaches it on. The demo's
 * passwords are in the README: it listens on this machine only (127.0.0.1), unless HOST says
 * otherwise (HOST=0.0.0.0 to show it on the network).
 */
export function demoHost(env: Record<string, string | undefined>): { listen: string; local: string } {
  const listen = env.HOST?.trim() || "127.0.0.1";
  const local = listen === "0.0.0.0" || listen === "::" ? "127.0.0.1" : listen;
  return { listen, local };
}

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

/** Set by scripts/serve-next.ts on every request: the address of the socket, never the client's word. */
export const PEER_HEADER = "x-rappel-peer";

function header(source: HeaderSource, name: string): string | undefined {
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const value = source[name] ?? source[name.toLowerCase()];
  return Array.isArray(value) ? value.join(",") : value;
}

const clean = (ip: string | undefined) => (ip?.trim() || "unknown").replace(/^::ffff:/, "").slice(0, 64);

/**
 * The client's address for counting failed sign-ins and link requests. Without a reverse
 * proxy in front (trustedProxies 0, the default) it is the connection's own address: an
 * X-Forwarded-For header is the client's word and is ignored, so rotating or spoofing it
 * neither escapes the per-address limit nor locks someone else out. Behind N trusted proxies
 * (RAPPEL_TRUSTED_PROXIES=N) each proxy appends the address it saw, so the client is the Nth
 * entry from the right; anything before it is what the client claimed.
 */
export function clientIpFrom(headers: HeaderSource, trustedProxies = 0): string {
  const peer = header(headers, PEER_HEADER);
  if (trustedProxies <= 0) return clean(peer);
  const forwarded = (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  // fewer entries than proxies: the request did not come through all of them
  return clean(forwarded.length >= trustedProxies ? forwarded[forwarded.length - trustedProxies] : peer);
}

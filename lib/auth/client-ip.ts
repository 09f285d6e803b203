type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(source: HeaderSource, name: string): string | undefined {
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const value = source[name] ?? source[name.toLowerCase()];
  return Array.isArray(value) ? value.join(",") : value;
}

/**
 * The client's address for counting failed sign-ins. The last x-forwarded-for entry is the
 * one added by the nearest hop: the reverse proxy in front of Rappel, or Next itself, which
 * sets the socket address when the header is absent. Earlier entries are whatever the client
 * claimed. Without an address all clients share one bucket, which errs on the safe side.
 */
export function clientIpFrom(headers: HeaderSource): string {
  const forwarded = header(headers, "x-forwarded-for");
  const last = forwarded
    ?.split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .at(-1);
  const ip = last ?? header(headers, "x-real-ip")?.trim();
  return (ip || "unknown").replace(/^::ffff:/, "").slice(0, 64);
}

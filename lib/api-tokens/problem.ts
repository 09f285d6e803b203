/**
 * An RFC 9457 problem details response (`application/problem+json`): what went wrong in words
 * a developer of the library system can act on, with the HTTP status.
 */
export function problem(
  status: number,
  title: string,
  detail?: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  const type = `https://rappel.example/problems/${title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")}`;
  return new Response(JSON.stringify({ type, title, status, ...(detail ? { detail } : {}), ...extra }), {
    status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...headers },
  });
}

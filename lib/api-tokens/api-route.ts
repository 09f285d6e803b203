import "server-only";
import { db } from "@/lib/db";
import type { ApiTokenScope } from "@/lib/generated/prisma/client";
import { type ApiCaller, authenticateApiToken } from "./authenticate-api-token";
import { problem } from "./problem";

export type ApiRouteContext<TParams> = ApiCaller & { params: TParams };

/**
 * Wraps a /api/v1 route the way staffRoute wraps a staff route, for the library system: the
 * bearer token decides the library (once, here) and must have the scope (`write` includes
 * `read`). Refusals and unexpected errors are RFC 9457 problem details.
 *
 *   export const POST = apiRoute("write", async (request, { library, token }) => ...);
 */
export function apiRoute<TParams = Record<string, never>>(
  scope: ApiTokenScope,
  handler: (request: Request, context: ApiRouteContext<TParams>) => Promise<Response>,
): (request: Request, segment: { params: Promise<TParams> }) => Promise<Response> {
  return async (request, segment) => {
    const caller = await authenticateApiToken(db, request.headers.get("authorization"));
    if (!caller) {
      return problem(
        401,
        "Unauthorized",
        "Send a valid API token: Authorization: Bearer rpl_... (an admin creates one under Admin > API tokens; a revoked token no longer works).",
        {},
        { "WWW-Authenticate": 'Bearer realm="rappel"' },
      );
    }
    if (scope === "write" && caller.token.scope !== "write") {
      return problem(
        403,
        "Forbidden",
        `The token "${caller.token.name}" may only read; this needs a token with the write scope.`,
      );
    }
    try {
      return await handler(request, { ...caller, params: (await segment?.params) ?? ({} as TParams) });
    } catch (error) {
      console.error(`[api ${request.method} ${new URL(request.url).pathname}]`, error);
      return problem(
        500,
        "Internal Server Error",
        "Something went wrong on the server; nothing of this request was saved.",
      );
    }
  };
}

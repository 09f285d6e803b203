"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";
import { staffAction } from "@/lib/auth/staff-action";
import { DomainError } from "@/lib/errors/domain-error";

const PAGE = "/admin/api-tokens";

/** The new token's secret, shown once to the admin who made it; only its hash is stored. */
export type NewTokenState = { secret: string; name: string };

const ZNewToken = z.object({
  name: z.string().trim().min(1, "required").max(120, "tooLong"),
  scope: z.enum(["read", "write"]),
});

export const createApiTokenAction = staffAction<typeof ZNewToken, NewTokenState, NewTokenState>({
  name: "createApiToken",
  role: "admin",
  schema: ZNewToken,
  async run({ tx, staff, library, input, audit }) {
    const token = await createApiToken(tx, { libraryId: library.id, createdById: staff.id, ...input });
    await audit({
      action: "api-token.create",
      entityType: "ApiToken",
      entityId: token.id,
      after: { name: token.name, scope: token.scope, prefix: token.prefix },
    });
    return { secret: token.secret, name: token.name };
  },
  revalidate: [PAGE],
  async onSuccess(result) {
    const t = await getTranslations("apiTokens");
    return { message: t("created", { name: result.name }), ...result };
  },
});

const ZRevoke = z.object({ id: z.coerce.number().int().positive(), name: z.string().max(200).default("") });

export const revokeApiTokenAction = staffAction({
  name: "revokeApiToken",
  role: "admin",
  schema: ZRevoke,
  async run({ tx, library, input, audit }) {
    const revoked = await revokeApiToken(tx, { libraryId: library.id, tokenId: input.id });
    if (!revoked) throw new DomainError("apiTokenNotFound");
    await audit({ action: "api-token.revoke", entityType: "ApiToken", entityId: input.id });
    return input.name;
  },
  revalidate: [PAGE],
  async onSuccess(name) {
    const t = await getTranslations("apiTokens");
    return { message: t("revokedMessage", { name }) };
  },
});

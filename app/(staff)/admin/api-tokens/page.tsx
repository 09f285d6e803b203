import type { Metadata } from "next";
import { headers } from "next/headers";
import { getFormatter, getTranslations } from "next-intl/server";
import { RecordTable } from "@/components/record-table";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { requireStaff } from "@/lib/auth/require-staff";
import { db } from "@/lib/db";
import { CreateTokenForm, RevokeTokenForm } from "./token-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apiTokens");
  return { title: t("title") };
}

export default async function ApiTokensPage() {
  const { library } = await requireStaff("admin");
  const [t, format, tokens, requestHeaders] = await Promise.all([
    getTranslations("apiTokens"),
    getFormatter(),
    listApiTokens(db, { libraryId: library.id }),
    headers(),
  ]);
  const host = requestHeaders.get("host") ?? "localhost";
  const openApiUrl = `${requestHeaders.get("x-forwarded-proto") ?? "http"}://${host}/api/v1/openapi.json`;
  const when = (date: Date) =>
    format.dateTime(date, {
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
    });
  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-muted">{t("intro")}</p>
        <p className="mt-1 text-sm">
          {t.rich("docs", {
            url: openApiUrl,
            link: (chunks) => (
              <a href="/api/v1/openapi.json" className="break-all underline">
                {chunks}
              </a>
            ),
          })}
        </p>
      </div>
      <section
        aria-labelledby="new-token-heading"
        className="max-w-2xl rounded-lg border border-line bg-surface p-5"
      >
        <h2 id="new-token-heading" className="mb-4 text-lg font-semibold">
          {t("newHeading")}
        </h2>
        <CreateTokenForm />
      </section>
      <section aria-labelledby="tokens-heading" className="flex flex-col gap-3">
        <h2 id="tokens-heading" className="text-lg font-semibold">
          {t("listHeading")}
        </h2>
        {tokens.length === 0 ? (
          <p className="text-muted">{t("none")}</p>
        ) : (
          <RecordTable
            label={t("caption")}
            minWidth="min-w-[44rem]"
            columns={[t("name"), t("scope"), t("createdAt"), t("lastUsed"), t("state")]}
            rows={tokens.map((token) => ({
              key: token.id,
              className: token.revokedAt ? "text-muted" : undefined,
              cells: [
                <>
                  <span className="font-medium">{token.name}</span>
                  <span className="block font-mono text-xs">{token.prefix}…</span>
                </>,
                t(`scopes.${token.scope}`).split(":")[0],
                <>
                  {when(token.createdAt)}
                  {token.createdBy ? <span className="block text-muted">{token.createdBy.name}</span> : null}
                </>,
                token.lastUsedAt ? when(token.lastUsedAt) : t("never"),
                token.revokedAt ? (
                  t("revoked", { date: when(token.revokedAt) })
                ) : (
                  <div key="state" className="flex flex-col gap-2">
                    <span>{t("active")}</span>
                    <RevokeTokenForm id={token.id} name={token.name} />
                  </div>
                ),
              ],
            }))}
          />
        )}
      </section>
    </div>
  );
}

import { getTranslations } from "next-intl/server";
import type { Prisma } from "@/lib/generated/prisma/client";

type Json = Prisma.JsonValue;

function isRecord(value: Json): value is Prisma.JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The fields that differ between before and after; all fields of a creation or removal. */
export function changedFields(before: Json, after: Json): { key: string; before?: Json; after?: Json }[] {
  if (!isRecord(before) && !isRecord(after)) {
    return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ key: "", before, after }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .filter(
      (key) => !isRecord(before) || !isRecord(after) || JSON.stringify(b[key]) !== JSON.stringify(a[key]),
    )
    .map((key) => ({
      key,
      before: isRecord(before) ? b[key] : undefined,
      after: isRecord(after) ? a[key] : undefined,
    }));
}

/** Before -> after per changed field, as a description list. */
export async function AuditChanges({ before, after }: { before: Json; after: Json }) {
  const t = await getTranslations("audit");
  const show = (value: Json | undefined) => {
    if (value === undefined) return null;
    if (value === null || value === "") return <span className="italic text-muted">{t("empty")}</span>;
    if (typeof value === "boolean") return value ? t("yes") : t("no");
    if (typeof value === "object") return <code className="break-all text-xs">{JSON.stringify(value)}</code>;
    return String(value);
  };
  const fields = changedFields(before, after);
  if (fields.length === 0) return <span className="text-muted">–</span>;
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5">
      {fields.map((field) => (
        <div key={field.key} className="contents">
          <dt className="font-medium">{field.key || "value"}</dt>
          <dd className="wrap-anywhere">
            {field.before !== undefined && field.after !== undefined ? (
              <>
                {show(field.before)} → {show(field.after)}
              </>
            ) : field.after !== undefined ? (
              show(field.after)
            ) : (
              <>
                <s>{show(field.before)}</s> <span className="text-muted">({t("removed")})</span>
              </>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

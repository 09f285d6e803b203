"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormField, FormMessage, inputClass, primaryButtonClass } from "@/components/form-field";

const KINDS = ["patrons", "items", "loans", "returns"] as const;

/**
 * Sends the file as the raw body of one request (streamed to disk on the server), showing the
 * upload's progress, then opens the import's page where its own progress shows.
 */
export function UploadForm() {
  const t = useTranslations("imports");
  const router = useRouter();
  const [kind, setKind] = useState<(typeof KINDS)[number]>("patrons");
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<string | undefined>();

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || (file.size === 0 && file.name === "")) return setError(t("chooseFile"));
    setError(undefined);
    const query = new URLSearchParams({
      kind,
      name: file.name,
      fullSync: form.get("fullSync") === "on" ? "1" : "0",
      maxShare: String(form.get("maxShare") ?? "20"),
    });
    const request = new XMLHttpRequest();
    request.open("POST", `/api/imports/upload?${query}`);
    request.setRequestHeader("Content-Type", "text/csv");
    request.upload.onprogress = (e) =>
      e.lengthComputable && setPercent(Math.floor((e.loaded / e.total) * 100));
    request.onload = () => {
      if (request.status === 202) {
        const { id } = JSON.parse(request.responseText) as { id: number };
        router.push(`/import/${id}`);
      } else {
        setPercent(null);
        // a refusal says why in words ({ code, message }: signed out, role); else the status
        let reason = `HTTP ${request.status}`;
        try {
          const body = JSON.parse(request.responseText) as { message?: unknown };
          if (typeof body.message === "string") reason = body.message;
        } catch {
          // not JSON: the status says enough
        }
        setError(t("uploadFailed", { reason }));
      }
    };
    request.onerror = () => {
      setPercent(null);
      setError(t("uploadFailed", { reason: "network" }));
    };
    setPercent(0);
    request.send(file);
  }

  const busy = percent !== null;
  return (
    <form onSubmit={submit} className="flex flex-col gap-4" aria-busy={busy}>
      <FormMessage ok={false} message={error} />
      <FormField id="kind" label={t("kind")} hint={t("kindHint")}>
        {(describedBy) => (
          <select
            id="kind"
            name="kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as (typeof KINDS)[number])}
            aria-describedby={describedBy}
            className={inputClass}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id="file" label={t("file")} hint={t("fileHint")}>
        {(describedBy) => (
          <input
            id="file"
            name="file"
            type="file"
            required
            accept=".csv,.txt,text/csv,text/plain"
            aria-describedby={describedBy}
            className={inputClass}
          />
        )}
      </FormField>
      {kind === "loans" ? (
        <fieldset className="flex flex-col gap-3 rounded-md border border-line p-4">
          <div className="flex items-start gap-2">
            <input
              id="fullSync"
              name="fullSync"
              type="checkbox"
              className="mt-1 size-4"
              aria-describedby="fullSync-hint"
            />
            <div>
              <label htmlFor="fullSync" className="font-medium">
                {t("fullSync")}
              </label>
              <p id="fullSync-hint" className="text-sm text-muted">
                {t("fullSyncHint")}
              </p>
            </div>
          </div>
          <FormField id="maxShare" label={t("maxShare")}>
            {(describedBy) => (
              <input
                id="maxShare"
                name="maxShare"
                type="number"
                min={0}
                max={100}
                defaultValue={20}
                aria-describedby={describedBy}
                className={`${inputClass} max-w-32`}
              />
            )}
          </FormField>
        </fieldset>
      ) : null}
      <button type="submit" disabled={busy} className={`${primaryButtonClass} self-start`}>
        {busy ? t("uploading", { percent }) : t("upload")}
      </button>
    </form>
  );
}

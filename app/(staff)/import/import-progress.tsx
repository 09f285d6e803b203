"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

type Progress = { state: string; percent: number; rowsRead: number };

/**
 * The progress bar of a waiting or running import: asks the server every 1.5 s and refreshes
 * the page (counts, report) once the import is done.
 */
export function ImportProgress({ id, initial }: { id: number; initial: Progress }) {
  const t = useTranslations("imports");
  const router = useRouter();
  const [progress, setProgress] = useState(initial);
  const active = progress.state === "queued" || progress.state === "running";

  useEffect(() => {
    if (!active) return;
    const timer = setInterval(async () => {
      const response = await fetch(`/api/imports/${id}`, { cache: "no-store" }).catch(() => null);
      if (!response?.ok) return;
      const next = (await response.json()) as Progress;
      setProgress(next);
      if (next.state !== "queued" && next.state !== "running") router.refresh();
    }, 1500);
    return () => clearInterval(timer);
  }, [active, id, router]);

  if (!active) return null;
  return (
    <div className="flex min-w-40 flex-col gap-1">
      <progress
        max={100}
        value={progress.percent}
        aria-label={t("progress")}
        className="h-2 w-full overflow-hidden rounded [&::-moz-progress-bar]:bg-brand [&::-webkit-progress-bar]:bg-brand-soft [&::-webkit-progress-value]:bg-brand"
      />
      <span className="text-sm text-muted" aria-live="polite">
        {progress.percent}% · {t("progressText", { rows: progress.rowsRead })}
      </span>
    </div>
  );
}

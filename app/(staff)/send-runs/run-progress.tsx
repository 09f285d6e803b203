"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import { FormMessage, secondaryButtonClass } from "@/components/form-field";
import { initialActionState } from "@/lib/auth/action-state";
import type { RunProgress } from "@/lib/sending/load-run-progress";
import { pauseSendRunAction, resumeSendRunAction } from "./actions";

const POLL_MS = 2_000;
const WORKING = new Set(["queued", "running", "paused"]);

/** The working run, refreshed every 2 seconds without reloading the page. */
export function RunProgressPanel({ initial }: { initial: RunProgress }) {
  const t = useTranslations("sendRuns");
  const format = useFormatter();
  const router = useRouter();
  const [run, setRun] = useState(initial);
  const [pauseState, pause, pausing] = useActionState(pauseSendRunAction, initialActionState);
  const [resumeState, resume, resuming] = useActionState(resumeSendRunAction, initialActionState);
  const ended = useRef(false);

  useEffect(() => setRun(initial), [initial]);
  const polling = WORKING.has(initial.status);
  useEffect(() => {
    if (!polling) return;
    let stop = false;
    const timer = setInterval(async () => {
      const response = await fetch(`/api/send-runs/${initial.id}`, { cache: "no-store" }).catch(() => null);
      if (stop || !response?.ok) return;
      const next = (await response.json()) as RunProgress;
      setRun(next);
      if (!WORKING.has(next.status) && !ended.current) {
        ended.current = true;
        router.refresh();
      }
    }, POLL_MS);
    return () => {
      stop = true;
      clearInterval(timer);
    };
  }, [initial.id, polling, router]);

  const day = format.dateTime(new Date(`${run.planDate}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" });
  const eta =
    run.secondsLeft === null
      ? t("progress.etaUnknown")
      : run.secondsLeft < 90
        ? t("progress.seconds", { count: run.secondsLeft })
        : t("progress.minutes", { count: Math.ceil(run.secondsLeft / 60) });
  const figures: [string, string, string][] = [
    ["planned", t("progress.planned"), format.number(run.planned)],
    ["rendered", t("progress.rendered"), format.number(run.rendered)],
    ["sent", t("progress.sent"), format.number(run.sent)],
    ["failed", t("progress.failed"), format.number(run.failed)],
    ["letters", t("progress.letters"), format.number(run.letters)],
    ["remaining", t("progress.remaining"), format.number(run.remaining)],
    ["throughput", t("progress.throughput"), t("progress.perMinute", { count: run.perMinute })],
    ["eta", t("progress.eta"), eta],
  ];
  return (
    <section
      aria-labelledby="run-progress"
      className="flex flex-col gap-4 rounded-lg border border-brand bg-surface p-4"
      data-testid="run-progress"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="run-progress" className="text-lg font-semibold">
          {t("progress.title", { date: day })}
        </h2>
        <p className="font-medium" data-testid="run-status">
          {t(`status.${run.status}`)}
        </p>
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-live="polite">
        {figures.map(([key, label, value]) => (
          <div key={key} className="rounded-md bg-canvas p-3">
            <dt className="text-sm text-muted">{label}</dt>
            <dd className="text-xl font-semibold tabular-nums" data-testid={`progress-${key}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      {run.needsReview > 0 ? <p>{t("progress.review", { count: run.needsReview })}</p> : null}
      <p className="text-sm text-muted">
        {WORKING.has(run.status) ? t("progress.live") : t("progress.done")}
      </p>
      {WORKING.has(run.status) ? (
        <div className="flex flex-wrap gap-3">
          {run.status === "paused" ? (
            <form action={resume}>
              <input type="hidden" name="runId" value={run.id} />
              <button type="submit" className={secondaryButtonClass} disabled={resuming}>
                {t("progress.resume")}
              </button>
            </form>
          ) : (
            <form action={pause}>
              <input type="hidden" name="runId" value={run.id} />
              <button type="submit" className={secondaryButtonClass} disabled={pausing}>
                {t("progress.pause")}
              </button>
            </form>
          )}
        </div>
      ) : null}
      <FormMessage ok={pauseState.ok} message={pauseState.message} />
      <FormMessage ok={resumeState.ok} message={resumeState.message} />
    </section>
  );
}

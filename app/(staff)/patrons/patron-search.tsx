"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { inputClass, primaryButtonClass } from "@/components/form-field";
import type { PatronSearchResult } from "@/lib/desk/search-patrons";

/** Long enough to skip the keystrokes of a word being typed, short enough to feel instant. */
const DEBOUNCE_MS = 120;

type Found = { query: string; results: PatronSearchResult[] };
type Status = "idle" | "loading" | "error" | "invalid";

const patronPath = (id: number) => `/patrons/${id}`;

/**
 * The search box at the desk: a combobox over a listbox of patrons (WAI-ARIA combobox
 * pattern). Focused on load; results as you type; arrows choose, Enter opens, Escape clears.
 * Server-rendered results for `?q=` show first; until the script runs they are plain links,
 * so the page works without JavaScript.
 */
export function PatronSearch({
  initialQuery,
  initialResults,
  initialProblem,
  limit,
}: {
  initialQuery: string;
  initialResults: PatronSearchResult[];
  /** what is wrong with the search in the address (too long), in words */
  initialProblem?: string;
  limit: number;
}) {
  const t = useTranslations("patronSearch");
  const router = useRouter();
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-results`;
  const keysId = `${id}-keys`;
  const statusId = `${id}-status`;
  const optionId = (patronId: number) => `${id}-patron-${patronId}`;

  const [query, setQuery] = useState(initialQuery);
  const [found, setFound] = useState<Found>({ query: initialQuery.trim(), results: initialResults });
  const [status, setStatus] = useState<Status>(initialProblem ? "invalid" : "idle");
  const [problem, setProblem] = useState(initialProblem);
  const [active, setActive] = useState(-1);
  const [interactive, setInteractive] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const latest = useRef(0);
  const inFlight = useRef<AbortController | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the script takes over the box
  useEffect(() => {
    setInteractive(true);
    const field = input.current;
    if (field) {
      // What was typed (or scanned) before the script ran is kept and searched, not wiped.
      // Back from a patron restores the address (?q=smet) but the router may hand back the
      // page as first rendered without it: the address says what was searched, search it again.
      const fromAddress = new URLSearchParams(window.location.search).get("q") ?? "";
      const wanted = field.value !== initialQuery ? field.value : fromAddress;
      if (wanted !== initialQuery) {
        field.value = wanted;
        change(wanted);
      }
      field.focus();
      field.setSelectionRange(field.value.length, field.value.length);
    }
    return () => {
      clearTimeout(timer.current);
      inFlight.current?.abort();
    };
  }, []);

  const results = found.results;
  const current = found.query === query.trim();

  async function search(text: string, { openSingle = false } = {}) {
    const seq = ++latest.current;
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    // the address follows the search, so Back from a patron returns to this list
    window.history.replaceState(null, "", text ? `/patrons?${new URLSearchParams({ q: text })}` : "/patrons");
    if (!text) {
      setFound({ query: "", results: [] });
      setStatus("idle");
      setActive(-1);
      return;
    }
    setStatus("loading");
    try {
      const response = await fetch(`/api/patrons/search?${new URLSearchParams({ q: text })}`, {
        signal: controller.signal,
        headers: { Accept: "application/json" },
      });
      if (seq !== latest.current) return;
      if (response.status === 401 || response.redirected) {
        // the session ended: the page itself sends to sign-in and back here
        window.location.reload();
        return;
      }
      if (response.status === 400) {
        // a search that cannot be a search (too long, a control character): the route says why
        const body = (await response.json().catch(() => ({}))) as { problem?: string; message?: string };
        if (seq !== latest.current) return;
        setFound({ query: text, results: [] });
        setProblem(body.problem ?? body.message);
        setStatus("invalid");
        return;
      }
      if (!response.ok) throw new Error(`search answered ${response.status}`);
      const body = (await response.json()) as { results: PatronSearchResult[] };
      // a slower answer to an older query never overwrites a newer one
      if (seq !== latest.current) return;
      if (openSingle && body.results.length === 1) {
        open(body.results[0]);
        return;
      }
      setFound({ query: text, results: body.results });
      setActive(-1);
      setStatus("idle");
    } catch (error) {
      if (controller.signal.aborted || seq !== latest.current) return;
      console.error(error);
      setStatus("error");
    }
  }

  function change(value: string) {
    setQuery(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => search(value.trim()), DEBOUNCE_MS);
  }

  function clear() {
    clearTimeout(timer.current);
    setQuery("");
    void search("");
  }

  function open(patron: PatronSearchResult) {
    router.push(patronPath(patron.id));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const count = current ? results.length : 0;
    if (event.key === "ArrowDown" && count > 0) {
      event.preventDefault();
      setActive((index) => (index + 1) % count);
    } else if (event.key === "ArrowUp" && count > 0) {
      event.preventDefault();
      setActive((index) => (index <= 0 ? count - 1 : index - 1));
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (count > 0 && active >= 0) open(results[active]);
      // one patron for a scanned card or barcode: straight to them
      else if (count === 1) open(results[0]);
      else if (!current) {
        // Enter before the results came (a barcode scanner types fast): search now, and a
        // single patron opens at once
        clearTimeout(timer.current);
        void search(query.trim(), { openSingle: true });
      }
    } else if (event.key === "Escape") {
      event.preventDefault();
      clear();
    }
  }

  useEffect(() => {
    if (active < 0) return;
    document.getElementById(optionId(results[active]?.id ?? -1))?.scrollIntoView({ block: "nearest" });
  });

  const expanded = interactive && current && results.length > 0;
  const activeId = expanded && active >= 0 ? optionId(results[active].id) : undefined;
  const announcement =
    status === "invalid" && problem
      ? problem
      : !found.query
        ? t("start")
        : status === "error"
          ? t("error")
          : results.length === 0
            ? t("none", { query: found.query })
            : `${t("count", { count: results.length })}${results.length >= limit ? `. ${t("more", { count: limit })}` : ""}`;

  return (
    <div className="flex flex-col gap-4">
      <search>
        <form
          method="get"
          action="/patrons"
          onSubmit={(event) => {
            event.preventDefault();
            clearTimeout(timer.current);
            void search(query.trim());
          }}
          className="flex flex-col gap-2 rounded-lg border border-line bg-surface p-4"
        >
          <label htmlFor={inputId} className="font-medium">
            {t("label")}
          </label>
          <div className="flex flex-col gap-2 sm:flex-row">
            <input
              ref={input}
              id={inputId}
              name="q"
              type="text"
              value={query}
              // in the HTML itself, so a card scanned before the script ran lands in the box
              // (the effect above then searches it); the search is what this page is for
              // biome-ignore lint/a11y/noAutofocus: the desk's search page exists for this box
              autoFocus
              onChange={(event) => change(event.target.value)}
              onKeyDown={onKeyDown}
              role="combobox"
              aria-autocomplete="list"
              aria-expanded={expanded}
              aria-controls={listId}
              aria-activedescendant={activeId}
              aria-describedby={status === "invalid" ? `${keysId} ${statusId}` : keysId}
              aria-invalid={status === "invalid" || undefined}
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              maxLength={200}
              className={`${inputClass} text-lg`}
            />
            <button type="submit" className={`${primaryButtonClass} sm:shrink-0`}>
              {t("submit")}
            </button>
          </div>
          <p id={keysId} className="text-sm text-muted">
            {t("keys")}
          </p>
        </form>
      </search>

      <p
        id={statusId}
        role="status"
        className={`text-sm font-medium ${status === "invalid" ? "rounded-md bg-red-50 p-3 text-red-800" : ""}`}
        aria-busy={status === "loading"}
      >
        {announcement}
      </p>

      {interactive ? (
        <div
          id={listId}
          role="listbox"
          aria-label={t("resultsLabel")}
          hidden={!expanded}
          className="flex flex-col overflow-hidden rounded-lg border border-line bg-surface"
        >
          {current
            ? results.map((patron, index) => (
                // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input handles the keys (aria-activedescendant)
                // biome-ignore lint/a11y/useFocusableInteractive: focus stays in the combobox input (aria-activedescendant)
                <div
                  key={patron.id}
                  id={optionId(patron.id)}
                  role="option"
                  aria-selected={index === active}
                  onClick={() => open(patron)}
                  onMouseEnter={() => setActive(index)}
                  className={`cursor-pointer border-b border-line px-4 py-3 last:border-b-0 ${
                    index === active ? "bg-brand-soft shadow-[inset_4px_0_0_var(--color-brand)]" : ""
                  }`}
                >
                  <PatronRow patron={patron} />
                </div>
              ))
            : null}
        </div>
      ) : results.length > 0 ? (
        <ul
          aria-label={t("resultsLabel")}
          className="flex flex-col overflow-hidden rounded-lg border border-line bg-surface"
        >
          {results.map((patron) => (
            <li key={patron.id} className="border-b border-line px-4 py-3 last:border-b-0">
              <PatronRow patron={patron} href={patronPath(patron.id)} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

const EMAIL_STATUS_TONE: Record<PatronSearchResult["emailStatus"], string> = {
  ok: "bg-emerald-50 text-emerald-900 border-emerald-700",
  unknown: "bg-canvas text-muted border-line",
  soft_bouncing: "bg-warn-soft text-warn border-warn",
  bounced: "bg-red-50 text-red-800 border-red-700",
  complained: "bg-red-50 text-red-800 border-red-700",
  invalid: "bg-red-50 text-red-800 border-red-700",
};

const badge = "inline-block rounded border px-1.5 py-0.5 text-xs font-medium";

/** One patron in the list: who, how to reach them, what they have, and why they are here. */
function PatronRow({ patron, href }: { patron: PatronSearchResult; href?: string }) {
  const t = useTranslations("patronSearch");
  const tm = useTranslations("patronSearchMatch");
  const field = patron.match.field;
  const reason = patron.match.reason;
  // a dead address shows even when its flag was never raised (a bounce before flags existed)
  const flagKinds =
    patron.emailStatus === "bounced" && !patron.flagKinds.includes("email_bounced")
      ? (["email_bounced", ...patron.flagKinds] as const)
      : patron.flagKinds;
  const mark = (on: boolean, content: ReactNode) =>
    on ? <mark className="rounded-sm bg-yellow-100 px-0.5 text-ink">{content}</mark> : content;
  const name = `${patron.firstName} ${patron.lastName}`;
  const item = patron.match.item;

  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <span className="text-base font-semibold">
          {href ? <a href={href}>{mark(field === "name", name)}</a> : mark(field === "name", name)}
        </span>
        <span className="flex flex-wrap gap-2">
          {patron.overdueLoans > 0 ? (
            <span className={`${badge} border-warn bg-warn-soft text-warn`}>
              {t("overdue", { count: patron.overdueLoans })}
            </span>
          ) : null}
          {flagKinds.map((kind) => (
            <span key={kind} className={`${badge} border-red-700 bg-red-50 text-red-800`}>
              <span aria-hidden="true">⚑ </span>
              {tm(`flag.${kind}`)}
            </span>
          ))}
        </span>
      </div>
      <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <span className="tabular">
          {t("card")} {mark(field === "card", patron.cardNumber)}
        </span>
        <span className="min-w-0 break-all">
          {patron.email ? (
            <>
              {mark(field === "email", patron.email)}{" "}
              <span className={`${badge} ${EMAIL_STATUS_TONE[patron.emailStatus]}`}>
                {t(`emailStatus.${patron.emailStatus}`)}
              </span>
            </>
          ) : (
            <span className="text-muted">{t("noEmail")}</span>
          )}
        </span>
        <span className="text-muted">{t("homeBranch", { branch: patron.homeBranch })}</span>
        <span className="text-muted">{t("loans", { count: patron.openLoans })}</span>
      </div>
      <p className="text-sm text-muted">
        <span className="font-medium">{t(`matched.${field}`)}</span>
        {reason === "variant" || reason === "typo" ? <span> · {tm(`reason.${reason}`)}</span> : null}
        {item ? (
          <>
            {": "}
            {mark(
              true,
              t(item.onLoan ? "itemOnLoan" : "itemReturned", { title: item.title, barcode: item.barcode }),
            )}
          </>
        ) : null}
      </p>
    </div>
  );
}

"use client";

import { useEffect } from "react";

/** How long after a submit an answer with errors still takes the focus. */
const ANSWER_WINDOW_MS = 30_000;

/**
 * After a form answers with errors, the keyboard and screen-reader user lands on them: the
 * first field marked aria-invalid, else the form's message (role="alert"). One listener for
 * every form of the page, mounted once in the layouts, so no form can forget it.
 */
export function FocusFirstError() {
  useEffect(() => {
    let pending: { form: HTMLFormElement; at: number } | null = null;
    const onSubmit = (event: Event) => {
      // a form that places the focus itself (the sign-in form: on the emptied password) says so
      if (event.target instanceof HTMLFormElement && !event.target.hasAttribute("data-own-error-focus"))
        pending = { form: event.target, at: Date.now() };
    };
    const answered = (records: MutationRecord[]) =>
      records.some(
        (record) =>
          (record.type === "attributes" &&
            (record.target as Element).getAttribute("aria-invalid") === "true") ||
          [...record.addedNodes].some(
            (node) =>
              node instanceof Element &&
              (node.matches('[role="alert"], [aria-invalid="true"]') ||
                node.querySelector('[role="alert"], [aria-invalid="true"]') !== null),
          ),
      );
    const observer = new MutationObserver((records) => {
      if (!pending || Date.now() - pending.at > ANSWER_WINDOW_MS || !answered(records)) return;
      const { form } = pending;
      const scope = form.isConnected ? (form.closest("section") ?? form) : document;
      const field = scope.querySelector<HTMLElement>('[aria-invalid="true"]');
      const message = scope.querySelector<HTMLElement>('[role="alert"]');
      const target = field ?? message;
      if (!target) return;
      if (target === message && !message.hasAttribute("tabindex")) message.tabIndex = -1;
      target.focus();
      pending = null;
    });
    document.addEventListener("submit", onSubmit, true);
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["aria-invalid"],
    });
    return () => {
      document.removeEventListener("submit", onSubmit, true);
      observer.disconnect();
    };
  }, []);
  return null;
}

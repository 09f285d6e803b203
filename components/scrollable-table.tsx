import type { ReactNode } from "react";

/**
 * Wraps a table that may scroll sideways on a narrow screen. Named and focusable, so that a
 * keyboard user can reach it and scroll it with the arrow keys (axe: scrollable-region-focusable).
 */
export function ScrollableTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <section
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to be scrolled by keyboard
      tabIndex={0}
      className="overflow-x-auto rounded-lg border border-line bg-surface"
    >
      {children}
    </section>
  );
}

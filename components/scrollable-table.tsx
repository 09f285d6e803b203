"use client";

import { type ReactNode, useEffect, useRef, useState } from "react";

/**
 * Wraps a table that may scroll sideways on a narrow screen: a named region, which takes the
 * focus only while it does scroll, so that a keyboard user can reach it and scroll it with the
 * arrow keys (axe: scrollable-region-focusable); a table that fits is not one more tab stop.
 * Until its script has measured it (before hydration, or without JavaScript) it does take the
 * focus, so that a table that scrolls is never out of the keyboard's reach; `data-measured`
 * says it was measured. `frame` replaces the default border and background (the region scrolls
 * whatever it says).
 */
export function ScrollableTable({
  label,
  children,
  frame = "rounded-lg border border-line bg-surface",
}: {
  label: string;
  children: ReactNode;
  frame?: string;
}) {
  const box = useRef<HTMLElement>(null);
  const [scrolls, setScrolls] = useState<boolean | null>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setScrolls(element.scrollWidth > element.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    for (const child of element.children) observer.observe(child);
    return () => observer.disconnect();
  }, []);
  return (
    <section
      ref={box}
      aria-label={label}
      tabIndex={scrolls === false ? undefined : 0}
      data-measured={scrolls === null ? undefined : ""}
      className={`overflow-x-auto ${frame}`}
    >
      {children}
    </section>
  );
}

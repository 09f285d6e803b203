import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { STAFF_PAGES } from "./staff-pages";

type Finding = { what: string; detail: string };

/**
 * What the page breaks of WCAG 1.4.11 and of its regions, measured in the browser: a visible
 * text field or list whose border is below 3:1 against what is behind it; two regions with
 * one name; a table wrapper that takes the focus without scrolling, or scrolls without it.
 */
function findings(page: Page): Promise<Finding[]> {
  return page.evaluate(() => {
    const found: { what: string; detail: string }[] = [];
    const rgb = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const [R, G, B] = [r, g, b].map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * R + 0.7152 * G + 0.0722 * B;
    };
    const behind = (element: Element): number[] => {
      for (let node = element.parentElement; node; node = node.parentElement) {
        const color = getComputedStyle(node).backgroundColor;
        const parts = rgb(color);
        if (parts.length === 3 || (parts.length === 4 && parts[3] > 0)) return parts.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const fields = document.querySelectorAll<HTMLElement>(
      "input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=submit]), select, textarea",
    );
    for (const field of fields) {
      if (field.offsetParent === null) continue;
      const style = getComputedStyle(field);
      if (Number.parseFloat(style.borderTopWidth) === 0) continue;
      const [a, b] = [luminance(rgb(style.borderTopColor).slice(0, 3)), luminance(behind(field))];
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      if (ratio < 3)
        found.push({
          what: "field border below 3:1",
          detail: `${field.id || field.getAttribute("name")}: ${ratio.toFixed(2)}`,
        });
    }
    const names = new Map<string, number>();
    for (const region of document.querySelectorAll<HTMLElement>(
      "section[aria-label], section[aria-labelledby], [role=region]",
    )) {
      const label =
        region.getAttribute("aria-label") ??
        (region.getAttribute("aria-labelledby") ?? "")
          .split(" ")
          .map((id) => document.getElementById(id)?.textContent?.trim() ?? "")
          .join(" ");
      names.set(label, (names.get(label) ?? 0) + 1);
    }
    for (const [name, count] of names)
      if (count > 1) found.push({ what: "regions sharing a name", detail: `${name} (${count})` });
    for (const box of document.querySelectorAll<HTMLElement>("section.overflow-x-auto")) {
      const scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls !== (box.tabIndex === 0))
        found.push({
          what: scrolls ? "scrolling table not focusable" : "table wrapper focusable without scrolling",
          detail: box.getAttribute("aria-label") ?? "",
        });
    }
    return found;
  });
}

test("on every staff page field borders reach 3:1, regions have their own names and only scrolling tables take the focus", async ({
  page,
  signInAs,
}) => {
  test.setTimeout(300_000);
  await signInAs("admin");
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of STAFF_PAGES) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      // the table wrappers have measured whether they scroll
      await expect(page.locator("section.overflow-x-auto:not([data-measured])")).toHaveCount(0);
      expect(await findings(page), `${path} at ${width} px`).toEqual([]);
    }
  }
});

"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type StaffNavItem = { href: string; label: string };

function isWithin(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/** The staff menu. A client component only to know the current path for aria-current. */
export function StaffNav({ label, items }: { label: string; items: StaffNavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-1 lg:flex-col">
        {items.map((item) => {
          const exact = pathname === item.href;
          const within = isWithin(pathname, item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={exact ? "page" : within ? "true" : undefined}
                className={
                  within
                    ? "block rounded-md bg-brand px-3 py-2 text-sm font-semibold text-white no-underline hover:text-white"
                    : "block rounded-md px-3 py-2 text-sm text-ink no-underline hover:bg-brand-soft hover:text-brand-strong"
                }
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

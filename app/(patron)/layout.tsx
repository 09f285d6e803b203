import type { ReactNode } from "react";

/**
 * The patrons' public pages (links in notices): no staff shell, no session, no cookie of
 * their own. Small and mobile-first; each page sets its language on its content.
 */
export default function PatronLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main" tabIndex={-1} className="mx-auto w-full max-w-xl px-4 py-6 focus:outline-none sm:py-10">
      {children}
    </main>
  );
}

import type { ReactNode } from "react";
import { FocusFirstError } from "@/components/focus-first-error";
import { LanguageSwitcher } from "@/components/language-switcher";

/** Pages outside the staff shell (sign-in, later password reset): no menu, no library data. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-line bg-surface">
        <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
          <p className="text-xl font-bold tracking-tight text-brand">Rappel</p>
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-md flex-1 px-4 py-12 focus:outline-none">
        {children}
      </main>
      <FocusFirstError />
    </div>
  );
}

"use client";

import { LoadError } from "@/components/load-error";

/** A failing layout, e.g. the staff shell when the database cannot be reached. */
export default function RootError({ retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-2xl px-4 py-16 focus:outline-none">
      <LoadError retry={retry} />
    </main>
  );
}

"use client";

import { LoadError } from "@/components/load-error";

/** A failing staff page, shown inside the shell. */
export default function StaffError({ retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return <LoadError retry={retry} />;
}

import type { ReactNode } from "react";

/** A label, the input, an optional hint and the field's errors, wired for screen readers. */
export function FormField({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: (describedBy: string | undefined, invalid: boolean) => ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {children(describedBy, Boolean(errorId))}
      {errorId ? (
        <p id={errorId} className="text-sm font-medium text-red-800">
          {errors?.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export const inputClass =
  "w-full rounded-md border border-field bg-surface px-3 py-2 text-ink aria-[invalid=true]:border-red-700";

export const primaryButtonClass =
  "rounded-md bg-brand px-4 py-2 font-medium text-white hover:bg-brand-strong disabled:opacity-70";

export const secondaryButtonClass =
  "rounded-md border border-line bg-surface px-4 py-2 font-medium text-ink hover:bg-brand-soft disabled:opacity-70";

/** The form's overall outcome, announced when it changes. */
export function FormMessage({ ok, message }: { ok: boolean; message?: string }) {
  if (!message) return null;
  return (
    <p
      role={ok ? "status" : "alert"}
      className={
        ok
          ? "rounded-md bg-brand-soft p-3 font-medium text-brand-strong"
          : "rounded-md bg-red-50 p-3 font-medium text-red-800"
      }
    >
      {message}
    </p>
  );
}

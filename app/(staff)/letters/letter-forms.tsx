"use client";

import { type ReactNode, useActionState } from "react";
import { FormMessage } from "@/components/form-field";
import { type ActionState, initialActionState } from "@/lib/auth/action-state";

/**
 * A form around one letters action: its outcome is announced above the fields, the rest
 * (inputs, the table of letters to tick, the buttons) comes from the server-rendered page.
 */
export function LetterActionForm({
  action,
  children,
  className,
  label,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  children: ReactNode;
  className?: string;
  label?: string;
}) {
  const [state, formAction, pending] = useActionState(action, initialActionState as ActionState);
  return (
    <form action={formAction} className={className} aria-label={label} aria-busy={pending}>
      <FormMessage ok={state.ok} message={state.message} />
      {state.fieldErrors
        ? Object.values(state.fieldErrors)
            .flat()
            .map((error) => (
              <p key={error} role="alert" className="text-sm font-medium text-red-800">
                {error}
              </p>
            ))
        : null}
      <fieldset disabled={pending} className="contents">
        {children}
      </fieldset>
    </form>
  );
}

"use client";

import { type FormEvent, startTransition, useActionState } from "react";
import { type ActionState, initialActionState } from "@/lib/auth/action-state";

/**
 * A staff form's action that keeps what was typed: React resets a form given to `action`
 * after every submit, so a refused value would vanish with its message. Submitting through
 * `onSubmit` leaves the fields as they are.
 */
export function useKeptFormAction(
  action: (state: ActionState, formData: FormData) => Promise<ActionState>,
): [ActionState, (event: FormEvent<HTMLFormElement>) => void, boolean] {
  const [state, formAction, pending] = useActionState(action, initialActionState as ActionState);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  return [state, onSubmit, pending];
}

// The state every staff form's action returns (useActionState). Client-safe.

export type FieldErrors = Partial<Record<string, string[]>>;

/**
 * `ok` says whether the change was made; `message` is for the person at the form (already
 * in their language); `fieldErrors` are per input name. Never holds what was typed into a
 * password field. Some actions add fields of their own (TExtra).
 */
export type ActionState<TExtra extends object = Record<never, never>> = {
  ok: boolean;
  message?: string;
  fieldErrors?: FieldErrors;
  /**
   * After a refusal: the text fields as they were sent, so the form can show them again and
   * nothing typed is lost (`defaultValue={state.entered?.body}`). Never a password field.
   */
  entered?: Record<string, string>;
} & Partial<TExtra>;

export const initialActionState = { ok: false } as const satisfies ActionState;

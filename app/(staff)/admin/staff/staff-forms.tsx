"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import {
  FormField,
  FormMessage,
  inputClass,
  primaryButtonClass,
  secondaryButtonClass,
} from "@/components/form-field";
import { type ActionState, initialActionState } from "@/lib/auth/action-state";
import { STAFF_ROLES, type StaffRole } from "@/lib/auth/roles";
import {
  createStaffAction,
  resetStaffPasswordAction,
  setStaffDisabledAction,
  type TemporaryPasswordState,
  updateStaffAction,
} from "./actions";

export type BranchChoice = { id: number; name: string };
type Profile = { name: string; role: StaffRole; branchId: number | null };

function ProfileFields({
  state,
  branches,
  profile,
  roleLocked,
}: {
  state: ActionState;
  branches: BranchChoice[];
  profile?: Profile;
  roleLocked?: boolean;
}) {
  const t = useTranslations("staffAdmin");
  const tRoles = useTranslations("roles");
  const errors = state.fieldErrors ?? {};
  return (
    <>
      <FormField id="name" label={t("name")} errors={errors.name}>
        {(describedBy, invalid) => (
          <input
            id="name"
            name="name"
            required
            maxLength={120}
            autoComplete="off"
            defaultValue={profile?.name}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            className={inputClass}
          />
        )}
      </FormField>
      <FormField id="role" label={t("role")} hint={t("roleHint")} errors={errors.role}>
        {(describedBy, invalid) => (
          <select
            id="role"
            name="role"
            required
            disabled={roleLocked}
            defaultValue={profile?.role ?? "desk"}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            className={inputClass}
          >
            {STAFF_ROLES.map((role) => (
              <option key={role} value={role}>
                {tRoles(role)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {/* A disabled select is not submitted: send the unchanged role along. */}
      {roleLocked && profile ? <input type="hidden" name="role" value={profile.role} /> : null}
      <FormField id="branchId" label={t("branch")} hint={t("branchHint")} errors={errors.branchId}>
        {(describedBy, invalid) => (
          <select
            id="branchId"
            name="branchId"
            defaultValue={profile?.branchId ?? ""}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            className={inputClass}
          >
            <option value="">{t("allBranches")}</option>
            {branches.map((branch) => (
              <option key={branch.id} value={branch.id}>
                {branch.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
    </>
  );
}

/** The one-time display of a temporary password. */
function TemporaryPassword({ state }: { state: ActionState<TemporaryPasswordState> }) {
  const t = useTranslations("staffAdmin");
  if (!state.ok || !state.temporaryPassword) return null;
  return (
    <div className="rounded-md border border-brand bg-brand-soft p-4">
      <p className="font-medium">{state.email}</p>
      <p className="mt-2">
        <span className="block text-sm">{t("temporaryPassword")}</span>
        <code className="mt-1 inline-block whitespace-nowrap rounded bg-surface px-2 py-1 font-mono text-lg font-semibold tracking-wider">
          {state.temporaryPassword}
        </code>
      </p>
      <p className="mt-2 text-sm">{t("temporaryPasswordNote")}</p>
    </div>
  );
}

export function CreateStaffForm({ branches }: { branches: BranchChoice[] }) {
  const t = useTranslations("staffAdmin");
  const [state, formAction, pending] = useActionState(createStaffAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  if (state.ok) {
    return (
      <div className="flex flex-col gap-4">
        <FormMessage ok message={state.message} />
        <TemporaryPassword state={state} />
        <p className="flex flex-wrap gap-4">
          <Link href="/admin/staff" className="font-medium underline">
            {t("backToList")}
          </Link>
          <a href="/admin/staff/new" className="font-medium underline">
            {t("createAnother")}
          </a>
        </p>
      </div>
    );
  }
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <FormMessage ok={false} message={state.message} />
      <FormField id="email" label={t("email")} errors={errors.email}>
        {(describedBy, invalid) => (
          <input
            id="email"
            name="email"
            type="email"
            required
            autoComplete="off"
            aria-describedby={describedBy}
            aria-invalid={invalid}
            className={inputClass}
          />
        )}
      </FormField>
      <ProfileFields state={state} branches={branches} />
      <button type="submit" disabled={pending} className={`${primaryButtonClass} self-start`}>
        {pending ? t("creating") : t("create")}
      </button>
    </form>
  );
}

export function EditStaffForm({
  id,
  profile,
  branches,
  isSelf,
}: {
  id: number;
  profile: Profile;
  branches: BranchChoice[];
  isSelf: boolean;
}) {
  const t = useTranslations("staffAdmin");
  const [state, formAction, pending] = useActionState(updateStaffAction, initialActionState);
  return (
    // React resets a form after its action; keyed by the saved values, the fields then show
    // what was saved rather than the values the page first rendered with.
    <form
      key={`${profile.name}|${profile.role}|${profile.branchId}`}
      action={formAction}
      className="flex flex-col gap-4"
    >
      <FormMessage ok={state.ok} message={state.message} />
      <input type="hidden" name="id" value={id} />
      <ProfileFields state={state} branches={branches} profile={profile} roleLocked={isSelf} />
      <button type="submit" disabled={pending} className={`${primaryButtonClass} self-start`}>
        {pending ? t("saving") : t("save")}
      </button>
    </form>
  );
}

export function DisableStaffForm({ id, disabled }: { id: number; disabled: boolean }) {
  const t = useTranslations("staffAdmin");
  const [state, formAction, pending] = useActionState(setStaffDisabledAction, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="disabled" value={disabled ? "false" : "true"} />
      <p id={`disable-${id}-hint`} className="text-sm text-muted">
        {disabled ? t("enableHint") : t("disableHint")}
      </p>
      <button
        type="submit"
        disabled={pending}
        aria-describedby={`disable-${id}-hint`}
        className={`${secondaryButtonClass} self-start`}
      >
        {disabled ? t("enable") : t("disable")}
      </button>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}

export function ResetPasswordForm({ id }: { id: number }) {
  const t = useTranslations("staffAdmin");
  const [state, formAction, pending] = useActionState(resetStaffPasswordAction, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <input type="hidden" name="id" value={id} />
      <p id={`reset-${id}-hint`} className="text-sm text-muted">
        {t("resetHint")}
      </p>
      <button
        type="submit"
        disabled={pending}
        aria-describedby={`reset-${id}-hint`}
        className={`${secondaryButtonClass} self-start`}
      >
        {t("resetPassword")}
      </button>
      <FormMessage ok={state.ok} message={state.message} />
      <TemporaryPassword state={state} />
    </form>
  );
}

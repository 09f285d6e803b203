import { Prisma } from "@/lib/generated/prisma/client";

/** Who made a change: a staff member, or a named process ("system", "import", "demo"). */
export type AuditActor = { actorId: number | null; actorLabel: string };

export type AuditChange = {
  /** what happened, "<entity>.<verb>": "staff.create", "stage.update", "send-run.start" */
  action: string;
  /** the changed thing's kind and id: "StaffUser" / "12" */
  entityType: string;
  entityId: string | number;
  /** set when the change concerns a patron, so it shows on the patron's page */
  patronId?: number | null;
  before?: unknown;
  after?: unknown;
};

/** The app's client or a transaction's: anything that can create an audit entry. */
type Writer = {
  auditEntry: { create(args: { data: Prisma.AuditEntryUncheckedCreateInput }): PromiseLike<unknown> };
};

/** "An Peeters (an@bib.be)": readable after the account is gone. */
export function staffActor(staff: { id: number; name: string; email: string }): AuditActor {
  return { actorId: staff.id, actorLabel: `${staff.name} (${staff.email})` };
}

export function systemActor(label: string): AuditActor {
  return { actorId: null, actorLabel: label };
}

// Secrets never reach the log, however a caller builds its before/after objects.
const SECRET_KEY =
  /^(password|passwordHash|newPassword|currentPassword|confirmPassword|temporaryPassword|apiKey)$|secret|token|hash$/i;

function toJson(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  if (value === undefined || value === null) return Prisma.DbNull;
  const json = JSON.stringify(value, (key, inner) => (key && SECRET_KEY.test(key) ? undefined : inner));
  return json === undefined ? Prisma.DbNull : (JSON.parse(json) as Prisma.InputJsonValue);
}

/**
 * Writes one audit entry of a library (the audit log belongs to a library). Call it with the transaction client of the change itself, so the
 * entry exists exactly when the change does.
 */
export async function recordAudit(
  tx: Writer,
  /** libraryId null only for a change outside every library (the command line creating a consortium-wide account) */
  entry: AuditActor & AuditChange & { libraryId: number | null },
): Promise<void> {
  await tx.auditEntry.create({
    data: {
      libraryId: entry.libraryId,
      actorId: entry.actorId,
      actorLabel: entry.actorLabel,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      patronId: entry.patronId ?? null,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
  });
}

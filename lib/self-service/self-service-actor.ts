import type { AuditActor } from "@/lib/audit/record-audit";

/** Changes the patron made from a link in a notice, as the audit log shows them. */
export const PATRON_ACTOR: AuditActor = { actorId: null, actorLabel: "patron (self-service link)" };

import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db-client";
import type { ChannelPreference } from "@/lib/generated/prisma/enums";
import { PATRON_ACTOR } from "./self-service-actor";
import type { VerifiedLink } from "./verify-link";

export const ZPreferences = z.object({
  /** empty = keep the current address */
  email: z
    .string()
    .trim()
    .max(254)
    .transform((value) => value.toLowerCase())
    .refine((value) => value === "" || z.string().email().safeParse(value).success, { message: "email" }),
  preDueOptIn: z.boolean(),
  language: z.enum(["nl", "fr", "en"]),
  letters: z.boolean(),
});
export type Preferences = z.infer<typeof ZPreferences>;

export type PreferencesView = {
  firstName: string;
  /** the current address, masked ("l•••@example.be"): a forwarded email shows no full address */
  maskedEmail: string | null;
  pendingEmail: string | null;
  preDueOptIn: boolean;
  language: "nl" | "fr" | "en";
  letters: boolean;
};

export async function loadPreferences(db: Db, link: VerifiedLink): Promise<PreferencesView> {
  const patron = await db.patron.findFirstOrThrow({
    where: { id: link.patronId, libraryId: link.libraryId },
    select: {
      firstName: true,
      email: true,
      pendingEmail: true,
      preDueOptIn: true,
      language: true,
      channelPreference: true,
    },
  });
  return {
    firstName: patron.firstName,
    maskedEmail: patron.email ? maskEmail(patron.email) : null,
    pendingEmail: patron.pendingEmail ? maskEmail(patron.pendingEmail) : null,
    preDueOptIn: patron.preDueOptIn,
    language: patron.language,
    letters: patron.channelPreference === "letter",
  };
}

export function maskEmail(email: string): string {
  const [local, domain] = email.split("@");
  return domain ? `${local.slice(0, 1)}•••@${domain}` : "•••";
}

/**
 * Saves what the patron chose: reminders, language and letters at once; a new email address
 * only waits for confirmation (`pendingEmail`, confirmed by `confirmEmailChange`). Returns the
 * address to send the confirmation to, or null when none was asked for.
 */
export async function changePreferences(
  db: Db,
  link: VerifiedLink,
  input: Preferences,
  now: Date = new Date(),
): Promise<{ confirmTo: string | null; requestedAt: Date | null }> {
  return db.$transaction(async (tx) => {
    const patron = await tx.patron.findFirstOrThrow({
      where: { id: link.patronId, libraryId: link.libraryId },
      select: { email: true, preDueOptIn: true, language: true, channelPreference: true },
    });
    const before = {
      preDueOptIn: patron.preDueOptIn,
      language: patron.language,
      channelPreference: patron.channelPreference,
    };
    // letters chosen here; unticked, a letter preference goes back to "follow the stages"
    const channelPreference: ChannelPreference | null = input.letters
      ? "letter"
      : patron.channelPreference === "letter"
        ? null
        : patron.channelPreference;
    const after = { preDueOptIn: input.preDueOptIn, language: input.language, channelPreference };
    const email = input.email.trim().toLowerCase();
    const newEmail = email !== "" && email !== patron.email?.toLowerCase() ? email : null;
    await tx.patron.update({
      where: { id: link.patronId },
      data: { ...after, ...(newEmail ? { pendingEmail: newEmail, pendingEmailAt: now } : {}) },
    });
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      await recordAudit(tx, {
        libraryId: link.libraryId,
        ...PATRON_ACTOR,
        action: "patron.preferences.update",
        entityType: "Patron",
        entityId: link.patronId,
        patronId: link.patronId,
        before,
        after,
      });
    }
    return { confirmTo: newEmail, requestedAt: newEmail ? now : null };
  });
}

import { hashPassword } from "@/lib/auth/password";
import type { StaffRole } from "@/lib/auth/roles";
import type { Db } from "@/lib/db-client";

/** Test fixture: a staff account with a known password (hashes are slow: reuse this one). */
export const TEST_PASSWORD = "correct horse battery";
let testHash: Promise<string> | undefined;

export async function createTestStaff(
  db: Db,
  fields: {
    email: string;
    role?: StaffRole;
    name?: string;
    disabled?: boolean;
    mustChangePassword?: boolean;
    /** the library the account belongs to; none = a consortium-wide account */
    libraryId?: number | null;
  },
) {
  testHash ??= hashPassword(TEST_PASSWORD);
  return db.staffUser.create({
    data: {
      email: fields.email,
      name: fields.name ?? fields.email.split("@")[0],
      role: fields.role ?? "desk",
      passwordHash: await testHash,
      disabledAt: fields.disabled ? new Date() : null,
      mustChangePassword: fields.mustChangePassword ?? false,
      libraryId: fields.libraryId ?? null,
    },
  });
}

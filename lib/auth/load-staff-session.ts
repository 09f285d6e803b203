import type { Db } from "@/lib/db-client";
import type { StaffLibrary } from "@/lib/library/current-library";
import type { StaffRole } from "./roles";

/** The signed-in staff member as pages and actions see them, read fresh from the database. */
export type StaffSession = {
  id: number;
  email: string;
  name: string;
  role: StaffRole;
  /** the account's own library; null = consortium-wide account */
  libraryId: number | null;
  /**
   * The library this request works for: the account's own, or for a consortium-wide account
   * the one it chose in the header (null until it has chosen, when there is more than one).
   */
  library: StaffLibrary | null;
  /** null = all branches; set = this branch's work comes first */
  branchId: number | null;
  branchName: string | null;
  mustChangePassword: boolean;
};

/** A staff session whose library is decided: what pages, actions and routes work with. */
export type StaffWithLibrary = StaffSession & { library: StaffLibrary };

const LIBRARY = { id: true, code: true, name: true, timeZone: true } as const;

/**
 * The account behind a valid session cookie, or null when it is gone, disabled, or its
 * session version moved on (an admin reset the password or disabled it since the cookie was
 * made). Role, branch and library come from the database, so a change takes effect at once.
 * `chosenLibraryId` is a consortium-wide account's choice (a cookie); an account that
 * belongs to a library ignores it.
 */
export async function loadStaffSession(
  db: Db,
  claim: { staffId?: string | number | null; sessionVersion?: number | null },
  chosenLibraryId?: number | null,
): Promise<StaffSession | null> {
  const id = Number(claim.staffId);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const user = await db.staffUser.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      libraryId: true,
      library: { select: LIBRARY },
      branchId: true,
      branch: { select: { name: true } },
      mustChangePassword: true,
      disabledAt: true,
      sessionVersion: true,
    },
  });
  if (!user || user.disabledAt || user.sessionVersion !== (claim.sessionVersion ?? 0)) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    libraryId: user.libraryId,
    library: user.library ?? (await consortiumChoice(db, chosenLibraryId)),
    branchId: user.branchId,
    branchName: user.branch?.name ?? null,
    mustChangePassword: user.mustChangePassword,
  };
}

/** The library a consortium-wide account chose; when the deployment holds one, that one. */
async function consortiumChoice(db: Db, chosenLibraryId?: number | null): Promise<StaffLibrary | null> {
  if (chosenLibraryId != null && Number.isSafeInteger(chosenLibraryId)) {
    const chosen = await db.library.findUnique({ where: { id: chosenLibraryId }, select: LIBRARY });
    if (chosen) return chosen;
  }
  const only = await db.library.findMany({ select: LIBRARY, take: 2 });
  return only.length === 1 ? only[0] : null;
}

/** Every library a consortium-wide account may choose from, by name. */
export async function listChoosableLibraries(db: Db): Promise<StaffLibrary[]> {
  return db.library.findMany({ select: LIBRARY, orderBy: { name: "asc" } });
}

import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, useTestDb } from "@/test/db";
import { createTestStaff } from "@/test/test-staff";
import { loadStaffSession } from "./load-staff-session";
import { refuseRoute } from "./staff-route";

const db = useTestDb();

describe("the library a session works for", () => {
  let a: { id: number; name: string };
  let b: { id: number; name: string };

  beforeEach(async () => {
    await resetDatabase(db);
    a = await db.library.create({ data: { code: "a", name: "Bibliotheek A" } });
    b = await db.library.create({ data: { code: "b", name: "Bibliotheek B" } });
  });

  it("an account of a library always works in its own, whatever it chose", async () => {
    const staff = await createTestStaff(db, { email: "b@bib.be", libraryId: b.id });
    const session = await loadStaffSession(db, { staffId: staff.id, sessionVersion: 0 }, a.id);
    expect(session?.library).toMatchObject({ id: b.id, name: "Bibliotheek B" });
  });

  it("a consortium-wide account works in the library it chose, and in none before it chose", async () => {
    const staff = await createTestStaff(db, { email: "c@bib.be", role: "admin" });
    const unchosen = await loadStaffSession(db, { staffId: staff.id, sessionVersion: 0 });
    expect(unchosen?.library).toBeNull();
    expect(refuseRoute(unchosen, "desk")).toMatchObject({ status: 409 });
    const chosen = await loadStaffSession(db, { staffId: staff.id, sessionVersion: 0 }, b.id);
    expect(chosen?.library?.id).toBe(b.id);
    expect(refuseRoute(chosen, "admin")).toBeNull();
    const gone = await loadStaffSession(db, { staffId: staff.id, sessionVersion: 0 }, 999_999);
    expect(gone?.library).toBeNull();
  });

  it("with one library in the deployment a consortium-wide account needs no choice", async () => {
    await db.library.delete({ where: { id: b.id } });
    const staff = await createTestStaff(db, { email: "c@bib.be", role: "admin" });
    const session = await loadStaffSession(db, { staffId: staff.id, sessionVersion: 0 });
    expect(session?.library?.id).toBe(a.id);
  });

  it("routes refuse signed-out (401), a low role or a forced password change (403)", async () => {
    const desk = await createTestStaff(db, { email: "d@bib.be", libraryId: a.id });
    const session = await loadStaffSession(db, { staffId: desk.id, sessionVersion: 0 });
    expect(refuseRoute(null, "desk")).toMatchObject({ status: 401 });
    expect(refuseRoute(session, "librarian")).toMatchObject({ status: 403 });
    expect(refuseRoute(session, "desk")).toBeNull();
    expect(refuseRoute(session && { ...session, mustChangePassword: true }, "desk")).toMatchObject({
      status: 403,
    });
  });
});

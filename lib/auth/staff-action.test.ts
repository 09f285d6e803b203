import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { DomainError } from "@/lib/errors/domain-error";
import { createStaffUser } from "@/lib/staff/create-staff-user";
import nl from "@/messages/nl.json";
import { resetDatabase, useTestDb } from "@/test/db";
import { createTestStaff } from "@/test/test-staff";
import { createStaffActionFactory, type Translate } from "./define-staff-action";
import { loadStaffSession } from "./load-staff-session";

const db = useTestDb();

/** The Dutch catalogue, without ICU formatting: enough to see which message was chosen. */
const translate: Translate = (key) => {
  const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], nl);
  return typeof value === "string" ? value : undefined;
};

let signedIn: number | null = null;
/** a consortium-wide account's choice of library (the header's cookie) */
let chosenLibrary: number | null = null;
const revalidated: string[] = [];
const staffAction = createStaffActionFactory(() => ({
  db,
  getSession: async () => {
    if (signedIn === null) return null;
    const user = await db.staffUser.findUnique({ where: { id: signedIn }, select: { sessionVersion: true } });
    return loadStaffSession(db, { staffId: signedIn, sessionVersion: user?.sessionVersion }, chosenLibrary);
  },
  translate: async () => translate,
  revalidatePath: (path) => {
    revalidated.push(path);
  },
  redirect: (path) => {
    throw new Error(`redirect ${path}`);
  },
}));

/** A librarian's action: renames the library and writes the audit entry. */
const run = vi.fn();
const renameLibrary = staffAction({
  name: "renameLibrary",
  role: "librarian",
  schema: z.object({ id: z.coerce.number().int(), name: z.string().trim().min(1, { error: "required" }) }),
  async run({ tx, input, audit }) {
    run();
    const before = await tx.library.findUniqueOrThrow({ where: { id: input.id }, select: { name: true } });
    const after = await tx.library.update({
      where: { id: input.id },
      data: { name: input.name },
      select: { name: true },
    });
    await audit({ action: "library.rename", entityType: "Library", entityId: input.id, before, after });
    if (input.name === "boom") throw new DomainError("lastAdmin");
    if (input.name === "crash") throw new Error("database on fire");
    if (input.name === "several")
      throw DomainError.all([
        { code: "required", field: "name" },
        { code: "textTooLong", field: "id", values: { max: 5 } },
        { code: "lastAdmin" },
      ]);
  },
  revalidate: ["/settings"],
});

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

async function state() {
  const library = await db.library.findFirstOrThrow({ select: { name: true } });
  return { name: library.name, audits: await db.auditEntry.count() };
}

describe("staffAction", () => {
  let libraryId: number;
  let desk: number;
  let librarian: number;

  beforeEach(async () => {
    await resetDatabase(db);
    run.mockClear();
    revalidated.length = 0;
    signedIn = null;
    chosenLibrary = null;
    libraryId = (await db.library.create({ data: { code: "t", name: "Bibliotheek Test" } })).id;
    desk = (await createTestStaff(db, { email: "desk@bib.be", role: "desk" })).id;
    librarian = (await createTestStaff(db, { email: "lib@bib.be", role: "librarian", name: "Lies" })).id;
  });

  afterEach(() => vi.restoreAllMocks());

  it("a desk user calling a librarian action is refused and nothing changes", async () => {
    signedIn = desk;
    const result = await renameLibrary({ ok: false }, form({ id: String(libraryId), name: "Overgenomen" }));
    expect(result).toEqual({ ok: false, message: nl.errors.forbidden, fieldErrors: undefined });
    expect(run).not.toHaveBeenCalled();
    expect(await state()).toEqual({ name: "Bibliotheek Test", audits: 0 });
    expect(revalidated).toEqual([]);
  });

  it("the action works in the staff member's own library, whatever ids the form carries", async () => {
    const other = await db.library.create({ data: { code: "o", name: "Andere bib" } });
    const own = await createTestStaff(db, { email: "own@bib.be", role: "librarian", libraryId: other.id });
    const whereAmI = staffAction({
      name: "whereAmI",
      role: "desk",
      schema: z.object({ libraryId: z.coerce.number() }),
      run: async ({ library, staff, audit }) => {
        await audit({ action: "test.where", entityType: "Library", entityId: library.id });
        return `${library.name}/${staff.library.id}`;
      },
      onSuccess: (where) => ({ message: where }),
    });
    signedIn = own.id;
    const result = await whereAmI({ ok: false }, form({ libraryId: String(libraryId) }));
    expect(result).toEqual({ ok: true, message: `Andere bib/${other.id}` });
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "test.where" } });
    expect(entry.libraryId).toBe(other.id);
  });

  it("a consortium-wide account that has not chosen among several libraries is refused and nothing changes", async () => {
    const second = await db.library.create({ data: { code: "two", name: "Tweede bib" } });
    signedIn = librarian; // no library of its own
    const refused = await renameLibrary({ ok: false }, form({ id: String(libraryId), name: "Overgenomen" }));
    expect(refused).toEqual({ ok: false, message: nl.errors.chooseLibrary, fieldErrors: undefined });
    expect(run).not.toHaveBeenCalled();
    expect(await state()).toEqual({ name: "Bibliotheek Test", audits: 0 });

    chosenLibrary = second.id;
    const chosen = await renameLibrary({ ok: false }, form({ id: String(libraryId), name: "Bib Nieuw" }));
    expect(chosen).toEqual({ ok: true });
    expect((await db.auditEntry.findFirstOrThrow()).libraryId).toBe(second.id);
  });

  it("a signed-out call is refused and nothing changes", async () => {
    const result = await renameLibrary({ ok: false }, form({ id: String(libraryId), name: "Overgenomen" }));
    expect(result.message).toBe(nl.errors.signedOut);
    expect(await state()).toEqual({ name: "Bibliotheek Test", audits: 0 });
  });

  it("a disabled account's session is refused at once", async () => {
    signedIn = librarian;
    await db.staffUser.update({ where: { id: librarian }, data: { disabledAt: new Date() } });
    const result = await renameLibrary({ ok: false }, form({ id: String(libraryId), name: "Overgenomen" }));
    expect(result.message).toBe(nl.errors.signedOut);
    expect(await state()).toEqual({ name: "Bibliotheek Test", audits: 0 });
  });

  it("a librarian's change is saved with its audit entry, and the page revalidated", async () => {
    signedIn = librarian;
    const result = await renameLibrary({ ok: false }, form({ id: String(libraryId), name: "Bib Nieuw" }));
    expect(result).toEqual({ ok: true });
    expect(await state()).toEqual({ name: "Bib Nieuw", audits: 1 });
    const entry = await db.auditEntry.findFirstOrThrow();
    expect(entry).toMatchObject({
      actorId: librarian,
      actorLabel: "Lies (lib@bib.be)",
      action: "library.rename",
      entityType: "Library",
      entityId: String(libraryId),
      before: { name: "Bibliotheek Test" },
      after: { name: "Bib Nieuw" },
    });
    expect(revalidated).toEqual(["/settings"]);
  });

  it("a preview (rollBack) returns what its run saw and keeps nothing it wrote, audit included", async () => {
    const previewRename = staffAction<
      z.ZodObject<{ id: z.ZodCoercedNumber; name: z.ZodString }>,
      string,
      { seen: string }
    >({
      name: "previewRename",
      role: "librarian",
      schema: z.object({ id: z.coerce.number(), name: z.string() }),
      rollBack: true,
      async run({ tx, input, audit }) {
        const after = await tx.library.update({ where: { id: input.id }, data: { name: input.name } });
        await audit({ action: "library.rename", entityType: "Library", entityId: input.id, after });
        return after.name;
      },
      onSuccess: (seen) => ({ seen }),
    });
    signedIn = librarian;
    const result = await previewRename({ ok: false }, form({ id: String(libraryId), name: "Voorproef" }));
    expect(result).toEqual({ ok: true, seen: "Voorproef" });
    expect(await state()).toEqual({ name: "Bibliotheek Test", audits: 0 });
  });

  it("invalid input returns Dutch field errors and changes nothing", async () => {
    signedIn = librarian;
    const result = await renameLibrary(
      { ok: false },
      form({ id: String(libraryId), name: "  ", note: "kept", newPassword: "s3cret-typed" }),
    );
    expect(result).toEqual({
      ok: false,
      message: nl.errors.checkFields,
      fieldErrors: { name: [nl.errors.required] },
      // what was typed comes back for the form to show again; a password never does
      entered: { id: String(libraryId), name: "  ", note: "kept" },
    });
    expect(run).not.toHaveBeenCalled();
  });

  it("a domain error shows its message and rolls back the change and the audit entry", async () => {
    signedIn = librarian;
    const result = await renameLibrary({ ok: false }, form({ id: String(libraryId), name: "boom" }));
    expect(result).toMatchObject({ ok: false, message: nl.errors.lastAdmin });
    expect(await state()).toEqual({ name: "Bibliotheek Test", audits: 0 });
  });

  it("an unexpected error is logged without the input and shown as a generic message", async () => {
    signedIn = librarian;
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const result = await renameLibrary(
      { ok: false },
      form({ id: String(libraryId), name: "crash", password: "s3cret-typed" }),
    );
    expect(result).toMatchObject({ ok: false, message: nl.errors.failed });
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0])).not.toContain("s3cret-typed");
    expect(await state()).toEqual({ name: "Bibliotheek Test", audits: 0 });
  });

  it("someone who must change their password can do nothing else first", async () => {
    signedIn = librarian;
    await db.staffUser.update({ where: { id: librarian }, data: { mustChangePassword: true } });
    const result = await renameLibrary({ ok: false }, form({ id: String(libraryId), name: "Bib Nieuw" }));
    expect(result.message).toBe(nl.errors.mustChangePassword);
    expect(await state()).toEqual({ name: "Bibliotheek Test", audits: 0 });
  });

  it("an email that exists already is 'bestaat al' on the email field", async () => {
    const admin = await createTestStaff(db, { email: "admin@bib.be", role: "admin" });
    signedIn = admin.id;
    const createStaff = staffAction({
      name: "createStaff",
      role: "admin",
      schema: z.object({ email: z.string() }),
      run: ({ tx, input }) =>
        createStaffUser(
          tx,
          { actorId: admin.id, actorLabel: "admin" },
          {
            email: input.email,
            name: "Dubbel",
            role: "desk",
            branchId: null,
            libraryId: null,
            password: "x".repeat(12),
            mustChangePassword: true,
          },
        ),
    });
    const result = await createStaff({ ok: false }, form({ email: "desk@bib.be" }));
    expect(result).toEqual({
      ok: false,
      message: nl.errors.checkFields,
      fieldErrors: { email: [nl.errors.alreadyExists] },
      entered: { email: "desk@bib.be" },
    });
    expect(await db.staffUser.count()).toBe(3);
  });

  it("a NUL byte or another control character in any field is refused at that field before the schema or a query sees it", async () => {
    signedIn = librarian;
    // (half a surrogate pair never reaches an action: FormData turns it into U+FFFD)
    for (const bad of ["Bib\u0000Nieuw", "\u0000", "Bib\u001bNieuw"]) {
      const result = await renameLibrary(
        { ok: false },
        form({ id: String(libraryId), name: bad, other: "fine" }),
      );
      expect(result).toEqual({
        ok: false,
        message: nl.errors.checkFields,
        fieldErrors: { name: [nl.errors.invalidText] },
        entered: { id: String(libraryId), name: bad, other: "fine" },
      });
    }
    // tabs, line breaks and whole emoji pairs are text
    const ok = await renameLibrary({ ok: false }, form({ id: String(libraryId), name: "Bib\tNieuw\r\n😀" }));
    expect(ok).toEqual({ ok: true });
    expect(run).toHaveBeenCalledTimes(1);
  });

  it("several problems come back at once, each at its field, the one without a field as the message", async () => {
    signedIn = librarian;
    const result = await renameLibrary({ ok: false }, form({ id: String(libraryId), name: "several" }));
    expect(result).toEqual({
      ok: false,
      message: nl.errors.lastAdmin,
      fieldErrors: { name: [nl.errors.required], id: [nl.errors.textTooLong] },
      entered: { id: String(libraryId), name: "several" },
    });
    expect(await state()).toEqual({ name: "Bibliotheek Test", audits: 0 });
  });
});

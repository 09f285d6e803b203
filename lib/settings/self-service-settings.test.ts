import { beforeEach, describe, expect, it } from "vitest";
import { parseLink } from "@/lib/self-service/sign-link";
import { resetDatabase, useTestDb } from "@/test/db";
import { createTestLibrary } from "@/test/test-fixtures";
import { checkPublicBaseUrl, exampleLinkPath, saveSelfServiceSettings } from "./self-service-settings";

const db = useTestDb();
beforeEach(() => resetDatabase(db));

const DASHBOARD = "https://rappel.bib.example";
const check = (text: string, sameAsDashboard = false) =>
  checkPublicBaseUrl(text, { dashboardOrigin: DASHBOARD, sameAsDashboard });

describe("checkPublicBaseUrl", () => {
  it("takes an absolute https address and stores its origin", () => {
    expect(check("https://Mijn.Bib.be/")).toEqual({ value: "https://mijn.bib.be" });
    expect(check("  https://mijn.bib.be:8443 ")).toEqual({ value: "https://mijn.bib.be:8443" });
  });

  it("an empty field means not set", () => {
    expect(check("  ")).toEqual({ value: null });
  });

  it("allows http only for this machine", () => {
    expect(check("http://localhost:3000")).toEqual({ value: "http://localhost:3000" });
    expect(check("http://127.0.0.1:3000")).toEqual({ value: "http://127.0.0.1:3000" });
    expect(check("http://mijn.bib.be")).toEqual({
      problem: { code: "settings.urlNotHttps", field: "publicBaseUrl" },
    });
  });

  it("refuses what is not an absolute web address", () => {
    for (const text of ["mijn.bib.be", "www.bib.be/r", "ftp://bib.be", "javascript:alert(1)", "https://"]) {
      expect(check(text), text).toEqual({ problem: { code: "settings.invalidUrl", field: "publicBaseUrl" } });
    }
  });

  it("refuses a path, query or fragment and says the address without it", () => {
    for (const text of ["https://bib.be/rappel", "https://bib.be/?x=1", "https://bib.be/#top"]) {
      expect(check(text), text).toEqual({
        problem: {
          code: "settings.urlWithPath",
          field: "publicBaseUrl",
          values: { origin: "https://bib.be" },
        },
      });
    }
  });

  it("refuses a user name or password in the address, and one too long", () => {
    expect(check("https://jan:geheim@bib.be")).toEqual({
      problem: { code: "settings.urlWithCredentials", field: "publicBaseUrl" },
    });
    expect(check(`https://${"a".repeat(200)}.be`)).toMatchObject({
      problem: { code: "settings.urlTooLong" },
    });
  });

  it("refuses the staff dashboard's own origin unless staff confirm patrons reach it", () => {
    expect(check("https://rappel.bib.example/")).toEqual({
      problem: { code: "settings.urlIsDashboard", field: "publicBaseUrl", values: { origin: DASHBOARD } },
    });
    expect(check("https://rappel.bib.example/", true)).toEqual({ value: DASHBOARD });
  });
});

describe("saveSelfServiceSettings", () => {
  const form = (libraryId: number, publicBaseUrl: string, linkValidityDays: string) => ({
    libraryId,
    publicBaseUrl,
    linkValidityDays,
    dashboardOrigin: DASHBOARD,
    sameAsDashboard: false,
  });

  it("saves the address and the days, and returns the change for the audit log", async () => {
    const t = await createTestLibrary(db);
    const other = await createTestLibrary(db, { code: "O" });
    const result = await db.$transaction((tx) =>
      saveSelfServiceSettings(tx, form(t.library.id, "https://mijn.bib.be/", " 45 ")),
    );
    expect(result).toEqual({
      action: "library.self-service",
      entityType: "Library",
      entityId: t.library.id,
      before: { publicBaseUrl: null, linkValidityDays: 30 },
      after: { publicBaseUrl: "https://mijn.bib.be", linkValidityDays: 45 },
    });
    const [saved, untouched] = await Promise.all(
      [t.library.id, other.library.id].map((id) =>
        db.library.findUniqueOrThrow({
          where: { id },
          select: { publicBaseUrl: true, linkValidityDays: true },
        }),
      ),
    );
    expect(saved).toEqual({ publicBaseUrl: "https://mijn.bib.be", linkValidityDays: 45 });
    expect(untouched).toEqual({ publicBaseUrl: null, linkValidityDays: 30 });
  });

  it("refuses days out of bounds or not a number together with a bad address, writing nothing", async () => {
    const t = await createTestLibrary(db);
    for (const days of ["6", "121", "dertig", "30.5", ""]) {
      const result = db.$transaction((tx) => saveSelfServiceSettings(tx, form(t.library.id, "bib.be", days)));
      await expect(result, days).rejects.toMatchObject({
        name: "DomainError",
        problems: [
          { code: "settings.invalidUrl", field: "publicBaseUrl" },
          { code: "settings.wholeNumberOutOfRange", field: "linkValidityDays", values: { min: 7, max: 120 } },
        ],
      });
    }
    const library = await db.library.findUniqueOrThrow({ where: { id: t.library.id } });
    expect([library.publicBaseUrl, library.linkValidityDays]).toEqual([null, 30]);
  });

  it("saving what is stored changes nothing and has nothing to audit; empty clears the address", async () => {
    const t = await createTestLibrary(db);
    await db.$transaction((tx) =>
      saveSelfServiceSettings(tx, form(t.library.id, "https://mijn.bib.be", "30")),
    );
    const again = await db.$transaction((tx) =>
      saveSelfServiceSettings(tx, form(t.library.id, "https://mijn.bib.be/", "30")),
    );
    expect(again).toBeNull();
    const cleared = await db.$transaction((tx) => saveSelfServiceSettings(tx, form(t.library.id, "", "30")));
    expect(cleared).toMatchObject({ after: { publicBaseUrl: null } });
  });
});

describe("exampleLinkPath", () => {
  it("is a renew link of the real shape whose last day is the validity after today", () => {
    const path = exampleLinkPath("2026-12-01", 30);
    expect(path).toMatch(/^\/r\//);
    expect(parseLink(path.slice(3))).toMatchObject({ purpose: "renew-item", expires: "2026-12-31" });
  });
});

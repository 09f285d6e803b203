import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, useTestDb } from "@/test/db";
import { createTestStaff, TEST_PASSWORD } from "@/test/test-staff";
import { checkCredentials } from "./check-credentials";
import { hashPassword } from "./password";
import { ZNewPassword } from "./password-policy";
import { ACCOUNT_POLICY, CLIENT_POLICY } from "./sign-in-throttle";

const db = useTestDb();
const T0 = new Date("2026-11-30T15:30:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

function attempt(email: string, password: string, options: { ip?: string; now?: Date } = {}) {
  return checkCredentials(db, {
    email,
    password,
    clientIp: options.ip ?? "10.0.0.1",
    now: options.now ?? T0,
  });
}

describe("checkCredentials", () => {
  beforeEach(async () => {
    await resetDatabase(db);
    await createTestStaff(db, { email: "an@bib.be", role: "librarian" });
  });

  it("the right password signs in, whatever the email's case, and returns no password hash", async () => {
    const result = await attempt(" AN@bib.be ", TEST_PASSWORD);
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result)).not.toMatch(/hash|\$2[aby]\$/i);
    const user = await db.staffUser.findUniqueOrThrow({ where: { email: "an@bib.be" } });
    expect(user.lastSignInAt).toEqual(T0);
    expect(user).not.toHaveProperty("passwordHash");
  });

  it("no two passwords sign in as one: over 72 bytes is refused when chosen and never matches", async () => {
    const seventyTwo = "ë".repeat(36); // 72 bytes in UTF-8, 36 characters
    expect(ZNewPassword.safeParse(seventyTwo).success).toBe(true);
    expect(ZNewPassword.safeParse(`${seventyTwo}x`).error?.issues[0].message).toBe("passwordTooLong");
    // an account whose stored password is exactly 72 bytes long
    await db.staffUser.update({
      where: { email: "an@bib.be" },
      data: { passwordHash: await hashPassword(seventyTwo) },
    });
    expect((await attempt("an@bib.be", seventyTwo)).ok).toBe(true);
    // bcrypt alone would accept anything that starts with those 72 bytes
    expect(await attempt("an@bib.be", `${seventyTwo}anything else`)).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("a wrong password and an unknown account get the same answer", async () => {
    expect(await attempt("an@bib.be", "wrong password")).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt("nobody@bib.be", "wrong password")).toEqual({ ok: false, reason: "invalid" });
  });

  it("five wrong passwords lock the account for 15 minutes, even against the right password", async () => {
    for (let i = 1; i < ACCOUNT_POLICY.failures; i++) {
      expect(await attempt("an@bib.be", `guess ${i}`)).toEqual({ ok: false, reason: "invalid" });
    }
    const locked = await attempt("an@bib.be", "guess 5", { now: minutes(1) });
    expect(locked).toEqual({ ok: false, reason: "locked", until: minutes(16) });
    expect(await attempt("an@bib.be", TEST_PASSWORD, { now: minutes(10), ip: "10.0.0.2" })).toMatchObject({
      ok: false,
      reason: "locked",
    });
    expect((await attempt("an@bib.be", TEST_PASSWORD, { now: minutes(16), ip: "10.0.0.2" })).ok).toBe(true);
  });

  it("an unknown email locks after five attempts just like a real account", async () => {
    for (let i = 1; i < ACCOUNT_POLICY.failures; i++) await attempt("nobody@bib.be", `guess ${i}`);
    expect(await attempt("nobody@bib.be", "guess 5")).toMatchObject({ ok: false, reason: "locked" });
    expect(await attempt("nobody@bib.be", "guess 6", { ip: "10.0.0.9" })).toMatchObject({ reason: "locked" });
  });

  it("a successful sign-in starts the failure count again", async () => {
    for (let i = 1; i < ACCOUNT_POLICY.failures; i++) await attempt("an@bib.be", `guess ${i}`);
    expect((await attempt("an@bib.be", TEST_PASSWORD)).ok).toBe(true);
    expect(await attempt("an@bib.be", "one more typo")).toEqual({ ok: false, reason: "invalid" });
  });

  it("twenty failures from one address lock that client out for every account, not others", async () => {
    for (let i = 0; i < CLIENT_POLICY.failures - 1; i++) {
      expect(await attempt(`someone${i}@bib.be`, "guess", { ip: "192.0.2.7" })).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    expect(await attempt("last@bib.be", "guess", { ip: "192.0.2.7" })).toMatchObject({ reason: "locked" });
    expect(await attempt("an@bib.be", TEST_PASSWORD, { ip: "192.0.2.7", now: minutes(5) })).toEqual({
      ok: false,
      reason: "locked",
      until: minutes(15),
    });
    expect((await attempt("an@bib.be", TEST_PASSWORD, { ip: "192.0.2.8", now: minutes(5) })).ok).toBe(true);
  });

  it("client failures spread over more than 15 minutes do not add up", async () => {
    for (let i = 0; i < CLIENT_POLICY.failures - 1; i++)
      await attempt(`x${i}@bib.be`, "guess", { ip: "192.0.2.9" });
    expect(await attempt("late@bib.be", "guess", { ip: "192.0.2.9", now: minutes(16) })).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("a disabled account is refused, and says so only to someone with the right password", async () => {
    await createTestStaff(db, { email: "gone@bib.be", disabled: true });
    expect(await attempt("gone@bib.be", "wrong")).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt("gone@bib.be", TEST_PASSWORD)).toEqual({ ok: false, reason: "disabled" });
  });
});

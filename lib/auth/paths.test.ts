import { describe, expect, it } from "vitest";
import { clientIpFrom } from "./client-ip";
import { safeReturnPath, signInPath } from "./paths";
import { roleAtLeast } from "./roles";

describe("where sign-in returns to", () => {
  it("keeps paths inside the site and refuses everything that could leave it", () => {
    expect(safeReturnPath("/settings?stage=2")).toBe("/settings?stage=2");
    for (const outside of [
      "https://evil.example/",
      "//evil.example/x",
      "/\\evil.example",
      "javascript:alert(1)",
      "",
      null,
    ])
      expect(safeReturnPath(outside)).toBe("/");
    expect(safeReturnPath("/sign-in?callbackUrl=/x")).toBe("/");
    expect(signInPath("/letters")).toBe("/sign-in?callbackUrl=%2Fletters");
    expect(signInPath("/")).toBe("/sign-in");
  });
});

describe("the client address for counting failed sign-ins", () => {
  it("takes the entry the nearest proxy added, not what the client claimed", () => {
    expect(clientIpFrom(new Headers({ "x-forwarded-for": "1.2.3.4, 203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientIpFrom({ "x-forwarded-for": "::ffff:127.0.0.1" })).toBe("127.0.0.1");
    expect(clientIpFrom({})).toBe("unknown");
  });
});

describe("roles", () => {
  it("rank desk < librarian < manager < admin", () => {
    expect(roleAtLeast("admin", "manager")).toBe(true);
    expect(roleAtLeast("librarian", "librarian")).toBe(true);
    expect(roleAtLeast("manager", "admin")).toBe(false);
    expect(roleAtLeast("desk", "librarian")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { clientIpFrom, PEER_HEADER } from "./client-ip";
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
  it("without a trusted proxy is the connection's address: X-Forwarded-For, the client's word, is ignored", () => {
    const spoofed = { "x-forwarded-for": "198.51.100.7", [PEER_HEADER]: "::ffff:203.0.113.9" };
    expect(clientIpFrom(spoofed)).toBe("203.0.113.9");
    expect(
      clientIpFrom(new Headers({ "x-forwarded-for": "198.51.100.8", [PEER_HEADER]: "203.0.113.9" })),
    ).toBe("203.0.113.9");
    expect(clientIpFrom({ "x-forwarded-for": "198.51.100.7" })).toBe("unknown");
  });

  it("behind N trusted proxies is the Nth X-Forwarded-For entry from the right, whatever the client prepended", () => {
    const headers = { "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2", [PEER_HEADER]: "10.0.0.3" };
    expect(clientIpFrom(headers, 1)).toBe("10.0.0.2");
    expect(clientIpFrom(headers, 2)).toBe("203.0.113.9");
    // a request that skipped the proxies: its own connection counts
    expect(clientIpFrom({ "x-forwarded-for": "6.6.6.6", [PEER_HEADER]: "198.51.100.1" }, 2)).toBe(
      "198.51.100.1",
    );
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

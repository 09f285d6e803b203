import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import nl from "@/messages/nl.json";
import { hasInvalidAddressText, invalidAddressResponse } from "./invalid-address";

const url = (path: string) => new URL(path, "http://rappel.test");

describe("hasInvalidAddressText", () => {
  it("finds a NUL byte or control character in a parameter's value or name, or in the path", () => {
    for (const bad of [
      "/patrons?q=%00",
      "/patrons?q=jan%00",
      "/audit?%00=x",
      "/patrons/%00",
      "/bounces?kind=%1b",
      "/x?q=%ED%A0%80%00",
    ])
      expect(hasInvalidAddressText(url(bad)), bad).toBe(true);
  });

  it("finds a parameter longer than any address Rappel makes", () => {
    expect(hasInvalidAddressText(url(`/patrons?q=${"a".repeat(2001)}`))).toBe(true);
    expect(hasInvalidAddressText(url(`/patrons?q=${"a".repeat(2000)}`))).toBe(false);
  });

  it("takes ordinary addresses: accents, spaces, signed tokens, malformed escapes as sent", () => {
    for (const good of [
      "/patrons?q=%C3%A9lise%20smet",
      "/patrons?q=",
      "/r/abc.DEF-_123",
      "/audit?from=2026-01-01&actor=3",
      "/x/%E0%A4%A",
    ])
      expect(hasInvalidAddressText(url(good)), good).toBe(false);
  });
});

describe("invalidAddressResponse", () => {
  it("answers a page 400 in the staff member's language with a way back to the page, echoing nothing", async () => {
    const response = invalidAddressResponse(url("/patrons?q=%3Cscript%3E%00"), {
      locale: "en",
      acceptLanguage: null,
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("text/html");
    const html = await response.text();
    expect(html).toContain(en.errors.invalidAddressTitle);
    expect(html).toContain('href="/patrons"');
    expect(html).not.toContain("script");
    const dutch = await invalidAddressResponse(url("/patrons?q=%00"), {
      locale: undefined,
      acceptLanguage: "en",
    }).text();
    expect(dutch).toContain(nl.errors.invalidAddressTitle);
  });

  it("answers an API route with JSON and a patron's link in the browser's language", async () => {
    const api = invalidAddressResponse(url("/api/patrons/search?q=%00"), {
      locale: "nl",
      acceptLanguage: null,
    });
    expect(api.status).toBe(400);
    expect(await api.json()).toEqual({ code: "invalidAddress", message: nl.errors.invalidAddress });
    const patron = await invalidAddressResponse(url("/r/abc%00"), {
      locale: "nl",
      acceptLanguage: "fr-BE,fr;q=0.9",
    }).text();
    expect(patron).toContain('lang="fr"');
    expect(patron).toContain("Ce lien ne fonctionne pas");
  });
});

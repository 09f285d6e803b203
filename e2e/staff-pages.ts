import { PATRON_PAGE_PATRON } from "./patron-page-data";

/**
 * Every staff page worth checking as a whole, with the states that show more of it (a search
 * with its results or its refusal, a filtered list, another day's dry run): the axe check and
 * the page-structure check walk the same list.
 */
export const STAFF_PAGES = [
  "/",
  "/patrons",
  "/patrons?q=Zoekvenster",
  // the search saying what is wrong with it, at the box
  `/patrons?q=${"x".repeat(250)}`,
  // the dry run: today's, and a week later's
  "/dry-run",
  "/dry-run?date=2026-12-07",
  `/patrons/${PATRON_PAGE_PATRON.id}`,
  "/settings",
  "/settings/patron?card=E2E-INST-1",
  "/patrons/990201/settings",
  "/templates",
  "/send-runs",
  "/bounces",
  "/bounces?period=all&show=open",
  "/settings/bounces",
  "/settings/self-service?branch=1",
  "/letters",
  "/statistics",
  "/audit",
  "/admin/staff",
  "/admin/staff/new",
  "/import",
  "/admin/api-tokens",
  "/change-password",
];

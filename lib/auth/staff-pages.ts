import type { StaffRole } from "./roles";

/**
 * The staff menu: each page and the least role that may open it (design.md "Who may do
 * what"). The menu shows only what the signed-in role can open; each page checks the same
 * role itself with requireStaff().
 */
export const STAFF_PAGES = [
  { href: "/", key: "today", role: "desk" },
  { href: "/patrons", key: "patrons", role: "desk" },
  { href: "/settings", key: "settings", role: "librarian" },
  { href: "/templates", key: "templates", role: "librarian" },
  { href: "/send-runs", key: "sendRuns", role: "librarian" },
  { href: "/bounces", key: "bounces", role: "librarian" },
  { href: "/letters", key: "letters", role: "librarian" },
  { href: "/import", key: "import", role: "librarian" },
  { href: "/statistics", key: "statistics", role: "manager" },
  { href: "/audit", key: "audit", role: "manager" },
  { href: "/admin/staff", key: "staff", role: "admin" },
  { href: "/admin/api-tokens", key: "apiTokens", role: "admin" },
] as const satisfies readonly { href: string; key: string; role: StaffRole }[];

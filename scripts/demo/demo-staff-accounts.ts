import type { StaffRole } from "@/lib/auth/roles";

// The demo's staff accounts, without database code: the browser tests sign in with them.

/** One password for every demo account: the demo is for trying Rappel, not for real data. */
export const DEMO_STAFF_PASSWORD = "rappel-demo";

export const DEMO_STAFF: { email: string; name: string; role: StaffRole; branchIlsCode?: string }[] = [
  { email: "balie@demo.rappel.be", name: "Lotte Balie", role: "desk", branchIlsCode: "MEU" },
  { email: "bibliothecaris@demo.rappel.be", name: "Jonas Bibliothecaris", role: "librarian" },
  { email: "manager@demo.rappel.be", name: "Sofie Manager", role: "manager" },
  { email: "admin@demo.rappel.be", name: "Pieter Admin", role: "admin" },
];

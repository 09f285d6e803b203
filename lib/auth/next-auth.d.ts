import "next-auth";
import "next-auth/jwt";

// What Rappel keeps in the session cookie: the account id (token.sub) and the account's
// session version. Name, role and branch are read from the database on every request.
declare module "next-auth" {
  interface User {
    sessionVersion: number;
  }
  interface Session {
    staffId?: string;
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sv?: number;
  }
}

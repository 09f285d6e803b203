/**
 * `npm run staff:create-admin -- --email you@library.be --name "Your Name"`: the first admin
 * account of a real install, in the database at DATABASE_URL (migrated: `npm run db:migrate`).
 * The password comes from RAPPEL_ADMIN_PASSWORD or is asked for (twice, not shown).
 */
import { parseArgs } from "node:util";
import { checkDatabase, redactUrl } from "./lib/database-url";
import { ensurePrismaClient } from "./lib/prisma-client";

function readHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    if (!stdin.isTTY) {
      reject(new Error("No terminal to ask for the password: set RAPPEL_ADMIN_PASSWORD instead."));
      return;
    }
    process.stdout.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    let value = "";
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n") {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off("data", onData);
          process.stdout.write("\n");
          resolve(value);
          return;
        }
        if (char === "\u0003") {
          stdin.setRawMode(false);
          process.stdout.write("\n");
          process.exit(130);
        }
        if (char === "\u007f" || char === "\b") value = value.slice(0, -1);
        else value += char;
      }
    };
    stdin.on("data", onData);
  });
}

async function main() {
  const { values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" } },
  });
  const url = process.env.DATABASE_URL;
  if (!values.email || !values.name) {
    throw new Error('Usage: npm run staff:create-admin -- --email you@library.be --name "Your Name"');
  }
  if (!url)
    throw new Error("Set DATABASE_URL to the install's PostgreSQL (postgresql://user:password@host/db).");

  await ensurePrismaClient();
  await checkDatabase(url);
  const { ZNewPassword } = await import("../lib/auth/password");
  const { ZStaffEmail, ZStaffName } = await import("../lib/staff/staff-input");

  const email = ZStaffEmail.safeParse(values.email);
  const name = ZStaffName.safeParse(values.name);
  if (!email.success) throw new Error(`Not a valid email address: ${values.email}`);
  if (!name.success) throw new Error("The name is empty or longer than 120 characters.");

  let password = process.env.RAPPEL_ADMIN_PASSWORD;
  if (!password) {
    password = await readHidden("Password for the new admin: ");
    if ((await readHidden("The same password again: ")) !== password)
      throw new Error("The passwords differ; nothing was created.");
  }
  if (!ZNewPassword.safeParse(password).success)
    throw new Error("The password must be 10 to 200 characters long; nothing was created.");

  const { createDbClient } = await import("../lib/db-client");
  const { createStaffUser } = await import("../lib/staff/create-staff-user");
  const { systemActor } = await import("../lib/audit/record-audit");
  const db = createDbClient(url, 1);
  try {
    if (await db.staffUser.findUnique({ where: { email: email.data }, select: { id: true } }))
      throw new Error(`An account with ${email.data} exists already; nothing was created.`);
    const user = await db.$transaction((tx) =>
      createStaffUser(tx, systemActor("command line"), {
        email: email.data,
        name: name.data,
        role: "admin",
        branchId: null,
        libraryId: null,
        password,
        mustChangePassword: false,
      }),
    );
    console.log(`Admin account ${user.email} created in ${redactUrl(url)}. Sign in with it at /sign-in.`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

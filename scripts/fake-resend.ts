import { parseArgs } from "node:util";
import { startFakeResend } from "@/scripts/fake-resend/fake-resend";

// A local stand-in for Resend's API, for the demo and manual checks:
//   npx tsx scripts/fake-resend.ts --port 3025 --webhook-url http://localhost:3000/api/webhooks/resend
// then RESEND_BASE_URL=<printed url> RESEND_API_KEY=re_anything RESEND_WEBHOOK_SECRET=<printed secret>.
const { values } = parseArgs({
  options: {
    port: { type: "string", default: "3025" },
    host: { type: "string", default: "127.0.0.1" },
    "webhook-url": { type: "string" },
    "webhook-secret": { type: "string" },
    "rate-limit": { type: "string" },
    "daily-quota": { type: "string" },
  },
});

const optionalNumber = (value: string | undefined) => (value === undefined ? undefined : Number(value));

const fake = await startFakeResend({
  port: Number(values.port),
  host: values.host,
  webhookUrl: values["webhook-url"],
  webhookSecret: values["webhook-secret"],
  rateLimitPerSecond: optionalNumber(values["rate-limit"]),
  quota: { daily: optionalNumber(values["daily-quota"]) },
});

console.log(`fake Resend API on ${fake.url}`);
console.log(`  RESEND_BASE_URL=${fake.url}`);
console.log(`  RESEND_WEBHOOK_SECRET=${fake.webhookSecret}`);
console.log(`  webhooks: ${values["webhook-url"] ?? "not posted (no --webhook-url)"}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    fake.stop().then(() => process.exit(0));
  });
}

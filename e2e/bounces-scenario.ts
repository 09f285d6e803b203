/** The bounce scenario's names, shared by e2e/bounces-data.ts (server side) and the spec (no server imports). */
export const BOUNCE_PATRON = {
  id: 990_120,
  firstName: "Bram",
  lastName: "Bots",
  cardNumber: "E2E-BOUNCE-0001",
  email: "bounced@resend.dev",
  newEmail: "bram.bots@nieuw.e2e.rappel.be",
  title: "Het boek dat terugkaatste",
} as const;

/** Shared with the spec, which signs its own forged and replayed fixtures with it. */
export const BOUNCE_WEBHOOK_SECRET = `whsec_${Buffer.from("rappel-e2e-bounce-webhook-secret!").toString("base64")}`;

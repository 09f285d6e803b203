import { base, en, Faker, fr, nl, nl_BE } from "@faker-js/faker";
import type { ChannelPreference, EmailStatus, Language, PatronFlagKind } from "@/lib/generated/prisma/enums";
import { bulkInsert } from "./bulk-insert";
import { libraryCardNumber } from "./card-numbers";
import type { DemoBranch } from "./create-demo-branches";
import {
  BOUNCE_REASONS,
  DEAD_EMAIL_DOMAINS,
  EMAIL_DOMAINS,
  ENGLISH_SURNAMES,
  FLEMISH_SURNAMES,
  FRENCH_BELGIAN_SURNAMES,
} from "./data/people";
import {
  FLEMISH_STREETS,
  FRENCH_STREETS,
  FRENCH_TOWNS,
  LANDLINE_ZONE_BY_BRANCH,
  MOBILE_PREFIXES,
  TOWNS_BY_BRANCH,
  type Town,
} from "./data/places";
import type { DbTx } from "./db-tx";
import type { DemoClock } from "./demo-clock";
import { createRandom, type Random } from "./random";

/** A patron as the generator draws it: days are offsets from `today`, branches are indexes. */
export type DemoPatron = {
  cardNumber: string;
  firstName: string;
  lastName: string;
  street: string;
  postalCode: string;
  city: string;
  email: string | null;
  emailStatus: EmailStatus;
  emailStatusDay: number | null;
  softBounceCount: number;
  phone: string | null;
  language: Language;
  homeBranch: number;
  channelPreference: ChannelPreference | null;
  preDueOptIn: boolean;
  pausedUntilDay: number | null;
  createdDay: number;
  /** minute of the day used for the patron's timestamps */
  minute: number;
  flags: DemoPatronFlag[];
};

export type DemoPatronFlag = {
  kind: PatronFlagKind;
  message: string;
  createdDay: number;
  resolvedDay: number | null;
};

type Fakers = Record<Language, Faker>;

/**
 * Draws `count` patrons of a Flemish library: mostly Dutch speakers, about 70% with an email
 * address (a handful malformed or dead and flagged), a quarter of those opted in to pre-due
 * reminders, some who want letters, a few with notices paused.
 */
export function buildDemoPatrons(options: {
  count: number;
  seed: number;
  branches: readonly DemoBranch[];
}): DemoPatron[] {
  const random = createRandom(options.seed, "patrons");
  const fakers: Fakers = {
    nl: new Faker({ locale: [nl_BE, nl, en, base] }),
    // fr_BE's own first names are half English in Faker 10; France's lists read right.
    fr: new Faker({ locale: [fr, en, base] }),
    en: new Faker({ locale: [en, base] }),
  };
  for (const faker of Object.values(fakers)) faker.seed(options.seed);
  const branchShares = options.branches.map((b, index) => [index, b.patronShare] as const);

  const patrons: DemoPatron[] = [];
  for (let index = 0; index < options.count; index++) {
    const language = random.weighted<Language>([
      ["nl", 85],
      ["fr", 10],
      ["en", 5],
    ]);
    const faker = fakers[language];
    const firstName = faker.person.firstName(random.chance(0.5) ? "female" : "male");
    const lastName = drawSurname(language, faker, random);
    const homeBranch = random.weighted(branchShares);
    const branchCode = options.branches[homeBranch].ilsCode;
    const acrossTheBorder = language === "fr" && random.chance(0.35);
    const town = pickTown(acrossTheBorder ? FRENCH_TOWNS : TOWNS_BY_BRANCH[branchCode], random);
    const street = `${random.pick(acrossTheBorder ? FRENCH_STREETS : FLEMISH_STREETS)} ${houseNumber(random)}`;
    const phone = random.chance(0.45)
      ? drawPhone(random, acrossTheBorder ? "056" : LANDLINE_ZONE_BY_BRANCH[branchCode])
      : null;
    const createdDay = -random.int(20, 4000);
    const minute = random.int(540, 1200);
    const patron: DemoPatron = {
      cardNumber: libraryCardNumber(index, options.seed, random.chance(0.1)),
      firstName,
      lastName,
      street,
      postalCode: town.postalCode,
      city: town.city,
      email: null,
      emailStatus: "unknown",
      emailStatusDay: null,
      softBounceCount: 0,
      phone,
      language,
      homeBranch,
      channelPreference: null,
      preDueOptIn: false,
      pausedUntilDay: null,
      createdDay,
      minute,
      flags: [],
    };
    if (random.chance(0.7)) addEmail(patron, random);
    else if (random.chance(0.04)) patron.channelPreference = "letter";
    if (random.chance(0.005)) patron.pausedUntilDay = random.int(3, 45);
    if (random.chance(0.003)) {
      const flagDay = Math.max(createdDay, -random.int(3, 300));
      patron.flags.push({
        kind: "postal_returned",
        message: 'Brief kwam terug met "adres onbekend" (bpost). Controleer het adres van de lener.',
        createdDay: flagDay,
        resolvedDay: random.chance(0.5) ? Math.min(-1, flagDay + random.int(1, 20)) : null,
      });
    }
    patrons.push(patron);
  }
  return patrons;
}

function addEmail(patron: DemoPatron, random: Random): void {
  const status = random.weighted<EmailStatus>([
    ["invalid", 0.8],
    ["bounced", 1.5],
    ["complained", 0.15],
    ["soft_bouncing", 0.7],
    ["ok", 55],
    ["unknown", 41.85],
  ]);
  const local = emailLocalPart(patron.firstName, patron.lastName, random);
  const domain = random.weighted(status === "bounced" ? DEAD_EMAIL_DOMAINS : EMAIL_DOMAINS[patron.language]);
  const address = `${local}@${domain}`;
  // Nothing about an address happens before the patron registered.
  const since = (day: number) => Math.max(patron.createdDay, day);
  patron.emailStatus = status;
  patron.email = status === "invalid" ? malform(address, patron, random) : address;

  if (status === "ok") patron.emailStatusDay = since(-random.int(1, 180));
  if (status === "soft_bouncing") {
    patron.emailStatusDay = since(-random.int(1, 10));
    patron.softBounceCount = random.int(1, 2);
  }
  if (status === "bounced") {
    patron.emailStatusDay = since(-random.int(2, 120));
    patron.flags.push({
      kind: "email_bounced",
      message: `E-mail aan ${address} kon niet worden afgeleverd: ${random.pick(BOUNCE_REASONS)}. Vraag de lener een nieuw e-mailadres.`,
      createdDay: patron.emailStatusDay,
      resolvedDay: null,
    });
  }
  if (status === "invalid") {
    patron.emailStatusDay = since(-random.int(1, 400));
    patron.flags.push({
      kind: "email_invalid",
      message: `"${patron.email}" is geen geldig e-mailadres. Vraag de lener het juiste adres.`,
      createdDay: patron.emailStatusDay,
      resolvedDay: null,
    });
  }
  if (status === "complained") {
    patron.emailStatusDay = since(-random.int(5, 200));
    patron.flags.push({
      kind: "email_complained",
      message: "De lener markeerde een e-mail van de bibliotheek als spam. Vraag of e-mail nog gewenst is.",
      createdDay: patron.emailStatusDay,
      resolvedDay: null,
    });
  }
  // An address that bounced years ago and that the desk has since replaced.
  if (status === "ok" && random.chance(0.02)) {
    const flagDay = since(-random.int(200, 700));
    const oldAddress = `${emailLocalPart(patron.firstName, patron.lastName, random)}@pandora.be`;
    patron.flags.push({
      kind: "email_bounced",
      message: `E-mail aan ${oldAddress} kon niet worden afgeleverd: ${random.pick(BOUNCE_REASONS)}.`,
      createdDay: flagDay,
      resolvedDay: Math.min(-1, flagDay + random.int(1, 30)),
    });
  }

  const preference = random.next();
  if (preference < 0.03) patron.channelPreference = "letter";
  else if (preference < 0.11) patron.channelPreference = "email";
  patron.preDueOptIn = status !== "invalid" && random.chance(0.27);
}

function drawSurname(language: Language, faker: Faker, random: Random): string {
  if (language === "en") return faker.helpers.arrayElement(ENGLISH_SURNAMES);
  if (language === "fr") {
    return faker.helpers.arrayElement(random.chance(0.85) ? FRENCH_BELGIAN_SURNAMES : FLEMISH_SURNAMES);
  }
  return random.chance(0.4) ? faker.person.lastName() : faker.helpers.arrayElement(FLEMISH_SURNAMES);
}

function pickTown(towns: readonly Town[], random: Random): Town {
  return random.weighted(towns.map((town) => [town, town.weight] as const));
}

function houseNumber(random: Random): string {
  const number = random.chance(0.7) ? random.int(1, 60) : random.int(61, 250);
  const roll = random.next();
  if (roll < 0.08) return `${number}${random.pick(["A", "B", "C"])}`;
  if (roll < 0.18) return `${number} bus ${random.pick([1, 2, 3, 11, 12, 21, 101, 102, 201])}`;
  return String(number);
}

function drawPhone(random: Random, landlineZone: string): string {
  const pair = () => String(random.int(0, 99)).padStart(2, "0");
  if (random.chance(0.75)) return `${random.pick(MOBILE_PREFIXES)} ${pair()} ${pair()} ${pair()}`;
  return `${landlineZone} ${random.int(20, 99)} ${pair()} ${pair()}`;
}

function slug(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, "");
}

function emailLocalPart(firstName: string, lastName: string, random: Random): string {
  const first = slug(firstName) || "lezer";
  const last = slug(lastName) || "lezer";
  switch (
    random.weighted([
      ["first.last", 40],
      ["firstlast", 12],
      ["first_last", 4],
      ["first.last+n", 12],
      ["flast", 10],
      ["last.first", 5],
      ["first+year", 10],
      ["family", 3],
    ] as const)
  ) {
    case "first.last":
      return `${first}.${last}`;
    case "firstlast":
      return `${first}${last}`;
    case "first_last":
      return `${first}_${last}`;
    case "first.last+n":
      return `${first}.${last}${random.int(1, 99)}`;
    case "flast":
      return `${first[0]}${last}`;
    case "last.first":
      return `${last}.${first}`;
    case "first+year":
      return `${first}${random.int(1945, 2012)}`;
    case "family":
      return `fam.${last}`;
  }
}

/** The typing mistakes that reach a library's records through paper forms. */
function malform(address: string, patron: DemoPatron, random: Random): string {
  const [local, domain] = address.split("@");
  switch (random.int(0, 5)) {
    case 0:
      return `${local}@${domain.slice(0, domain.lastIndexOf("."))}`;
    case 1:
      return `${local}@@${domain}`;
    case 2:
      return `${local}@${domain.replace(".", ",")}`;
    case 3:
      return `${local}.${domain}`;
    case 4:
      return `${slug(patron.firstName)} ${slug(patron.lastName)}@${domain}`;
    default:
      return `${local}@${domain.replace(".", "..")}`;
  }
}

/** Writes the patrons and their flags; resolves to the patrons' ids, in the order given. */
export async function insertDemoPatrons(
  tx: DbTx,
  libraryId: number,
  branchIds: readonly number[],
  patrons: readonly DemoPatron[],
  clock: DemoClock,
): Promise<{ patronIds: number[]; flags: number }> {
  const at = (day: number | null, minute: number) => (day === null ? null : clock.instant(day, minute));
  const patronIds = await bulkInsert<DemoPatron>(
    tx,
    "Patron",
    [
      { name: "libraryId", type: "int", value: () => libraryId },
      { name: "cardNumber", type: "text", value: (p) => p.cardNumber },
      { name: "firstName", type: "text", value: (p) => p.firstName },
      { name: "lastName", type: "text", value: (p) => p.lastName },
      { name: "street", type: "text", value: (p) => p.street },
      { name: "postalCode", type: "text", value: (p) => p.postalCode },
      { name: "city", type: "text", value: (p) => p.city },
      { name: "email", type: "text", value: (p) => p.email },
      { name: "emailStatus", type: '"EmailStatus"', value: (p) => p.emailStatus },
      { name: "emailStatusAt", type: "timestamptz", value: (p) => at(p.emailStatusDay, p.minute) },
      { name: "softBounceCount", type: "int", value: (p) => p.softBounceCount },
      { name: "phone", type: "text", value: (p) => p.phone },
      { name: "language", type: '"Language"', value: (p) => p.language },
      { name: "homeBranchId", type: "int", value: (p) => branchIds[p.homeBranch] },
      { name: "channelPreference", type: '"ChannelPreference"', value: (p) => p.channelPreference },
      { name: "preDueOptIn", type: "boolean", value: (p) => p.preDueOptIn },
      {
        name: "noticesPausedUntil",
        type: "date",
        value: (p) => (p.pausedUntilDay === null ? null : clock.day(p.pausedUntilDay)),
      },
      { name: "createdAt", type: "timestamptz", value: (p) => at(p.createdDay, p.minute) },
      {
        name: "updatedAt",
        type: "timestamptz",
        value: (p) => at(Math.max(p.createdDay, p.emailStatusDay ?? p.createdDay), p.minute),
      },
    ],
    patrons,
    { returnIds: true },
  );

  const flags = patrons.flatMap((patron, index) =>
    patron.flags.map((flag) => ({ ...flag, patronId: patronIds[index], minute: patron.minute })),
  );
  await bulkInsert(
    tx,
    "PatronFlag",
    [
      { name: "patronId", type: "int", value: (f) => f.patronId },
      { name: "kind", type: '"PatronFlagKind"', value: (f) => f.kind },
      { name: "message", type: "text", value: (f) => f.message },
      { name: "createdAt", type: "timestamptz", value: (f) => at(f.createdDay, f.minute) },
      { name: "resolvedAt", type: "timestamptz", value: (f) => at(f.resolvedDay, f.minute) },
    ],
    flags,
  );
  return { patronIds, flags: flags.length };
}

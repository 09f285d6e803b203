import type { ImportKind } from "@/lib/generated/prisma/client";

/** One column an import understands: its name in docs/import.md and the API, and what exports call it. */
export type ImportColumn = { field: string; required: boolean; aliases: string[] };

/**
 * What common library-system exports call each field (Vubis, Brocade, Bidoc, Koha; Dutch,
 * French and English), one list per field whatever the kind. Headers are compared normalised:
 * lower case, accents and everything but letters and digits dropped ("E-mail adres" = "emailadres").
 */
const ALIASES: Record<string, string[]> = {
  cardNumber: [
    "card",
    "kaartnummer",
    "lenersnummer",
    "lenerspas",
    "pasnummer",
    "barcodelener",
    "patronbarcode",
    "patronid",
    "lenerid",
    "numerocarte",
  ],
  firstName: ["voornaam", "prenom", "givenname", "firstnames"],
  lastName: ["surname", "achternaam", "familienaam", "naam", "nom", "familyname"],
  homeBranch: [
    "branch",
    "branchcode",
    "filiaal",
    "vestiging",
    "thuisfiliaal",
    "homelibrary",
    "bibliotheek",
    "succursale",
  ],
  email: ["emailadres", "emailaddress", "mail", "courriel"],
  phone: ["telefoon", "tel", "gsm", "mobile", "phonenumber", "telephone"],
  street: ["straat", "adres", "address", "address1", "streetaddress", "rue", "straatennummer"],
  postalCode: ["postcode", "zipcode", "zip", "codepostal"],
  city: ["gemeente", "woonplaats", "plaats", "stad", "ville", "localite"],
  country: ["land", "pays", "countrycode"],
  language: ["taal", "langue", "lang"],
  preDueOptIn: ["herinneringvooraf", "attendering", "reminderoptin", "optin"],
  barcode: ["itembarcode", "exemplaar", "exemplaarnummer", "streepjescode", "codebarre"],
  title: ["titel", "titre"],
  author: ["auteur", "schrijver", "maker"],
  price: ["prijs", "prix", "replacementprice", "vervangwaarde", "vervangprijs"],
  loanId: ["ilsloanid", "issueid", "uitleenid", "uitleningid", "leningid", "transactionid", "pretid"],
  branch: ["branchcode", "filiaal", "vestiging", "uitleenfiliaal", "lendingbranch", "succursale"],
  loanedAt: ["loandate", "issuedate", "uitleendatum", "datumuitlening", "checkoutdate", "dateemprunt"],
  dueDate: ["datedue", "inleverdatum", "terugbrengdatum", "vervaldatum", "dateretourprevue"],
  returnedAt: ["returndate", "returned", "teruggebracht", "ingeleverd", "datumteruggebracht", "dateretour"],
  renewals: ["renewalcount", "verlengingen", "aantalverlengingen", "prolongations"],
  reserved: ["gereserveerd", "reservation", "onhold", "reserve"],
};

/** The fields of each import in order, as docs/import.md lists them: `*` marks a required one. */
const FIELDS: Record<ImportKind, string> = {
  patrons:
    "cardNumber* firstName* lastName* homeBranch* email phone street postalCode city country language preDueOptIn",
  items: "barcode* title* author price",
  loans: "loanId* cardNumber* barcode* branch* loanedAt* dueDate* returnedAt renewals reserved",
  returns: "loanId* returnedAt*",
};

/** The columns of each import: the field's own name (lower case) is always understood too. */
export const IMPORT_COLUMNS = Object.fromEntries(
  (Object.keys(FIELDS) as ImportKind[]).map((kind) => [
    kind,
    FIELDS[kind].split(" ").map((spec): ImportColumn => {
      const field = spec.replace("*", "");
      return { field, required: spec.endsWith("*"), aliases: [field.toLowerCase(), ...ALIASES[field]] };
    }),
  ]),
) as Record<ImportKind, ImportColumn[]>;

/** "E-mail adres" -> "emailadres"; "Prénom" -> "prenom". */
export function normaliseHeader(header: string): string {
  return header
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

export type HeaderMapping = {
  /** the field each column of the file feeds, or null for a column the import does not use */
  fields: (string | null)[];
  /** required fields no header matched */
  missing: string[];
  /** headers the import does not use (reported, not an error) */
  ignored: string[];
  /** fields two headers matched: the first one is used */
  duplicated: string[];
};

/** Which field each header of a file feeds. */
export function mapHeaders(kind: ImportKind, headers: string[]): HeaderMapping {
  const columns = IMPORT_COLUMNS[kind];
  const fields: (string | null)[] = [];
  const seen = new Set<string>();
  const ignored: string[] = [];
  const duplicated: string[] = [];
  for (const header of headers) {
    const key = normaliseHeader(header);
    const column = columns.find((col) => col.field.toLowerCase() === key || col.aliases.includes(key));
    if (!column) {
      fields.push(null);
      if (header.trim() !== "") ignored.push(header);
    } else if (seen.has(column.field)) {
      fields.push(null);
      duplicated.push(column.field);
    } else {
      seen.add(column.field);
      fields.push(column.field);
    }
  }
  const missing = columns.filter((col) => col.required && !seen.has(col.field)).map((col) => col.field);
  return { fields, missing, ignored, duplicated };
}

import type { ImportKind } from "@/lib/generated/prisma/client";

/** One column an import understands: its name in docs/import.md and the API, and what exports call it. */
export type ImportColumn = { field: string; required: boolean; aliases: string[] };

const c = (field: string, required: boolean, aliases: string[]): ImportColumn => ({
  field,
  required,
  aliases,
});

/**
 * The columns of each import and the header names common library-system exports use for them
 * (Vubis, Brocade, Bidoc, Koha; Dutch, French and English). Headers are compared normalised:
 * lower case, accents and everything but letters and digits dropped ("E-mail adres" = "emailadres").
 */
export const IMPORT_COLUMNS: Record<ImportKind, ImportColumn[]> = {
  patrons: [
    c("cardNumber", true, [
      "cardnumber",
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
    ]),
    c("firstName", true, ["firstname", "voornaam", "prenom", "givenname", "firstnames"]),
    c("lastName", true, ["lastname", "surname", "achternaam", "familienaam", "naam", "nom", "familyname"]),
    c("homeBranch", true, [
      "homebranch",
      "branch",
      "branchcode",
      "filiaal",
      "vestiging",
      "thuisfiliaal",
      "homelibrary",
      "bibliotheek",
      "succursale",
    ]),
    c("email", false, ["email", "emailadres", "emailaddress", "mail", "courriel"]),
    c("phone", false, ["phone", "telefoon", "tel", "gsm", "mobile", "phonenumber", "telephone"]),
    c("street", false, [
      "street",
      "straat",
      "adres",
      "address",
      "address1",
      "streetaddress",
      "rue",
      "straatennummer",
    ]),
    c("postalCode", false, ["postalcode", "postcode", "zipcode", "zip", "codepostal"]),
    c("city", false, ["city", "gemeente", "woonplaats", "plaats", "stad", "ville", "localite"]),
    c("country", false, ["country", "land", "pays", "countrycode"]),
    c("language", false, ["language", "taal", "langue", "lang"]),
    c("preDueOptIn", false, ["predueoptin", "herinneringvooraf", "attendering", "reminderoptin", "optin"]),
  ],
  items: [
    c("barcode", true, [
      "barcode",
      "itembarcode",
      "exemplaar",
      "exemplaarnummer",
      "streepjescode",
      "codebarre",
    ]),
    c("title", true, ["title", "titel", "titre"]),
    c("author", false, ["author", "auteur", "schrijver", "maker"]),
    c("price", false, ["price", "prijs", "prix", "replacementprice", "vervangwaarde", "vervangprijs"]),
  ],
  loans: [
    c("loanId", true, [
      "loanid",
      "ilsloanid",
      "issueid",
      "uitleenid",
      "uitleningid",
      "leningid",
      "transactionid",
      "pretid",
    ]),
    c("cardNumber", true, [
      "cardnumber",
      "card",
      "kaartnummer",
      "lenersnummer",
      "lenerspas",
      "pasnummer",
      "barcodelener",
      "patronbarcode",
      "patronid",
    ]),
    c("barcode", true, [
      "barcode",
      "itembarcode",
      "exemplaar",
      "exemplaarnummer",
      "streepjescode",
      "codebarre",
    ]),
    c("branch", true, [
      "branch",
      "branchcode",
      "filiaal",
      "vestiging",
      "uitleenfiliaal",
      "lendingbranch",
      "succursale",
    ]),
    c("loanedAt", true, [
      "loanedat",
      "loandate",
      "issuedate",
      "uitleendatum",
      "datumuitlening",
      "checkoutdate",
      "dateemprunt",
    ]),
    c("dueDate", true, [
      "duedate",
      "datedue",
      "inleverdatum",
      "terugbrengdatum",
      "vervaldatum",
      "dateretourprevue",
    ]),
    c("returnedAt", false, [
      "returnedat",
      "returndate",
      "returned",
      "teruggebracht",
      "ingeleverd",
      "datumteruggebracht",
      "dateretour",
    ]),
    c("renewals", false, ["renewals", "renewalcount", "verlengingen", "aantalverlengingen", "prolongations"]),
    c("reserved", false, ["reserved", "gereserveerd", "reservation", "onhold", "reserve"]),
  ],
  returns: [
    c("loanId", true, [
      "loanid",
      "ilsloanid",
      "issueid",
      "uitleenid",
      "uitleningid",
      "leningid",
      "transactionid",
      "pretid",
    ]),
    c("returnedAt", true, [
      "returnedat",
      "returndate",
      "returned",
      "teruggebracht",
      "ingeleverd",
      "datumteruggebracht",
      "dateretour",
    ]),
  ],
};

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

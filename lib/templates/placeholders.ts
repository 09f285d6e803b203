import type { Language } from "@/lib/generated/prisma/enums";

type PlaceholderInfo = { description: Record<Language, string>; example: string };

/**
 * Every placeholder a librarian may use in a notice's subject, opening, closing or variable
 * message. Anything else between braces is refused when the text is saved.
 */
export const PLACEHOLDERS = {
  "patron.firstName": {
    description: { nl: "voornaam van de lener", fr: "prénom du lecteur", en: "patron's first name" },
    example: "Lotte",
  },
  "patron.lastName": {
    description: { nl: "familienaam van de lener", fr: "nom du lecteur", en: "patron's last name" },
    example: "Vermeulen",
  },
  "patron.fullName": {
    description: {
      nl: "volledige naam van de lener",
      fr: "nom complet du lecteur",
      en: "patron's full name",
    },
    example: "Lotte Vermeulen",
  },
  "patron.cardNumber": {
    description: { nl: "lenerskaartnummer", fr: "numéro de carte de lecteur", en: "library card number" },
    example: "2000145",
  },
  "library.name": {
    description: { nl: "naam van de bibliotheek", fr: "nom de la bibliothèque", en: "library name" },
    example: "Bibliotheek Meulebeke",
  },
  "branch.name": {
    description: { nl: "naam van het filiaal", fr: "nom de l'implantation", en: "branch name" },
    example: "Hoofdbibliotheek",
  },
  "branch.phone": {
    description: { nl: "telefoon van het filiaal", fr: "téléphone de l'implantation", en: "branch phone" },
    example: "051 48 99 10",
  },
  "branch.email": {
    description: { nl: "e-mailadres van het filiaal", fr: "e-mail de l'implantation", en: "branch email" },
    example: "bibliotheek@meulebeke.be",
  },
  "stage.number": {
    description: {
      nl: "nummer van de aanmaning (1, 2, ...)",
      fr: "numéro du rappel (1, 2, ...)",
      en: "notice number (1, 2, ...)",
    },
    example: "2",
  },
  "stage.ordinal": {
    description: {
      nl: "rangtelwoord (1ste, 2de, ...)",
      fr: "ordinal (1er, 2e, ...)",
      en: "ordinal (1st, 2nd, ...)",
    },
    example: "2de",
  },
  "stage.label": {
    description: { nl: "naam van de fase", fr: "nom de l'étape", en: "stage name" },
    example: "Tweede aanmaning",
  },
  "items.count": {
    description: { nl: "aantal materialen", fr: "nombre de documents", en: "number of items" },
    example: "3",
  },
  "fee.total": {
    description: { nl: "totaal te betalen", fr: "total à payer", en: "total amount due" },
    example: "€ 1,00",
  },
  "due.date": {
    description: {
      nl: "(vroegste) inleverdatum",
      fr: "date de retour (la plus proche)",
      en: "(earliest) due date",
    },
    example: "dinsdag 17 maart 2026",
  },
  "notice.date": {
    description: { nl: "datum van het bericht", fr: "date du message", en: "date of the notice" },
    example: "dinsdag 24 maart 2026",
  },
} as const satisfies Record<string, PlaceholderInfo>;

export type PlaceholderKey = keyof typeof PLACEHOLDERS;

/** The value of every placeholder for one notice, already formatted for the patron's language. */
export type PlaceholderValues = Record<PlaceholderKey, string>;

export const PLACEHOLDER_KEYS = Object.keys(PLACEHOLDERS) as PlaceholderKey[];

export function isPlaceholderKey(value: string): value is PlaceholderKey {
  return Object.hasOwn(PLACEHOLDERS, value);
}

import type { Language, NoticeFeeKind, NotRenewableReason } from "./types";

const NBSP = "\u00a0";

/** The fixed wording of emails and letters; the editable wording lives in lib/templates. */
export type Dictionary = {
  /** BCP 47 locale for dates, money and the html lang attribute */
  locale: string;
  ordinal(n: number): string;
  items: {
    heading(count: number): string;
    item: string;
    title: string;
    author: string;
    barcode: string;
    dueDate: string;
    status: string;
    daysOverdue(days: number): string;
    dueIn(days: number): string;
    renewable: string;
    renew: string;
    notRenewable: Record<NotRenewableReason, string>;
  };
  renewAll: string;
  renewAllPartly: string;
  fees: {
    heading: string;
    kinds: Record<NoticeFeeKind, string>;
    total: string;
    howToPay: string;
  };
  messageHeading: string;
  preferences: string;
  unsubscribe: string;
  openingHours: string;
  cardNumber: string;
  reference: string;
  footerWhy(library: string): string;
  fallback: {
    title: string;
    bounced(email: string): string;
    noEmail: string;
    update(url: string): string;
  };
  letter: {
    registered: string;
    /** printed on a reprint of a letter printed before (issue 13) */
    copy(printedOn: string): string;
    date: string;
    page(n: number, total: number): string;
    renewOnline(url: string): string;
    contact: string;
  };
  confirmation: {
    subject(library: string): string;
    heading: string;
    greeting(firstName: string): string;
    body(email: string, library: string): string;
    button: string;
    expires(hours: number): string;
    notYou: string;
  };
  test: {
    subject(library: string): string;
    heading: string;
    body(sender: string, when: string): string;
    sample: string;
  };
};

const nl: Dictionary = {
  locale: "nl-BE",
  // Flemish usage: 1ste, 2de, 3de, 8ste, 20ste
  ordinal: (n) => {
    const r = n % 100;
    return `${n}${r === 0 || r === 1 || r === 8 || r >= 20 ? "ste" : "de"}`;
  },
  items: {
    heading: (count) => (count === 1 ? "Uw materiaal" : `Uw materialen (${count})`),
    item: "Materiaal",
    title: "Titel",
    author: "Auteur",
    barcode: "Barcode",
    dueDate: "Inleverdatum",
    status: "Verlengen",
    daysOverdue: (days) => (days === 1 ? "1 dag te laat" : `${days} dagen te laat`),
    dueIn: (days) =>
      days <= 0 ? "vandaag inleveren" : days === 1 ? "morgen inleveren" : `nog ${days} dagen`,
    renewable: "Verlengbaar",
    renew: "Verlengen",
    notRenewable: {
      reserved: "Niet verlengbaar: gereserveerd door een andere lener",
      max_renewals: "Niet verlengbaar: maximaal aantal verlengingen bereikt",
      fees_over_limit: "Niet verlengbaar: er staan te veel openstaande kosten op uw kaart",
      too_long_overdue: "Niet verlengbaar: de inleverdatum is te lang verstreken",
      other: "Niet online verlengbaar: vraag het aan de balie",
    },
  },
  renewAll: "Alles verlengen",
  renewAllPartly: "Alleen de verlengbare materialen worden verlengd.",
  fees: {
    heading: "Kosten",
    kinds: {
      notice: "Kosten aanmaning",
      postage: "Portkosten",
      fine: "Vergoeding voor te laat inleveren",
      replacement: "Vervangingskosten",
      other: "Andere kosten",
    },
    total: "Totaal",
    howToPay: "Te betalen bij uw volgende bezoek aan de bibliotheek.",
  },
  messageHeading: "Bericht van de bibliotheek",
  preferences: "Uw voorkeuren beheren",
  unsubscribe: "Geen herinneringen meer ontvangen",
  openingHours: "Openingsuren",
  cardNumber: "Lenerskaart",
  reference: "Referentie",
  footerWhy: (library) => `U ontvangt dit bericht omdat u materialen ontleent bij ${library}.`,
  fallback: {
    title: "We konden u niet bereiken via e-mail",
    bounced: (email) =>
      `We stuurden dit bericht eerst per e-mail naar ${email}, maar het kwam niet aan. ` +
      "Wilt u uw e-mailadres even nakijken?",
    noEmail:
      "We hebben geen werkend e-mailadres van u. Wilt u uw berichten voortaan per e-mail ontvangen? " +
      "Dat is sneller en bespaart portkosten.",
    update: (url) => `U kunt uw e-mailadres aanpassen aan de balie of via ${url}`,
  },
  letter: {
    registered: "AANGETEKEND",
    copy: (printedOn) => `KOPIE van de brief gedrukt op ${printedOn}`,
    date: "Datum",
    page: (n, total) => `Pagina ${n} van ${total}`,
    renewOnline: (url) => `Online verlengen: ${url}`,
    contact: "Contact",
  },
  confirmation: {
    subject: (library) => `Bevestig uw e-mailadres voor ${library}`,
    heading: "Bevestig uw e-mailadres",
    greeting: (firstName) => `Beste ${firstName},`,
    body: (email, library) =>
      `U gaf ${email} op als e-mailadres bij ${library}. Bevestig met de knop hieronder dat dit adres ` +
      "van u is. Daarna ontvangt u uw herinneringen en aanmaningen per e-mail.",
    button: "E-mailadres bevestigen",
    expires: (hours) => `Deze link blijft ${hours} uur geldig.`,
    notYou: "Hebt u dit niet gevraagd? Dan mag u deze e-mail negeren: er verandert niets.",
  },
  test: {
    subject: (library) => `Testbericht van ${library}`,
    heading: "Dit is een testbericht",
    body: (sender, when) =>
      `Deze e-mail werd vanuit Rappel verstuurd door ${sender} op ${when}. ` +
      "Komt hij aan, dan werkt het versturen van berichten.",
    sample: "Zo ziet een lijst met materialen eruit:",
  },
};

const fr: Dictionary = {
  locale: "fr-BE",
  ordinal: (n) => (n === 1 ? "1er" : `${n}e`),
  items: {
    heading: (count) => (count === 1 ? "Votre document" : `Vos documents (${count})`),
    item: "Document",
    title: "Titre",
    author: "Auteur",
    barcode: "Code-barres",
    dueDate: "À rendre le",
    status: "Prolongation",
    daysOverdue: (days) => (days === 1 ? "1 jour de retard" : `${days} jours de retard`),
    dueIn: (days) =>
      days <= 0 ? "à rendre aujourd’hui" : days === 1 ? "à rendre demain" : `encore ${days} jours`,
    renewable: "Prolongeable",
    renew: "Prolonger",
    notRenewable: {
      reserved: `Non prolongeable${NBSP}: réservé par un autre lecteur`,
      max_renewals: `Non prolongeable${NBSP}: nombre maximal de prolongations atteint`,
      fees_over_limit: `Non prolongeable${NBSP}: trop de frais impayés sur votre carte`,
      too_long_overdue: `Non prolongeable${NBSP}: la date de retour est dépassée depuis trop longtemps`,
      other: `Pas prolongeable en ligne${NBSP}: adressez-vous au comptoir`,
    },
  },
  renewAll: "Tout prolonger",
  renewAllPartly: "Seuls les documents prolongeables seront prolongés.",
  fees: {
    heading: "Frais",
    kinds: {
      notice: "Frais de rappel",
      postage: "Frais de port",
      fine: "Indemnité de retard",
      replacement: "Frais de remplacement",
      other: "Autres frais",
    },
    total: "Total",
    howToPay: "À régler lors de votre prochaine visite à la bibliothèque.",
  },
  messageHeading: "Message de la bibliothèque",
  preferences: "Gérer vos préférences",
  unsubscribe: "Ne plus recevoir ces rappels",
  openingHours: "Heures d’ouverture",
  cardNumber: "Carte de lecteur",
  reference: "Référence",
  footerWhy: (library) => `Vous recevez ce message parce que vous empruntez des documents à ${library}.`,
  fallback: {
    title: "Nous n’avons pas pu vous joindre par e-mail",
    bounced: (email) =>
      `Nous vous avons d’abord envoyé ce message par e-mail à ${email}, mais il n’a pas pu être remis. ` +
      `Pourriez-vous vérifier votre adresse e-mail${NBSP}?`,
    noEmail:
      "Nous n’avons pas d’adresse e-mail valable pour vous. Vous souhaitez recevoir nos messages par e-mail " +
      `à l’avenir${NBSP}? C’est plus rapide et cela vous évite des frais de port.`,
    update: (url) => `Vous pouvez modifier votre adresse e-mail au comptoir ou via ${url}`,
  },
  letter: {
    registered: "RECOMMANDÉ",
    copy: (printedOn) => `COPIE de la lettre imprimée le ${printedOn}`,
    date: "Date",
    page: (n, total) => `Page ${n} sur ${total}`,
    renewOnline: (url) => `Prolonger en ligne${NBSP}: ${url}`,
    contact: "Contact",
  },
  confirmation: {
    subject: (library) => `Confirmez votre adresse e-mail pour ${library}`,
    heading: "Confirmez votre adresse e-mail",
    greeting: (firstName) => `Bonjour ${firstName},`,
    body: (email, library) =>
      `Vous avez indiqué ${email} comme adresse e-mail auprès de ${library}. Confirmez avec le bouton ` +
      "ci-dessous que cette adresse est bien la vôtre. Vous recevrez ensuite vos rappels par e-mail.",
    button: "Confirmer mon adresse e-mail",
    expires: (hours) => `Ce lien reste valable ${hours}${NBSP}heures.`,
    notYou: `Vous n’êtes pas à l’origine de cette demande${NBSP}? Ignorez simplement cet e-mail${NBSP}: rien ne sera modifié.`,
  },
  test: {
    subject: (library) => `E-mail de test de ${library}`,
    heading: "Ceci est un e-mail de test",
    body: (sender, when) =>
      `Cet e-mail a été envoyé depuis Rappel par ${sender} le ${when}. ` +
      "S’il vous parvient, l’envoi des messages fonctionne.",
    sample: `Voici à quoi ressemble une liste de documents${NBSP}:`,
  },
};

const en: Dictionary = {
  locale: "en-GB",
  ordinal: (n) => {
    const tens = n % 100;
    const suffix =
      tens >= 11 && tens <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10];
    return `${n}${suffix ?? "th"}`;
  },
  items: {
    heading: (count) => (count === 1 ? "Your item" : `Your items (${count})`),
    item: "Item",
    title: "Title",
    author: "Author",
    barcode: "Barcode",
    dueDate: "Due date",
    status: "Renewal",
    daysOverdue: (days) => (days === 1 ? "1 day overdue" : `${days} days overdue`),
    dueIn: (days) => (days <= 0 ? "due today" : days === 1 ? "due tomorrow" : `${days} days left`),
    renewable: "Can be renewed",
    renew: "Renew",
    notRenewable: {
      reserved: "Cannot be renewed: reserved by another patron",
      max_renewals: "Cannot be renewed: maximum number of renewals reached",
      fees_over_limit: "Cannot be renewed: too many unpaid fees on your card",
      too_long_overdue: "Cannot be renewed: the due date passed too long ago",
      other: "Cannot be renewed online: please ask at the desk",
    },
  },
  renewAll: "Renew all",
  renewAllPartly: "Only the items that can be renewed will be renewed.",
  fees: {
    heading: "Charges",
    kinds: {
      notice: "Notice fee",
      postage: "Postage",
      fine: "Late fee",
      replacement: "Replacement cost",
      other: "Other charges",
    },
    total: "Total",
    howToPay: "To be paid on your next visit to the library.",
  },
  messageHeading: "A message from the library",
  preferences: "Manage your preferences",
  unsubscribe: "Stop these reminders",
  openingHours: "Opening hours",
  cardNumber: "Library card",
  reference: "Reference",
  footerWhy: (library) => `You receive this message because you borrow items from ${library}.`,
  fallback: {
    title: "We could not reach you by email",
    bounced: (email) =>
      `We first sent this message by email to ${email}, but it could not be delivered. ` +
      "Could you please check your email address?",
    noEmail:
      "We have no working email address for you. Would you like to receive our messages by email from now on? " +
      "It is faster and saves postage.",
    update: (url) => `You can change your email address at the desk or at ${url}`,
  },
  letter: {
    registered: "REGISTERED",
    copy: (printedOn) => `COPY of the letter printed on ${printedOn}`,
    date: "Date",
    page: (n, total) => `Page ${n} of ${total}`,
    renewOnline: (url) => `Renew online: ${url}`,
    contact: "Contact",
  },
  confirmation: {
    subject: (library) => `Confirm your email address for ${library}`,
    heading: "Confirm your email address",
    greeting: (firstName) => `Dear ${firstName},`,
    body: (email, library) =>
      `You gave ${email} as your email address at ${library}. Please confirm with the button below that ` +
      "this address is yours. From then on, you will receive your reminders and overdue notices by email.",
    button: "Confirm my email address",
    expires: (hours) => `This link stays valid for ${hours} hours.`,
    notYou: "Didn’t ask for this? Then simply ignore this email: nothing will change.",
  },
  test: {
    subject: (library) => `Test email from ${library}`,
    heading: "This is a test email",
    body: (sender, when) =>
      `This email was sent from Rappel by ${sender} on ${when}. If it reached you, sending notices works.`,
    sample: "This is what a list of items looks like:",
  },
};

export const DICTIONARIES: Record<Language, Dictionary> = { nl, fr, en };

export function dictionaryFor(language: Language): Dictionary {
  return DICTIONARIES[language] ?? DICTIONARIES.nl;
}

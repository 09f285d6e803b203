import type { Language } from "@/lib/generated/prisma/enums";

/** The words of the public self-service pages, in the patron's language. */
export type PatronTexts = {
  greeting(firstName: string): string;
  renew: {
    title: string;
    intro: string;
    dueOn(date: string): string;
    renewable(date: string): string;
    renewed(date: string): string;
    changed(date: string): string;
    returned: string;
    buttonOne: string;
    buttonAll(count: number): string;
    nothing: string;
    done: string;
  };
  preferences: {
    title: string;
    currentEmail(masked: string): string;
    noEmail: string;
    pending(masked: string): string;
    newEmail: string;
    newEmailHint: string;
    preDue: string;
    preDueHint: string;
    language: string;
    letters: string;
    lettersHint: string;
    save: string;
    saved: string;
    sent(email: string): string;
    sendFailed: string;
    invalidEmail: string;
  };
  unsubscribe: { title: string; body: string; button: string; done: string };
  confirm: { title: string; body: string; button: string; done(email: string): string; nothing: string };
  problem: {
    invalidTitle: string;
    invalidBody: string;
    expiredTitle: string;
    expiredBody: string;
    busyTitle: string;
    busyBody(minutes: number): string;
    nothingChanged: string;
    /** the page's address holds a character no link of ours has (a NUL byte, half a character) */
    invalidAddress: string;
    help: string;
    helpAt(branch: string): string;
  };
  languages: Record<Language, string>;
};

const nl: PatronTexts = {
  greeting: (name) => `Dag ${name},`,
  renew: {
    title: "Verlengen",
    intro: "Dit zijn de materialen uit ons bericht.",
    dueOn: (date) => `In te leveren op ${date}`,
    renewable: (date) => `Kan verlengd worden tot ${date}`,
    renewed: (date) => `Verlengd. Nieuwe inleverdatum: ${date}`,
    changed: (date) => `Al verlengd. Inleverdatum: ${date}`,
    returned: "Ingeleverd. Bedankt!",
    buttonOne: "Verlengen",
    buttonAll: (n) => (n === 1 ? "Verlengen" : `Alle ${n} verlengen`),
    nothing: "Er valt hier niets meer te verlengen.",
    done: "Klaar. Hieronder ziet u wat er verlengd is.",
  },
  preferences: {
    title: "Mijn voorkeuren",
    currentEmail: (m) => `Uw berichten gaan nu naar ${m}.`,
    noEmail: "We hebben geen e-mailadres van u.",
    pending: (m) => `Wacht op bevestiging: ${m}. Klik op de link in de e-mail die we u stuurden.`,
    newEmail: "Nieuw e-mailadres",
    newEmailHint: "Laat leeg om uw adres te houden. We sturen eerst een e-mail om het te bevestigen.",
    preDue: "Stuur mij een herinnering vóór de inleverdatum",
    preDueHint: "Een paar dagen voor u uw materialen moet inleveren.",
    language: "Taal van de berichten",
    letters: "Stuur mij brieven in plaats van e-mails",
    lettersHint: "Per post. Uw bibliotheek kan daarvoor portkosten aanrekenen.",
    save: "Opslaan",
    saved: "Uw voorkeuren zijn bewaard.",
    sent: (email) =>
      `We stuurden een e-mail naar ${email}. Klik op de link erin om het nieuwe adres te bevestigen.`,
    sendFailed:
      "Uw voorkeuren zijn bewaard, maar de bevestigingsmail kon nu niet vertrekken. Probeer het later opnieuw of vraag het aan de balie.",
    invalidEmail: "Dit is geen geldig e-mailadres. Controleer het en probeer opnieuw.",
  },
  unsubscribe: {
    title: "Geen herinneringen meer?",
    body: "U krijgt dan geen e-mail meer vóór de inleverdatum. Berichten over te laat ingeleverde materialen blijven komen.",
    button: "Afmelden voor herinneringen",
    done: "U bent afgemeld. U krijgt geen herinneringen meer vóór de inleverdatum.",
  },
  confirm: {
    title: "Nieuw e-mailadres bevestigen",
    body: "Bevestig dat uw berichten voortaan naar dit adres mogen gaan.",
    button: "Bevestigen",
    done: (email) => `Bevestigd. Uw berichten gaan voortaan naar ${email}.`,
    nothing: "Er wacht geen nieuw e-mailadres op bevestiging. Misschien bevestigde u het al.",
  },
  problem: {
    invalidTitle: "Deze link werkt niet",
    invalidBody:
      "De link is onvolledig of klopt niet. Kopieer de volledige link uit uw e-mail of brief, of typ hem opnieuw over.",
    expiredTitle: "Deze link is verlopen",
    expiredBody: "Links in onze berichten werken een beperkte tijd. Een nieuw bericht heeft een nieuwe link.",
    busyTitle: "Even geduld",
    busyBody: (m) => `Deze link werd te vaak na elkaar geopend. Probeer het over ${m} minuten opnieuw.`,
    nothingChanged: "Er is niets gewijzigd.",
    invalidAddress:
      "Het adres van deze pagina bevat een teken dat er niet in hoort. Open de link opnieuw uit uw e-mail of brief.",
    help: "Hulp nodig? Vraag het aan de balie van uw bibliotheek: zij verlengen en wijzigen het ook voor u.",
    helpAt: (branch) => `Hulp nodig? Neem contact op met ${branch}:`,
  },
  languages: { nl: "Nederlands", fr: "Français", en: "English" },
};

const fr: PatronTexts = {
  greeting: (name) => `Bonjour ${name},`,
  renew: {
    title: "Prolonger",
    intro: "Voici les documents de notre message.",
    dueOn: (date) => `À rendre le ${date}`,
    renewable: (date) => `Peut être prolongé jusqu’au ${date}`,
    renewed: (date) => `Prolongé. Nouvelle date de retour : ${date}`,
    changed: (date) => `Déjà prolongé. Date de retour : ${date}`,
    returned: "Rendu. Merci !",
    buttonOne: "Prolonger",
    buttonAll: (n) => (n === 1 ? "Prolonger" : `Prolonger les ${n}`),
    nothing: "Il n’y a plus rien à prolonger ici.",
    done: "C’est fait. Voici ce qui a été prolongé.",
  },
  preferences: {
    title: "Mes préférences",
    currentEmail: (m) => `Vos messages sont envoyés à ${m}.`,
    noEmail: "Nous n’avons pas d’adresse e-mail pour vous.",
    pending: (m) =>
      `En attente de confirmation : ${m}. Cliquez sur le lien de l’e-mail que nous vous avons envoyé.`,
    newEmail: "Nouvelle adresse e-mail",
    newEmailHint:
      "Laissez vide pour garder votre adresse. Nous envoyons d’abord un e-mail pour la confirmer.",
    preDue: "M’envoyer un rappel avant la date de retour",
    preDueHint: "Quelques jours avant la date à laquelle vous devez rendre vos documents.",
    language: "Langue des messages",
    letters: "M’envoyer des lettres au lieu d’e-mails",
    lettersHint: "Par la poste. Votre bibliothèque peut facturer les frais de port.",
    save: "Enregistrer",
    saved: "Vos préférences sont enregistrées.",
    sent: (email) =>
      `Nous avons envoyé un e-mail à ${email}. Cliquez sur le lien qu’il contient pour confirmer la nouvelle adresse.`,
    sendFailed:
      "Vos préférences sont enregistrées, mais l’e-mail de confirmation n’a pas pu partir. Réessayez plus tard ou adressez-vous au comptoir.",
    invalidEmail: "Cette adresse e-mail n’est pas valide. Vérifiez-la et réessayez.",
  },
  unsubscribe: {
    title: "Plus de rappels ?",
    body: "Vous ne recevrez plus d’e-mail avant la date de retour. Les messages de retard continueront d’arriver.",
    button: "Me désabonner des rappels",
    done: "Vous êtes désabonné. Vous ne recevrez plus de rappels avant la date de retour.",
  },
  confirm: {
    title: "Confirmer la nouvelle adresse e-mail",
    body: "Confirmez que vos messages peuvent désormais être envoyés à cette adresse.",
    button: "Confirmer",
    done: (email) => `Confirmé. Vos messages seront désormais envoyés à ${email}.`,
    nothing: "Aucune nouvelle adresse n’attend de confirmation. Vous l’avez peut-être déjà confirmée.",
  },
  problem: {
    invalidTitle: "Ce lien ne fonctionne pas",
    invalidBody:
      "Le lien est incomplet ou incorrect. Copiez le lien complet depuis votre e-mail ou votre lettre, ou retapez-le.",
    expiredTitle: "Ce lien a expiré",
    expiredBody:
      "Les liens de nos messages fonctionnent un temps limité. Un nouveau message contient un nouveau lien.",
    busyTitle: "Un instant",
    busyBody: (m) => `Ce lien a été ouvert trop souvent d’affilée. Réessayez dans ${m} minutes.`,
    nothingChanged: "Rien n’a été modifié.",
    invalidAddress:
      "L’adresse de cette page contient un caractère qui n’y a pas sa place. Ouvrez à nouveau le lien de votre e-mail ou de votre lettre.",
    help: "Besoin d’aide ? Adressez-vous au comptoir de votre bibliothèque : on peut aussi prolonger et modifier pour vous.",
    helpAt: (branch) => `Besoin d’aide ? Contactez ${branch} :`,
  },
  languages: nl.languages,
};

const en: PatronTexts = {
  greeting: (name) => `Hello ${name},`,
  renew: {
    title: "Renew",
    intro: "These are the items from our message.",
    dueOn: (date) => `Due on ${date}`,
    renewable: (date) => `Can be renewed until ${date}`,
    renewed: (date) => `Renewed. New due date: ${date}`,
    changed: (date) => `Already renewed. Due on ${date}`,
    returned: "Returned. Thank you!",
    buttonOne: "Renew",
    buttonAll: (n) => (n === 1 ? "Renew" : `Renew all ${n}`),
    nothing: "There is nothing left to renew here.",
    done: "Done. Below is what was renewed.",
  },
  preferences: {
    title: "My preferences",
    currentEmail: (m) => `Your messages go to ${m}.`,
    noEmail: "We have no email address for you.",
    pending: (m) => `Waiting for confirmation: ${m}. Click the link in the email we sent you.`,
    newEmail: "New email address",
    newEmailHint: "Leave empty to keep your address. We first send an email to confirm it.",
    preDue: "Send me a reminder before the due date",
    preDueHint: "A few days before your items are due.",
    language: "Language of the messages",
    letters: "Send me letters instead of emails",
    lettersHint: "By post. Your library may charge postage.",
    save: "Save",
    saved: "Your preferences are saved.",
    sent: (email) => `We sent an email to ${email}. Click the link in it to confirm the new address.`,
    sendFailed:
      "Your preferences are saved, but the confirmation email could not be sent right now. Try again later or ask at the desk.",
    invalidEmail: "This is not a valid email address. Check it and try again.",
  },
  unsubscribe: {
    title: "No more reminders?",
    body: "You will no longer get an email before the due date. Messages about overdue items keep coming.",
    button: "Unsubscribe from reminders",
    done: "You are unsubscribed. You will get no more reminders before the due date.",
  },
  confirm: {
    title: "Confirm your new email address",
    body: "Confirm that your messages may go to this address from now on.",
    button: "Confirm",
    done: (email) => `Confirmed. Your messages now go to ${email}.`,
    nothing: "No new address is waiting for confirmation. Perhaps you confirmed it already.",
  },
  problem: {
    invalidTitle: "This link does not work",
    invalidBody:
      "The link is incomplete or wrong. Copy the whole link from your email or letter, or type it again.",
    expiredTitle: "This link has expired",
    expiredBody: "Links in our messages work for a limited time. A new message has a new link.",
    busyTitle: "Please wait a moment",
    busyBody: (m) => `This link was opened too often in a row. Try again in ${m} minutes.`,
    nothingChanged: "Nothing was changed.",
    invalidAddress:
      "This page's address holds a character that does not belong in it. Open the link from your email or letter again.",
    help: "Need help? Ask at your library's desk: they can renew and change things for you too.",
    helpAt: (branch) => `Need help? Contact ${branch}:`,
  },
  languages: nl.languages,
};

const TEXTS: Record<Language, PatronTexts> = { nl, fr, en };

export function patronTexts(language: Language): PatronTexts {
  return TEXTS[language];
}

/** The patron's language when the link tells nothing: the browser's first of nl, fr, en; else Dutch. */
export function languageFromAcceptHeader(header: string | null): Language {
  for (const part of (header ?? "").split(",")) {
    const code = part.trim().slice(0, 2).toLowerCase();
    if (code === "nl" || code === "fr" || code === "en") return code;
  }
  return "nl";
}

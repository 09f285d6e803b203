import { addDays, type LocalDate } from "@/lib/dates";
import type { Language, NoticeFee, NoticeItem, NoticeRenderInput, StageKind } from "./types";

export const SAMPLE_BASE_URL = "https://rappel.bibliotheek-leiedal.be";

const STAGE_LABELS: Record<Language, string[]> = {
  nl: ["Herinnering", "Eerste aanmaning", "Tweede aanmaning", "Derde aanmaning", "Aangetekende aanmaning"],
  fr: ["Rappel", "Premier rappel", "Deuxième rappel", "Troisième rappel", "Rappel recommandé"],
  en: [
    "Reminder",
    "First overdue notice",
    "Second overdue notice",
    "Third overdue notice",
    "Registered final notice",
  ],
};

export type SampleOptions = {
  kind?: StageKind;
  language?: Language;
  /** overdue stage number, 1..4 */
  number?: number;
  date?: LocalDate;
  /** how many items (the first five are hand-written, more are generated) */
  itemCount?: number;
  message?: string | null;
  baseUrl?: string;
  /** a distinct patron, for batches */
  patronIndex?: number;
};

const PATRONS = [
  {
    firstName: "Lotte",
    lastName: "Vermeulen",
    street: "Kerkstraat 14 bus 2",
    postalCode: "8760",
    city: "Meulebeke",
  },
  { firstName: "Mehmet", lastName: "Yılmaz", street: "Ringlaan 203", postalCode: "8700", city: "Tielt" },
  {
    firstName: "Amélie",
    lastName: "Dubois-Lefèvre",
    street: "Rue de la Station 7",
    postalCode: "7700",
    city: "Mouscron",
  },
  { firstName: "Jan", lastName: "De Smet", street: "Oude Gentweg 1", postalCode: "8760", city: "Meulebeke" },
];

const BOOKS = [
  { title: "Het smelt", author: "Lize Spit", renewable: true },
  { title: "De avonden", author: "Gerard Reve", renewable: true },
  { title: "L’Anomalie", author: "Hervé Le Tellier", reason: "reserved" as const },
  { title: "Fietsroutes in West-Vlaanderen", author: null, reason: "max_renewals" as const },
  { title: "Bluey: Het grote voorleesboek", author: "Joe Brumm", renewable: true },
];

/**
 * A realistic notice for previews, tests and the benchmark: a Flemish library, a patron with
 * a bus number, items that can and cannot be renewed, fees from the second overdue notice on.
 */
export function sampleNoticeInput(options: SampleOptions = {}): NoticeRenderInput {
  const kind = options.kind ?? "overdue";
  const language = options.language ?? "nl";
  const number = kind === "pre_due" ? 1 : (options.number ?? 2);
  const date = options.date ?? "2026-03-24";
  const baseUrl = options.baseUrl ?? SAMPLE_BASE_URL;
  const offset = kind === "pre_due" ? -3 : 7 * number;
  const dueDate = addDays(date, -offset);
  const patronIndex = options.patronIndex ?? 0;
  const patron = PATRONS[patronIndex % PATRONS.length];
  const token = `s${patronIndex}-${kind}-${number}`;
  const registered = kind === "overdue" && number >= 4;

  const count = options.itemCount ?? 4;
  const items: NoticeItem[] = Array.from({ length: count }, (_, i) => {
    const book = BOOKS[i] ?? { title: `Leesboek deel ${i + 1}`, author: "Diverse auteurs", renewable: true };
    const barcode = `3000100${String(23456 + i * 7 + patronIndex * 101).padStart(7, "0")}`;
    const base = {
      title: book.title,
      author: book.author,
      barcode,
      dueDate: i === 1 ? addDays(dueDate, -2) : dueDate,
      loanId: 9000 + i,
    };
    return "reason" in book && book.reason
      ? { ...base, renewable: false, notRenewableReason: book.reason }
      : { ...base, renewable: true, renewUrl: `${baseUrl}/r/renew?token=${token}-item${i}` };
  });

  const fees: NoticeFee[] = [];
  if (kind === "overdue" && number >= 2) fees.push({ kind: "notice", amountCents: 100 * (number - 1) });
  if (kind === "overdue" && number >= 3) fees.push({ kind: "postage", amountCents: registered ? 795 : 140 });

  return {
    language,
    date,
    reference: `R-2026-${String(4711 + patronIndex).padStart(6, "0")}`,
    baseUrl,
    library: { name: "Bibliotheek Leiedal", website: "https://www.bibliotheek-leiedal.be" },
    branch: {
      name: "Hoofdbibliotheek Meulebeke",
      street: "Stationsstraat 21",
      postalCode: "8760",
      city: "Meulebeke",
      country: "BE",
      email: "bibliotheek@leiedal.be",
      phone: "051 48 99 10",
      openingHoursUrl: "https://www.bibliotheek-leiedal.be/openingsuren",
    },
    patron: {
      ...patron,
      country: "BE",
      cardNumber: `20001${String(45 + patronIndex).padStart(3, "0")}`,
      email: "lotte.vermeulen@example.be",
    },
    stage: {
      kind,
      number,
      label: STAGE_LABELS[language][kind === "pre_due" ? 0 : Math.min(number, 4)],
      registered,
    },
    items,
    fees,
    message: options.message === undefined ? sampleMessage(language) : options.message,
    links: {
      renewAll: `${baseUrl}/r/renew?token=${token}-all`,
      preferences: `${baseUrl}/r/preferences?token=${token}`,
      unsubscribe: kind === "pre_due" ? `${baseUrl}/r/unsubscribe?token=${token}` : null,
    },
  };
}

function sampleMessage(language: Language): string {
  return {
    nl: "Van 1 tot en met 6 april is de bibliotheek gesloten wegens verbouwingen. De inleverbus aan de ingang blijft open.",
    fr: "Du 1er au 6 avril, la bibliothèque est fermée pour travaux. La boîte de retour à l’entrée reste accessible.",
    en: "From 1 to 6 April the library is closed for building work. The book drop at the entrance stays open.",
  }[language];
}

import { daysBetween, type LocalDate } from "@/lib/dates";
import { DEFAULT_NOTICE_TEXTS } from "@/lib/templates/default-texts";
import type { PlaceholderValues } from "@/lib/templates/placeholders";
import { renderTemplate, TemplateError } from "@/lib/templates/render-template";
import { resolveWording } from "@/lib/templates/resolve-wording";
import type { NoticeWording } from "@/lib/templates/validate-wording";
import { type Dictionary, dictionaryFor } from "./dictionary";
import { formatDate, formatMoney } from "./format";
import type {
  Language,
  NoticeBranch,
  NoticeLibrary,
  NoticeRenderInput,
  PostalAddress,
  StageKind,
} from "./types";

export type NoticeItemView = {
  key: string;
  title: string;
  author: string | null;
  barcode: string;
  dueDate: string;
  /** days past the due date; negative = days left */
  daysOverdue: number;
  /** "3 dagen te laat" or "nog 3 dagen" */
  timing: string;
  renewable: boolean;
  renewUrl: string | null;
  /** "Verlengbaar" or why not */
  renewal: string;
};

export type NoticeView = {
  language: Language;
  t: Dictionary;
  kind: StageKind;
  stageLabel: string;
  stageNumber: number;
  registered: boolean;
  subject: string;
  opening: string;
  closing: string;
  message: string | null;
  /** the notice's date, long and numeric */
  date: string;
  dateNumeric: string;
  reference: string;
  library: { name: string; website: string | null; logoUrl: string };
  branch: {
    name: string;
    addressLines: string[];
    email: string | null;
    phone: string | null;
    openingHoursUrl: string | null;
  };
  patron: { fullName: string; cardNumber: string; email: string | null; addressLines: string[] };
  items: NoticeItemView[];
  fees: { label: string; amount: string }[];
  feeTotalCents: number;
  feeTotal: string | null;
  links: { renewAll: string | null; preferences: string; unsubscribe: string | null };
  warnings: string[];
};

/** Everything a template shows, translated and formatted, with the wording's placeholders filled in. */
export function buildNoticeView(input: NoticeRenderInput): NoticeView {
  const { language } = input;
  const t = dictionaryFor(language);
  const warnings: string[] = [];
  const baseUrl = normalizeBaseUrl(input.baseUrl);

  const items = input.items.map((item, index): NoticeItemView => {
    const daysOverdue = daysBetween(item.dueDate, input.date);
    return {
      key: String(item.loanId ?? `${item.barcode}-${index}`),
      title: item.title,
      author: item.author?.trim() || null,
      barcode: item.barcode,
      dueDate: formatDate(item.dueDate, language, "short"),
      daysOverdue,
      timing: daysOverdue > 0 ? t.items.daysOverdue(daysOverdue) : t.items.dueIn(-daysOverdue),
      renewable: item.renewable,
      renewUrl: item.renewable ? absoluteUrl(item.renewUrl, `renewUrl of ${item.barcode}`) : null,
      renewal: item.renewable ? t.items.renewable : t.items.notRenewable[item.notRenewableReason],
    };
  });

  const fees = input.fees
    .filter((fee) => fee.amountCents !== 0)
    .map((fee) => ({
      label: fee.label?.trim() || t.fees.kinds[fee.kind],
      amount: formatMoney(fee.amountCents, language),
    }));
  const feeTotalCents = input.fees.reduce((sum, fee) => sum + fee.amountCents, 0);
  const feeTotal = fees.length > 0 ? formatMoney(feeTotalCents, language) : null;

  const earliestDue = input.items.map((item) => item.dueDate).sort()[0] as LocalDate | undefined;
  const fullName = `${input.patron.firstName} ${input.patron.lastName}`.trim();
  const values: PlaceholderValues = {
    "patron.firstName": input.patron.firstName,
    "patron.lastName": input.patron.lastName,
    "patron.fullName": fullName,
    "patron.cardNumber": input.patron.cardNumber,
    "library.name": input.library.name,
    "branch.name": input.branch.name,
    "branch.phone": input.branch.phone ?? "",
    "branch.email": input.branch.email ?? "",
    "stage.number": String(input.stage.number),
    "stage.ordinal": t.ordinal(input.stage.number),
    "stage.label": input.stage.label,
    "items.count": String(input.items.length),
    "fee.total": formatMoney(feeTotalCents, language),
    "due.date": earliestDue ? formatDate(earliestDue, language) : "",
    "notice.date": formatDate(input.date, language),
  };

  const wording = resolveWording({ kind: input.stage.kind, language, system: input.texts });
  const defaults = DEFAULT_NOTICE_TEXTS[input.stage.kind][language];
  const fill = (field: keyof NoticeWording) => {
    try {
      return renderTemplate(wording[field], values);
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      warnings.push(`The stored ${field} is invalid (${error.message}); the default text was used.`);
      return renderTemplate(defaults[field], values);
    }
  };

  let message: string | null = null;
  if (input.message?.trim()) {
    try {
      message = renderTemplate(input.message, values);
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      warnings.push(`The variable message is invalid (${error.message}); its placeholders were left out.`);
      message = input.message.replace(/\{[^{}\n]*\}/g, "").replace(/[{}]/g, "");
    }
  }

  return {
    language,
    t,
    kind: input.stage.kind,
    stageLabel: input.stage.label,
    stageNumber: input.stage.number,
    registered: input.stage.registered === true,
    subject: fill("subject").replace(/\s+/g, " ").trim(),
    opening: fill("opening"),
    closing: fill("closing"),
    message,
    date: formatDate(input.date, language),
    dateNumeric: formatDate(input.date, language, "numeric"),
    reference: input.reference,
    library: libraryView(input.library, baseUrl),
    branch: branchView(input.branch, language),
    patron: {
      fullName,
      cardNumber: input.patron.cardNumber,
      email: input.patron.email ?? null,
      addressLines: [fullName, ...addressLines(input.patron, language)],
    },
    items,
    fees,
    feeTotalCents,
    feeTotal,
    links: {
      renewAll:
        input.links.renewAll && items.some((item) => item.renewable)
          ? absoluteUrl(input.links.renewAll, "links.renewAll")
          : null,
      preferences: absoluteUrl(input.links.preferences, "links.preferences"),
      unsubscribe: input.links.unsubscribe ? absoluteUrl(input.links.unsubscribe, "links.unsubscribe") : null,
    },
    warnings,
  };
}

export type LibraryView = NoticeView["library"];
export type BranchView = NoticeView["branch"];

export function normalizeBaseUrl(baseUrl: string): string {
  return absoluteUrl(baseUrl, "baseUrl").replace(/\/+$/, "");
}

export function libraryView(library: NoticeLibrary, baseUrl: string): LibraryView {
  return {
    name: library.name,
    website: library.website ? absoluteUrl(library.website, "library.website") : null,
    logoUrl: absoluteUrl(library.logoUrl || `${normalizeBaseUrl(baseUrl)}/email/logo.png`, "library.logoUrl"),
  };
}

export function branchView(branch: NoticeBranch, language: Language): BranchView {
  return {
    name: branch.name,
    addressLines: addressLines(branch, language),
    email: branch.email ?? null,
    phone: branch.phone ?? null,
    openingHoursUrl: branch.openingHoursUrl
      ? absoluteUrl(branch.openingHoursUrl, "branch.openingHoursUrl")
      : null,
  };
}

/** Street, postal code and city; the country only for an address abroad, in capitals as the post asks. */
export function addressLines(address: Partial<PostalAddress>, language: Language): string[] {
  const lines: string[] = [];
  if (address.street?.trim()) lines.push(address.street.trim());
  const place = [address.postalCode?.trim(), address.city?.trim()].filter(Boolean).join(" ");
  if (place) lines.push(place);
  const country = address.country?.trim().toUpperCase();
  if (country && country !== "BE") {
    const name = countryName(country, language);
    lines.push(name.toLocaleUpperCase(dictionaryFor(language).locale));
  }
  return lines;
}

function countryName(code: string, language: Language): string {
  try {
    return new Intl.DisplayNames([dictionaryFor(language).locale], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Links in an email must be absolute http(s) URLs: a relative link goes nowhere in a mail client. */
export function absoluteUrl(url: string, what: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`${what} must be an absolute URL, got "${url}"`);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new Error(`${what} must be an http(s) URL, got "${url}"`);
  }
  return parsed.toString();
}

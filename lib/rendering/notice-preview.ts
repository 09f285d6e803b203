import "server-only";
import { fromDbDate } from "@/lib/dates";
import type { Db, DbTx } from "@/lib/db-client";
import type { Language, StageKind } from "@/lib/generated/prisma/enums";
import { libraryToday } from "@/lib/library/current-library";
import { loadRenewalPolicies } from "@/lib/loans/load-renewal-policies";
import { type ResolvedWording, resolveWording, type WordingOverride } from "@/lib/templates";
import {
  buildNoticeContent,
  type NoticeLoan,
  noticePatron,
  stageLabel,
  stageNumbers,
} from "./notice-content";
import { sampleNoticeInput } from "./sample-data";
import type { NoticeRenderInput } from "./types";

export const LANGUAGES = ["nl", "fr", "en"] as const satisfies readonly Language[];

export type PreviewParams = {
  stage?: string;
  lang?: string;
  branch?: string;
  card?: string;
  /** where the logo and the links point; default the sample site */
  baseUrl?: string;
};

export type StageChoice = { id: number; label: string; kind: StageKind; number: number; registered: boolean };
export type BranchChoice = { id: number; name: string };

export type Preview = {
  stages: StageChoice[];
  branches: BranchChoice[];
  stage: StageChoice;
  language: Language;
  /** null = the system level */
  branchId: number | null;
  card: string;
  /** the card number was given but no patron has it */
  patronNotFound: boolean;
  patronName: string | null;
  input: NoticeRenderInput;
  wording: ResolvedWording;
  /** what the chosen level stores itself (empty = inherits) */
  own: Record<"subject" | "opening" | "closing", string>;
  /** what the chosen level would show without its own value */
  inherited: ResolvedWording;
};

function pickLanguage(value: string | undefined): Language {
  return (LANGUAGES as readonly string[]).includes(value ?? "") ? (value as Language) : "nl";
}

/**
 * Everything the templates page, the sample letter route and the test email need for one
 * choice of stage, language, branch and (optionally) a real patron: the notice's content is
 * built by `buildNoticeContent`, as the render step builds it (the one renewal rule of
 * lib/loans, the stage's fee, the wording of the chosen level), for the patron's open loans
 * or, without a card number, for a sample patron's. Only the links lead nowhere: there is no
 * notice to sign them for. Null when the library has no stages.
 */
export async function loadPreview(
  db: Db | DbTx,
  libraryId: number,
  params: PreviewParams,
): Promise<Preview | null> {
  const language = pickLanguage(params.lang);
  const [library, stageRows, branchRows] = await Promise.all([
    db.library.findUniqueOrThrow({ where: { id: libraryId } }),
    db.noticeStage.findMany({ where: { libraryId }, orderBy: { position: "asc" } }),
    db.branch.findMany({ where: { libraryId }, orderBy: { name: "asc" } }),
  ]);
  if (stageRows.length === 0) return null;

  const numbers = stageNumbers(stageRows);
  const stages: StageChoice[] = stageRows.map((row) => ({
    id: row.id,
    label: stageLabel(row.labels, language, row.key),
    kind: row.kind,
    number: numbers.get(row.id) ?? 1,
    registered: row.channel === "registered_letter",
  }));
  const stage = stages.find((s) => String(s.id) === params.stage) ?? stages[0];
  const stageRow = stageRows.find((row) => row.id === stage.id);
  const branches = branchRows.map((b) => ({ id: b.id, name: b.name }));
  const branchRow = branchRows.find((b) => String(b.id) === params.branch) ?? null;

  const [systemText, branchText] = await Promise.all([
    db.noticeText.findUnique({ where: { stageId_language: { stageId: stage.id, language } } }),
    branchRow
      ? db.branchNoticeText.findUnique({
          where: { stageId_branchId_language: { stageId: stage.id, branchId: branchRow.id, language } },
        })
      : null,
  ]);
  const system: WordingOverride | null = systemText;
  const branchLevel: WordingOverride | null = branchText;
  const wording = resolveWording({ kind: stage.kind, language, system, branch: branchLevel });
  const inherited = resolveWording({ kind: stage.kind, language, system: branchRow ? system : null });
  const ownRow = branchRow ? branchLevel : system;
  const own = {
    subject: ownRow?.subject ?? "",
    opening: ownRow?.opening ?? "",
    closing: ownRow?.closing ?? "",
  };

  const date = libraryToday(library);
  const sample = sampleNoticeInput({
    kind: stage.kind,
    language,
    number: Math.min(stage.number, 4),
    date,
    baseUrl: params.baseUrl,
  });
  const baseUrl = sample.baseUrl.replace(/\/+$/, "");
  const senderBranch = branchRow ?? branchRows[0];
  const fallbackBranchId = senderBranch?.id ?? 0;

  // The sample patron's loans, as loans: the renewal rule decides, as for a real patron.
  let patron: Parameters<typeof buildNoticeContent>[0]["patron"] = { ...sample.patron, feesOwedCents: 0 };
  let loans: NoticeLoan[] = sample.items.map((item, index) => ({
    id: typeof item.loanId === "number" ? item.loanId : 9000 + index,
    dueDate: item.dueDate,
    renewalCount: !item.renewable && item.notRenewableReason === "max_renewals" ? 99 : 0,
    reserved: !item.renewable && item.notRenewableReason === "reserved",
    returned: false,
    branchId: fallbackBranchId,
    item: { title: item.title, author: item.author ?? null, barcode: item.barcode },
  }));

  const card = (params.card ?? "").trim().slice(0, 40);
  let patronNotFound = false;
  let patronName: string | null = null;
  if (card) {
    const found = await db.patron.findFirst({
      where: { libraryId, cardNumber: card },
      include: {
        loans: {
          where: { returnedAt: null },
          include: { item: true },
          orderBy: { dueDate: "asc" },
          take: 50,
        },
      },
    });
    if (!found) patronNotFound = true;
    else {
      patronName = `${found.firstName} ${found.lastName}`;
      patron = { ...noticePatron(found), feesOwedCents: found.feesOwedCents };
      if (found.loans.length > 0)
        loans = found.loans.map((loan) => ({
          id: loan.id,
          dueDate: fromDbDate(loan.dueDate),
          renewalCount: loan.renewalCount,
          reserved: loan.reserved,
          returned: false,
          branchId: loan.branchId,
          item: { title: loan.item.title, author: loan.item.author, barcode: loan.item.barcode },
        }));
    }
  }

  const token = `preview-${stage.id}`;
  const input = buildNoticeContent({
    language,
    date,
    reference: sample.reference,
    baseUrl,
    library: { name: library.name, website: library.website },
    branch: senderBranch ?? {
      ...sample.branch,
      country: sample.branch.country ?? "BE",
      email: null,
      phone: null,
      openingHoursUrl: null,
    },
    patron,
    stage: {
      kind: stage.kind,
      number: stage.number,
      label: stage.label,
      registered: stage.registered,
    },
    loans,
    policies: await loadRenewalPolicies(db, { libraryId }),
    wording,
    feeCents: stageRow?.feeCents ?? 0,
    links: (anyRenewable) => ({
      links: {
        renewAll: anyRenewable ? `${baseUrl}/r/renew?token=${token}-all` : null,
        preferences: `${baseUrl}/r/preferences?token=${token}`,
        unsubscribe: stage.kind === "pre_due" ? `${baseUrl}/r/unsubscribe?token=${token}` : null,
      },
      renewItem: (loanId) => `${baseUrl}/r/renew?token=${token}-${loanId}`,
    }),
  });

  return {
    stages,
    branches,
    stage,
    language,
    branchId: branchRow?.id ?? null,
    card,
    patronNotFound,
    patronName,
    input,
    wording,
    own,
    inherited,
  };
}

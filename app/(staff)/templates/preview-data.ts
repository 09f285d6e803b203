import "server-only";
import { fromDbDate } from "@/lib/dates";
import type { Db, DbTx } from "@/lib/db-client";
import type { Language, StageKind } from "@/lib/generated/prisma/enums";
import { libraryToday } from "@/lib/library/current-library";
import type { NoticeItem, NoticeRenderInput } from "@/lib/rendering";
import { sampleNoticeInput } from "@/lib/rendering";
import { type ResolvedWording, resolveWording, type WordingOverride } from "@/lib/templates";

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

function stageLabel(labels: unknown, language: Language, fallback: string): string {
  if (labels && typeof labels === "object" && language in labels) {
    const value = (labels as Record<string, unknown>)[language];
    if (typeof value === "string" && value.trim()) return value;
  }
  return fallback;
}

/**
 * Everything the preview page, the letter route and the test email need for one choice of
 * stage, language, branch and (optionally) a real patron. Null when the library has no stages.
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

  let overdueCount = 0;
  const stages: StageChoice[] = stageRows.map((row) => {
    if (row.kind === "overdue") overdueCount += 1;
    return {
      id: row.id,
      label: stageLabel(row.labels, language, row.key),
      kind: row.kind,
      number: row.kind === "overdue" ? overdueCount : 1,
      registered: row.channel === "registered_letter",
    };
  });
  const stage = stages.find((s) => String(s.id) === params.stage) ?? stages[0];
  const branches = branchRows.map((b) => ({ id: b.id, name: b.name }));
  const branchRow = branchRows.find((b) => String(b.id) === params.branch) ?? null;
  const stageRow = stageRows.find((row) => row.id === stage.id);

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
  const addressBranch = branchRow ?? branchRows[0];
  let input: NoticeRenderInput = {
    ...sample,
    library: { name: library.name, website: library.website },
    branch: addressBranch
      ? {
          name: addressBranch.name,
          street: addressBranch.street,
          postalCode: addressBranch.postalCode,
          city: addressBranch.city,
          country: addressBranch.country,
          email: addressBranch.email,
          phone: addressBranch.phone,
          openingHoursUrl: addressBranch.openingHoursUrl,
        }
      : sample.branch,
    stage: {
      kind: stage.kind,
      number: stage.number,
      label: stage.label,
      registered: stage.registered || sample.stage.registered,
    },
    fees: stageRow && stageRow.feeCents > 0 ? [{ kind: "notice", amountCents: stageRow.feeCents }] : [],
    texts: { subject: wording.subject, opening: wording.opening, closing: wording.closing },
  };

  const card = (params.card ?? "").trim().slice(0, 40);
  let patronNotFound = false;
  let patronName: string | null = null;
  if (card) {
    const patron = await db.patron.findFirst({
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
    if (!patron) patronNotFound = true;
    else {
      patronName = `${patron.firstName} ${patron.lastName}`;
      const items: NoticeItem[] = patron.loans.map((loan) => {
        const base = {
          title: loan.item.title,
          author: loan.item.author,
          barcode: loan.item.barcode,
          dueDate: fromDbDate(loan.dueDate),
          loanId: loan.id,
        };
        return loan.reserved
          ? { ...base, renewable: false, notRenewableReason: "reserved" as const }
          : { ...base, renewable: true, renewUrl: `${sample.baseUrl}/r/renew?token=preview-${loan.id}` };
      });
      input = {
        ...input,
        patron: {
          firstName: patron.firstName,
          lastName: patron.lastName,
          cardNumber: patron.cardNumber,
          email: patron.email,
          street: patron.street ?? undefined,
          postalCode: patron.postalCode ?? undefined,
          city: patron.city ?? undefined,
          country: patron.country,
        },
        items: items.length > 0 ? items : input.items,
      };
    }
  }

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

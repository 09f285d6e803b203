import { addDays, fromDbDate, type LocalDate, toDbDate } from "@/lib/dates";
import type { Db } from "@/lib/db-client";
import type {
  Branch,
  BranchStageSetting,
  ChannelPreference,
  EmailStatus,
  Language,
  NoticeStage,
  Patron,
  PatronStageSetting,
} from "@/lib/generated/prisma/client";
import { DEFAULT_NOTICE_STAGES, type StageDefinition } from "@/lib/settings/default-stages";

/** Every day of the week: tests that are not about the calendar need no Sunday moves. */
export const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

export type PatronInput = {
  email?: string | null;
  emailStatus?: EmailStatus;
  emailStatusAt?: Date | null;
  channelPreference?: ChannelPreference | null;
  preDueOptIn?: boolean;
  noticesPausedUntil?: LocalDate | null;
  language?: Language;
  homeBranch?: Branch;
};

export type LoanInput = { dueDate: LocalDate; branch?: Branch; returnedAt?: Date | null };

export type BranchOverrideInput = Partial<
  Pick<
    BranchStageSetting,
    "offsetDays" | "dayCount" | "enabled" | "channel" | "fallback" | "feeCents" | "audience"
  >
>;

export type TestLibrary = Awaited<ReturnType<typeof createTestLibrary>>;

/**
 * A small library built by hand: stages (the defaults unless given), branches open every day
 * unless told otherwise, and helpers for patrons, loans, closures and overrides.
 */
export async function createTestLibrary(
  db: Db,
  options: {
    code?: string;
    stages?: readonly StageDefinition[];
    branches?: { name: string; openWeekdays?: number[] }[];
  } = {},
) {
  const code = options.code ?? "T";
  const library = await db.library.create({ data: { code, name: `Bibliotheek ${code}` } });
  const branches: Branch[] = [];
  for (const [index, branch] of (options.branches ?? [{ name: "Hoofdbibliotheek" }]).entries()) {
    branches.push(
      await db.branch.create({
        data: {
          libraryId: library.id,
          ilsCode: `${code}-B${index + 1}`,
          name: branch.name,
          street: "Markt 1",
          postalCode: "8760",
          city: "Meulebeke",
          openWeekdays: branch.openWeekdays ?? EVERY_DAY,
        },
      }),
    );
  }
  const stageList: NoticeStage[] = [];
  for (const stage of options.stages ?? DEFAULT_NOTICE_STAGES) {
    stageList.push(await db.noticeStage.create({ data: { libraryId: library.id, ...stage } }));
  }
  const stages = Object.fromEntries(stageList.map((s) => [s.key, s])) as Record<string, NoticeStage>;
  const stage = (key: string) => {
    const found = stages[key];
    if (!found) throw new Error(`No stage ${key}`);
    return found;
  };

  let serial = 0;
  return {
    library,
    branches,
    branch: branches[0],
    stages,
    stage,

    async patron(input: PatronInput = {}): Promise<Patron> {
      serial += 1;
      return db.patron.create({
        data: {
          libraryId: library.id,
          cardNumber: `${code}-P${serial}`,
          firstName: "Lener",
          lastName: `Nummer ${serial}`,
          email: input.email === undefined ? `lener${serial}@example.be` : input.email,
          emailStatus: input.emailStatus ?? "ok",
          emailStatusAt: input.emailStatusAt ?? null,
          channelPreference: input.channelPreference ?? null,
          preDueOptIn: input.preDueOptIn ?? false,
          noticesPausedUntil: input.noticesPausedUntil ? toDbDate(input.noticesPausedUntil) : null,
          language: input.language ?? "nl",
          homeBranchId: (input.homeBranch ?? branches[0]).id,
        },
      });
    },

    async loan(patron: Patron, input: LoanInput) {
      serial += 1;
      const item = await db.item.create({
        data: { libraryId: library.id, barcode: `${code}-I${serial}`, title: `Boek ${serial}` },
      });
      return db.loan.create({
        data: {
          libraryId: library.id,
          ilsLoanId: `${code}-L${serial}`,
          patronId: patron.id,
          itemId: item.id,
          branchId: (input.branch ?? branches[0]).id,
          loanedAt: new Date(`${addDays(input.dueDate, -21)}T10:00:00Z`),
          dueDate: toDbDate(input.dueDate),
          returnedAt: input.returnedAt ?? null,
        },
      });
    },

    async closeBranch(branch: Branch, dates: LocalDate[], reason = "Gesloten") {
      await db.branchClosedDay.createMany({
        data: dates.map((date) => ({ branchId: branch.id, date: toDbDate(date), reason })),
      });
    },

    async overrideBranch(branch: Branch, key: string, values: BranchOverrideInput, updatedById?: number) {
      return db.branchStageSetting.upsert({
        where: { stageId_branchId: { stageId: stage(key).id, branchId: branch.id } },
        create: { stageId: stage(key).id, branchId: branch.id, ...values, updatedById },
        update: { ...values, updatedById },
      });
    },

    async overridePatron(
      patron: Patron,
      key: string,
      values: Partial<Pick<PatronStageSetting, "enabled" | "channel">>,
    ): Promise<PatronStageSetting> {
      return db.patronStageSetting.create({
        data: { stageId: stage(key).id, patronId: patron.id, ...values },
      });
    },

    async renew(loanId: number, dueDate: LocalDate) {
      return db.loan.update({
        where: { id: loanId },
        data: { dueDate: toDbDate(dueDate), renewalCount: { increment: 1 } },
      });
    },

    async returnLoan(loanId: number, at = new Date()) {
      return db.loan.update({ where: { id: loanId }, data: { returnedAt: at } });
    },
  };
}

/** A loan's notices as (stage key, plan date, channel) rows, oldest first. */
export async function noticesOfLoan(db: Db, loanId: number) {
  const rows = await db.noticeLoan.findMany({
    where: { loanId },
    include: { notice: { include: { stage: true } } },
    orderBy: { notice: { planDate: "asc" } },
  });
  return rows.map((row) => ({
    stage: row.notice.stage.key,
    planDate: fromDbDate(row.notice.planDate),
    channel: row.notice.channel,
    dueDate: fromDbDate(row.dueDate),
    status: row.notice.status,
  }));
}

/** Every day from `from` to `to`, both included. */
export function daysFrom(from: LocalDate, to: LocalDate): LocalDate[] {
  const days: LocalDate[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

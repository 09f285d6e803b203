import "server-only";
import { listAuditForPatron } from "@/lib/audit/list-audit-entries";
import { addDays, daysBetween, fromDbDate, type LocalDate, localTimeToInstant } from "@/lib/dates";
import type { Db } from "@/lib/db-client";
import type { FlagDetail } from "@/lib/feedback/apply-delivery-event";
import { branchRenewalPolicy, type RenewalPolicy, renewalState } from "@/lib/loans/renewal-policy";
import type { ChannelReason } from "@/lib/planning/channel-reason";

/** Returned loans this many days back are shown under the current ones. */
export const RECENT_RETURNS_DAYS = 60;
/** The timeline shows this many notices, newest first. */
export const TIMELINE_LIMIT = 100;

/**
 * Everything the desk shows about one patron, in a fixed handful of queries whatever the
 * number of loans and notices (Prisma loads each relation of a list in one query):
 * the patron with open flags and notes, the loans, the notices with their loans, events and
 * letters, and the audit entries. Null for an unknown id or a patron of another library.
 */
export async function loadPatronStory(
  db: Db,
  options: {
    patronId: number;
    libraryId: number;
    today: LocalDate;
    timeZone: string;
    policy?: RenewalPolicy;
  },
) {
  const { patronId, libraryId, today } = options;
  const patron = await db.patron.findFirst({
    where: { id: patronId, libraryId },
    include: {
      homeBranch: { select: { name: true } },
      flags: { where: { resolvedAt: null }, orderBy: { createdAt: "asc" } },
      notes: { orderBy: [{ createdAt: "desc" }, { id: "desc" }] },
    },
  });
  if (!patron) return null;

  const returnedSince = localTimeToInstant(addDays(today, -RECENT_RETURNS_DAYS), "00:00", options.timeZone);
  const [loans, notices, audit] = await Promise.all([
    db.loan.findMany({
      where: { patronId, OR: [{ returnedAt: null }, { returnedAt: { gte: returnedSince } }] },
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      include: {
        item: { select: { title: true, author: true, barcode: true } },
        branch: {
          select: {
            name: true,
            renewalMaxCount: true,
            renewalPeriodDays: true,
            renewalMaxFeesCents: true,
            renewalMaxOverdueDays: true,
          },
        },
      },
    }),
    db.notice.findMany({
      where: { patronId },
      orderBy: [{ planDate: "desc" }, { createdAt: "desc" }, { id: "desc" }],
      take: TIMELINE_LIMIT,
      include: {
        stage: { select: { key: true, labels: true } },
        branch: { select: { name: true } },
        loans: {
          orderBy: { loanId: "asc" },
          select: {
            dueDate: true,
            loan: { select: { id: true, item: { select: { title: true, barcode: true } } } },
          },
        },
        events: { orderBy: [{ occurredAt: "asc" }, { id: "asc" }] },
        letters: {
          orderBy: { createdAt: "asc" },
          include: { batch: { select: { id: true, printedAt: true, postedOn: true } } },
        },
      },
    }),
    listAuditForPatron(db, { libraryId, patronId, limit: 30 }),
  ]);

  const toLoan = (loan: (typeof loans)[number]) => {
    const dueDate = fromDbDate(loan.dueDate);
    const returned = loan.returnedAt !== null;
    return {
      id: loan.id,
      title: loan.item.title,
      author: loan.item.author,
      barcode: loan.item.barcode,
      branch: loan.branch.name,
      dueDate,
      daysOverdue: returned ? 0 : Math.max(0, daysBetween(dueDate, today)),
      renewalCount: loan.renewalCount,
      reserved: loan.reserved,
      returnedAt: loan.returnedAt,
      renewal: renewalState(
        {
          dueDate,
          renewalCount: loan.renewalCount,
          reserved: loan.reserved,
          returned,
          patronFeesCents: patron.feesOwedCents,
        },
        today,
        // the lending branch's limits, as for the notices and the patron's own renew link
        options.policy ?? branchRenewalPolicy(loan.branch),
      ),
    };
  };

  return {
    patron: {
      id: patron.id,
      cardNumber: patron.cardNumber,
      firstName: patron.firstName,
      lastName: patron.lastName,
      homeBranch: patron.homeBranch.name,
      language: patron.language,
      email: patron.email,
      emailStatus: patron.emailStatus,
      emailStatusAt: patron.emailStatusAt,
      softBounceCount: patron.softBounceCount,
      phone: patron.phone,
      street: patron.street,
      postalCode: patron.postalCode,
      city: patron.city,
      country: patron.country,
      channelPreference: patron.channelPreference,
      preDueOptIn: patron.preDueOptIn,
      noticesPausedUntil: patron.noticesPausedUntil ? fromDbDate(patron.noticesPausedUntil) : null,
    },
    flags: patron.flags.map((f) => ({
      id: f.id,
      kind: f.kind,
      message: f.message,
      /** the feedback step's reason as code and values (lib/feedback), said in the staff's language */
      detail: f.detail as FlagDetail | null,
      createdAt: f.createdAt,
    })),
    notes: patron.notes.map((n) => ({
      id: n.id,
      author: n.authorLabel,
      body: n.body,
      createdAt: n.createdAt,
    })),
    currentLoans: loans.filter((l) => l.returnedAt === null).map(toLoan),
    recentReturns: loans
      .filter((l) => l.returnedAt !== null)
      .sort((a, b) => (b.returnedAt?.getTime() ?? 0) - (a.returnedAt?.getTime() ?? 0))
      .map(toLoan),
    notices: notices.map((n) => ({
      id: n.id,
      stageKey: n.stage.key,
      stageLabels: n.stage.labels as Record<string, string | undefined>,
      branch: n.branch.name,
      channel: n.channel,
      channelReason: n.channelReason,
      /** the planner's reason as code and values, to say it in the staff member's language */
      channelReasonDetail: n.channelReasonDetail as ChannelReason | null,
      status: n.status,
      planDate: fromDbDate(n.planDate),
      recipientEmail: n.recipientEmail,
      subject: n.subject,
      html: n.html,
      text: n.text,
      hasContent: n.content !== null,
      renderedAt: n.renderedAt,
      sentAt: n.sentAt,
      deliveredAt: n.deliveredAt,
      bouncedAt: n.bouncedAt,
      feeCents: n.feeCents,
      loans: n.loans.map((l) => ({
        id: l.loan.id,
        title: l.loan.item.title,
        barcode: l.loan.item.barcode,
        dueDate: fromDbDate(l.dueDate),
      })),
      events: n.events.map((e) => ({
        id: e.id,
        type: e.type,
        occurredAt: e.occurredAt,
        bounceType: e.bounceType,
        bounceSubType: e.bounceSubType,
        detail: e.detail,
      })),
      letters: n.letters.map((l) => ({
        id: l.id,
        reason: l.reason,
        registered: l.registered,
        status: l.status,
        createdAt: l.createdAt,
        printedAt: l.printedAt,
        postedAt: l.postedAt,
        postedOn: l.postedOn ? fromDbDate(l.postedOn) : null,
        cancelReason: l.cancelReason,
        batchId: l.batch?.id ?? null,
      })),
    })),
    audit,
  };
}

export type PatronStory = NonNullable<Awaited<ReturnType<typeof loadPatronStory>>>;
export type StoryLoan = PatronStory["currentLoans"][number];
export type StoryNotice = PatronStory["notices"][number];

import "server-only";
import { DEFAULT_TIME_ZONE, type LocalDate, localToday } from "@/lib/dates";
import type { Db, DbTx } from "@/lib/db-client";
import { DomainError, type Problem } from "@/lib/errors/domain-error";
import { textProblem } from "@/lib/errors/text-check";
import { type EmailStatus, type PatronFlagKind, Prisma } from "@/lib/generated/prisma/client";

/** Why a patron is in the results: the field the query matched. */
export type PatronMatchField = "card" | "name" | "email" | "barcode";

export type PatronSearchResult = {
  id: number;
  firstName: string;
  lastName: string;
  cardNumber: string;
  email: string | null;
  emailStatus: EmailStatus;
  homeBranch: string;
  openLoans: number;
  overdueLoans: number;
  openFlags: number;
  /** the kinds of the patron's open flags (email bounced, letter returned: address unknown...) */
  flagKinds: PatronFlagKind[];
  match: {
    field: PatronMatchField;
    /** name matches: how ("variant" and "typo" are shown to staff) */
    reason?: NameMatchReason;
    /** barcode matches: the item, and whether this patron has it now or borrowed it last */
    item?: { barcode: string; title: string; onLoan: boolean };
  };
};

export type PatronSearchQuery = {
  libraryId: number;
  query: string;
  limit?: number;
  /** the library-local day, for "overdue"; defaults to today in Europe/Brussels */
  today?: LocalDate;
  /** the staff member's home branch: its patrons come first among equals */
  homeBranchId?: number | null;
};

type Queryable = Db | DbTx;

type Candidate = {
  id: number;
  field: PatronMatchField;
  /** lower ranks first: exact card, item, exact name or email, prefix, variant, typo */
  rank: number;
  reason?: NameMatchReason;
  item?: PatronSearchResult["match"]["item"];
};

const NAME_RANK: Record<NameMatchReason, number> = { exact: 2, prefix: 3, variant: 4, typo: 5 };

/** How many patrons the desk lists: more is not a search but a list to scroll. */
export const PATRON_SEARCH_LIMIT = 20;
const SEARCH_LIMIT_MAX = 50;
/** A card prefix shorter than this would list most of the library: wait for more digits. */
const CARD_PREFIX_MIN = 4;
/** More words than this is not a name; the rest is ignored. */
const MAX_NAME_WORDS = 4;
/**
 * The most name matches ranked by open loans, flags and home branch, after their match
 * (exact, prefix, variant, typo), in name order: enough for one family name in a large
 * library, not for all the "Ver" (staff type on before they scroll).
 */
const NAME_WINDOW = 300;

/**
 * The patrons of one library that match what staff typed at the desk, best first. Digits
 * (spaces allowed, as printed on cards) are a card number (exact, then prefix) or an item
 * barcode (the patron who has the item, else its last borrower); text with "@" is an email
 * address (prefix, or close to it); anything else is a name: exact, prefix, spelling variant
 * or typo, first and last name in either order (nameCandidates). Among equal matches,
 * patrons with open loans or open flags come first, then those of the staff member's home
 * branch. Every query is served by an index, so it stays fast on a large library
 * (scripts/bench-search.ts).
 */
/** Longer than any card, name, email or address: anything past it is not a search. */
export const MAX_SEARCH_LENGTH = 200;

/**
 * What is wrong with a search, or null: a NUL byte or another control character, half a
 * character, or more than MAX_SEARCH_LENGTH characters. The page and the route as you type
 * show it at the box; `searchPatrons` refuses it too, so no query ever sees it.
 */
export function searchQueryProblem(query: string): Problem | null {
  const problem = textProblem(query, MAX_SEARCH_LENGTH);
  return problem ? { ...problem, field: "q" } : null;
}

export async function searchPatrons(
  db: Queryable,
  { libraryId, query, limit = PATRON_SEARCH_LIMIT, today, homeBranchId = null }: PatronSearchQuery,
): Promise<PatronSearchResult[]> {
  const problem = searchQueryProblem(query);
  if (problem) throw DomainError.all([problem]);
  const text = query.normalize("NFC").trim().replace(/\s+/g, " ");
  if (!text) return [];
  const max = Math.min(Math.max(1, Math.floor(limit)), SEARCH_LIMIT_MAX);

  const compact = text.replace(/[\s-]/g, "");
  let candidates: Candidate[];
  if (/^\d+$/.test(compact)) candidates = await digitCandidates(db, libraryId, compact, max);
  else if (text.includes("@")) candidates = await emailCandidates(db, libraryId, text.toLowerCase(), max);
  else candidates = await nameCandidates(db, { libraryId, homeBranchId }, text, max);

  // the best match of each patron, in the order the queries gave them
  const best = new Map<number, Candidate>();
  for (const candidate of candidates) {
    const seen = best.get(candidate.id);
    if (!seen || candidate.rank < seen.rank) best.set(candidate.id, candidate);
  }
  if (best.size === 0) return [];

  const details = await patronDetails(
    db,
    libraryId,
    [...best.keys()],
    today ?? localToday(DEFAULT_TIME_ZONE),
  );
  const order = [...best.keys()];
  const found = [...best.values()].flatMap((candidate) => {
    const patron = details.get(candidate.id);
    if (!patron) return [];
    const match: PatronSearchResult["match"] = { field: candidate.field };
    if (candidate.reason) match.reason = candidate.reason;
    if (candidate.item) match.item = candidate.item;
    return [{ patron: { ...patron, match }, rank: candidate.rank }];
  });
  const needsAttention = (p: DetailRow) => p.openLoans > 0 || p.openFlags > 0 || p.emailStatus === "bounced";
  return found
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        Number(needsAttention(b.patron)) - Number(needsAttention(a.patron)) ||
        Number(b.patron.homeBranchId === homeBranchId) - Number(a.patron.homeBranchId === homeBranchId) ||
        order.indexOf(a.patron.id) - order.indexOf(b.patron.id),
    )
    .slice(0, max)
    .map(({ patron }) => patron);
}

/** Card numbers (exact, then by prefix in card order) and item barcodes (exact). */
async function digitCandidates(db: Queryable, libraryId: number, digits: string, limit: number) {
  const upper = nextDigitString(digits);
  const prefix =
    digits.length < CARD_PREFIX_MIN
      ? Prisma.empty
      : // a range on the (libraryId, cardNumber) unique index, whatever the collation;
        // the LIKE only guards against cards with letters that sort inside the range
        Prisma.sql`
      UNION ALL
      SELECT * FROM (
        SELECT p.id, 'card' AS field, 3 AS rank, NULL AS barcode, NULL AS title, NULL::boolean AS "onLoan"
        FROM "Patron" p
        WHERE p."libraryId" = ${libraryId}
          AND p."cardNumber" > ${digits}
          ${upper ? Prisma.sql`AND p."cardNumber" < ${upper}` : Prisma.empty}
          AND p."cardNumber" LIKE ${`${digits}%`}
        ORDER BY p."cardNumber"
        LIMIT ${limit}
      ) card_prefix`;
  return db.$queryRaw<Candidate[]>`
    SELECT p.id, 'card' AS field, 0 AS rank, NULL AS barcode, NULL AS title, NULL::boolean AS "onLoan"
    FROM "Patron" p
    WHERE p."libraryId" = ${libraryId} AND p."cardNumber" = ${digits}
    UNION ALL
    SELECT * FROM (
      SELECT l."patronId" AS id, 'barcode' AS field,
             CASE WHEN l."returnedAt" IS NULL THEN 1 ELSE 2 END AS rank,
             i.barcode, i.title, l."returnedAt" IS NULL AS "onLoan"
      FROM "Item" i
      JOIN "Loan" l ON l."itemId" = i.id
      WHERE i."libraryId" = ${libraryId} AND i.barcode = ${digits}
      ORDER BY l."returnedAt" IS NULL DESC, l."loanedAt" DESC
      LIMIT 1
    ) barcode
    ${prefix}`.then((rows) => rows.map(toCandidate));
}

/**
 * Email addresses: the exact address (its btree index), else those that start with the text,
 * else those close to it (a typo). Only the last step compares trigrams of the whole
 * address, which is slow for common domains, so it runs only when nothing else matched;
 * it compares the part before the "@", whose trigrams are rare, and ranks by the whole.
 */
async function emailCandidates(db: Queryable, libraryId: number, email: string, limit: number) {
  const exact = await db.$queryRaw<Candidate[]>`
    SELECT p.id, 'email' AS field, 2 AS rank
    FROM "Patron" p
    WHERE p."libraryId" = ${libraryId} AND p.email = ${email}
    ORDER BY p.id
    LIMIT ${limit}`;
  if (exact.length > 0) return exact.map(toCandidate);
  const prefix = await db.$queryRaw<Candidate[]>`
    SELECT p.id, 'email' AS field, 3 AS rank
    FROM "Patron" p
    WHERE p."libraryId" = ${libraryId} AND p.email ILIKE ${`${escapeLike(email)}%`}
    ORDER BY similarity(p.email, ${email}) DESC, p.id
    LIMIT ${limit}`;
  if (prefix.length > 0) return prefix.map(toCandidate);
  const local = email.slice(0, email.indexOf("@"));
  if (!/[\p{L}\p{N}]/u.test(local)) return [];
  const close = await db.$queryRaw<Candidate[]>`
    SELECT p.id, 'email' AS field, 5 AS rank
    FROM "Patron" p
    WHERE p."libraryId" = ${libraryId} AND ${local} <% p.email
    ORDER BY similarity(p.email, ${email}) DESC, p.id
    LIMIT ${limit}`;
  return close.map(toCandidate);
}

/** How a name matched, best first: the desk shows the last two ("spelling variant", "similar name"). */
export type NameMatchReason = "exact" | "prefix" | "variant" | "typo";
const NAME_REASONS: NameMatchReason[] = ["exact", "prefix", "variant", "typo"];

/**
 * Names, as staff type what they hear. What was typed is normalised by the database's own
 * functions (rappel_name_plain, rappel_name_key: migration 20261202019000_patron_name_keys),
 * the same ones that made the stored keys, so the two can never drift. Every word must match
 * the first or the last name, in either order:
 *   exact    the word as staff would type it ("desmet" for De Smet, "dupres" for Duprés)
 *   prefix   the start of a name, while it is still being typed ("verha")
 *   variant  the same name spelt another way ("claes" for Claeys, "wyns" for Wijns), or the
 *            last name without its particles ("bossche" for Van den Bossche)
 *   typo     one letter wrong, missing, extra or swapped ("smit" for Smet), words of 4+ letters
 * A patron ranks by their worst word; within that, those with open loans or open flags come
 * first, then those of the staff member's home branch (searchPatrons).
 *
 * The candidates come from three indexes: the btrees of the two name keys (exact and
 * prefix, in name order) and the GIN index of the name variants (variants and typos). One
 * word is looked up tier by tier, each step only when the better ones found fewer patrons
 * than the desk lists, and each step reads at most NAME_WINDOW rows: a common name ("Peeters")
 * or prefix ("ver") costs a window, not the whole family. Several words intersect their
 * index lookups in one query, which is small by then.
 */
async function nameCandidates(
  db: Queryable,
  { libraryId, homeBranchId }: { libraryId: number; homeBranchId: number | null },
  text: string,
  limit: number,
): Promise<Candidate[]> {
  const [keys] = await db.$queryRaw<{ plain: string | null; folded: string | null }[]>`
    SELECT rappel_name_plain(${text}) AS plain, rappel_name_key(${text}) AS folded`;
  const plainWords = (keys?.plain ?? "").split(" ");
  const foldedWords = (keys?.folded ?? "").split(" ");
  const tokens = plainWords
    .map((plain, index) => ({ plain, folded: foldedWords[index] ?? plain }))
    .filter((token, index) => token.plain && plainWords.indexOf(token.plain) === index)
    .slice(0, MAX_NAME_WORDS);
  if (tokens.length === 0) return [];

  const last = Prisma.sql`p."lastNameKey"`;
  const first = Prisma.sql`p."firstNameKey"`;
  // the keys hold only a-z and spaces, so a prefix is a range on the btree (any collation:
  // the LIKE only guards the edges)
  const startsWith = (column: Prisma.Sql, prefix: string) => {
    const upper = nextString(prefix);
    return Prisma.sql`(${column} >= ${prefix} ${upper ? Prisma.sql`AND ${column} < ${upper}` : Prisma.empty}
      AND ${column} LIKE ${`${prefix}%`})`;
  };
  const typoOf = (plain: string) => Prisma.sql`p."nameVariants" && rappel_name_word_variants(${plain})`;
  const tierOf = tokens.map(
    ({ plain, folded }) => Prisma.sql`CASE
      WHEN ${plain} = ANY(string_to_array(${last} || ' ' || ${first}, ' ')) THEN 0
      WHEN (' ' || ${last} || ' ' || ${first}) LIKE ${`% ${plain}%`} THEN 1
      WHEN ${folded} = ANY(p."nameVariants") THEN 2
      ELSE 3 END`,
  );
  const tiers = Prisma.join(tierOf);
  // The NAME_WINDOW best patrons (by their tiers) among those matching `where`, with what
  // ranks them further: the tiers are computed once per row (OFFSET 0), the open loans and
  // flags only for the window.
  const window = (where: Prisma.Sql) => Prisma.sql`
    SELECT w.id, w.tiers, w.words, rappel_name_fold(w.words) AS "foldedWords", w."homeBranchId",
           w."lastNameKey", w."firstNameKey",
           (w."emailStatus" = 'bounced'
             OR EXISTS (SELECT 1 FROM "Loan" l WHERE l."patronId" = w.id AND l."returnedAt" IS NULL)
             OR EXISTS (SELECT 1 FROM "PatronFlag" f WHERE f."patronId" = w.id AND f."resolvedAt" IS NULL)
           ) AS "needsAttention"
    FROM (
      SELECT t.* FROM (
        SELECT p.id, p."homeBranchId", p."emailStatus", p."nameWords" AS words,
               ${last} AS "lastNameKey", ${first} AS "firstNameKey", ARRAY[${tiers}]::int[] AS tiers
        FROM "Patron" p
        WHERE p."libraryId" = ${libraryId} AND ${where}
        OFFSET 0
      ) t
      ORDER BY ${Prisma.join(
        tokens.map((_, i) => Prisma.raw(`t.tiers[${i + 1}]`)),
        ", ",
        "GREATEST(",
        ")",
      )}, ${Prisma.join(
        tokens.map((_, i) => Prisma.raw(`t.tiers[${i + 1}]`)),
        " + ",
      )}, t."lastNameKey", t."firstNameKey", t.id
      LIMIT ${NAME_WINDOW}
    ) w`;

  // The better matches (exact and prefix), then, in the same statement and only when those
  // do not fill the list, the variants and typos of patrons not found already: one round
  // trip (the second part's condition is a one-time filter: it is not even started when
  // the first part found enough).
  const windowThenMore = (better: Prisma.Sql, more: Prisma.Sql) => db.$queryRaw<NameRow[]>`
    WITH better AS MATERIALIZED (${window(better)})
    SELECT * FROM better
    UNION ALL
    SELECT * FROM (${window(Prisma.sql`${more} AND p.id NOT IN (SELECT id FROM better)`)}) more
    WHERE (SELECT count(*) FROM better) < ${limit}`;

  let rows: NameRow[];
  if (tokens.length === 1) {
    const [{ plain, folded }] = tokens;
    // exact and prefix: the first NAME_WINDOW of each name key's btree range, in name order
    const inRange = (column: Prisma.Sql) => Prisma.sql`
      SELECT p.id FROM "Patron" p
      WHERE p."libraryId" = ${libraryId} AND ${startsWith(column, plain)}
      ORDER BY ${column}, p.id
      LIMIT ${NAME_WINDOW}`;
    rows = await windowThenMore(
      Prisma.sql`p.id IN ((${inRange(last)}) UNION (${inRange(first)}))`,
      Prisma.sql`p.id IN (
        SELECT rappel_patrons_sharing_name_variants(${libraryId}, ARRAY[${folded}]::text[], ${NAME_WINDOW})
        UNION
        SELECT rappel_patrons_sharing_name_variants(${libraryId}, rappel_name_word_variants(${plain}), ${NAME_WINDOW}))`,
    );
  } else {
    // First by exact and prefix only: each word's patrons from the two name keys' btrees
    // (ids from the index alone), intersected before any patron row is read; PostgreSQL
    // would not intersect two bitmaps of the same indexes itself, and would read every
    // "Matthias" to find the one Matthias Goossens.
    const byKeys = tokens.map(
      ({ plain }) => Prisma.sql`(${startsWith(last, plain)} OR ${startsWith(first, plain)})`,
    );
    const idsByKeys = tokens.map(
      ({ plain }) => Prisma.sql`(
        SELECT p.id FROM "Patron" p WHERE p."libraryId" = ${libraryId} AND ${startsWith(last, plain)}
        UNION ALL
        SELECT p.id FROM "Patron" p WHERE p."libraryId" = ${libraryId} AND ${startsWith(first, plain)})`,
    );
    // Then every word matching by prefix or by variant, written out as one term per choice
    // (all by prefix is the part before): each term is an intersection of indexes, and the
    // words' variants meet inside the GIN index, so only patrons that match every word are
    // read. Written as "(prefix OR variant) AND ...", PostgreSQL drives by one word and
    // reads every patron of a common first name ("jana": 4,000 rows, 70 ms).
    const terms = [];
    for (let byPrefix = 0; byPrefix < (1 << tokens.length) - 1; byPrefix++) {
      terms.push(
        Prisma.join(
          tokens.map(({ plain }, i) => (byPrefix & (1 << i) ? byKeys[i] : typoOf(plain))),
          " AND ",
        ),
      );
    }
    rows = await windowThenMore(
      Prisma.sql`p.id IN (${Prisma.join(idsByKeys, " INTERSECT ")})`,
      Prisma.sql`(${Prisma.join(terms, ") OR (", "(", ")")})`,
    );
  }

  const ranked = rows.flatMap((row) => {
    // the index hands over words that share a one-letter-shorter form: keep the true typos,
    // as typed or as variant keys ("jansen" for Janssens: "jansen" and "jansens")
    const words = row.words.split(" ");
    const variantWords = row.foldedWords.split(" ");
    const typosHold = tokens.every(
      ({ plain, folded }, index) =>
        row.tiers[index] < 3 ||
        words.some((word) => editDistanceAtMostOne(plain, word)) ||
        variantWords.some((word) => editDistanceAtMostOne(folded, word)),
    );
    if (!typosHold) return [];
    const tier = Math.max(...row.tiers);
    const total = row.tiers.reduce((sum, t) => sum + t, 0);
    return [{ row, tier, total }];
  });
  ranked.sort(
    (a, b) =>
      a.tier - b.tier ||
      Number(b.row.needsAttention) - Number(a.row.needsAttention) ||
      Number(b.row.homeBranchId === homeBranchId) - Number(a.row.homeBranchId === homeBranchId) ||
      a.total - b.total ||
      (a.row.lastNameKey ?? "").localeCompare(b.row.lastNameKey ?? "") ||
      (a.row.firstNameKey ?? "").localeCompare(b.row.firstNameKey ?? "") ||
      a.row.id - b.row.id,
  );
  return ranked.slice(0, limit).map(({ row, tier }) => {
    const reason = NAME_REASONS[tier];
    return { id: row.id, field: "name" as const, rank: NAME_RANK[reason], reason };
  });
}

type NameRow = {
  id: number;
  tiers: number[];
  words: string;
  foldedWords: string;
  homeBranchId: number;
  lastNameKey: string | null;
  firstNameKey: string | null;
  needsAttention: boolean;
};

/**
 * One letter wrong, missing, extra, or two neighbours swapped (the optimal string alignment
 * distance is at most 1), for words of four letters or more: shorter ones would match half
 * the library.
 */
export function editDistanceAtMostOne(typed: string, word: string): boolean {
  if (typed.length < 4 || word.length < 4 || typed === word) return typed === word;
  if (Math.abs(typed.length - word.length) > 1) return false;
  let start = 0;
  while (start < typed.length && start < word.length && typed[start] === word[start]) start++;
  if (typed.length === word.length) {
    const rest = (from: number) => typed.slice(from) === word.slice(from);
    return (
      rest(start + 1) ||
      (typed[start] === word[start + 1] && typed[start + 1] === word[start] && rest(start + 2))
    );
  }
  const [longer, shorter] = typed.length > word.length ? [typed, word] : [word, typed];
  return longer.slice(start + 1) === shorter.slice(start);
}

/** The smallest string of a-z above every string that starts with `prefix`; null for "zz..". */
function nextString(prefix: string): string | null {
  const trimmed = prefix.replace(/z+$/, "");
  if (!trimmed) return null;
  return trimmed.slice(0, -1) + String.fromCharCode(trimmed.charCodeAt(trimmed.length - 1) + 1);
}

type DetailRow = Omit<PatronSearchResult, "match"> & { homeBranchId: number };

async function patronDetails(
  db: Queryable,
  libraryId: number,
  ids: number[],
  today: LocalDate,
): Promise<Map<number, DetailRow>> {
  const rows = await db.$queryRaw<DetailRow[]>`
    SELECT p.id, p."firstName", p."lastName", p."cardNumber", p.email, p."emailStatus"::text AS "emailStatus",
           b.name AS "homeBranch", p."homeBranchId",
           coalesce(l."openLoans", 0)::int AS "openLoans",
           coalesce(l."overdueLoans", 0)::int AS "overdueLoans",
           coalesce(f."openFlags", 0)::int AS "openFlags",
           coalesce(f."flagKinds", '{}') AS "flagKinds"
    FROM "Patron" p
    JOIN "Branch" b ON b.id = p."homeBranchId"
    LEFT JOIN LATERAL (
      SELECT count(*) AS "openLoans",
             count(*) FILTER (WHERE l."dueDate" < ${today}::date) AS "overdueLoans"
      FROM "Loan" l WHERE l."patronId" = p.id AND l."returnedAt" IS NULL
    ) l ON true
    LEFT JOIN LATERAL (
      SELECT count(*) AS "openFlags", array_agg(DISTINCT f.kind::text ORDER BY f.kind::text) AS "flagKinds"
      FROM "PatronFlag" f WHERE f."patronId" = p.id AND f."resolvedAt" IS NULL
    ) f ON true
    WHERE p."libraryId" = ${libraryId} AND p.id = ANY(${ids}::int[])`;
  return new Map(rows.map((row) => [row.id, row]));
}

type CandidateRow = {
  id: number;
  field: PatronMatchField;
  rank: number;
  barcode?: string | null;
  title?: string | null;
  onLoan?: boolean | null;
};

function toCandidate(row: CandidateRow): Candidate {
  const candidate: Candidate = { id: row.id, field: row.field, rank: Number(row.rank) };
  if (row.barcode && row.title !== null && row.title !== undefined) {
    candidate.item = { barcode: row.barcode, title: row.title, onLoan: Boolean(row.onLoan) };
  }
  return candidate;
}

/** The smallest digit string above every string that starts with `digits`; null for "999..". */
function nextDigitString(digits: string): string | null {
  const trimmed = digits.replace(/9+$/, "");
  if (!trimmed) return null;
  return trimmed.slice(0, -1) + String(Number(trimmed.at(-1)) + 1);
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

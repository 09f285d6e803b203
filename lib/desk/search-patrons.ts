import "server-only";
import { DEFAULT_TIME_ZONE, type LocalDate, localToday } from "@/lib/dates";
import { type Db, type DbTx, inTransaction } from "@/lib/db-client";
import { type EmailStatus, Prisma } from "@/lib/generated/prisma/client";

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
  match: {
    field: PatronMatchField;
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
};

type Queryable = Db | DbTx;

type Candidate = {
  id: number;
  field: PatronMatchField;
  score: number;
  item?: PatronSearchResult["match"]["item"];
};

/** How many patrons the desk lists: more is not a search but a list to scroll. */
export const PATRON_SEARCH_LIMIT = 20;
const SEARCH_LIMIT_MAX = 50;
/** A card prefix shorter than this would list most of the library: wait for more digits. */
const CARD_PREFIX_MIN = 4;
/** More words than this is not a name; the rest is ignored. */
const MAX_NAME_WORDS = 4;
/** pg_trgm similarity a name must reach: first pass, and second pass when the first finds nobody. */
const STRICT_SIMILARITY = 0.45;
const LOOSE_SIMILARITY = 0.3;
/** The most matching rows a name search ranks. */
const NAME_ROWS_SCORED = 1000;

/**
 * The patrons of one library that match what staff typed at the desk, best first. Digits
 * (spaces allowed, as printed on cards) are a card number (exact, then prefix) or an item
 * barcode (the patron who has the item, else its last borrower); text with "@" is an email
 * address (prefix, or close to it); anything else is a name, typo-tolerant with pg_trgm,
 * first and last name in either order. Every query is served by an index
 * (prisma/migrations/20261128200000_patron_search), so it stays fast on a large library.
 */
export async function searchPatrons(
  db: Queryable,
  { libraryId, query, limit = PATRON_SEARCH_LIMIT, today }: PatronSearchQuery,
): Promise<PatronSearchResult[]> {
  const text = query.normalize("NFC").trim().replace(/\s+/g, " ");
  if (!text) return [];
  const max = Math.min(Math.max(1, Math.floor(limit)), SEARCH_LIMIT_MAX);

  const compact = text.replace(/[\s-]/g, "");
  let candidates: Candidate[];
  if (/^\d+$/.test(compact)) candidates = await digitCandidates(db, libraryId, compact, max);
  else if (text.includes("@")) candidates = await emailCandidates(db, libraryId, text.toLowerCase(), max);
  else candidates = await nameCandidates(db, libraryId, text, max);

  const best = new Map<number, Candidate>();
  for (const candidate of candidates) {
    const seen = best.get(candidate.id);
    if (!seen || candidate.score > seen.score) best.set(candidate.id, candidate);
  }
  const ranked = [...best.values()].sort((a, b) => b.score - a.score || a.id - b.id).slice(0, max);
  if (ranked.length === 0) return [];

  const details = await patronDetails(
    db,
    libraryId,
    ranked.map((c) => c.id),
    today ?? localToday(DEFAULT_TIME_ZONE),
  );
  return ranked.flatMap((candidate) => {
    const patron = details.get(candidate.id);
    if (!patron) return [];
    return [
      { ...patron, match: { field: candidate.field, ...(candidate.item ? { item: candidate.item } : {}) } },
    ];
  });
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
        SELECT p.id, 'card' AS field, 50::float8 AS score, NULL AS barcode, NULL AS title, NULL::boolean AS "onLoan"
        FROM "Patron" p
        WHERE p."libraryId" = ${libraryId}
          AND p."cardNumber" > ${digits}
          ${upper ? Prisma.sql`AND p."cardNumber" < ${upper}` : Prisma.empty}
          AND p."cardNumber" LIKE ${`${digits}%`}
        ORDER BY p."cardNumber"
        LIMIT ${limit}
      ) card_prefix`;
  return db.$queryRaw<Candidate[]>`
    SELECT p.id, 'card' AS field, 100::float8 AS score, NULL AS barcode, NULL AS title, NULL::boolean AS "onLoan"
    FROM "Patron" p
    WHERE p."libraryId" = ${libraryId} AND p."cardNumber" = ${digits}
    UNION ALL
    SELECT * FROM (
      SELECT l."patronId" AS id, 'barcode' AS field,
             CASE WHEN l."returnedAt" IS NULL THEN 90 ELSE 80 END::float8 AS score,
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
    SELECT p.id, 'email' AS field, 100::float8 AS score
    FROM "Patron" p
    WHERE p."libraryId" = ${libraryId} AND p.email = ${email}
    ORDER BY p.id
    LIMIT ${limit}`;
  if (exact.length > 0) return exact.map(toCandidate);
  const prefix = await db.$queryRaw<Candidate[]>`
    SELECT p.id, 'email' AS field, (60 + 40 * similarity(p.email, ${email}))::float8 AS score
    FROM "Patron" p
    WHERE p."libraryId" = ${libraryId} AND p.email ILIKE ${`${escapeLike(email)}%`}
    ORDER BY score DESC, p.id
    LIMIT ${limit}`;
  if (prefix.length > 0) return prefix.map(toCandidate);
  const local = email.slice(0, email.indexOf("@"));
  if (!/[\p{L}\p{N}]/u.test(local)) return [];
  const close = await db.$queryRaw<Candidate[]>`
    SELECT p.id, 'email' AS field, (40 * similarity(p.email, ${email}))::float8 AS score
    FROM "Patron" p
    WHERE p."libraryId" = ${libraryId} AND ${local} <% p.email
    ORDER BY score DESC, p.id
    LIMIT ${limit}`;
  return close.map(toCandidate);
}

/**
 * Every word of the text must be close to the first or the last name (so "jansen an" finds
 * "An Janssens"): similar as a whole (`%`, so "bossche" finds "Van den Bossche"), or the
 * start of the name while it is still being typed. Both use the trigram indexes;
 * word_similarity (`<%`) and word prefixes inside a name ("% boss%") would find a little
 * more but cost several times as much on 200,000 patrons (scripts/bench-search.ts).
 */
async function nameCandidates(db: Queryable, libraryId: number, text: string, limit: number) {
  const words = [...new Set(text.toLowerCase().split(" "))]
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .slice(0, MAX_NAME_WORDS);
  if (words.length === 0) return [];
  const startsWith = (column: Prisma.Sql, word: string) =>
    Prisma.sql`${column} ILIKE ${`${escapeLike(word)}%`}`;
  const last = Prisma.sql`p."lastName"`;
  const first = Prisma.sql`p."firstName"`;
  const conditions = words.map(
    (word) => Prisma.sql`(
      ${last} % ${word} OR ${first} % ${word} OR ${startsWith(last, word)} OR ${startsWith(first, word)})`,
  );
  // Per word, the best of its fields; a prefix counts as a good match and a whole-word match
  // extra, so the exact "Peeters" comes before "Peters" and "Pee" lists "Peeters" early.
  const scores = words.map(
    (word) => Prisma.sql`GREATEST(
      similarity(${word}, ${last}), similarity(${word}, ${first}),
      CASE WHEN ${startsWith(last, word)} OR ${startsWith(first, word)} THEN 0.8 ELSE 0 END)
      + CASE WHEN lower(${last}) = ${word} OR lower(${first}) = ${word} THEN 0.5 ELSE 0 END`,
  );
  // First strict, then (only when that finds nobody) loose enough for a swapped or missing
  // letter. The strict pass keeps common names fast: at the loose threshold the trigram
  // index hands over many rows that the recheck throws away. The inner LIMIT bounds the work
  // for a few letters that match thousands ("Ver"): staff type on before they scroll.
  const run = (threshold: number) =>
    inTransaction(db, async (tx) => {
      await tx.$executeRaw`SELECT set_config('pg_trgm.similarity_threshold', ${String(threshold)}, true)`;
      return tx.$queryRaw<Candidate[]>`
        SELECT p.id, 'name' AS field, (${Prisma.join(scores, " + ")})::float8 AS score
        FROM (
          SELECT p.id, p."lastName", p."firstName" FROM "Patron" p
          WHERE p."libraryId" = ${libraryId} AND ${Prisma.join(conditions, " AND ")}
          LIMIT ${NAME_ROWS_SCORED}
        ) p
        ORDER BY score DESC, p."lastName", p."firstName", p.id
        LIMIT ${limit}`;
    });
  const strict = await run(STRICT_SIMILARITY);
  const rows = strict.length > 0 ? strict : await run(LOOSE_SIMILARITY);
  return rows.map(toCandidate);
}

type DetailRow = Omit<PatronSearchResult, "match">;

async function patronDetails(
  db: Queryable,
  libraryId: number,
  ids: number[],
  today: LocalDate,
): Promise<Map<number, DetailRow>> {
  const rows = await db.$queryRaw<DetailRow[]>`
    SELECT p.id, p."firstName", p."lastName", p."cardNumber", p.email, p."emailStatus"::text AS "emailStatus",
           b.name AS "homeBranch",
           coalesce(l."openLoans", 0)::int AS "openLoans",
           coalesce(l."overdueLoans", 0)::int AS "overdueLoans",
           (SELECT count(*) FROM "PatronFlag" f
             WHERE f."patronId" = p.id AND f."resolvedAt" IS NULL)::int AS "openFlags"
    FROM "Patron" p
    JOIN "Branch" b ON b.id = p."homeBranchId"
    LEFT JOIN LATERAL (
      SELECT count(*) AS "openLoans",
             count(*) FILTER (WHERE l."dueDate" < ${today}::date) AS "overdueLoans"
      FROM "Loan" l WHERE l."patronId" = p.id AND l."returnedAt" IS NULL
    ) l ON true
    WHERE p."libraryId" = ${libraryId} AND p.id = ANY(${ids}::int[])`;
  return new Map(rows.map((row) => [row.id, row]));
}

type CandidateRow = {
  id: number;
  field: PatronMatchField;
  score: number;
  barcode?: string | null;
  title?: string | null;
  onLoan?: boolean | null;
};

function toCandidate(row: CandidateRow): Candidate {
  const candidate: Candidate = { id: row.id, field: row.field, score: Number(row.score) };
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

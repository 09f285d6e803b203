-- The desk search's name keys (issue #19): Flemish names as staff type them at the desk.
-- The normalisation lives here, in SQL, and nowhere else: the generated columns below use it
-- for every stored name, and lib/desk/search-patrons.ts calls the same functions for what
-- staff typed (SELECT rappel_name_plain($1) ...), so the two can never drift apart.

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "unaccent";

-- A name reduced to its letters: lower case, accents removed, apostrophes dropped, anything
-- else that is not a letter a single space ("D'Hondt-Peeters" -> "dhondt peeters").
-- unaccent() is only STABLE (it reads its dictionary through search_path): naming the
-- dictionary explicitly makes the call safe to mark IMMUTABLE, which a generated column needs.
CREATE FUNCTION rappel_name_letters(name text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN btrim(regexp_replace(
  regexp_replace(
    translate(lower(public.unaccent('public.unaccent'::regdictionary, name)), '’‘`´ʼ', ''''''''''),
    '''', '', 'g'),
  '[^a-z]+', ' ', 'g'));

-- The particles of Flemish, Dutch and French names, as one regular expression: a particle
-- is a word of its own followed by a space ("van den", "de la", "d" of d'Hondt, "t" of 't).
CREATE FUNCTION rappel_name_particles() RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN '\m(van|vande|vanden|vander|de|den|der|du|di|da|le|la|les|des|ten|ter|te|op|het|t|d|l) ';

-- A name as staff type it without thinking about spelling: its letters, with the particles
-- joined to the word after them ("Van den Broucke" and "vandenbroucke" -> "vandenbroucke",
-- "De Smet" -> "desmet", "d'Hondt" -> "dhondt").
CREATE FUNCTION rappel_name_plain(name text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN regexp_replace(rappel_name_letters(name), rappel_name_particles(), '\1', 'g');

-- A name without its particles ("Van den Bossche" -> "bossche"), for staff who type only
-- the part they heard last.
CREATE FUNCTION rappel_name_core(name text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN btrim(regexp_replace(rappel_name_letters(name), rappel_name_particles(), '', 'g'));

-- The spelling-variant key of a plain name (word by word): the ways one Flemish name is
-- written fall together. ij = y, ei/ey = y, ae/ay = a (Claeys, Claes), gh = g, ck and cq
-- = k (Declercq, Declerck), c before a/o/u/l/r = k, ph = f, th = t, x = ks, d or dt at the
-- end of a word = t, and every doubled letter single (Peeters = Peters, Janssens = Jansens).
CREATE FUNCTION rappel_name_fold(plain text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
  regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
  regexp_replace(plain,
    'ij', 'y', 'g'),
    'e[yi]', 'y', 'g'),
    'a[ey]', 'a', 'g'),
    'gh', 'g', 'g'),
    'c[kq]', 'k', 'g'),
    'c([aoulr])', 'k\1', 'g'),
    'ph', 'f', 'g'),
    'th', 't', 'g'),
    'x', 'ks', 'g'),
    'dt?\M', 't', 'g'),
    '([a-z])\1+', '\1', 'g');

-- The spelling-variant key of a name as typed or stored ("Verhaeghe" -> "verhage").
CREATE FUNCTION rappel_name_key(name text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN rappel_name_fold(rappel_name_plain(name));

-- Every word a patron can be found by, once: the first name's, the last name's with its
-- particles joined, and the last name's without them when that differs ("jana desmet smet").
CREATE FUNCTION rappel_name_search_words(first_name text, last_name text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN concat_ws(' ', rappel_name_plain(first_name), rappel_name_plain(last_name),
  nullif(rappel_name_core(last_name), rappel_name_plain(last_name)));

-- What one plain word is indexed (and looked up) by: its variant key, and, marked "~", the
-- word, its variant key and every form of each with one letter left out (words of four
-- letters or more). Two words one letter apart (wrong, missing, extra or swapped), as typed
-- or as variant keys ("jansen" and "Janssens": "jansen", "jansens"), always share a marked
-- form (symmetric deletion), so a typo is found through the index and then checked exactly.
-- PL/pgSQL, because its loop is 10 to 30 times faster here than the same in SQL with
-- generate_series (measured on 20,000 names). Its statements end in \x3B, a semicolon
-- written as an escape: Prisma's migration runner (adapter-pg) splits a script at every
-- semicolon, even inside a function body.
CREATE FUNCTION rappel_name_word_variants(word text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS E'
DECLARE
  folded text := public.rappel_name_fold(word)\x3B
  forms text[] := ARRAY[folded]\x3B
  form text\x3B
BEGIN
  FOREACH form IN ARRAY CASE WHEN folded = word THEN ARRAY[word] ELSE ARRAY[word, folded] END LOOP
    IF length(form) >= 4 THEN
      forms := forms || (''~'' || form)\x3B
      FOR i IN 1..length(form) LOOP
        forms := forms || (''~'' || left(form, i - 1) || substr(form, i + 1))\x3B
      END LOOP\x3B
    END IF\x3B
  END LOOP\x3B
  RETURN forms\x3B
END';

-- The variants of every search word of a patron, each once, for the GIN index.
CREATE FUNCTION rappel_name_variants(first_name text, last_name text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS E'
DECLARE
  forms text[] := ''{}''\x3B
  seen text[] := ''{}''\x3B
  word text\x3B
BEGIN
  FOREACH word IN ARRAY string_to_array(public.rappel_name_search_words(first_name, last_name), '' '') LOOP
    IF word <> '''' AND NOT word = ANY(seen) THEN
      seen := seen || word\x3B
      forms := forms || public.rappel_name_word_variants(word)\x3B
    END IF\x3B
  END LOOP\x3B
  RETURN ARRAY(SELECT DISTINCT f FROM unnest(forms) AS f WHERE f <> '''' ORDER BY f)\x3B
END';

-- DropIndex (the name search now uses the keys below)
DROP INDEX "Patron_lastName_trgm_idx";

-- DropIndex
DROP INDEX "Patron_firstName_trgm_idx";

-- AlterTable: generated by the database, never written by the app
ALTER TABLE "Patron"
ADD COLUMN "firstNameKey" text GENERATED ALWAYS AS (rappel_name_plain("firstName")) STORED,
ADD COLUMN "lastNameKey" text GENERATED ALWAYS AS (rappel_name_plain("lastName")) STORED,
ADD COLUMN "nameWords" text GENERATED ALWAYS AS (rappel_name_search_words("firstName", "lastName")) STORED,
ADD COLUMN "nameVariants" text[] GENERATED ALWAYS AS (rappel_name_variants("firstName", "lastName")) STORED;

-- DropIndex (a patron's open loans come from the index below, without reading the loans)
DROP INDEX "Loan_patronId_idx";

-- CreateIndex
CREATE INDEX "Loan_patronId_returnedAt_idx" ON "Loan"("patronId", "returnedAt");

-- CreateIndex
CREATE INDEX "Patron_libraryId_lastNameKey_idx" ON "Patron"("libraryId", "lastNameKey");

-- CreateIndex
CREATE INDEX "Patron_libraryId_firstNameKey_idx" ON "Patron"("libraryId", "firstNameKey");

-- CreateIndex
CREATE INDEX "Patron_nameVariants_idx" ON "Patron" USING GIN ("nameVariants");

-- The patrons of a library whose name variants share one of `forms` (at most max_rows, in no
-- order), always through the GIN index: with a LIMIT the planner would otherwise expect
-- enough matches early in a sequential scan, because it overestimates how many patrons
-- share a variant (22,000 instead of 3,000 for a typo of "Vandenberghe": 3.3 s instead of
-- 7 ms). The settings hold only while the function runs.
CREATE FUNCTION rappel_patrons_sharing_name_variants(library_id integer, forms text[], max_rows integer)
RETURNS SETOF integer
LANGUAGE sql STABLE PARALLEL SAFE
SET enable_seqscan = off
SET enable_indexscan = off
AS 'SELECT p.id FROM public."Patron" p
  WHERE p."libraryId" = library_id AND p."nameVariants" && forms
  LIMIT max_rows';

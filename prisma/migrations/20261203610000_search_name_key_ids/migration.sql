-- The desk search's name keys (issue #19), faster for common names: the btrees carry the
-- patron id, so exact and prefix matches come in name-then-id order from the index alone
-- (before, every "Wouters" was read from the table to order them by id, 50 ms), and several
-- words' matches intersect as ids before any patron row is read.
-- DropIndex
DROP INDEX "Patron_libraryId_lastNameKey_idx";

-- DropIndex
DROP INDEX "Patron_libraryId_firstNameKey_idx";

-- CreateIndex
CREATE INDEX "Patron_libraryId_lastNameKey_id_idx" ON "Patron"("libraryId", "lastNameKey", "id");

-- CreateIndex
CREATE INDEX "Patron_libraryId_firstNameKey_id_idx" ON "Patron"("libraryId", "firstNameKey", "id");

-- Statistics for the keys: a library has thousands of distinct first names, and with the
-- default 100 most common values PostgreSQL guessed 1 patron for "matthias" where there are
-- 839 (and then read them all to find one Matthias Goossens). ANALYZE so that the new
-- targets count at once, not at the next autovacuum.
ALTER TABLE "Patron" ALTER COLUMN "firstNameKey" SET STATISTICS 1000, ALTER COLUMN "lastNameKey" SET STATISTICS 1000;

ANALYZE "Patron";

-- A loan's keys to its patron, item and branch name the loan's library too, so that one check
-- proves two facts: the row exists and it is of the loan's own library (a loan can no longer
-- point to another library's patron, item or branch). The library itself is then proved
-- through them (Patron, Item and Branch each have a key to Library), so the loan's own key to
-- Library goes: three checks per new loan instead of four (docs/import.md, the import's speed).
-- Existing loans already satisfy the new keys (the import and the desk only ever link rows of
-- one library), so adding them validates and fails loudly if some row does not.

-- DropForeignKey
ALTER TABLE "Loan" DROP CONSTRAINT "Loan_libraryId_fkey";

-- DropForeignKey
ALTER TABLE "Loan" DROP CONSTRAINT "Loan_patronId_fkey";

-- DropForeignKey
ALTER TABLE "Loan" DROP CONSTRAINT "Loan_itemId_fkey";

-- DropForeignKey
ALTER TABLE "Loan" DROP CONSTRAINT "Loan_branchId_fkey";

-- CreateIndex
CREATE UNIQUE INDEX "Branch_id_libraryId_key" ON "Branch"("id", "libraryId");

-- CreateIndex
CREATE UNIQUE INDEX "Patron_id_libraryId_key" ON "Patron"("id", "libraryId");

-- CreateIndex
CREATE UNIQUE INDEX "Item_id_libraryId_key" ON "Item"("id", "libraryId");

-- AddForeignKey
ALTER TABLE "Loan" ADD CONSTRAINT "Loan_patronId_libraryId_fkey" FOREIGN KEY ("patronId", "libraryId") REFERENCES "Patron"("id", "libraryId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Loan" ADD CONSTRAINT "Loan_itemId_libraryId_fkey" FOREIGN KEY ("itemId", "libraryId") REFERENCES "Item"("id", "libraryId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Loan" ADD CONSTRAINT "Loan_branchId_libraryId_fkey" FOREIGN KEY ("branchId", "libraryId") REFERENCES "Branch"("id", "libraryId") ON DELETE RESTRICT ON UPDATE CASCADE;

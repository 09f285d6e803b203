-- CreateEnum
CREATE TYPE "IlsOutboxKind" AS ENUM ('renewal', 'address_change');

-- AlterTable
ALTER TABLE "Library" ADD COLUMN     "linkSecret" TEXT NOT NULL DEFAULT replace((gen_random_uuid())::text || (gen_random_uuid())::text, '-'::text, ''::text),
ADD COLUMN     "linkValidityDays" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "publicBaseUrl" TEXT;

-- AlterTable
ALTER TABLE "Branch" ADD COLUMN     "renewalMaxCount" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "renewalMaxFeesCents" INTEGER DEFAULT 500,
ADD COLUMN     "renewalMaxOverdueDays" INTEGER DEFAULT 30,
ADD COLUMN     "renewalPeriodDays" INTEGER NOT NULL DEFAULT 21;

-- AlterTable
ALTER TABLE "Patron" ADD COLUMN     "feesOwedCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "pendingEmail" TEXT,
ADD COLUMN     "pendingEmailAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "IlsOutboxEntry" (
    "id" SERIAL NOT NULL,
    "libraryId" INTEGER NOT NULL,
    "kind" "IlsOutboxKind" NOT NULL,
    "patronId" INTEGER NOT NULL,
    "loanId" INTEGER,
    "payload" JSONB NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IlsOutboxEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IlsOutboxEntry_dedupeKey_key" ON "IlsOutboxEntry"("dedupeKey");

-- CreateIndex
CREATE INDEX "IlsOutboxEntry_libraryId_id_idx" ON "IlsOutboxEntry"("libraryId", "id");

-- CreateIndex
CREATE INDEX "IlsOutboxEntry_patronId_idx" ON "IlsOutboxEntry"("patronId");

-- AddForeignKey
ALTER TABLE "IlsOutboxEntry" ADD CONSTRAINT "IlsOutboxEntry_libraryId_fkey" FOREIGN KEY ("libraryId") REFERENCES "Library"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IlsOutboxEntry" ADD CONSTRAINT "IlsOutboxEntry_patronId_fkey" FOREIGN KEY ("patronId") REFERENCES "Patron"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IlsOutboxEntry" ADD CONSTRAINT "IlsOutboxEntry_loanId_fkey" FOREIGN KEY ("loanId") REFERENCES "Loan"("id") ON DELETE SET NULL ON UPDATE CASCADE;


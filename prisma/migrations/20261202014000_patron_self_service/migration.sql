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

-- AlterTable
ALTER TABLE "IlsOutboxEntry" ADD COLUMN     "dedupeKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "IlsOutboxEntry_dedupeKey_key" ON "IlsOutboxEntry"("dedupeKey");


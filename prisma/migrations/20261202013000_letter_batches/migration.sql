-- AlterTable
ALTER TABLE "Library" ADD COLUMN     "letterPostageCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "registeredPostageCents" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Letter" ADD COLUMN     "cancelReason" TEXT,
ADD COLUMN     "content" JSONB,
ADD COLUMN     "postedOn" DATE;

-- AlterTable
ALTER TABLE "LetterBatch" ADD COLUMN     "pdfAt" TIMESTAMPTZ(3),
ADD COLUMN     "pdfError" TEXT,
ADD COLUMN     "postedOn" DATE,
ADD COLUMN     "registered" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "LetterBatch_libraryId_createdAt_idx" ON "LetterBatch"("libraryId", "createdAt");


-- CreateEnum
CREATE TYPE "IlsOutboxKind" AS ENUM ('renewal', 'email_change', 'address_change', 'email_dead', 'fee_charged');

-- CreateTable
CREATE TABLE "IlsOutboxEntry" (
    "id" SERIAL NOT NULL,
    "libraryId" INTEGER NOT NULL,
    "kind" "IlsOutboxKind" NOT NULL,
    "patronId" INTEGER,
    "loanId" INTEGER,
    "payload" JSONB NOT NULL,
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IlsOutboxEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IlsOutboxEntry_libraryId_id_idx" ON "IlsOutboxEntry"("libraryId", "id");

-- AddForeignKey
ALTER TABLE "IlsOutboxEntry" ADD CONSTRAINT "IlsOutboxEntry_libraryId_fkey" FOREIGN KEY ("libraryId") REFERENCES "Library"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


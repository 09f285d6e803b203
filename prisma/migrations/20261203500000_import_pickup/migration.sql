-- AlterTable
ALTER TABLE "ImportRun" ADD COLUMN     "viaPickup" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ImportPickup" (
    "libraryId" INTEGER NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "folder" TEXT NOT NULL,
    "time" TEXT NOT NULL DEFAULT '06:00',
    "patronsPattern" TEXT NOT NULL DEFAULT 'patrons*.csv',
    "itemsPattern" TEXT NOT NULL DEFAULT 'items*.csv',
    "loansPattern" TEXT NOT NULL DEFAULT 'loans*.csv',
    "returnsPattern" TEXT NOT NULL DEFAULT 'returns*.csv',
    "fullSync" BOOLEAN NOT NULL DEFAULT false,
    "lastDay" DATE,
    "lastAt" TIMESTAMPTZ(3),
    "lastProblem" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ImportPickup_pkey" PRIMARY KEY ("libraryId")
);

-- AddForeignKey
ALTER TABLE "ImportPickup" ADD CONSTRAINT "ImportPickup_libraryId_fkey" FOREIGN KEY ("libraryId") REFERENCES "Library"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


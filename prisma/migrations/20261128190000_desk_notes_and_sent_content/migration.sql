-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- AlterTable
ALTER TABLE "Notice" ADD COLUMN     "content" JSONB,
ADD COLUMN     "renderedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "PatronNote" (
    "id" SERIAL NOT NULL,
    "patronId" INTEGER NOT NULL,
    "authorId" INTEGER,
    "authorLabel" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PatronNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PatronNote_patronId_createdAt_idx" ON "PatronNote"("patronId", "createdAt");

-- AddForeignKey
ALTER TABLE "PatronNote" ADD CONSTRAINT "PatronNote_patronId_fkey" FOREIGN KEY ("patronId") REFERENCES "Patron"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatronNote" ADD CONSTRAINT "PatronNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;


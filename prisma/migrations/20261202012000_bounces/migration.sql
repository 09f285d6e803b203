-- CreateEnum
CREATE TYPE "DeliveryEventState" AS ENUM ('pending', 'applied');

-- AlterTable
ALTER TABLE "PatronFlag" ADD COLUMN     "detail" JSONB;

-- AlterTable
ALTER TABLE "DeliveryEvent" ADD COLUMN     "dismissNote" TEXT,
ADD COLUMN     "dismissedAt" TIMESTAMPTZ(3),
ADD COLUMN     "dismissedById" INTEGER,
ADD COLUMN     "outcome" JSONB,
ADD COLUMN     "state" "DeliveryEventState" NOT NULL DEFAULT 'applied';

-- CreateTable
CREATE TABLE "BouncePolicy" (
    "libraryId" INTEGER NOT NULL,
    "softBounceLimit" INTEGER NOT NULL DEFAULT 3,
    "softBounceWindowDays" INTEGER NOT NULL DEFAULT 30,
    "silentFallbackHours" INTEGER NOT NULL DEFAULT 48,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedById" INTEGER,

    CONSTRAINT "BouncePolicy_pkey" PRIMARY KEY ("libraryId")
);

-- CreateIndex
CREATE INDEX "DeliveryEvent_state_occurredAt_idx" ON "DeliveryEvent"("state", "occurredAt");

-- CreateIndex
CREATE INDEX "DeliveryEvent_type_occurredAt_idx" ON "DeliveryEvent"("type", "occurredAt");

-- AddForeignKey
ALTER TABLE "DeliveryEvent" ADD CONSTRAINT "DeliveryEvent_dismissedById_fkey" FOREIGN KEY ("dismissedById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BouncePolicy" ADD CONSTRAINT "BouncePolicy_libraryId_fkey" FOREIGN KEY ("libraryId") REFERENCES "Library"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BouncePolicy" ADD CONSTRAINT "BouncePolicy_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;


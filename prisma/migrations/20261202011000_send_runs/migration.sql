-- CreateEnum
CREATE TYPE "SendRunTrigger" AS ENUM ('staff', 'schedule');

-- CreateEnum
CREATE TYPE "SendBatchStatus" AS ENUM ('fixed', 'confirmed', 'failed', 'needs_review');

-- AlterEnum
ALTER TYPE "SendRunStatus" ADD VALUE 'paused';

-- AlterTable
ALTER TABLE "Library" ADD COLUMN     "emailFrom" TEXT,
ADD COLUMN     "emailReplyTo" TEXT,
ADD COLUMN     "sendScheduled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "sendTime" TEXT NOT NULL DEFAULT '07:00';

-- AlterTable
ALTER TABLE "Notice" ADD COLUMN     "failureReason" TEXT,
ADD COLUMN     "sendBatchId" INTEGER;

-- AlterTable
ALTER TABLE "SendRun" ADD COLUMN     "activeSlot" TEXT,
ADD COLUMN     "baseUrl" TEXT,
ADD COLUMN     "emails" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "errorCode" TEXT,
ADD COLUMN     "pausedAt" TIMESTAMPTZ(3),
ADD COLUMN     "prepareOwner" TEXT,
ADD COLUMN     "prepareUntil" TIMESTAMPTZ(3),
ADD COLUMN     "preparedAt" TIMESTAMPTZ(3),
ADD COLUMN     "rendered" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "trigger" "SendRunTrigger" NOT NULL DEFAULT 'staff';

-- CreateTable
CREATE TABLE "SendBatch" (
    "id" SERIAL NOT NULL,
    "libraryId" INTEGER NOT NULL,
    "sendRunId" INTEGER NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "noticeIds" INTEGER[],
    "status" "SendBatchStatus" NOT NULL DEFAULT 'fixed',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMPTZ(3),
    "firstAttemptAt" TIMESTAMPTZ(3),
    "confirmedAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SendBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SendRateBucket" (
    "key" TEXT NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "refilledAt" TIMESTAMPTZ(3) NOT NULL,
    "blockedUntil" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SendRateBucket_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "SendBatch_idempotencyKey_key" ON "SendBatch"("idempotencyKey");

-- CreateIndex
CREATE INDEX "SendBatch_sendRunId_status_idx" ON "SendBatch"("sendRunId", "status");

-- CreateIndex
CREATE INDEX "Notice_sendBatchId_idx" ON "Notice"("sendBatchId");

-- CreateIndex
CREATE UNIQUE INDEX "SendRun_activeSlot_key" ON "SendRun"("activeSlot");

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_sendBatchId_fkey" FOREIGN KEY ("sendBatchId") REFERENCES "SendBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SendBatch" ADD CONSTRAINT "SendBatch_sendRunId_fkey" FOREIGN KEY ("sendRunId") REFERENCES "SendRun"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Language" AS ENUM ('nl', 'fr', 'en');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('email', 'letter', 'registered_letter');

-- CreateEnum
CREATE TYPE "Fallback" AS ENUM ('letter', 'registered_letter', 'none');

-- CreateEnum
CREATE TYPE "ChannelPreference" AS ENUM ('email', 'letter');

-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('unknown', 'ok', 'soft_bouncing', 'bounced', 'complained', 'invalid');

-- CreateEnum
CREATE TYPE "StageKind" AS ENUM ('pre_due', 'overdue');

-- CreateEnum
CREATE TYPE "DayCount" AS ENUM ('calendar', 'open_days');

-- CreateEnum
CREATE TYPE "Audience" AS ENUM ('all', 'opted_in');

-- CreateEnum
CREATE TYPE "NoticeStatus" AS ENUM ('planned', 'queued', 'sent', 'delivered', 'delayed', 'bounced', 'complained', 'failed', 'cancelled');

-- CreateEnum
CREATE TYPE "LetterStatus" AS ENUM ('queued', 'printed', 'posted', 'returned', 'cancelled');

-- CreateEnum
CREATE TYPE "LetterReason" AS ENUM ('stage_channel', 'no_email', 'email_bounced', 'desk');

-- CreateEnum
CREATE TYPE "SendRunStatus" AS ENUM ('queued', 'running', 'succeeded', 'failed', 'cancelled');

-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('desk', 'librarian', 'manager', 'admin');

-- CreateEnum
CREATE TYPE "PatronFlagKind" AS ENUM ('email_bounced', 'email_complained', 'email_invalid', 'postal_returned');

-- CreateTable
CREATE TABLE "Library" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/Brussels',
    "website" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Library_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Branch" (
    "id" SERIAL NOT NULL,
    "libraryId" INTEGER NOT NULL,
    "ilsCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "street" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "country" TEXT NOT NULL DEFAULT 'BE',
    "email" TEXT,
    "phone" TEXT,
    "openingHoursUrl" TEXT,
    "openWeekdays" INTEGER[] DEFAULT ARRAY[1, 2, 3, 4, 5, 6]::INTEGER[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Branch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BranchClosedDay" (
    "id" SERIAL NOT NULL,
    "branchId" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "BranchClosedDay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Patron" (
    "id" SERIAL NOT NULL,
    "libraryId" INTEGER NOT NULL,
    "cardNumber" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "street" TEXT,
    "postalCode" TEXT,
    "city" TEXT,
    "country" TEXT NOT NULL DEFAULT 'BE',
    "email" TEXT,
    "emailStatus" "EmailStatus" NOT NULL DEFAULT 'unknown',
    "emailStatusAt" TIMESTAMPTZ(3),
    "softBounceCount" INTEGER NOT NULL DEFAULT 0,
    "phone" TEXT,
    "language" "Language" NOT NULL DEFAULT 'nl',
    "homeBranchId" INTEGER NOT NULL,
    "channelPreference" "ChannelPreference",
    "preDueOptIn" BOOLEAN NOT NULL DEFAULT false,
    "noticesPausedUntil" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Patron_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PatronFlag" (
    "id" SERIAL NOT NULL,
    "patronId" INTEGER NOT NULL,
    "kind" "PatronFlagKind" NOT NULL,
    "message" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMPTZ(3),
    "resolvedById" INTEGER,

    CONSTRAINT "PatronFlag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Item" (
    "id" SERIAL NOT NULL,
    "libraryId" INTEGER NOT NULL,
    "barcode" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "author" TEXT,
    "priceCents" INTEGER,

    CONSTRAINT "Item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Loan" (
    "id" SERIAL NOT NULL,
    "libraryId" INTEGER NOT NULL,
    "ilsLoanId" TEXT NOT NULL,
    "patronId" INTEGER NOT NULL,
    "itemId" INTEGER NOT NULL,
    "branchId" INTEGER NOT NULL,
    "loanedAt" TIMESTAMPTZ(3) NOT NULL,
    "dueDate" DATE NOT NULL,
    "returnedAt" TIMESTAMPTZ(3),
    "renewalCount" INTEGER NOT NULL DEFAULT 0,
    "reserved" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Loan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NoticeStage" (
    "id" SERIAL NOT NULL,
    "libraryId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "StageKind" NOT NULL,
    "labels" JSONB NOT NULL,
    "offsetDays" INTEGER NOT NULL,
    "dayCount" "DayCount" NOT NULL DEFAULT 'calendar',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "channel" "Channel" NOT NULL,
    "fallback" "Fallback" NOT NULL,
    "feeCents" INTEGER NOT NULL DEFAULT 0,
    "audience" "Audience" NOT NULL DEFAULT 'all',
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedById" INTEGER,

    CONSTRAINT "NoticeStage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BranchStageSetting" (
    "id" SERIAL NOT NULL,
    "stageId" INTEGER NOT NULL,
    "branchId" INTEGER NOT NULL,
    "offsetDays" INTEGER,
    "dayCount" "DayCount",
    "enabled" BOOLEAN,
    "channel" "Channel",
    "fallback" "Fallback",
    "feeCents" INTEGER,
    "audience" "Audience",
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedById" INTEGER,

    CONSTRAINT "BranchStageSetting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PatronStageSetting" (
    "id" SERIAL NOT NULL,
    "stageId" INTEGER NOT NULL,
    "patronId" INTEGER NOT NULL,
    "enabled" BOOLEAN,
    "channel" "Channel",
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedById" INTEGER,

    CONSTRAINT "PatronStageSetting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notice" (
    "id" SERIAL NOT NULL,
    "libraryId" INTEGER NOT NULL,
    "patronId" INTEGER NOT NULL,
    "branchId" INTEGER NOT NULL,
    "stageId" INTEGER NOT NULL,
    "planDate" DATE NOT NULL,
    "channel" "Channel" NOT NULL,
    "channelReason" TEXT NOT NULL,
    "status" "NoticeStatus" NOT NULL DEFAULT 'planned',
    "language" "Language" NOT NULL,
    "feeCents" INTEGER NOT NULL DEFAULT 0,
    "recipientEmail" TEXT,
    "subject" TEXT,
    "html" TEXT,
    "text" TEXT,
    "providerId" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "sendRunId" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),
    "deliveredAt" TIMESTAMPTZ(3),
    "bouncedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NoticeLoan" (
    "noticeId" INTEGER NOT NULL,
    "loanId" INTEGER NOT NULL,
    "stageId" INTEGER NOT NULL,
    "dueDate" DATE NOT NULL,

    CONSTRAINT "NoticeLoan_pkey" PRIMARY KEY ("noticeId","loanId")
);

-- CreateTable
CREATE TABLE "DeliveryEvent" (
    "id" SERIAL NOT NULL,
    "noticeId" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "externalId" TEXT,
    "bounceType" TEXT,
    "bounceSubType" TEXT,
    "detail" TEXT,
    "payload" JSONB,

    CONSTRAINT "DeliveryEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Letter" (
    "id" SERIAL NOT NULL,
    "noticeId" INTEGER NOT NULL,
    "reason" "LetterReason" NOT NULL,
    "registered" BOOLEAN NOT NULL DEFAULT false,
    "status" "LetterStatus" NOT NULL DEFAULT 'queued',
    "batchId" INTEGER,
    "postageCents" INTEGER NOT NULL DEFAULT 0,
    "trackingNumber" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "printedAt" TIMESTAMPTZ(3),
    "postedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Letter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LetterBatch" (
    "id" SERIAL NOT NULL,
    "libraryId" INTEGER NOT NULL,
    "branchId" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" INTEGER,
    "printedAt" TIMESTAMPTZ(3),
    "postedAt" TIMESTAMPTZ(3),

    CONSTRAINT "LetterBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SendRun" (
    "id" SERIAL NOT NULL,
    "libraryId" INTEGER NOT NULL,
    "planDate" DATE NOT NULL,
    "status" "SendRunStatus" NOT NULL DEFAULT 'queued',
    "startedById" INTEGER,
    "planned" INTEGER NOT NULL DEFAULT 0,
    "sent" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "letters" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "SendRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffUser" (
    "id" SERIAL NOT NULL,
    "libraryId" INTEGER,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "StaffRole" NOT NULL,
    "branchId" INTEGER,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "failedSignIns" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMPTZ(3),
    "disabledAt" TIMESTAMPTZ(3),
    "lastSignInAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" INTEGER,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "patronId" INTEGER,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Library_code_key" ON "Library"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Branch_libraryId_ilsCode_key" ON "Branch"("libraryId", "ilsCode");

-- CreateIndex
CREATE UNIQUE INDEX "BranchClosedDay_branchId_date_key" ON "BranchClosedDay"("branchId", "date");

-- CreateIndex
CREATE INDEX "Patron_libraryId_lastName_firstName_idx" ON "Patron"("libraryId", "lastName", "firstName");

-- CreateIndex
CREATE INDEX "Patron_email_idx" ON "Patron"("email");

-- CreateIndex
CREATE INDEX "Patron_homeBranchId_idx" ON "Patron"("homeBranchId");

-- CreateIndex
CREATE UNIQUE INDEX "Patron_libraryId_cardNumber_key" ON "Patron"("libraryId", "cardNumber");

-- CreateIndex
CREATE INDEX "PatronFlag_patronId_resolvedAt_idx" ON "PatronFlag"("patronId", "resolvedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Item_libraryId_barcode_key" ON "Item"("libraryId", "barcode");

-- CreateIndex
CREATE INDEX "Loan_patronId_idx" ON "Loan"("patronId");

-- CreateIndex
CREATE INDEX "Loan_itemId_idx" ON "Loan"("itemId");

-- CreateIndex
CREATE INDEX "Loan_returnedAt_dueDate_idx" ON "Loan"("returnedAt", "dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "Loan_libraryId_ilsLoanId_key" ON "Loan"("libraryId", "ilsLoanId");

-- CreateIndex
CREATE UNIQUE INDEX "NoticeStage_libraryId_key_key" ON "NoticeStage"("libraryId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "NoticeStage_libraryId_position_key" ON "NoticeStage"("libraryId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "BranchStageSetting_stageId_branchId_key" ON "BranchStageSetting"("stageId", "branchId");

-- CreateIndex
CREATE UNIQUE INDEX "PatronStageSetting_stageId_patronId_key" ON "PatronStageSetting"("stageId", "patronId");

-- CreateIndex
CREATE UNIQUE INDEX "Notice_providerId_key" ON "Notice"("providerId");

-- CreateIndex
CREATE UNIQUE INDEX "Notice_idempotencyKey_key" ON "Notice"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Notice_patronId_createdAt_idx" ON "Notice"("patronId", "createdAt");

-- CreateIndex
CREATE INDEX "Notice_planDate_status_idx" ON "Notice"("planDate", "status");

-- CreateIndex
CREATE INDEX "Notice_sendRunId_idx" ON "Notice"("sendRunId");

-- CreateIndex
CREATE UNIQUE INDEX "NoticeLoan_loanId_stageId_dueDate_key" ON "NoticeLoan"("loanId", "stageId", "dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "DeliveryEvent_externalId_key" ON "DeliveryEvent"("externalId");

-- CreateIndex
CREATE INDEX "DeliveryEvent_noticeId_occurredAt_idx" ON "DeliveryEvent"("noticeId", "occurredAt");

-- CreateIndex
CREATE INDEX "Letter_status_idx" ON "Letter"("status");

-- CreateIndex
CREATE INDEX "Letter_batchId_idx" ON "Letter"("batchId");

-- CreateIndex
CREATE UNIQUE INDEX "Letter_noticeId_reason_key" ON "Letter"("noticeId", "reason");

-- CreateIndex
CREATE INDEX "SendRun_libraryId_planDate_idx" ON "SendRun"("libraryId", "planDate");

-- CreateIndex
CREATE UNIQUE INDEX "StaffUser_email_key" ON "StaffUser"("email");

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

-- CreateIndex
CREATE INDEX "AuditEntry_entityType_entityId_idx" ON "AuditEntry"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEntry_patronId_idx" ON "AuditEntry"("patronId");

-- AddForeignKey
ALTER TABLE "Branch" ADD CONSTRAINT "Branch_libraryId_fkey" FOREIGN KEY ("libraryId") REFERENCES "Library"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BranchClosedDay" ADD CONSTRAINT "BranchClosedDay_branchId_fkey" FOREIGN KEY ("branchId") REFERENCES "Branch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Patron" ADD CONSTRAINT "Patron_libraryId_fkey" FOREIGN KEY ("libraryId") REFERENCES "Library"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Patron" ADD CONSTRAINT "Patron_homeBranchId_fkey" FOREIGN KEY ("homeBranchId") REFERENCES "Branch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatronFlag" ADD CONSTRAINT "PatronFlag_patronId_fkey" FOREIGN KEY ("patronId") REFERENCES "Patron"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatronFlag" ADD CONSTRAINT "PatronFlag_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Item" ADD CONSTRAINT "Item_libraryId_fkey" FOREIGN KEY ("libraryId") REFERENCES "Library"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Loan" ADD CONSTRAINT "Loan_libraryId_fkey" FOREIGN KEY ("libraryId") REFERENCES "Library"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Loan" ADD CONSTRAINT "Loan_patronId_fkey" FOREIGN KEY ("patronId") REFERENCES "Patron"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Loan" ADD CONSTRAINT "Loan_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Loan" ADD CONSTRAINT "Loan_branchId_fkey" FOREIGN KEY ("branchId") REFERENCES "Branch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeStage" ADD CONSTRAINT "NoticeStage_libraryId_fkey" FOREIGN KEY ("libraryId") REFERENCES "Library"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeStage" ADD CONSTRAINT "NoticeStage_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BranchStageSetting" ADD CONSTRAINT "BranchStageSetting_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "NoticeStage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BranchStageSetting" ADD CONSTRAINT "BranchStageSetting_branchId_fkey" FOREIGN KEY ("branchId") REFERENCES "Branch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BranchStageSetting" ADD CONSTRAINT "BranchStageSetting_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatronStageSetting" ADD CONSTRAINT "PatronStageSetting_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "NoticeStage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatronStageSetting" ADD CONSTRAINT "PatronStageSetting_patronId_fkey" FOREIGN KEY ("patronId") REFERENCES "Patron"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatronStageSetting" ADD CONSTRAINT "PatronStageSetting_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_libraryId_fkey" FOREIGN KEY ("libraryId") REFERENCES "Library"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_patronId_fkey" FOREIGN KEY ("patronId") REFERENCES "Patron"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_branchId_fkey" FOREIGN KEY ("branchId") REFERENCES "Branch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "NoticeStage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_sendRunId_fkey" FOREIGN KEY ("sendRunId") REFERENCES "SendRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeLoan" ADD CONSTRAINT "NoticeLoan_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "Notice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeLoan" ADD CONSTRAINT "NoticeLoan_loanId_fkey" FOREIGN KEY ("loanId") REFERENCES "Loan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeLoan" ADD CONSTRAINT "NoticeLoan_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "NoticeStage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryEvent" ADD CONSTRAINT "DeliveryEvent_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "Notice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Letter" ADD CONSTRAINT "Letter_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "Notice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Letter" ADD CONSTRAINT "Letter_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "LetterBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LetterBatch" ADD CONSTRAINT "LetterBatch_libraryId_fkey" FOREIGN KEY ("libraryId") REFERENCES "Library"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LetterBatch" ADD CONSTRAINT "LetterBatch_branchId_fkey" FOREIGN KEY ("branchId") REFERENCES "Branch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LetterBatch" ADD CONSTRAINT "LetterBatch_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SendRun" ADD CONSTRAINT "SendRun_libraryId_fkey" FOREIGN KEY ("libraryId") REFERENCES "Library"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SendRun" ADD CONSTRAINT "SendRun_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffUser" ADD CONSTRAINT "StaffUser_libraryId_fkey" FOREIGN KEY ("libraryId") REFERENCES "Library"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffUser" ADD CONSTRAINT "StaffUser_branchId_fkey" FOREIGN KEY ("branchId") REFERENCES "Branch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;


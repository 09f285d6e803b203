-- CreateTable
CREATE TABLE "NoticeText" (
    "id" SERIAL NOT NULL,
    "stageId" INTEGER NOT NULL,
    "language" "Language" NOT NULL,
    "subject" TEXT,
    "opening" TEXT,
    "closing" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedById" INTEGER,

    CONSTRAINT "NoticeText_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BranchNoticeText" (
    "id" SERIAL NOT NULL,
    "stageId" INTEGER NOT NULL,
    "branchId" INTEGER NOT NULL,
    "language" "Language" NOT NULL,
    "subject" TEXT,
    "opening" TEXT,
    "closing" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedById" INTEGER,

    CONSTRAINT "BranchNoticeText_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "NoticeText_stageId_language_key" ON "NoticeText"("stageId", "language");

-- CreateIndex
CREATE INDEX "BranchNoticeText_branchId_idx" ON "BranchNoticeText"("branchId");

-- CreateIndex
CREATE UNIQUE INDEX "BranchNoticeText_stageId_branchId_language_key" ON "BranchNoticeText"("stageId", "branchId", "language");

-- AddForeignKey
ALTER TABLE "NoticeText" ADD CONSTRAINT "NoticeText_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "NoticeStage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeText" ADD CONSTRAINT "NoticeText_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BranchNoticeText" ADD CONSTRAINT "BranchNoticeText_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "NoticeStage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BranchNoticeText" ADD CONSTRAINT "BranchNoticeText_branchId_fkey" FOREIGN KEY ("branchId") REFERENCES "Branch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BranchNoticeText" ADD CONSTRAINT "BranchNoticeText_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;


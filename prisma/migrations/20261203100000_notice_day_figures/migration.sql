-- CreateTable
CREATE TABLE "NoticeDayFigure" (
    "libraryId" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "branchId" INTEGER NOT NULL,
    "stageId" INTEGER NOT NULL,
    "channel" "Channel" NOT NULL,
    "notices" INTEGER NOT NULL,
    "loans" INTEGER NOT NULL,
    "emailsSent" INTEGER NOT NULL,
    "emailsBounced" INTEGER NOT NULL,
    "emailsComplained" INTEGER NOT NULL,
    "emailsWithoutLetter" INTEGER NOT NULL,
    "letters" INTEGER NOT NULL,
    "registeredLetters" INTEGER NOT NULL,
    "postageCents" INTEGER NOT NULL,
    "feeCents" INTEGER NOT NULL,
    "settledWithin3" INTEGER NOT NULL,
    "settledWithin7" INTEGER NOT NULL,
    "renewedFromLink" INTEGER NOT NULL,
    "refreshedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NoticeDayFigure_pkey" PRIMARY KEY ("libraryId","day","branchId","stageId","channel")
);


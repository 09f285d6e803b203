-- The audit log belongs to a library: each library reads only its own entries.
ALTER TABLE "AuditEntry" ADD COLUMN     "libraryId" INTEGER;

-- Entries written before: the library of the patron they concern, else of the staff member
-- who made them, else of the staff account they are about. What cannot be traced stays null
-- and is shown to no library.
UPDATE "AuditEntry" a SET "libraryId" = p."libraryId" FROM "Patron" p WHERE a."patronId" = p."id";
UPDATE "AuditEntry" a SET "libraryId" = s."libraryId" FROM "StaffUser" s
  WHERE a."libraryId" IS NULL AND a."actorId" = s."id" AND s."libraryId" IS NOT NULL;
UPDATE "AuditEntry" a SET "libraryId" = s."libraryId" FROM "StaffUser" s
  WHERE a."libraryId" IS NULL AND a."entityType" = 'StaffUser' AND a."entityId" = s."id"::text AND s."libraryId" IS NOT NULL;

-- CreateIndex
CREATE INDEX "AuditEntry_libraryId_at_idx" ON "AuditEntry"("libraryId", "at");

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_libraryId_fkey" FOREIGN KEY ("libraryId") REFERENCES "Library"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "Patron_lastName_trgm_idx" ON "Patron" USING GIN ("lastName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Patron_firstName_trgm_idx" ON "Patron" USING GIN ("firstName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Patron_email_trgm_idx" ON "Patron" USING GIN ("email" gin_trgm_ops);


-- The planner's patron facts (issue #17): the columns that choose a patron's channel, in one
-- narrow index that the planning statement reads by patron id without visiting the wide
-- patron rows (an index-only scan of about a tenth of the table's size).
-- CreateIndex
CREATE INDEX "Patron_noticeFacts_idx" ON "Patron"("id", "noticesPausedUntil", "preDueOptIn", "emailStatus", "channelPreference", "email");

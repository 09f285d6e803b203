-- The planner's notice history on the loan row (issue #17): the stage and the plan date of the
-- last notice (the highest stage position) of each loan's current due-date cycle. The planner
-- read them by joining every candidate loan with NoticeLoan, NoticeStage and Notice, the
-- larger part of its time on the bench library. NoticeLoan stays the record, these two
-- columns follow it, kept by the triggers below: when notice loans are inserted, deleted or
-- changed, when a loan's due date changes (a renewal starts a new cycle, and a due date moved
-- back finds its old cycle again), when a notice's plan date changes and when a stage moves
-- to another position (the last notice is the one at the highest position now). The stage is
-- stored, not its position: the planner maps it to the position the settings give it today.
-- Statements inside the bodies end in \x3B (Prisma's migration runner splits at semicolons).

-- AlterTable
ALTER TABLE "Loan" ADD COLUMN "lastNoticeStageId" INTEGER,
ADD COLUMN "lastNoticeDate" DATE;

-- The last notice of a loan's cycle for a due date, its stage and plan date (no row: none
-- yet). The one definition both the row trigger and the set-based refresh use.
CREATE FUNCTION rappel_last_notice(loan_id integer, due_date date)
RETURNS TABLE ("stageId" integer, "planDate" date)
LANGUAGE sql STABLE
AS '
  SELECT nl."stageId", n."planDate"
  FROM "NoticeLoan" nl
  JOIN "NoticeStage" s ON s.id = nl."stageId"
  JOIN "Notice" n ON n.id = nl."noticeId"
  WHERE nl."loanId" = loan_id AND nl."dueDate" = due_date
  ORDER BY s.position DESC
  LIMIT 1';

-- Sets the two columns of these loans from their notice loans (for their due date now),
-- writing only the loans whose values change.
CREATE FUNCTION rappel_refresh_last_notice(loan_ids integer[]) RETURNS void
LANGUAGE sql
AS '
  UPDATE "Loan" l SET "lastNoticeStageId" = fresh."stageId", "lastNoticeDate" = fresh."planDate"
  FROM (SELECT l.id, last."stageId", last."planDate"
        FROM "Loan" l LEFT JOIN LATERAL rappel_last_notice(l.id, l."dueDate") last ON true
        WHERE l.id = ANY (loan_ids)) fresh
  WHERE l.id = fresh.id
    AND (l."lastNoticeStageId", l."lastNoticeDate") IS DISTINCT FROM (fresh."stageId", fresh."planDate")';

-- After a statement that inserts notice loans: a loan whose new notice loan is for its due
-- date now, at a stage after its last one, has a new last notice. Worked out from the
-- inserted rows alone, without reading the loans' other notice loans again: on a catch-up
-- day of 612,350 notice loans that refresh cost 19 s more, this 7 s (the loan rows written).
CREATE FUNCTION rappel_notice_loans_inserted() RETURNS trigger
LANGUAGE plpgsql
AS E'
BEGIN
  UPDATE "Loan" l SET "lastNoticeStageId" = added."stageId", "lastNoticeDate" = added."planDate"
  FROM (SELECT DISTINCT ON (nl."loanId") nl."loanId", nl."stageId", nl."dueDate", s.position, n."planDate"
        FROM inserted nl
        JOIN "NoticeStage" s ON s.id = nl."stageId"
        JOIN "Notice" n ON n.id = nl."noticeId"
        ORDER BY nl."loanId", s.position DESC) added
  WHERE l.id = added."loanId" AND l."dueDate" = added."dueDate"
    AND (l."lastNoticeStageId" IS NULL
         OR (SELECT s.position FROM "NoticeStage" s WHERE s.id = l."lastNoticeStageId") < added.position)\x3B
  RETURN NULL\x3B
END';

CREATE TRIGGER "NoticeLoan_inserted" AFTER INSERT ON "NoticeLoan"
REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION rappel_notice_loans_inserted();

-- After a statement that deletes or changes notice loans (a notice deleted takes its notice
-- loans with it): the loans it touched are refreshed, once per statement, in one update.
CREATE FUNCTION rappel_notice_loans_changed() RETURNS trigger
LANGUAGE plpgsql
AS E'
BEGIN
  PERFORM rappel_refresh_last_notice(ARRAY(SELECT DISTINCT "loanId" FROM changed))\x3B
  RETURN NULL\x3B
END';

CREATE TRIGGER "NoticeLoan_deleted" AFTER DELETE ON "NoticeLoan"
REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION rappel_notice_loans_changed();
-- an update can move a notice loan from one loan to another: both are refreshed
CREATE TRIGGER "NoticeLoan_updated_from" AFTER UPDATE ON "NoticeLoan"
REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION rappel_notice_loans_changed();
CREATE TRIGGER "NoticeLoan_updated_to" AFTER UPDATE ON "NoticeLoan"
REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION rappel_notice_loans_changed();

-- A loan whose due date changes is in another cycle: its last notice is looked up for the new
-- due date (usually none, a renewal starts the stages again), before the row is written.
CREATE FUNCTION rappel_loan_due_date_changed() RETURNS trigger
LANGUAGE plpgsql
AS E'
BEGIN
  SELECT last."stageId", last."planDate" INTO NEW."lastNoticeStageId", NEW."lastNoticeDate"
  FROM rappel_last_notice(NEW.id, NEW."dueDate") last\x3B
  RETURN NEW\x3B
END';

CREATE TRIGGER "Loan_dueDate_changed" BEFORE UPDATE OF "dueDate" ON "Loan"
FOR EACH ROW WHEN (OLD."dueDate" IS DISTINCT FROM NEW."dueDate")
EXECUTE FUNCTION rappel_loan_due_date_changed();

-- A notice whose plan date changes: its loans are refreshed.
CREATE FUNCTION rappel_notice_plan_date_changed() RETURNS trigger
LANGUAGE plpgsql
AS E'
BEGIN
  PERFORM rappel_refresh_last_notice(ARRAY(SELECT "loanId" FROM "NoticeLoan" WHERE "noticeId" = NEW.id))\x3B
  RETURN NULL\x3B
END';

CREATE TRIGGER "Notice_planDate_changed" AFTER UPDATE OF "planDate" ON "Notice"
FOR EACH ROW WHEN (OLD."planDate" IS DISTINCT FROM NEW."planDate")
EXECUTE FUNCTION rappel_notice_plan_date_changed();

-- A stage that moves to another position can make another notice a loan's last one: the
-- loans with a notice at that stage are refreshed (rare: a settings change).
CREATE FUNCTION rappel_stage_position_changed() RETURNS trigger
LANGUAGE plpgsql
AS E'
BEGIN
  PERFORM rappel_refresh_last_notice(ARRAY(SELECT DISTINCT "loanId" FROM "NoticeLoan" WHERE "stageId" = NEW.id))\x3B
  RETURN NULL\x3B
END';

CREATE TRIGGER "NoticeStage_position_changed" AFTER UPDATE OF position ON "NoticeStage"
FOR EACH ROW WHEN (OLD.position IS DISTINCT FROM NEW.position)
EXECUTE FUNCTION rappel_stage_position_changed();

-- The loans noticed so far.
SELECT rappel_refresh_last_notice(ARRAY(SELECT DISTINCT "loanId" FROM "NoticeLoan"));

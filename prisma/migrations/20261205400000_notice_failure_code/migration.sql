-- Why Rappel itself failed an email (a code, worded where it is shown), and failureReason keeps
-- only the provider's own words.
ALTER TABLE "Notice" ADD COLUMN "failureCode" TEXT;

-- The two reasons the fix-batch step used to store in English become their codes.
UPDATE "Notice" SET "failureCode" = 'no_email', "failureReason" = NULL
WHERE "failureReason" = 'The patron has no email address.';
UPDATE "Notice" SET "failureCode" = 'unrenderable', "failureReason" = NULL
WHERE "failureReason" = 'The notice''s stored content could not be rendered.';

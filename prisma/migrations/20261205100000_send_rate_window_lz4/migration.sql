-- The shared rate limit becomes a sliding window: the moments of the latest grants, so that a
-- request that went out late does not cost the run its turn (a token bucket of one loses it).
ALTER TABLE "SendRateBucket" ADD COLUMN "grants" TIMESTAMPTZ(6)[] NOT NULL DEFAULT ARRAY[]::TIMESTAMPTZ(6)[];
ALTER TABLE "SendRateBucket" DROP COLUMN "tokens";
ALTER TABLE "SendRateBucket" DROP COLUMN "refilledAt";

-- A send run writes every email's HTML and text once and reads them back into its batches:
-- lz4 (de)compresses them several times faster than the default pglz, for a little more room.
-- PostgreSQL built without lz4 (the embedded PGlite of `npm run demo` and `npm test`) keeps pglz.
DO $$ BEGIN
  ALTER TABLE "Notice" ALTER COLUMN "html" SET COMPRESSION lz4;
  ALTER TABLE "Notice" ALTER COLUMN "text" SET COMPRESSION lz4;
  ALTER TABLE "Notice" ALTER COLUMN "content" SET COMPRESSION lz4;
  ALTER TABLE "SendBatch" ALTER COLUMN "payload" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  RAISE NOTICE 'lz4 is not built into this PostgreSQL: Notice and SendBatch keep pglz';
END $$;

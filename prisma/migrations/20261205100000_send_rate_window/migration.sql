-- The shared rate limit becomes a sliding window: the moments of the latest grants, so that a
-- request that went out late does not cost the run its turn (a token bucket of one loses it).
ALTER TABLE "SendRateBucket" ADD COLUMN "grants" TIMESTAMPTZ(6)[] DEFAULT ARRAY[]::TIMESTAMPTZ(6)[];
ALTER TABLE "SendRateBucket" DROP COLUMN "tokens";
ALTER TABLE "SendRateBucket" DROP COLUMN "refilledAt";

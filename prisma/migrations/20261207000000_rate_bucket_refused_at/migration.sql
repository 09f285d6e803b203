-- The last 429 any worker got: a lone one costs only its own request a wait, a second soon after holds every worker back
ALTER TABLE "SendRateBucket" ADD COLUMN "refusedAt" TIMESTAMPTZ(3);

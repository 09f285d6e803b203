-- The slot on the even spacing the latest grant was meant for: a grant that reached its caller late is made up for by the next ones
ALTER TABLE "SendRateBucket" ADD COLUMN "slotAt" TIMESTAMPTZ(6);

-- AlterTable
ALTER TABLE "Notice" ADD COLUMN     "channelReasonDetail" JSONB;


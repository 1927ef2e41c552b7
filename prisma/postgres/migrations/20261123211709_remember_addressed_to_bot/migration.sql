-- AlterTable
ALTER TABLE "InboundMessage" ADD COLUMN     "addressedToBot" BOOLEAN NOT NULL DEFAULT false;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_InboundMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "platform" TEXT NOT NULL,
    "channelId" INTEGER NOT NULL,
    "externalId" TEXT NOT NULL,
    "threadExternalId" TEXT,
    "eventId" TEXT,
    "senderId" INTEGER,
    "senderExternalId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "addressedToBot" BOOLEAN NOT NULL DEFAULT false,
    "sentAt" DATETIME NOT NULL,
    "localDay" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" TEXT NOT NULL DEFAULT 'received',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "processedAt" DATETIME,
    CONSTRAINT "InboundMessage_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "InboundMessage_senderId_fkey" FOREIGN KEY ("senderId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_InboundMessage" ("attempts", "channelId", "error", "eventId", "externalId", "id", "localDay", "platform", "processedAt", "receivedAt", "senderExternalId", "senderId", "sentAt", "status", "text", "threadExternalId") SELECT "attempts", "channelId", "error", "eventId", "externalId", "id", "localDay", "platform", "processedAt", "receivedAt", "senderExternalId", "senderId", "sentAt", "status", "text", "threadExternalId" FROM "InboundMessage";
DROP TABLE "InboundMessage";
ALTER TABLE "new_InboundMessage" RENAME TO "InboundMessage";
CREATE INDEX "InboundMessage_status_receivedAt_idx" ON "InboundMessage"("status", "receivedAt");
CREATE UNIQUE INDEX "InboundMessage_channelId_externalId_key" ON "InboundMessage"("channelId", "externalId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateTable
CREATE TABLE "Customer" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "region" TEXT,
    "phone" TEXT,
    "creditLimit" DECIMAL,
    "paymentTerms" TEXT,
    "mergedIntoId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Customer_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Customer" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CustomerAlias" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "customerId" INTEGER NOT NULL,
    "alias" TEXT NOT NULL,
    "aliasKey" TEXT NOT NULL,
    CONSTRAINT "CustomerAlias_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CustomerContact" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "customerId" INTEGER NOT NULL,
    "name" TEXT,
    "phone" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CustomerContact_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Person" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "displayName" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'agent',
    "region" TEXT,
    "timeZone" TEXT,
    "locale" TEXT,
    "onDuty" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PersonIdentity" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personId" INTEGER NOT NULL,
    "platform" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "handle" TEXT,
    CONSTRAINT "PersonIdentity_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Channel" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "platform" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT,
    "role" TEXT,
    "region" TEXT,
    "isDirect" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "InboundMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "platform" TEXT NOT NULL,
    "channelId" INTEGER NOT NULL,
    "externalId" TEXT NOT NULL,
    "threadExternalId" TEXT,
    "eventId" TEXT,
    "senderId" INTEGER,
    "senderExternalId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
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

-- CreateTable
CREATE TABLE "Record" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "sourceMessageId" INTEGER NOT NULL,
    "channelId" INTEGER NOT NULL,
    "createdById" INTEGER,
    "assigneeId" INTEGER,
    "customerId" INTEGER,
    "customerName" TEXT,
    "contactName" TEXT,
    "contactPhone" TEXT,
    "orderRef" TEXT,
    "extraction" JSONB NOT NULL,
    "extractor" TEXT NOT NULL,
    "extractorModel" TEXT,
    "extractorLatencyMs" INTEGER,
    "promptTokens" INTEGER,
    "completionTokens" INTEGER,
    "extractorFallback" TEXT,
    "disagreements" JSONB,
    "createdAt" DATETIME NOT NULL,
    "localDay" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "confirmedAt" DATETIME,
    "confirmedById" INTEGER,
    "resolvedAt" DATETIME,
    "resolvedById" INTEGER,
    "resolution" TEXT,
    "firstResponseAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "Record_sourceMessageId_fkey" FOREIGN KEY ("sourceMessageId") REFERENCES "InboundMessage" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Record_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Record_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Record_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Record_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Order" (
    "recordId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "deliveryDate" TEXT,
    "deliveryAddress" TEXT,
    "paymentTerms" TEXT,
    "currency" TEXT,
    "totalAmount" DECIMAL,
    "paidAmount" DECIMAL NOT NULL DEFAULT 0,
    "paidAt" DATETIME,
    "paymentDueDate" TEXT,
    "overCreditApprovedById" INTEGER,
    CONSTRAINT "Order_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "Record" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OrderItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orderId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "product" TEXT,
    "quantity" DECIMAL,
    "unit" TEXT,
    "unitPrice" DECIMAL,
    CONSTRAINT "OrderItem_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("recordId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Complaint" (
    "recordId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "category" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "claimAmount" DECIMAL,
    "currency" TEXT,
    "dueAt" DATETIME,
    "breachedAt" DATETIME,
    CONSTRAINT "Complaint_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "Record" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Inquiry" (
    "recordId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "topic" TEXT NOT NULL,
    CONSTRAINT "Inquiry_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "Record" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Escalation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "recordId" INTEGER NOT NULL,
    "reasons" JSONB NOT NULL,
    "level" INTEGER NOT NULL DEFAULT 1,
    "state" TEXT NOT NULL DEFAULT 'open',
    "trigger" TEXT NOT NULL,
    "raisedById" INTEGER,
    "createdAt" DATETIME NOT NULL,
    "acknowledgedById" INTEGER,
    "acknowledgedAt" DATETIME,
    "resolvedById" INTEGER,
    "resolvedAt" DATETIME,
    "pingCount" INTEGER NOT NULL DEFAULT 0,
    "lastPingAt" DATETIME,
    "nextPingAt" DATETIME,
    CONSTRAINT "Escalation_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "Record" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RecordNote" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "recordId" INTEGER NOT NULL,
    "authorId" INTEGER,
    "text" TEXT NOT NULL,
    "sourceMessageId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RecordNote_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "Record" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RecordNote_sourceMessageId_fkey" FOREIGN KEY ("sourceMessageId") REFERENCES "InboundMessage" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FollowUp" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "recordId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "assigneeId" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "outcome" TEXT,
    "note" TEXT,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "lastRemindedAt" DATETIME,
    CONSTRAINT "FollowUp_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "Record" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FollowUpAttempt" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "followUpId" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "note" TEXT,
    "byId" INTEGER,
    "at" DATETIME NOT NULL,
    CONSTRAINT "FollowUpAttempt_followUpId_fkey" FOREIGN KEY ("followUpId") REFERENCES "FollowUp" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "dedupeKey" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "target" JSONB NOT NULL,
    "payload" JSONB NOT NULL,
    "recordId" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL,
    "claimedBy" TEXT,
    "claimedAt" DATETIME,
    "sentAt" DATETIME,
    "externalId" TEXT,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" INTEGER,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "sourceMessageId" INTEGER
);

-- CreateTable
CREATE TABLE "CodeCounter" (
    "prefix" TEXT NOT NULL PRIMARY KEY,
    "value" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "JobRun" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "job" TEXT NOT NULL,
    "periodKey" TEXT NOT NULL,
    "claimedBy" TEXT NOT NULL,
    "claimedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "error" TEXT
);

-- CreateTable
CREATE TABLE "Lease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "Customer_nameKey_idx" ON "Customer"("nameKey");

-- CreateIndex
CREATE INDEX "Customer_phone_idx" ON "Customer"("phone");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerAlias_aliasKey_key" ON "CustomerAlias"("aliasKey");

-- CreateIndex
CREATE INDEX "CustomerContact_phone_idx" ON "CustomerContact"("phone");

-- CreateIndex
CREATE UNIQUE INDEX "PersonIdentity_platform_externalId_key" ON "PersonIdentity"("platform", "externalId");

-- CreateIndex
CREATE INDEX "Channel_role_idx" ON "Channel"("role");

-- CreateIndex
CREATE UNIQUE INDEX "Channel_platform_externalId_key" ON "Channel"("platform", "externalId");

-- CreateIndex
CREATE INDEX "InboundMessage_status_receivedAt_idx" ON "InboundMessage"("status", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "InboundMessage_channelId_externalId_key" ON "InboundMessage"("channelId", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Record_code_key" ON "Record"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Record_sourceMessageId_key" ON "Record"("sourceMessageId");

-- CreateIndex
CREATE INDEX "Record_assigneeId_status_idx" ON "Record"("assigneeId", "status");

-- CreateIndex
CREATE INDEX "Record_localDay_kind_idx" ON "Record"("localDay", "kind");

-- CreateIndex
CREATE INDEX "Record_customerId_idx" ON "Record"("customerId");

-- CreateIndex
CREATE INDEX "Record_status_kind_idx" ON "Record"("status", "kind");

-- CreateIndex
CREATE INDEX "Order_deliveryDate_idx" ON "Order"("deliveryDate");

-- CreateIndex
CREATE UNIQUE INDEX "OrderItem_orderId_position_key" ON "OrderItem"("orderId", "position");

-- CreateIndex
CREATE INDEX "Complaint_category_severity_idx" ON "Complaint"("category", "severity");

-- CreateIndex
CREATE INDEX "Complaint_dueAt_idx" ON "Complaint"("dueAt");

-- CreateIndex
CREATE INDEX "Escalation_state_nextPingAt_idx" ON "Escalation"("state", "nextPingAt");

-- CreateIndex
CREATE INDEX "RecordNote_recordId_idx" ON "RecordNote"("recordId");

-- CreateIndex
CREATE INDEX "FollowUp_status_dueAt_idx" ON "FollowUp"("status", "dueAt");

-- CreateIndex
CREATE INDEX "FollowUp_assigneeId_status_idx" ON "FollowUp"("assigneeId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_recordId_idx" ON "OutboxMessage"("recordId");

-- CreateIndex
CREATE INDEX "AuditLog_entity_entityId_idx" ON "AuditLog"("entity", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- CreateIndex
CREATE UNIQUE INDEX "JobRun_job_periodKey_key" ON "JobRun"("job", "periodKey");

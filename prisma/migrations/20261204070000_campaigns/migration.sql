-- Access-review campaigns (lib/campaigns, docs/campaigns.md): a scope frozen into items at
-- activation, one reviewer per item from a fallback chain, decisions, reminders sent, and the
-- remediation tasks that revoke/rotate decisions become at close.
--
-- Items keep a snapshot of what was reviewed (name, type, source, owner, risk), so the evidence
-- stays complete after an identity is retired or deleted: their FKs to identities are SET NULL.

CREATE TABLE "campaigns" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "filter" JSONB NOT NULL DEFAULT '{}',
    "exclusions" UUID[] NOT NULL DEFAULT ARRAY[]::UUID[],
    "default_action" TEXT NOT NULL DEFAULT 'keep',
    "security_queue" TEXT NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "reminders" JSONB NOT NULL DEFAULT '{}',
    "recurrence" TEXT,
    "review_days" INTEGER,
    "series_id" UUID,
    "last_scheduled_at" TIMESTAMPTZ(3),
    "trigger" TEXT,
    "item_count" INTEGER NOT NULL DEFAULT 0,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activated_by" TEXT,
    "activated_at" TIMESTAMPTZ(3),
    "closed_by" TEXT,
    "closed_at" TIMESTAMPTZ(3),
    "sign_off" TEXT,
    "cancelled_by" TEXT,
    "cancelled_at" TIMESTAMPTZ(3),
    CONSTRAINT "campaigns_pkey" PRIMARY KEY ("id")
);
-- The worker's reminder pass reads active campaigns by due date.
CREATE INDEX "campaigns_status_due_at_idx" ON "campaigns"("status", "due_at");
-- An event-triggered micro-review names its event (kind:id:instant): each event opens one review, ever.
CREATE UNIQUE INDEX "campaigns_trigger_key" ON "campaigns"("trigger");

CREATE TABLE "campaign_items" (
    "id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "identity_id" UUID,
    "identity_name" TEXT NOT NULL,
    "identity_type" TEXT NOT NULL,
    "source_name" TEXT NOT NULL,
    "environment" TEXT,
    "subject_email" TEXT,
    "owner_email" TEXT,
    "risk_score" DECIMAL(5,1),
    "reviewer_chain" TEXT[] NOT NULL,
    "reviewer_bases" TEXT[] NOT NULL,
    "reviewer_email" TEXT NOT NULL,
    "reviewer_basis" TEXT NOT NULL,
    "escalation_level" INTEGER NOT NULL DEFAULT 0,
    "delegated_by" TEXT,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "decision" TEXT,
    "comment" TEXT,
    "new_owner_email" TEXT,
    "new_end_date" TIMESTAMPTZ(3),
    "decided_by" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "decided_by_default" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "campaign_items_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "campaign_items_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "campaign_items_identity_id_fkey" FOREIGN KEY ("identity_id") REFERENCES "identities"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "campaign_items_campaign_id_identity_id_key" ON "campaign_items"("campaign_id", "identity_id");
-- "My reviews": a reviewer's open items, keyset-paginated by id.
CREATE INDEX "campaign_items_reviewer_email_status_id_idx" ON "campaign_items"("reviewer_email", "status", "id");
-- Progress, close and reminders walk one campaign's items by status.
CREATE INDEX "campaign_items_campaign_id_status_id_idx" ON "campaign_items"("campaign_id", "status", "id");
-- The "not reviewed in N days" filter: an identity's latest decision.
CREATE INDEX "campaign_items_identity_id_decided_at_idx" ON "campaign_items"("identity_id", "decided_at");

CREATE TABLE "remediation_tasks" (
    "id" UUID NOT NULL,
    "item_id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "identity_id" UUID,
    "action" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "credential_ids" UUID[] NOT NULL DEFAULT ARRAY[]::UUID[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "done_at" TIMESTAMPTZ(3),
    "done_by" TEXT,
    "resolution" TEXT,
    "note" TEXT,
    CONSTRAINT "remediation_tasks_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "remediation_tasks_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "campaign_items"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "remediation_tasks_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "remediation_tasks_identity_id_fkey" FOREIGN KEY ("identity_id") REFERENCES "identities"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "remediation_tasks_item_id_key" ON "remediation_tasks"("item_id");
-- verifyRemediationTasks reads the open tasks after every load.
CREATE INDEX "remediation_tasks_status_campaign_id_idx" ON "remediation_tasks"("status", "campaign_id");

-- One row per reminder sent: the primary key is what makes the reminder pass idempotent.
-- `slot` names the occasion (kickoff, every:2, before-due, overdue:1); `recipient` is an e-mail
-- or "webhook".
CREATE TABLE "campaign_reminders" (
    "campaign_id" UUID NOT NULL,
    "channel" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "slot" TEXT NOT NULL,
    "item_count" INTEGER NOT NULL,
    "sent_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "campaign_reminders_pkey" PRIMARY KEY ("campaign_id", "channel", "recipient", "slot"),
    CONSTRAINT "campaign_reminders_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

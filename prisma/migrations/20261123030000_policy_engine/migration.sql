-- Policy engine (lib/policy): per-environment threshold overrides, suppressions, and the link from
-- a suppressed finding to the suppression that covers it.

-- Overrides of the catalogue defaults (policies/rules.json). `environment` is `prod` or `non-prod`
-- (a whole class) or an exact, lower-cased environment name; the most specific one applies.
CREATE TABLE "policy_thresholds" (
    "rule" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "value" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by" TEXT NOT NULL,
    CONSTRAINT "policy_thresholds_pkey" PRIMARY KEY ("rule", "key", "environment")
);

-- "Suppress by rule + scope": every finding of `rule` whose subject matches all the non-null
-- scope columns is suppressed, now and when it fires later. Lifting keeps the row (history).
-- source_id has no foreign key on purpose: a suppression outlives a deleted source harmlessly.
CREATE TABLE "finding_suppressions" (
    "id" UUID NOT NULL,
    "rule" TEXT NOT NULL,
    "subject_type" TEXT,
    "subject_id" UUID,
    "source_id" UUID,
    "environment" TEXT,
    "reason" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lifted_at" TIMESTAMPTZ(3),
    "lifted_by" TEXT,
    CONSTRAINT "finding_suppressions_pkey" PRIMARY KEY ("id")
);
-- Evaluation joins only the suppressions in force, by rule.
CREATE INDEX "finding_suppressions_rule_idx" ON "finding_suppressions"("rule") WHERE "lifted_at" IS NULL;

ALTER TABLE "findings" ADD COLUMN "suppression_id" UUID;
ALTER TABLE "findings" ADD CONSTRAINT "findings_suppression_id_fkey"
    FOREIGN KEY ("suppression_id") REFERENCES "finding_suppressions"("id") ON DELETE SET NULL ON UPDATE CASCADE;
-- One rule's findings by status: the CLI and the findings page list them, lifting a suppression
-- finds its findings by (rule, 'suppressed'). No index on suppression_id: every index slows the
-- bulk insert of a first evaluation (millions of findings), and suppressions are never deleted.
CREATE INDEX "findings_rule_status_idx" ON "findings"("rule", "status");

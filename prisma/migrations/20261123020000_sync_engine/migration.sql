-- Sync engine (lib/sync, lib/jobs): held sweeps awaiting approval, per-source schedule bookkeeping,
-- and the indexes the loader needs to resolve references whose target arrives later.

-- The last cron occurrence a scheduled sync was enqueued for, so each occurrence is enqueued once
-- however many workers look at the schedule.
ALTER TABLE "sources" ADD COLUMN "last_scheduled_at" TIMESTAMPTZ(3);

-- What a held sweep would retire, kept until an admin approves it (or a newer run supersedes it).
-- node_id holds a uuid (identities, credentials, resources, people) or an edge's bigint id as text.
CREATE TABLE "sync_held_retirements" (
    "run_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "node_id" TEXT NOT NULL,
    CONSTRAINT "sync_held_retirements_pkey" PRIMARY KEY ("run_id", "kind", "node_id"),
    CONSTRAINT "sync_held_retirements_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "sync_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Edge ends and credential→identity references are resolved across sources by (external type,
-- external id); people are referenced as ("person", external id), like the other node kinds.
CREATE INDEX "people_external_type_external_id_idx" ON "people"("external_type", "external_id");

-- References that could not be resolved yet (the target is loaded later, or by another source).
-- Partial, so they hold only the dangling rows: when a node is inserted, the loader finds the
-- rows waiting for it without scanning the whole table, and resolved rows leave the index.
CREATE INDEX "credentials_dangling_identity_ref_idx"
    ON "credentials"(("identity_ref" ->> 'externalType'), ("identity_ref" ->> 'externalId'))
    WHERE "identity_id" IS NULL AND "identity_ref" IS NOT NULL;
CREATE INDEX "edges_dangling_from_idx" ON "edges"("from_external_type", "from_external_id") WHERE "from_id" IS NULL;
CREATE INDEX "edges_dangling_to_idx" ON "edges"("to_external_type", "to_external_id") WHERE "to_id" IS NULL;

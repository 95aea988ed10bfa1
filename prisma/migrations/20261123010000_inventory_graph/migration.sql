-- Inventory graph: sources, sync runs, identities, credentials, resources, people, teams, edges, findings.
-- Natural key of every reported record: (source_id, external_type, external_id).

CREATE TABLE "sources" (
    "id" UUID NOT NULL,
    "provider" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "config" JSONB NOT NULL DEFAULT '{}',
    "credentials_encrypted" BYTEA,
    "schedule" TEXT,
    "environment" TEXT,
    "generation" BIGINT NOT NULL DEFAULT 0,
    "last_complete_sync_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "sources_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "sources_name_key" ON "sources"("name");

CREATE TABLE "sync_runs" (
    "id" UUID NOT NULL,
    "source_id" UUID NOT NULL,
    "generation" BIGINT NOT NULL,
    "status" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "requested_by" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "progress" JSONB NOT NULL DEFAULT '{}',
    "counts" JSONB NOT NULL DEFAULT '{}',
    "coverage_gaps" JSONB NOT NULL DEFAULT '[]',
    "errors" JSONB NOT NULL DEFAULT '[]',
    "held_sweep" JSONB,
    CONSTRAINT "sync_runs_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "sync_runs_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "sync_runs_source_id_started_at_idx" ON "sync_runs"("source_id", "started_at" DESC);

CREATE TABLE "identities" (
    "id" UUID NOT NULL,
    "source_id" UUID NOT NULL,
    "scope" TEXT NOT NULL,
    "external_type" TEXT NOT NULL,
    "external_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'unknown',
    "environment" TEXT,
    "created_at_source" TIMESTAMPTZ(3),
    "last_activity_at" TIMESTAMPTZ(3),
    "is_human" BOOLEAN,
    "interactive" BOOLEAN,
    "purpose" TEXT,
    "end_date" TIMESTAMPTZ(3),
    "business_service" TEXT,
    "owner_hint" JSONB,
    "attributes" JSONB NOT NULL DEFAULT '{}',
    "tags" JSONB NOT NULL DEFAULT '{}',
    "content_hash" TEXT NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_generation" BIGINT NOT NULL,
    "gone_since" TIMESTAMPTZ(3),
    CONSTRAINT "identities_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "identities_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "identities_source_id_external_type_external_id_key" ON "identities"("source_id", "external_type", "external_id");
CREATE INDEX "identities_external_type_external_id_idx" ON "identities"("external_type", "external_id");
CREATE INDEX "identities_source_id_scope_external_type_idx" ON "identities"("source_id", "scope", "external_type");

CREATE TABLE "credentials" (
    "id" UUID NOT NULL,
    "source_id" UUID NOT NULL,
    "scope" TEXT NOT NULL,
    "external_type" TEXT NOT NULL,
    "external_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "identity_id" UUID,
    "identity_ref" JSONB,
    "environment" TEXT,
    "created_at_source" TIMESTAMPTZ(3),
    "last_rotated_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3),
    "algorithm" TEXT,
    "key_size" INTEGER,
    "fingerprint" TEXT,
    "thumbprint" TEXT,
    "masked_hint" TEXT,
    "locations" JSONB NOT NULL DEFAULT '[]',
    "attributes" JSONB NOT NULL DEFAULT '{}',
    "tags" JSONB NOT NULL DEFAULT '{}',
    "content_hash" TEXT NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_generation" BIGINT NOT NULL,
    "gone_since" TIMESTAMPTZ(3),
    CONSTRAINT "credentials_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "credentials_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "credentials_identity_id_fkey" FOREIGN KEY ("identity_id") REFERENCES "identities"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "credentials_source_id_external_type_external_id_key" ON "credentials"("source_id", "external_type", "external_id");
CREATE INDEX "credentials_external_type_external_id_idx" ON "credentials"("external_type", "external_id");
CREATE INDEX "credentials_source_id_scope_external_type_idx" ON "credentials"("source_id", "scope", "external_type");
CREATE INDEX "credentials_identity_id_idx" ON "credentials"("identity_id");
CREATE INDEX "credentials_fingerprint_idx" ON "credentials"("fingerprint");

CREATE TABLE "resources" (
    "id" UUID NOT NULL,
    "source_id" UUID NOT NULL,
    "scope" TEXT NOT NULL,
    "external_type" TEXT NOT NULL,
    "external_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "environment" TEXT,
    "attributes" JSONB NOT NULL DEFAULT '{}',
    "content_hash" TEXT NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_generation" BIGINT NOT NULL,
    "gone_since" TIMESTAMPTZ(3),
    CONSTRAINT "resources_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "resources_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "resources_source_id_external_type_external_id_key" ON "resources"("source_id", "external_type", "external_id");
CREATE INDEX "resources_external_type_external_id_idx" ON "resources"("external_type", "external_id");
CREATE INDEX "resources_source_id_scope_external_type_idx" ON "resources"("source_id", "scope", "external_type");

CREATE TABLE "people" (
    "id" UUID NOT NULL,
    "source_id" UUID NOT NULL,
    "scope" TEXT NOT NULL,
    "external_type" TEXT NOT NULL,
    "external_id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "team" TEXT,
    "manager_email" TEXT,
    "status" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_generation" BIGINT NOT NULL,
    "gone_since" TIMESTAMPTZ(3),
    CONSTRAINT "people_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "people_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "people_source_id_external_type_external_id_key" ON "people"("source_id", "external_type", "external_id");
CREATE INDEX "people_email_idx" ON "people"("email");
CREATE INDEX "people_source_id_scope_external_type_idx" ON "people"("source_id", "scope", "external_type");

CREATE TABLE "teams" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "teams_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "teams_name_key" ON "teams"("name");

CREATE TABLE "edges" (
    "id" BIGSERIAL NOT NULL,
    "source_id" UUID NOT NULL,
    "scope" TEXT NOT NULL,
    "external_type" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "from_external_type" TEXT NOT NULL,
    "from_external_id" TEXT NOT NULL,
    "to_external_type" TEXT NOT NULL,
    "to_external_id" TEXT NOT NULL,
    "from_id" UUID,
    "to_id" UUID,
    "level" TEXT,
    "attributes" JSONB NOT NULL DEFAULT '{}',
    "content_hash" TEXT NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_generation" BIGINT NOT NULL,
    "gone_since" TIMESTAMPTZ(3),
    CONSTRAINT "edges_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "edges_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "edges_source_id_type_from_external_type_from_external_id_to_key"
    ON "edges"("source_id", "type", "from_external_type", "from_external_id", "to_external_type", "to_external_id");
-- Blast radius walks edges from a node: the covering key leads with the start node (STACK-NOTES.md).
CREATE INDEX "edges_from_id_to_id_type_idx" ON "edges"("from_id", "to_id", "type");
CREATE INDEX "edges_to_id_idx" ON "edges"("to_id");
CREATE INDEX "edges_source_id_scope_external_type_idx" ON "edges"("source_id", "scope", "external_type");

CREATE TABLE "findings" (
    "id" UUID NOT NULL,
    "rule" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "owasp" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "subject_type" TEXT NOT NULL,
    "subject_id" UUID NOT NULL,
    "evidence" JSONB NOT NULL DEFAULT '{}',
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),
    "justification" TEXT,
    "accepted_until" TIMESTAMPTZ(3),
    CONSTRAINT "findings_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "findings_rule_subject_type_subject_id_key" ON "findings"("rule", "subject_type", "subject_id");
CREATE INDEX "findings_status_severity_idx" ON "findings"("status", "severity");
CREATE INDEX "findings_subject_id_idx" ON "findings"("subject_id");

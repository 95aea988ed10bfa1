-- Inventory page (lib/inventory/inventory-query.ts): keyset pagination on every sortable column,
-- substring search, the owner role's narrowing, and saved views.
--
-- Every page query orders by (sort key, id) and continues after the last row it showed, so each
-- sortable column gets a btree index on exactly that pair. Nullable keys are indexed through the
-- same COALESCE sentinel the query sorts by (a row comparison cannot continue past NULLs). The
-- indexes hold present records only (gone_since IS NULL): that is the default view, and gone rows
-- are a small share that a "gone" filter may scan.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "credentials_page_name_idx" ON "credentials"("name", "id") WHERE "gone_since" IS NULL;
CREATE INDEX "credentials_page_type_idx" ON "credentials"("type", "id") WHERE "gone_since" IS NULL;
CREATE INDEX "credentials_page_environment_idx" ON "credentials"((coalesce("environment", '')), "id") WHERE "gone_since" IS NULL;
CREATE INDEX "credentials_page_status_idx" ON "credentials"("status", "id") WHERE "gone_since" IS NULL;
CREATE INDEX "credentials_page_created_idx" ON "credentials"((coalesce("created_at_source", '-infinity')), "id") WHERE "gone_since" IS NULL;
CREATE INDEX "credentials_page_rotated_idx" ON "credentials"((coalesce("last_rotated_at", "created_at_source", '-infinity')), "id") WHERE "gone_since" IS NULL;
CREATE INDEX "credentials_page_last_used_idx" ON "credentials"((coalesce("last_used_at", '-infinity')), "id") WHERE "gone_since" IS NULL;
CREATE INDEX "credentials_page_expires_idx" ON "credentials"((coalesce("expires_at", 'infinity')), "id") WHERE "gone_since" IS NULL;

CREATE INDEX "identities_page_name_idx" ON "identities"("name", "id") WHERE "gone_since" IS NULL;
CREATE INDEX "identities_page_type_idx" ON "identities"("type", "id") WHERE "gone_since" IS NULL;
CREATE INDEX "identities_page_environment_idx" ON "identities"((coalesce("environment", '')), "id") WHERE "gone_since" IS NULL;
CREATE INDEX "identities_page_status_idx" ON "identities"("status", "id") WHERE "gone_since" IS NULL;
CREATE INDEX "identities_page_created_idx" ON "identities"((coalesce("created_at_source", '-infinity')), "id") WHERE "gone_since" IS NULL;
CREATE INDEX "identities_page_last_activity_idx" ON "identities"((coalesce("last_activity_at", '-infinity')), "id") WHERE "gone_since" IS NULL;

-- Search: a substring of the name or the external id, case-insensitively, through trigrams.
CREATE INDEX "credentials_search_trgm_idx" ON "credentials" USING gin ((lower("name" || ' ' || "external_id")) gin_trgm_ops);
CREATE INDEX "identities_search_trgm_idx" ON "identities" USING gin ((lower("name" || ' ' || "external_id")) gin_trgm_ops);

-- The owner role sees the identities whose owner hint names them (lib/inventory/inventory-query-filters.ts).
CREATE INDEX "identities_owner_hint_email_idx" ON "identities"((lower("owner_hint" ->> 'email')));

-- A user's saved inventory views: a name and the page's URL query (lib/inventory/saved-views.ts).
CREATE TABLE "saved_views" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "saved_views_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "saved_views_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "saved_views_user_id_name_key" ON "saved_views"("user_id", "name");

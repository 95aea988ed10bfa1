-- Indexes for the inventory page at a million credentials (docs/performance.md, bench:web): each
-- row's per-row counts and a filtered list's capped count read an index only, not the tables.

-- A row's open findings (the page's count column; the has-findings filters): only open ones,
-- subject type included, so the count never visits the two million finding rows.
CREATE INDEX "findings_open_subject_idx" ON "findings"("subject_id", "subject_type") WHERE "status" = 'open';

-- An identity's present credentials (the page's count column, the blast radius): gone_since in the
-- index answers "present" without the table. Replaces the index on identity_id alone.
CREATE INDEX "credentials_identity_id_gone_since_idx" ON "credentials"("identity_id", "gone_since");
DROP INDEX "credentials_identity_id_idx";

-- The capped count of one environment's identities ("prod identities"): the environment sort
-- index is on coalesce(environment, ''), which an index-only scan cannot use for environment = $1.
CREATE INDEX "identities_present_environment_idx" ON "identities"("environment") WHERE "gone_since" IS NULL;

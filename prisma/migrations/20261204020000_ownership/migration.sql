-- Ownership (lib/ownership, docs/ownership.md): owners and purposes declared in Keyward, and the
-- resolution of an identity's owner across every place that names one.
--
-- Both tables hold what people told Keyward, never what a source reported, so no sync writes
-- them: an assignment or a declaration survives every re-sync. E-mails are stored lower-cased.

-- The explicit owner of an identity (resolution level 1), its backup, and the owner's confirmation.
CREATE TABLE "owner_assignments" (
    "identity_id" UUID NOT NULL,
    "owner_email" TEXT NOT NULL,
    "backup_email" TEXT,
    "note" TEXT,
    "assigned_by" TEXT NOT NULL,
    "assigned_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmed_by" TEXT,
    "confirmed_at" TIMESTAMPTZ(3),
    CONSTRAINT "owner_assignments_pkey" PRIMARY KEY ("identity_id"),
    CONSTRAINT "owner_assignments_identity_id_fkey" FOREIGN KEY ("identity_id") REFERENCES "identities"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- "My identities": an owner's assignments, as primary or as backup.
CREATE INDEX "owner_assignments_owner_email_idx" ON "owner_assignments"("owner_email");
CREATE INDEX "owner_assignments_backup_email_idx" ON "owner_assignments"("backup_email") WHERE "backup_email" IS NOT NULL;

-- What an identity is for and until when, as its owner declared it.
CREATE TABLE "purpose_declarations" (
    "identity_id" UUID NOT NULL,
    "purpose" TEXT NOT NULL,
    "end_date" TIMESTAMPTZ(3),
    "declared_by" TEXT NOT NULL,
    "declared_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "purpose_declarations_pkey" PRIMARY KEY ("identity_id"),
    CONSTRAINT "purpose_declarations_identity_id_fkey" FOREIGN KEY ("identity_id") REFERENCES "identities"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- identities.purpose / end_date are the effective values every reader uses (outlived-purpose, the
-- export, the UI). declarePurpose writes them together with the declaration; a sync that rewrites
-- a changed row would put the source's values back, so while a declaration exists it wins. The
-- WHEN clause keeps the trigger off the merge's hot path: it runs only for a row whose purpose or
-- end date the statement actually changes.
CREATE FUNCTION "keep_declared_purpose"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    declared purpose_declarations%ROWTYPE;
BEGIN
    SELECT * INTO declared FROM purpose_declarations WHERE identity_id = NEW.id;
    IF FOUND THEN
        NEW.purpose := declared.purpose;
        NEW.end_date := declared.end_date;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER "identities_keep_declared_purpose"
    BEFORE UPDATE OF "purpose", "end_date" ON "identities"
    FOR EACH ROW
    WHEN (NEW."purpose" IS DISTINCT FROM OLD."purpose" OR NEW."end_date" IS DISTINCT FROM OLD."end_date")
    EXECUTE FUNCTION "keep_declared_purpose"();

-- Which resolution level a source's provenance string belongs to (docs/ownership.md):
--   catalog    CODEOWNERS or a service catalog (`codeowners…`, `catalog…`, optionally `<provider>.`-prefixed)
--   suggested  a guess from who created or committed it (`suggested…`, `creator…`, `committer…`)
--   source     anything else: a tag, a label, an owner API (`aws.tag:Owner`, `entra.owners`, …)
CREATE FUNCTION "owner_provenance_kind"(provenance TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN lower(provenance) ~ '^([a-z0-9_-]+\.)?(codeowners|catalog)([^a-z0-9]|$)' THEN 'catalog'
        WHEN lower(provenance) ~ '^([a-z0-9_-]+\.)?(suggested|creator|committer)([^a-z0-9]|$)' THEN 'suggested'
        ELSE 'source'
    END
$$;

-- Every owner named for an identity as of an instant, one row per claim with its level
-- (rank 1 explicit, 2 source, 3 catalog, 4 suggested): the assignment, the identity's own owner
-- hint, and the people at the end of present `owned_by` edges (from any source; an edge to a
-- ("person", e-mail) nobody in the directory has yet still names that e-mail). Only claims that
-- name an e-mail: a team alone is nobody to hold accountable.
-- Plain SQL and STABLE, so the planner inlines it: a filter on identity_id reaches every branch's
-- index, and a whole-inventory rule gets hash joins. Assignments count as Keyward holds them now.
CREATE FUNCTION "owner_candidates"(as_of TIMESTAMPTZ)
    RETURNS TABLE ("identity_id" UUID, "email" TEXT, "kind" TEXT, "rank" INTEGER, "origin" TEXT, "provenance" TEXT, "source_id" UUID)
    LANGUAGE sql STABLE AS $$
    SELECT a.identity_id, a.owner_email, 'explicit', 1, 'assignment', 'keyward.assignment', NULL::uuid
    FROM owner_assignments a
    UNION ALL
    SELECT i.id, lower(btrim(i.owner_hint->>'email')), k.kind,
           CASE k.kind WHEN 'source' THEN 2 WHEN 'catalog' THEN 3 ELSE 4 END,
           'owner_hint', coalesce(i.owner_hint->>'provenance', 'owner hint'), i.source_id
    FROM identities i
    CROSS JOIN LATERAL (SELECT owner_provenance_kind(coalesce(i.owner_hint->>'provenance', '')) AS kind) k
    WHERE nullif(btrim(i.owner_hint->>'email'), '') IS NOT NULL
    UNION ALL
    SELECT e.from_id, lower(coalesce(p.email, e.to_external_id)), k.kind,
           CASE k.kind WHEN 'source' THEN 2 WHEN 'catalog' THEN 3 ELSE 4 END,
           'owned_by', coalesce(e.attributes->>'provenance', 'owned_by'), e.source_id
    FROM edges e
    JOIN identities i ON i.id = e.from_id
    LEFT JOIN people p ON p.id = e.to_id
    CROSS JOIN LATERAL (SELECT owner_provenance_kind(coalesce(e.attributes->>'provenance', '')) AS kind) k
    WHERE e.type = 'owned_by'
      AND e.first_seen_at <= as_of AND (e.gone_since IS NULL OR e.gone_since > as_of)
      AND (p.id IS NOT NULL OR (e.to_id IS NULL AND e.to_external_type = 'person'))
$$;

-- The owner of each identity that has one: the best-ranked candidate (ties: the identity's own
-- hint before edges, then provenance, then e-mail, so the answer never depends on row order),
-- with the backup of its assignment. A `suggested` winner is shown but does not make it owned.
CREATE FUNCTION "resolved_owners"(as_of TIMESTAMPTZ)
    RETURNS TABLE ("identity_id" UUID, "email" TEXT, "kind" TEXT, "origin" TEXT, "provenance" TEXT, "source_id" UUID, "backup_email" TEXT)
    LANGUAGE sql STABLE AS $$
    SELECT DISTINCT ON (c.identity_id) c.identity_id, c.email, c.kind, c.origin, c.provenance, c.source_id, a.backup_email
    FROM owner_candidates(as_of) c
    LEFT JOIN owner_assignments a ON a.identity_id = c.identity_id AND c.origin = 'assignment'
    ORDER BY c.identity_id, c.rank, c.origin = 'owned_by', c.provenance, c.email
$$;

-- The owner rules scan owned_by edges only, a small share of millions of edges.
CREATE INDEX "edges_owned_by_from_id_idx" ON "edges"("from_id") WHERE "type" = 'owned_by';
-- Owners are matched to the directory by e-mail, case-insensitively.
CREATE INDEX "people_lower_email_idx" ON "people"(lower("email"));

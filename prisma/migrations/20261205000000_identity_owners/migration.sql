-- Each identity's resolved owner, stored on the row (lib/ownership, docs/ownership.md): the
-- inventory shows it, filters by it and counts by it. Resolving it per row on every page view
-- (resolved_owners, a three-way union) cost more to plan than the page cost to run, and the
-- "owner: none" filter took 400 ms at 200,000 identities.
--
--   owner_email, owner_kind  the winning claim of resolved_owners(now()), NULL when nobody is named;
--   owned                    a claim better than a mere suggestion (rank < 4), i.e. owner_kind is
--                            explicit, source or catalog.
--
-- Who keeps them true:
--   owner_assignments, what people change: the statement-level triggers below, in the same
--     transaction as the assignment;
--   identities' owner hints, owned_by edges and the people directory, what sources change: the
--     load that changed them calls refresh_identity_owners(NULL) (lib/policy/evaluate-after-load.ts).
-- resolved_owners(as_of) still answers for another instant (detail pages, exports, campaigns).
ALTER TABLE "identities" ADD COLUMN "owner_email" TEXT;
ALTER TABLE "identities" ADD COLUMN "owner_kind" TEXT;
ALTER TABLE "identities" ADD COLUMN "owned" BOOLEAN NOT NULL DEFAULT false;

-- Sets the owner of the given identities (NULL: all) from resolved_owners; writes only rows whose
-- owner changes, so a load that changed no ownership writes nothing. Returns the rows written.
-- Two statements, not one with "only_ids IS NULL OR …": that OR would keep a few ids from the indexes.
CREATE FUNCTION "refresh_identity_owners"(only_ids UUID[]) RETURNS INTEGER LANGUAGE plpgsql AS $$
DECLARE
  written INTEGER;
BEGIN
  IF only_ids IS NULL THEN
    UPDATE identities i SET owner_email = r.email, owner_kind = r.kind, owned = coalesce(r.kind <> 'suggested', false)
    FROM identities x LEFT JOIN resolved_owners(now()) r ON r.identity_id = x.id
    WHERE x.id = i.id AND (i.owner_email IS DISTINCT FROM r.email OR i.owner_kind IS DISTINCT FROM r.kind);
  ELSE
    UPDATE identities i SET owner_email = r.email, owner_kind = r.kind, owned = coalesce(r.kind <> 'suggested', false)
    FROM identities x LEFT JOIN LATERAL (
        SELECT ro.email, ro.kind FROM resolved_owners(now()) ro WHERE ro.identity_id = x.id LIMIT 1
    ) r ON TRUE
    WHERE x.id = ANY(only_ids) AND x.id = i.id
      AND (i.owner_email IS DISTINCT FROM r.email OR i.owner_kind IS DISTINCT FROM r.kind);
  END IF;
  GET DIAGNOSTICS written = ROW_COUNT;
  RETURN written;
END $$;

-- One function per event: a trigger with transition tables may name only one.
CREATE FUNCTION "identity_owners_on_assignment_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_identity_owners(ARRAY(SELECT identity_id FROM new_rows));
  RETURN NULL;
END $$;
CREATE FUNCTION "identity_owners_on_assignment_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_identity_owners(ARRAY(SELECT identity_id FROM new_rows UNION SELECT identity_id FROM old_rows));
  RETURN NULL;
END $$;
CREATE FUNCTION "identity_owners_on_assignment_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_identity_owners(ARRAY(SELECT identity_id FROM old_rows));
  RETURN NULL;
END $$;
CREATE TRIGGER "owner_assignments_owners_insert" AFTER INSERT ON "owner_assignments"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "identity_owners_on_assignment_insert"();
CREATE TRIGGER "owner_assignments_owners_update" AFTER UPDATE ON "owner_assignments"
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "identity_owners_on_assignment_update"();
CREATE TRIGGER "owner_assignments_owners_delete" AFTER DELETE ON "owner_assignments"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "identity_owners_on_assignment_delete"();

-- The unowned list in the inventory's default order, and its count: an index walk, not a filter.
CREATE INDEX "identities_unowned_name_idx" ON "identities"("name", "id") WHERE "gone_since" IS NULL AND NOT "owned";
-- "owner = <e-mail>": an owner's identities, and through them their credentials.
CREATE INDEX "identities_owner_email_idx" ON "identities"("owner_email") WHERE "owner_email" IS NOT NULL;

SELECT refresh_identity_owners(NULL);

-- The identities a user with the owner role may see and act on: every identity that names them
-- (an assignment, as owner or backup; the identity's owner hint; a present `owned_by` edge to
-- them), at any resolution level, as getOwnership (lib/ownership) shows it. One definition for
-- the inventory list, the detail pages, the findings list and the dashboard, so an owner sees the
-- same identities everywhere. Each branch is an index probe on the e-mail: owners look up few rows.
CREATE FUNCTION "identities_of_owner"(person_email TEXT)
    RETURNS TABLE ("identity_id" UUID)
    LANGUAGE sql STABLE AS $$
    SELECT a.identity_id FROM owner_assignments a WHERE a.owner_email = lower(btrim(person_email))
    UNION
    SELECT a.identity_id FROM owner_assignments a WHERE a.backup_email = lower(btrim(person_email))
    UNION
    SELECT i.id FROM identities i WHERE lower(i.owner_hint ->> 'email') = lower(btrim(person_email))
    UNION
    SELECT e.from_id FROM people p JOIN edges e ON e.to_id = p.id
    WHERE lower(p.email) = lower(btrim(person_email)) AND e.type = 'owned_by' AND e.gone_since IS NULL
    UNION
    SELECT e.from_id FROM edges e
    WHERE e.type = 'owned_by' AND e.gone_since IS NULL AND e.to_id IS NULL AND e.to_external_type = 'person'
      AND lower(e.to_external_id) = lower(btrim(person_email))
$$;

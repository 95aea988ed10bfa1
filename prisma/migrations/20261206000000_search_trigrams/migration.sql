-- Inventory search at a million rows (docs/performance.md, bench:web): how common each trigram of
-- the searched text is, sampled after every load, so that a search hands the trigram index only its
-- rare parts (lib/inventory/search-plan.ts). A GIN scan reads the posting list of every trigram it
-- is given; "credential-12345" over a million "credential-N" names read 12 lists of a million rows
-- each (40 ms) although its digits alone narrow it to 20 rows (0.5 ms).

CREATE TABLE "search_trigrams" (
    "kind" TEXT NOT NULL,
    "trigram" TEXT NOT NULL,
    "share" REAL NOT NULL,
    CONSTRAINT "search_trigrams_pkey" PRIMARY KEY ("kind", "trigram")
);

-- Trigrams inside words only (pg_trgm pads word boundaries with spaces; those are left out), and
-- only those in at least 0.1 % of the sampled rows: an absent trigram is a rare one. Returns how
-- many it kept.
CREATE FUNCTION refresh_search_trigrams(sample_rows integer DEFAULT 30000) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  kind text;
  total bigint;
  percent double precision;
  inserted integer;
  kept integer := 0;
BEGIN
  -- Two loads may finish together: one refresh at a time, or the second's DELETE would miss the
  -- first's new rows and its INSERT fail on them (key 7372012: the 7_372_0xx keys of lib/).
  PERFORM pg_advisory_xact_lock(7372012);
  DELETE FROM search_trigrams;
  FOREACH kind IN ARRAY ARRAY['credentials', 'identities'] LOOP
    EXECUTE format('SELECT count(*) FROM %I', kind) INTO total;
    CONTINUE WHEN total = 0;
    -- Whole pages sampled (SYSTEM): a few hundred page reads at a million rows.
    percent := least(100, 100.0 * sample_rows / total);
    EXECUTE format(
      $q$INSERT INTO search_trigrams (kind, trigram, share)
         SELECT %L, g.trigram, count(*)::real / max(s.rows)
         FROM (SELECT lower(name || ' ' || external_id) AS searched, count(*) OVER () AS rows
               FROM %I TABLESAMPLE SYSTEM (%s)) s,
              unnest(show_trgm(s.searched)) AS g(trigram)
         WHERE position(' ' IN g.trigram) = 0
         GROUP BY g.trigram
         HAVING count(*)::real / max(s.rows) >= 0.001$q$,
      kind, kind, percent);
    GET DIAGNOSTICS inserted = ROW_COUNT;
    kept := kept + inserted;
  END LOOP;
  RETURN kept;
END;
$$;

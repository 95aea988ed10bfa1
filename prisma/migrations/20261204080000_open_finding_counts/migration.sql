-- Open findings per (severity, OWASP category) for the dashboard (lib/inventory/inventory-summary.ts).
-- Counting two million findings per page view takes most of a second; these rows are kept exact by
-- statement-level triggers whose cost follows the rows a statement changed (transition tables), so an
-- evaluation that changes nothing costs nothing and a triage shows on the next page view.
CREATE TABLE "open_finding_counts" (
    "severity" TEXT NOT NULL,
    "owasp" TEXT NOT NULL,
    "n" BIGINT NOT NULL,
    CONSTRAINT "open_finding_counts_pkey" PRIMARY KEY ("severity", "owasp")
);

-- A trigger with transition tables may name only one event, and PL/pgSQL cannot mention a transition
-- table its trigger lacks: one function per event. Keys are applied in a fixed order so concurrent
-- statements lock the counter rows in the same order (no deadlock).
CREATE FUNCTION open_finding_counts_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO open_finding_counts AS c (severity, owasp, n)
  SELECT severity, owasp, count(*) FROM new_rows WHERE status = 'open'
  GROUP BY severity, owasp ORDER BY severity, owasp
  ON CONFLICT (severity, owasp) DO UPDATE SET n = c.n + EXCLUDED.n;
  RETURN NULL;
END $$;

CREATE FUNCTION open_finding_counts_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO open_finding_counts AS c (severity, owasp, n)
  SELECT severity, owasp, sum(d) FROM (
      SELECT severity, owasp, 1 AS d FROM new_rows WHERE status = 'open'
      UNION ALL
      SELECT severity, owasp, -1 FROM old_rows WHERE status = 'open'
    ) AS delta
  GROUP BY severity, owasp HAVING sum(d) <> 0 ORDER BY severity, owasp
  ON CONFLICT (severity, owasp) DO UPDATE SET n = c.n + EXCLUDED.n;
  RETURN NULL;
END $$;

CREATE FUNCTION open_finding_counts_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO open_finding_counts AS c (severity, owasp, n)
  SELECT severity, owasp, -count(*) FROM old_rows WHERE status = 'open'
  GROUP BY severity, owasp ORDER BY severity, owasp
  ON CONFLICT (severity, owasp) DO UPDATE SET n = c.n + EXCLUDED.n;
  RETURN NULL;
END $$;

CREATE FUNCTION open_finding_counts_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM open_finding_counts;
  RETURN NULL;
END $$;

CREATE TRIGGER findings_open_counts_insert AFTER INSERT ON findings
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION open_finding_counts_on_insert();
CREATE TRIGGER findings_open_counts_update AFTER UPDATE ON findings
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION open_finding_counts_on_update();
CREATE TRIGGER findings_open_counts_delete AFTER DELETE ON findings
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION open_finding_counts_on_delete();
CREATE TRIGGER findings_open_counts_truncate AFTER TRUNCATE ON findings
  FOR EACH STATEMENT EXECUTE FUNCTION open_finding_counts_on_truncate();

INSERT INTO open_finding_counts (severity, owasp, n)
SELECT severity, owasp, count(*) FROM findings WHERE status = 'open' GROUP BY severity, owasp;

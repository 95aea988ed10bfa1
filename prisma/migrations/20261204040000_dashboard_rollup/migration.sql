-- Dashboard figures, precomputed so the dashboard reads one row instead of aggregating a
-- million credentials per page view (lib/inventory/dashboard-rollup.ts). Refreshed after every
-- load (sync, import) and policy evaluation, and daily by the worker.
CREATE TABLE dashboard_rollups (
  scope       text PRIMARY KEY,
  summary     jsonb NOT NULL,
  computed_at timestamptz(3) NOT NULL DEFAULT now()
);

-- One row per day (UTC): the dashboard's trend chart. The last refresh of a day wins.
CREATE TABLE inventory_snapshots (
  day      date PRIMARY KEY,
  summary  jsonb NOT NULL,
  taken_at timestamptz(3) NOT NULL DEFAULT now()
);

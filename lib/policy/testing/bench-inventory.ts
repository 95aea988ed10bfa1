/*
 * The synthetic inventory of `npm run bench:policies` (scripts/bench-policies.ts): one
 * INSERT … SELECT generate_series per table, deterministic (ids are md5 of a prefix and the row
 * number, so rows can point at each other without joins), shaped so every rule has work to do.
 * Not shipped code.
 */

export type BenchSizes = { sources: number; people: number; identities: number; resources: number; credentials: number; edges: number };

/** PRODUCT.md "Scale": 1,000,000 credentials and 5,000,000 edges; the rest in proportion. */
export function benchSizes(scale = 1): BenchSizes {
  const n = (full: number) => Math.max(10, Math.round(full * scale));
  return { sources: 10, people: n(20_000), identities: n(200_000), resources: n(50_000), credentials: n(1_000_000), edges: n(5_000_000) };
}

/** Deterministic ids shaped like RFC 4122 v4 (version nibble 4, variant 8), as the API validates them. */
const id = (prefix: string, expression: string) =>
  `overlay(overlay(md5('${prefix}' || (${expression})) placing '4' from 13) placing '8' from 17)::uuid`;
const pick = (values: readonly string[], expression: string) => `(ARRAY[${values.map((v) => `'${v}'`).join(",")}])[1 + (${expression}) % ${values.length}]`;
const daysAgo = (expression: string) => `(now() - make_interval(days => (${expression})::int))`;
const ENVIRONMENTS = ["prod", "staging", "dev"];
const NODE = "scope, content_hash, last_seen_generation, first_seen_at";
const NODE_VALUES = "'bench', 'h', 1, now() - interval '500 days'";

/** Credential kinds in the proportions of a typical cloud-heavy estate (20 buckets). */
const CREDENTIAL_TYPES = [
  "access_key", "access_key", "access_key", "access_key", "access_key", "access_key", "access_key", "private_key",
  "api_key", "api_key", "client_secret", "client_secret", "certificate", "certificate",
  "ci_variable", "ci_variable", "ci_variable", "token", "pat", "deploy_key",
];

export function benchGenerators(s: BenchSizes): Array<[table: string, sql: string]> {
  return [
    ["sources", `INSERT INTO sources (id, provider, name)
      SELECT ${id("s", "n")}, ${pick(["aws", "gcp", "azure", "github", "gitlab", "kubernetes", "vault", "certificates", "code", "terraform"], "n")}, 'bench-' || n
      FROM generate_series(1::bigint, ${s.sources}) n`],
    ["people", `INSERT INTO people (id, source_id, external_type, external_id, email, status, ${NODE})
      SELECT ${id("p", "n")}, ${id("s", "1")}, 'person', 'p' || n, 'person' || n || '@example.com',
             CASE WHEN n % 20 = 0 THEN 'left' ELSE 'active' END, ${NODE_VALUES}
      FROM generate_series(1::bigint, ${s.people}) n`],
    ["identities", `INSERT INTO identities (id, source_id, external_type, external_id, name, type, status, environment, last_activity_at,
        is_human, interactive, end_date, owner_hint, attributes, ${NODE})
      SELECT ${id("i", "n")}, ${id("s", `1 + n % ${s.sources}`)}, 'bench.identity', 'i' || n, 'identity-' || n,
        ${pick(["service_account", "iam_user", "iam_role", "app_registration", "k8s_service_account", "vault_approle", "database_role", "ci_job_identity"], "n")},
        CASE WHEN n % 17 = 0 THEN 'inactive' ELSE 'active' END, ${pick(ENVIRONMENTS, "n")}, ${daysAgo("(n * 37) % 400")},
        n % 500 = 0, n % 700 = 0, CASE WHEN n % 50 = 0 THEN ${daysAgo("n % 30")} END,
        CASE WHEN n % 10 = 0 THEN NULL WHEN n % 10 = 1 THEN '{"team":"platform","provenance":"tag"}'::jsonb
             ELSE jsonb_build_object('email', 'person' || (1 + (n * 7) % ${Math.round(s.people * 1.05)}) || '@example.com', 'provenance', 'tag') END,
        jsonb_strip_nulls(jsonb_build_object('accountId', lpad((n % 5)::text, 12, '0'),
          'privileged', CASE WHEN n % 97 = 0 THEN true END, 'secretIdTtl', CASE WHEN n % 8 = 5 AND n % 3 = 0 THEN 0 END)),
        ${NODE_VALUES}
      FROM generate_series(1::bigint, ${s.identities}) n`],
    ["resources", `INSERT INTO resources (id, source_id, external_type, external_id, name, type, environment, ${NODE})
      SELECT ${id("r", "n")}, ${id("s", `1 + n % ${s.sources}`)}, 'bench.resource', 'r' || n, 'resource-' || n,
        ${pick(["cloud_account", "project", "repository", "cluster", "namespace", "database", "vault_mount", "secret_store"], "n")},
        ${pick(ENVIRONMENTS, "n / 7")}, ${NODE_VALUES}
      FROM generate_series(1::bigint, ${s.resources}) n`],
    ["credentials", `INSERT INTO credentials (id, source_id, external_type, external_id, name, type, status, identity_id, environment,
        created_at_source, last_rotated_at, last_used_at, expires_at, algorithm, key_size, fingerprint, locations, attributes, ${NODE})
      SELECT ${id("c", "n")}, ${id("s", `1 + n % ${s.sources}`)}, 'bench.credential', 'c' || n, 'credential-' || n, t.type,
        CASE WHEN n % 13 = 0 THEN 'inactive' WHEN n % 101 = 0 THEN 'revoked' ELSE 'active' END,
        CASE WHEN n % 10 = 0 THEN NULL ELSE ${id("i", `1 + n % ${s.identities}`)} END,
        CASE WHEN n % 2 = 0 THEN ${pick(ENVIRONMENTS, "n / 2")} END,
        ${daysAgo("(n * 7919) % 1000")}, CASE WHEN n % 4 = 0 THEN ${daysAgo("(n * 13) % 120")} END,
        CASE WHEN n % 6 = 0 THEN NULL ELSE ${daysAgo("(n * 31) % 200")} END,
        CASE WHEN t.type IN ('certificate', 'token', 'client_secret', 'pat') AND n % 9 <> 0 THEN now() + make_interval(days => (((n * 17) % 800) - 100)::int) END,
        CASE WHEN t.type IN ('certificate', 'private_key') THEN 'RSA' END,
        CASE WHEN t.type IN ('certificate', 'private_key') THEN CASE WHEN n % 47 = 0 THEN 1024 ELSE 2048 END END,
        CASE WHEN n % 3 = 0 THEN 'hmac-sha256:' || md5(k.secret) || md5(k.secret || '2') END,
        CASE WHEN n % 200 = 0 THEN jsonb_build_array(jsonb_build_object('source', 'code', 'path', 'app/settings.py', 'line', 12,
          'commit', md5('x' || n), 'historyOnly', n % 400 = 0)) ELSE '[]'::jsonb END,
        jsonb_strip_nulls(jsonb_build_object(
          'keyType', CASE WHEN t.type = 'private_key' AND n % 3 = 0 THEN 'SYSTEM_MANAGED' END,
          'masked', CASE WHEN t.type = 'ci_variable' THEN n % 11 <> 0 END,
          'valueKind', CASE WHEN t.type = 'ci_variable' AND n % 23 = 0 THEN 'aws_access_key' END,
          'readOnly', CASE WHEN t.type = 'deploy_key' THEN n % 7 <> 0 END,
          'signatureAlgorithm', CASE WHEN t.type = 'certificate' THEN CASE WHEN n % 103 = 0 THEN 'sha1WithRSAEncryption' ELSE 'sha256WithRSAEncryption' END END,
          'secretType', CASE WHEN t.type = 'ci_variable' AND n % 7 = 0 THEN 'Opaque' END)),
        ${NODE_VALUES}
      FROM generate_series(1::bigint, ${s.credentials}) n
      CROSS JOIN LATERAL (SELECT ${pick(CREDENTIAL_TYPES, "n")} AS type) t
      -- Moduli differ from the type cycle's (20) so every attribute meets the kinds it applies to.
      -- ~100 values shared by ~160 holders each, ~27,000 shared by pairs, the rest unique.
      CROSS JOIN LATERAL (SELECT CASE WHEN n % 60 = 0 THEN 'big' || (n % 6000) WHEN n % 9 = 0 THEN 'pair' || (n / 18) ELSE 'u' || n END AS secret) k`],
    ["edges", `INSERT INTO edges (source_id, external_type, type, from_external_type, from_external_id, to_external_type, to_external_id,
        from_id, to_id, level, attributes, ${NODE})
      SELECT ${id("s", `1 + n % ${s.sources}`)}, 'edge:' || e.type, e.type, 'bench.node', 'f' || n, 'bench.node', 't' || n,
        e.from_id, e.to_id, e.level, e.attributes, ${NODE_VALUES}
      FROM generate_series(1::bigint, ${s.edges}) n
      CROSS JOIN LATERAL (SELECT n % 100 AS bucket, ${id("i", `1 + n % ${s.identities}`)} AS identity) b
      CROSS JOIN LATERAL (SELECT
        CASE WHEN b.bucket < 90 THEN 'has_permission' WHEN b.bucket < 94 THEN 'has_credential' WHEN b.bucket < 96 THEN 'can_assume'
             WHEN b.bucket < 98 THEN 'owned_by' ELSE 'stored_in' END AS type,
        CASE WHEN b.bucket >= 98 OR (b.bucket >= 94 AND b.bucket < 96) THEN NULL ELSE b.identity END AS from_id_raw,
        CASE WHEN b.bucket < 90 THEN ${id("r", `1 + (n * 7) % ${s.resources}`)}
             WHEN b.bucket < 94 THEN ${id("c", `1 + n % ${s.credentials}`)}
             WHEN b.bucket < 96 THEN b.identity
             WHEN b.bucket < 98 THEN ${id("p", `1 + n % ${s.people}`)}
             ELSE ${id("r", `1 + n % ${s.resources}`)} END AS to_id,
        CASE WHEN b.bucket < 90 THEN CASE WHEN n % 1000 = 0 THEN 'admin' WHEN n % 5 = 0 THEN 'write' ELSE 'read' END END AS level,
        CASE WHEN b.bucket < 90 AND n % 2000 = 1 THEN '{"role":"cluster-admin"}'::jsonb
             WHEN b.bucket >= 94 AND b.bucket < 96 THEN CASE WHEN n % 3 = 0
               THEN jsonb_build_object('principalType', 'oidc', 'provider', 'token.actions.githubusercontent.com', 'conditions',
                      CASE WHEN n % 2 = 0 THEN '[{"key":"token.actions.githubusercontent.com:sub","values":["repo:acme/app:ref:refs/heads/main"]}]'::jsonb ELSE '[]'::jsonb END)
               ELSE jsonb_build_object('principalType', 'account', 'accountId', lpad((n % 7)::text, 12, '0')) END
             ELSE '{}'::jsonb END AS attributes) r
      CROSS JOIN LATERAL (SELECT r.type, coalesce(r.from_id_raw, CASE WHEN r.type = 'stored_in' THEN ${id("c", `1 + n % ${s.credentials}`)} END) AS from_id,
        r.to_id, r.level, r.attributes) e`],
  ];
}

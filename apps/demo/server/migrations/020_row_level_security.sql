-- Row-level security: tenancy's second wall (reliability.md S3; docs/decisions/0040). Every query is
-- scoped by the session's school or trust in code; these policies hold even when a query forgets.
-- While a request runs, the server runs each statement as the role at_app (not an owner, not a
-- superuser, no BYPASSRLS) with its tenant in three settings, set for the transaction only:
--   app.scope   none | system | trust | school
--   app.trust   the trust's id (trust and school scopes)
--   app.school  the school's URN (school scope)
-- 'system' is for the few things that must see every tenant: signing in (a lookup by a secret's
-- hash), retention, health and the integrity check.

-- The application role, once per cluster; the connecting user may SET ROLE to it. On a managed
-- PostgreSQL without CREATEROLE, create it once by hand: CREATE ROLE at_app NOLOGIN; GRANT at_app TO <owner>.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'at_app') THEN
    BEGIN
      CREATE ROLE at_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    EXCEPTION
      WHEN duplicate_object THEN NULL;
      WHEN insufficient_privilege THEN
        RAISE EXCEPTION 'creating the role at_app needs CREATEROLE once: CREATE ROLE at_app NOLOGIN; GRANT at_app TO %', current_user
          USING ERRCODE = 'insufficient_privilege';
    END;
  END IF;
  IF NOT pg_has_role(current_user, 'at_app', 'MEMBER') THEN
    EXECUTE format('GRANT at_app TO %I', current_user);
  END IF;
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO at_app', current_schema());
  -- Every table, now and later, for the application's reads and writes; the policies below (and
  -- at_protect for new tables) decide which rows.
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO at_app', current_schema());
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO at_app', current_schema());
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO at_app', current_schema());
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO at_app', current_schema());
END
$$;

-- The application never changes the migrations, or the append-only log after the fact.
REVOKE ALL ON schema_migrations FROM at_app;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM at_app;

-- Rows of a trust: visible to that trust and its schools (and to 'system').
CREATE FUNCTION at_trust_visible(trust text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT CASE coalesce(current_setting('app.scope', true), '')
    WHEN 'system' THEN true
    WHEN 'trust' THEN $1 = current_setting('app.trust', true)
    WHEN 'school' THEN $1 = current_setting('app.trust', true)
    ELSE false END
$$;

-- Rows of a school: visible to that school, and to its trust. A row with no school (NULL): to
-- 'system' only.
CREATE FUNCTION at_school_visible(urn text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT CASE coalesce(current_setting('app.scope', true), '')
    WHEN 'system' THEN true
    WHEN 'school' THEN $1 = current_setting('app.school', true)
    WHEN 'trust' THEN EXISTS (
      SELECT 1 FROM schools s WHERE s.urn = $1 AND s.trust_id = current_setting('app.trust', true))
    ELSE false END
$$;

-- Rows of a trust that may belong to one of its schools (schools, users, the audit log): the trust
-- sees all of them; a school its own, and its trust's rows that belong to no school.
CREATE FUNCTION at_row_visible(trust text, urn text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT CASE coalesce(current_setting('app.scope', true), '')
    WHEN 'system' THEN true
    WHEN 'trust' THEN $1 = current_setting('app.trust', true)
    WHEN 'school' THEN $1 = current_setting('app.trust', true)
      AND ($2 IS NULL OR $2 = current_setting('app.school', true))
    ELSE false END
$$;

-- One line per tenant table: SELECT at_protect('my_table'); finds its school_urn and trust_id
-- columns (or name them: SELECT at_protect('my_table', 'school_column', 'trust_column');), turns
-- row-level security on and forces it (the owner too), and sets the one policy, for reads and
-- writes alike. Running it again replaces the policy.
CREATE FUNCTION at_protect(tbl regclass, school_column text DEFAULT NULL, trust_column text DEFAULT NULL)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  s text := school_column;
  t text := trust_column;
  rule text;
BEGIN
  IF s IS NULL AND t IS NULL THEN
    SELECT max(attname::text) FILTER (WHERE attname = 'school_urn'),
           max(attname::text) FILTER (WHERE attname = 'trust_id')
      INTO s, t
      FROM pg_attribute WHERE attrelid = tbl AND attnum > 0 AND NOT attisdropped;
  END IF;
  IF s IS NOT NULL AND t IS NOT NULL THEN
    rule := format('at_row_visible(%I, %I)', t, s);
  ELSIF s IS NOT NULL THEN
    rule := format('at_school_visible(%I)', s);
  ELSIF t IS NOT NULL THEN
    rule := format('at_trust_visible(%I)', t);
  ELSE
    RAISE EXCEPTION 'at_protect(%): no school_urn or trust_id column; name the tenant columns', tbl;
  END IF;
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
  EXECUTE format('DROP POLICY IF EXISTS at_tenant ON %s', tbl);
  EXECUTE format('CREATE POLICY at_tenant ON %s USING (%s) WITH CHECK (%s)', tbl, rule, rule);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO at_app', tbl);
END
$$;

SELECT at_protect('trusts', NULL, 'id');
SELECT at_protect('schools', 'urn', 'trust_id');

-- Every other table with a school_urn or trust_id column, including any a migration before this one
-- added: sessions, rounds, class_codes, responses, audits, action_plans, summary_snapshots, users,
-- audit_log.
DO $$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT c.oid::regclass AS tbl FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relrowsecurity
       AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND NOT a.attisdropped
                     AND a.attname IN ('school_urn', 'trust_id'))
  LOOP
    PERFORM at_protect(r.tbl);
  END LOOP;
END
$$;

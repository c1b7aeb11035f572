-- Incident recording and the termly return to the LA (issue 20; docs/decisions/0050). Plain SQL for
-- PGlite and PostgreSQL 15+. People are recorded by role and a school-side reference, never by
-- name: no column here holds a name.

-- Per-user permissions beside the role: `incidents` lets a school's safeguarding and anti-bullying
-- staff read and record its incidents. A school lead without it cannot.
CREATE TABLE staff_permissions (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  school_urn text NOT NULL REFERENCES schools (urn),
  permission text NOT NULL CHECK (permission IN ('incidents')),
  granted_on date NOT NULL,
  granted_by uuid,
  PRIMARY KEY (user_id, permission)
);

-- A school's settings for its incident records: how long they are kept after the incident.
CREATE TABLE incident_settings (
  school_urn text PRIMARY KEY REFERENCES schools (urn),
  retention_years integer NOT NULL DEFAULT 6 CHECK (retention_years BETWEEN 1 AND 25)
);

-- Allegations, and what each was found to be. The allegation and the details are the model's
-- schemas (validated by the server), stored as JSON; `details` only when substantiated.
CREATE TABLE incidents (
  id uuid PRIMARY KEY,
  school_urn text NOT NULL REFERENCES schools (urn),
  status text NOT NULL CHECK (status IN ('allegation', 'substantiated', 'not-substantiated')),
  occurred_on date NOT NULL,
  allegation jsonb NOT NULL,
  details jsonb,
  decided_on date,
  recorded_on date NOT NULL,
  updated_on date NOT NULL,
  recorded_by uuid,
  CHECK ((status = 'substantiated') = (details IS NOT NULL)),
  CHECK ((status = 'allegation') = (decided_on IS NULL))
);
CREATE INDEX incidents_school_day ON incidents (school_urn, occurred_on);

-- The termly return: the published figures (suppressed and rounded, what the LA receives), locked
-- once submitted.
CREATE TABLE incident_returns (
  school_urn text NOT NULL REFERENCES schools (urn),
  term text NOT NULL CHECK (term ~ '^[0-9]{4}-[0-9]{2}-(autumn|spring|summer)$'),
  figures jsonb NOT NULL,
  submitted_on date NOT NULL,
  submitted_by uuid,
  PRIMARY KEY (school_urn, term)
);

-- The exact counts behind a submitted return, kept so the area's totals can be protected together
-- with every school's return. Read by the school, and by the server's area computation only.
CREATE TABLE incident_return_counts (
  school_urn text NOT NULL REFERENCES schools (urn),
  term text NOT NULL,
  counts jsonb NOT NULL,
  PRIMARY KEY (school_urn, term),
  FOREIGN KEY (school_urn, term) REFERENCES incident_returns (school_urn, term)
);

-- A submitted return never changes.
CREATE FUNCTION incident_returns_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the return of % for % is submitted and locked', OLD.school_urn, OLD.term
    USING ERRCODE = 'check_violation';
END
$$;
CREATE TRIGGER incident_returns_locked BEFORE UPDATE OR DELETE ON incident_returns
  FOR EACH ROW EXECUTE FUNCTION incident_returns_locked();
CREATE TRIGGER incident_return_counts_locked BEFORE UPDATE OR DELETE ON incident_return_counts
  FOR EACH ROW EXECUTE FUNCTION incident_returns_locked();

-- Returns are the school's, its trust's and its LA's to read (at_protect). Incidents, their exact
-- counts, settings and permissions are the school's alone: no trust or LA scope ever sees a row.
SELECT at_protect('incident_returns');
CREATE FUNCTION at_school_only(urn text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT CASE coalesce(current_setting('app.scope', true), '')
    WHEN 'system' THEN true
    WHEN 'school' THEN $1 = current_setting('app.school', true)
    ELSE false END
$$;
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['incidents', 'incident_return_counts', 'incident_settings', 'staff_permissions']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY at_tenant ON %I USING (at_school_only(school_urn)) WITH CHECK (at_school_only(school_urn))', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO at_app', t);
  END LOOP;
END
$$;
-- Retention deletes incidents (as the system); nothing else does.
REVOKE UPDATE, DELETE ON incident_returns, incident_return_counts FROM at_app;

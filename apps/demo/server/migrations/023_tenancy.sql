-- Tenancy for local authorities and trusts, and the programme year (docs/decisions/0032). Numbered
-- after row-level security (020-022) so that a portal already migrated applies it in order. Additive:
-- every row of an existing trust portal migrates (its schools' LA codes become local authorities,
-- its rounds fall in the programme year of their opening day, its schools are enrolled in each
-- year they have a round). Plain SQL for PGlite and PostgreSQL 15+.

-- Local authorities: a school sits in exactly one, by its three-digit LA code.
CREATE TABLE local_authorities (
  code text PRIMARY KEY CHECK (code ~ '^[0-9]{3}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200)
);
INSERT INTO local_authorities (code, name)
  SELECT DISTINCT local_authority, 'Local authority ' || local_authority FROM schools
  ON CONFLICT DO NOTHING;
ALTER TABLE schools ADD CONSTRAINT schools_local_authority_fk
  FOREIGN KEY (local_authority) REFERENCES local_authorities (code);
-- A school enrolled with an LA code the portal has not met yet brings its authority with it (named
-- by its code until someone names it), so enrolling never fails on a missing authority.
CREATE FUNCTION schools_local_authority() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO local_authorities (code, name) VALUES (NEW.local_authority, 'Local authority ' || NEW.local_authority)
    ON CONFLICT DO NOTHING;
  RETURN NEW;
END
$$;
CREATE TRIGGER schools_local_authority BEFORE INSERT OR UPDATE OF local_authority ON schools
  FOR EACH ROW EXECUTE FUNCTION schools_local_authority();
CREATE INDEX schools_local_authority ON schools (local_authority);

-- A maintained school belongs to no trust; an academy to one trust, possibly in another LA's area.
ALTER TABLE schools ALTER COLUMN trust_id DROP NOT NULL;

-- The school's own data, as its LA or trust enrols it (census figures, not pupils' answers): what
-- the response rate is measured against and what "where to target support" weights by.
ALTER TABLE schools ADD COLUMN number_on_roll integer CHECK (number_on_roll BETWEEN 1 AND 5000);
ALTER TABLE schools ADD COLUMN send_percent numeric(4, 1) CHECK (send_percent BETWEEN 0 AND 100);
ALTER TABLE schools ADD COLUMN fsm_percent numeric(4, 1) CHECK (fsm_percent BETWEEN 0 AND 100);

-- Staff roles, as rows: a new role (a moderator, say) is one INSERT here and a case in the scope
-- function (server/domain/scope.ts), not a new CHECK constraint. `scope` is the kind of
-- organisation a holder of the role belongs to.
CREATE TABLE staff_roles (
  id text PRIMARY KEY,
  scope text NOT NULL CHECK (scope IN ('local-authority', 'trust', 'school')),
  description text NOT NULL
);
INSERT INTO staff_roles (id, scope, description) VALUES
  ('la-admin', 'local-authority', 'Runs the programme for the LA and manages its staff accounts'),
  ('la-adviser', 'local-authority', 'Runs the programme for the schools in the LA''s area'),
  ('trust-admin', 'trust', 'Runs the programme for the trust''s schools and manages their accounts'),
  ('school-lead', 'school', 'Leads the programme in one school');

ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_fk FOREIGN KEY (role) REFERENCES staff_roles (id);
ALTER TABLE users ALTER COLUMN trust_id DROP NOT NULL;
ALTER TABLE users ADD COLUMN la_code text REFERENCES local_authorities (code);
-- A deactivated account cannot sign in and its sessions end; its actions stay in the log.
ALTER TABLE users ADD COLUMN deactivated_on date;
ALTER TABLE users ADD COLUMN invited_by uuid;
-- Each account names the organisation its role works for (a school lead's school is checked by
-- users_check from 001).
ALTER TABLE users ADD CONSTRAINT users_la_scope
  CHECK (role NOT IN ('la-admin', 'la-adviser') OR (la_code IS NOT NULL AND school_urn IS NULL));
ALTER TABLE users ADD CONSTRAINT users_trust_scope
  CHECK (role <> 'trust-admin' OR (trust_id IS NOT NULL AND school_urn IS NULL));

-- Programme years: an academic year (1 September to 31 August), named like 2026-27. Each round is
-- in one; comparisons and area figures use rounds of one programme year only.
CREATE TABLE programme_years (
  id text PRIMARY KEY CHECK (id ~ '^[0-9]{4}-[0-9]{2}$'),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  CHECK (ends_on > starts_on)
);

CREATE FUNCTION programme_year_of(d date) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT to_char(y, 'FM0000') || '-' || to_char((y + 1) % 100, 'FM00')
    FROM (SELECT CASE WHEN extract(month FROM d) >= 9 THEN extract(year FROM d)::int
                      ELSE extract(year FROM d)::int - 1 END AS y) AS t
$$;

CREATE FUNCTION ensure_programme_year(id text) RETURNS void LANGUAGE sql AS $$
  INSERT INTO programme_years (id, starts_on, ends_on)
  VALUES (id, make_date(substr(id, 1, 4)::int, 9, 1), make_date(substr(id, 1, 4)::int + 1, 8, 31))
  ON CONFLICT DO NOTHING
$$;

ALTER TABLE rounds ADD COLUMN programme_year text REFERENCES programme_years (id);
SELECT ensure_programme_year(y) FROM (SELECT DISTINCT programme_year_of(opens_on) AS y FROM rounds) AS t;
UPDATE rounds SET programme_year = programme_year_of(opens_on);
ALTER TABLE rounds ALTER COLUMN programme_year SET NOT NULL;
CREATE INDEX rounds_programme_year ON rounds (programme_year, school_urn);

-- A round inserted without a programme year gets the one its opening day falls in; a round given
-- one must open within it.
CREATE FUNCTION rounds_programme_year() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  y programme_years%ROWTYPE;
BEGIN
  IF NEW.programme_year IS NULL THEN
    NEW.programme_year := programme_year_of(NEW.opens_on);
    PERFORM ensure_programme_year(NEW.programme_year);
  END IF;
  SELECT * INTO y FROM programme_years WHERE id = NEW.programme_year;
  IF FOUND AND (NEW.opens_on < y.starts_on OR NEW.opens_on > y.ends_on) THEN
    RAISE EXCEPTION 'round %/% opens on %, outside programme year %', NEW.school_urn, NEW.id,
      NEW.opens_on, NEW.programme_year USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER rounds_programme_year BEFORE INSERT ON rounds
  FOR EACH ROW EXECUTE FUNCTION rounds_programme_year();

-- A school taking part in a programme year, enrolled by its LA or trust (or, before this
-- migration, by having a round in it).
CREATE TABLE enrolments (
  programme_year text NOT NULL REFERENCES programme_years (id),
  school_urn text NOT NULL REFERENCES schools (urn),
  enrolled_on date NOT NULL,
  -- The member of staff who enrolled it (no foreign key: an erased account leaves a tombstone).
  enrolled_by uuid,
  PRIMARY KEY (programme_year, school_urn)
);
INSERT INTO enrolments (programme_year, school_urn, enrolled_on)
  SELECT programme_year, school_urn, min(opens_on) FROM rounds GROUP BY programme_year, school_urn;

-- The audit log records LA actions too: an entry belongs to a trust, an LA, or both (a school in
-- a trust and an LA). Existing entries keep their trust.
ALTER TABLE audit_log ALTER COLUMN trust_id DROP NOT NULL;
ALTER TABLE audit_log ADD COLUMN la_code text;
CREATE INDEX audit_log_la ON audit_log (la_code, id DESC);

-- Row-level security for the local authority scope (app.scope = 'la', app.la = its code; migration
-- 020 has the others). An LA sees the schools in its area, whichever trust they are in; their rows;
-- the trusts they belong to (by name); its own staff and its schools' leads; and log entries about
-- its schools or its own. A maintained school (no trust) sees its own rows by its URN alone.
CREATE OR REPLACE FUNCTION at_trust_visible(trust text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT CASE coalesce(current_setting('app.scope', true), '')
    WHEN 'system' THEN true
    WHEN 'trust' THEN $1 = current_setting('app.trust', true)
    WHEN 'school' THEN $1 = current_setting('app.trust', true)
    WHEN 'la' THEN EXISTS (SELECT 1 FROM schools s WHERE s.trust_id = $1)
    ELSE false END
$$;

CREATE OR REPLACE FUNCTION at_school_visible(urn text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT CASE coalesce(current_setting('app.scope', true), '')
    WHEN 'system' THEN true
    WHEN 'school' THEN $1 = current_setting('app.school', true)
    WHEN 'trust' THEN EXISTS (
      SELECT 1 FROM schools s WHERE s.urn = $1 AND s.trust_id = current_setting('app.trust', true))
    WHEN 'la' THEN EXISTS (
      SELECT 1 FROM schools s WHERE s.urn = $1 AND s.local_authority = current_setting('app.la', true))
    ELSE false END
$$;

CREATE OR REPLACE FUNCTION at_row_visible(trust text, urn text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT CASE coalesce(current_setting('app.scope', true), '')
    WHEN 'system' THEN true
    WHEN 'trust' THEN $1 = current_setting('app.trust', true)
    WHEN 'school' THEN CASE WHEN $2 IS NOT NULL THEN $2 = current_setting('app.school', true)
                            ELSE $1 = current_setting('app.trust', true) END
    WHEN 'la' THEN $2 IS NOT NULL AND at_school_visible($2)
    ELSE false END
$$;

-- The schools table decides by its own columns, with no subquery (a policy on schools that read
-- schools would recurse).
CREATE FUNCTION at_schools_row_visible(trust text, urn text, la text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT CASE coalesce(current_setting('app.scope', true), '')
    WHEN 'system' THEN true
    WHEN 'trust' THEN $1 = current_setting('app.trust', true)
    WHEN 'school' THEN $2 = current_setting('app.school', true)
    WHEN 'la' THEN $3 = current_setting('app.la', true)
    ELSE false END
$$;
DROP POLICY at_tenant ON schools;
CREATE POLICY at_tenant ON schools
  USING (at_schools_row_visible(trust_id, urn, local_authority))
  WITH CHECK (at_schools_row_visible(trust_id, urn, local_authority));

-- Staff accounts and log entries of the LA itself.
DROP POLICY at_tenant ON users;
CREATE POLICY at_tenant ON users
  USING (at_row_visible(trust_id, school_urn) OR (current_setting('app.scope', true) = 'la'
         AND la_code = current_setting('app.la', true)))
  WITH CHECK (at_row_visible(trust_id, school_urn) OR (current_setting('app.scope', true) = 'la'
         AND la_code = current_setting('app.la', true)));
DROP POLICY at_tenant ON audit_log;
CREATE POLICY at_tenant ON audit_log
  USING (at_row_visible(trust_id, school_urn) OR (current_setting('app.scope', true) = 'la'
         AND la_code = current_setting('app.la', true)))
  WITH CHECK (at_row_visible(trust_id, school_urn) OR (current_setting('app.scope', true) = 'la'
         AND la_code = current_setting('app.la', true)));

SELECT at_protect('enrolments');

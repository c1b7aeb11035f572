-- CPD confidence (issue "Every instrument live", item 2; docs/decisions/0048). A course belongs to
-- exactly one organisation (an LA, a trust, or a school training its own staff) and is seen and
-- changed only by it. Its sessions may be "train the trainer" cascades of another session of the
-- same course. A delegate answers through the session's code (only its hash is stored) with no
-- account and no school; their before, after and follow-up answers share a hash of a random code
-- they keep. No column holds a name, an e-mail address or anything else about who a delegate is.
-- Plain SQL for PGlite and PostgreSQL 15+.

-- Who may see a CPD row: the organisation that owns it, by the one column of the three it has.
CREATE FUNCTION at_cpd_visible(la text, trust text, urn text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT CASE coalesce(current_setting('app.scope', true), '')
    WHEN 'system' THEN true
    WHEN 'la' THEN $1 IS NOT NULL AND $1 = current_setting('app.la', true)
    WHEN 'trust' THEN $2 IS NOT NULL AND $2 = current_setting('app.trust', true)
    WHEN 'school' THEN $3 IS NOT NULL AND $3 = current_setting('app.school', true)
    ELSE false END
$$;

CREATE TABLE cpd_courses (
  id uuid PRIMARY KEY,
  la_code text REFERENCES local_authorities (code),
  trust_id text REFERENCES trusts (id),
  school_urn text REFERENCES schools (urn),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  created_on date NOT NULL,
  created_by uuid,
  CHECK (num_nonnulls(la_code, trust_id, school_urn) = 1)
);

CREATE TABLE cpd_sessions (
  id uuid PRIMARY KEY,
  course_id uuid NOT NULL REFERENCES cpd_courses (id) ON DELETE CASCADE,
  -- The course's owner, repeated so row-level security decides without a join.
  la_code text,
  trust_id text,
  school_urn text,
  held_on date NOT NULL,
  trainer_role text NOT NULL,
  audience text NOT NULL,
  -- The session whose trainees ran this one (a "train the trainer" cascade), in the same course.
  cascade_of uuid REFERENCES cpd_sessions (id),
  code_hash text NOT NULL UNIQUE,
  created_on date NOT NULL,
  created_by uuid,
  CHECK (num_nonnulls(la_code, trust_id, school_urn) = 1),
  CHECK (cascade_of IS DISTINCT FROM id)
);
CREATE INDEX cpd_sessions_course ON cpd_sessions (course_id, held_on);

CREATE TABLE cpd_answers (
  id uuid PRIMARY KEY,
  session_id uuid NOT NULL REFERENCES cpd_sessions (id) ON DELETE CASCADE,
  la_code text,
  trust_id text,
  school_urn text,
  -- SHA-256 of the random code the delegate keeps: the same for their three answers, nothing else.
  delegate_hash text NOT NULL,
  timepoint text NOT NULL CHECK (timepoint IN ('before', 'after', 'follow-up')),
  -- Optional, coded: where the delegate works (a school, or the wider children's workforce).
  setting text,
  definition_id text NOT NULL,
  definition_version text NOT NULL,
  answers jsonb NOT NULL,
  submitted_on date NOT NULL,
  UNIQUE (session_id, delegate_hash, timepoint),
  CHECK (num_nonnulls(la_code, trust_id, school_urn) = 1)
);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['cpd_courses', 'cpd_sessions', 'cpd_answers'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY at_tenant ON %I USING (at_cpd_visible(la_code, trust_id, school_urn)) WITH CHECK (at_cpd_visible(la_code, trust_id, school_urn))',
      t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO at_app', t);
  END LOOP;
END
$$;

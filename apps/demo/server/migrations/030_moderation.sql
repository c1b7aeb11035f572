-- Award moderation (issue 19; docs/decisions/0045): the evidence portfolio, submission for
-- moderation, the moderator role, decisions with written reasons, visit notes, a second
-- moderator's sign-off, and the awards they make (with their expiry). Plain SQL for PGlite and
-- PostgreSQL 15+. Every new table carries its school (school_urn), so row-level security covers it
-- with one line (at_protect) like every other tenant table.

-- The moderator: an account of an LA or a trust (exactly one), never of a school. `area` is the
-- kind of organisation named by the account itself (its la_code or its trust_id).
ALTER TABLE staff_roles DROP CONSTRAINT staff_roles_scope_check;
ALTER TABLE staff_roles ADD CONSTRAINT staff_roles_scope_check
  CHECK (scope IN ('local-authority', 'trust', 'school', 'area'));
INSERT INTO staff_roles (id, scope, description) VALUES
  ('moderator', 'area', 'Moderates the award for the schools of the LA or trust the account belongs to');
ALTER TABLE users ADD CONSTRAINT users_moderator_scope
  CHECK (role <> 'moderator' OR (school_urn IS NULL AND (la_code IS NULL) <> (trust_id IS NULL)));

-- Schools a moderator may not moderate: the ones they lead or work at (declared by their
-- organisation). No foreign key to users: an erased account leaves its rows harmless.
CREATE TABLE moderator_interests (
  user_id uuid NOT NULL,
  school_urn text NOT NULL REFERENCES schools (urn),
  PRIMARY KEY (user_id, school_urn)
);

-- The evidence portfolio: items per audit area or per action of the plan, in one programme year.
-- A file is kept in the database (bytea, at most 5 MiB, checked by content before it is stored)
-- with its SHA-256; see the demo README for why the database and not a disk.
CREATE TABLE evidence_items (
  id uuid PRIMARY KEY,
  school_urn text NOT NULL REFERENCES schools (urn),
  programme_year text NOT NULL REFERENCES programme_years (id),
  area text CHECK (area ~ '^[0-9]{1,2}$'),
  action_id text CHECK (length(action_id) BETWEEN 1 AND 80),
  kind text NOT NULL CHECK (kind IN ('document', 'observation', 'survey', 'minutes', 'other')),
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
  evidenced_on date NOT NULL,
  url text CHECK (length(url) <= 2000),
  file_name text CHECK (length(file_name) BETWEEN 1 AND 120),
  file_type text CHECK (file_type IN ('application/pdf', 'image/png', 'image/jpeg',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation')),
  file_size integer CHECK (file_size BETWEEN 1 AND 5242880),
  file_sha256 text CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  file bytea,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((area IS NULL) <> (action_id IS NULL)),
  CHECK ((file IS NULL) = (file_sha256 IS NULL) AND (file IS NULL) = (file_name IS NULL)
    AND (file IS NULL) = (file_type IS NULL) AND (file IS NULL) = (file_size IS NULL))
);
CREATE INDEX evidence_items_school ON evidence_items (school_urn, programme_year);

-- A school's submission for moderation, one per programme year. Submitting locks the year's
-- baseline and end rounds (and with them their audits and the plan: docs/decisions/0010).
CREATE TABLE moderations (
  id uuid PRIMARY KEY,
  school_urn text NOT NULL REFERENCES schools (urn),
  programme_year text NOT NULL REFERENCES programme_years (id),
  baseline_round text NOT NULL,
  end_round text NOT NULL,
  -- What the figures recommended when the school submitted (the moderator sees it again, live).
  recommended_level text NOT NULL CHECK (recommended_level IN ('participation', 'bronze', 'silver', 'gold')),
  level_if_judged text NOT NULL CHECK (level_if_judged IN ('participation', 'bronze', 'silver', 'gold')),
  state text NOT NULL CHECK (state IN ('submitted', 'more-evidence', 'awaiting-sign-off', 'decided')),
  submitted_by uuid,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (school_urn, programme_year)
);

-- Every decision, with its written reasons. Never deleted and never rewritten: only the second
-- moderator's sign-off is added to it later.
CREATE TABLE moderation_decisions (
  id uuid PRIMARY KEY,
  moderation_id uuid NOT NULL REFERENCES moderations (id),
  school_urn text NOT NULL REFERENCES schools (urn),
  outcome text NOT NULL CHECK (outcome IN ('confirm', 'change-level', 'participation', 'more-evidence')),
  level text CHECK (level IN ('participation', 'bronze', 'silver', 'gold')),
  reasons text NOT NULL CHECK (length(reasons) BETWEEN 20 AND 5000),
  decided_by uuid NOT NULL,
  decided_at timestamptz NOT NULL DEFAULT now(),
  sign_off_required boolean NOT NULL DEFAULT false,
  signed_off_by uuid,
  signed_off_at timestamptz,
  sign_off_reasons text CHECK (length(sign_off_reasons) BETWEEN 20 AND 5000),
  CHECK ((outcome = 'more-evidence') = (level IS NULL)),
  CHECK (signed_off_by IS NULL OR signed_off_by <> decided_by)
);
CREATE INDEX moderation_decisions_moderation ON moderation_decisions (moderation_id, decided_at);
CREATE FUNCTION moderation_decisions_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'moderation decisions are never deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.outcome IS DISTINCT FROM OLD.outcome OR NEW.level IS DISTINCT FROM OLD.level
     OR NEW.reasons IS DISTINCT FROM OLD.reasons OR NEW.decided_by IS DISTINCT FROM OLD.decided_by
     OR NEW.decided_at IS DISTINCT FROM OLD.decided_at OR NEW.school_urn IS DISTINCT FROM OLD.school_urn
     OR OLD.signed_off_by IS NOT NULL THEN
    RAISE EXCEPTION 'a moderation decision is never rewritten (only signed off once)'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER moderation_decisions_fixed BEFORE UPDATE OR DELETE ON moderation_decisions
  FOR EACH ROW EXECUTE FUNCTION moderation_decisions_fixed();

-- A moderator's notes of a visit (or a call) to the school.
CREATE TABLE moderation_notes (
  id uuid PRIMARY KEY,
  moderation_id uuid NOT NULL REFERENCES moderations (id),
  school_urn text NOT NULL REFERENCES schools (urn),
  visited_on date NOT NULL,
  note text NOT NULL CHECK (length(note) BETWEEN 1 AND 5000),
  written_by uuid NOT NULL,
  written_at timestamptz NOT NULL DEFAULT now()
);

-- The award a final decision makes: the level, the day, the awarding body, and (for Bronze, Silver
-- and Gold) the day it expires (default two years on). A certificate of participation does not
-- expire. `reminded_on`: the renewal reminder went to the outbox.
CREATE TABLE awards (
  id uuid PRIMARY KEY,
  school_urn text NOT NULL REFERENCES schools (urn),
  decision_id uuid NOT NULL UNIQUE REFERENCES moderation_decisions (id),
  programme_year text NOT NULL REFERENCES programme_years (id),
  level text NOT NULL CHECK (level IN ('participation', 'bronze', 'silver', 'gold')),
  awarded_on date NOT NULL,
  expires_on date,
  awarding_body text NOT NULL CHECK (length(awarding_body) BETWEEN 1 AND 200),
  reminded_on date,
  CHECK ((level = 'participation') = (expires_on IS NULL)),
  CHECK (expires_on IS NULL OR expires_on > awarded_on)
);
CREATE INDEX awards_school ON awards (school_urn, awarded_on DESC);

SELECT at_protect('moderator_interests');
SELECT at_protect('evidence_items');
SELECT at_protect('moderations');
SELECT at_protect('moderation_decisions');
SELECT at_protect('moderation_notes');
SELECT at_protect('awards');

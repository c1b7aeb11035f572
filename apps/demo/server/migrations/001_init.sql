-- The demo portal's schema. Plain SQL that runs on PGlite (PostgreSQL 18 in WASM) and PostgreSQL 15+.
-- No IP address, user agent, referrer or pupil name is stored anywhere (reliability.md P3, S11).

CREATE TABLE trusts (
  id text PRIMARY KEY,
  name text NOT NULL
);

CREATE TABLE schools (
  urn text PRIMARY KEY,
  trust_id text NOT NULL REFERENCES trusts (id),
  name text NOT NULL,
  phase text NOT NULL,
  local_authority text NOT NULL
);
CREATE INDEX schools_trust ON schools (trust_id);

-- Staff accounts. Pupils have none.
CREATE TABLE users (
  id uuid PRIMARY KEY,
  email text NOT NULL UNIQUE,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('trust-admin', 'school-lead')),
  trust_id text NOT NULL REFERENCES trusts (id),
  school_urn text REFERENCES schools (urn),
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((role = 'school-lead') = (school_urn IS NOT NULL))
);

-- Sessions live in the database so that any server replica can serve any request. The cookie holds
-- a random 256-bit id; only its SHA-256 is stored.
CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('staff', 'pupil')),
  user_id uuid REFERENCES users (id) ON DELETE CASCADE,
  school_urn text REFERENCES schools (urn),
  round_id text,
  code_hash text,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expires_at);

-- One school's round of the programme at one wave, with the pupil questionnaire it uses.
CREATE TABLE rounds (
  school_urn text NOT NULL REFERENCES schools (urn),
  id text NOT NULL,
  wave text NOT NULL CHECK (wave IN ('baseline', 'end')),
  opens_on date NOT NULL,
  closes_on date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (school_urn, id)
);

-- A session code per class and round. Only the code's SHA-256 is kept; the lead sees the code once.
CREATE TABLE class_codes (
  code_hash text PRIMARY KEY,
  school_urn text NOT NULL,
  round_id text NOT NULL,
  class_label text NOT NULL,
  definition_id text NOT NULL,
  definition_version text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (school_urn, round_id) REFERENCES rounds (school_urn, id)
);
CREATE INDEX class_codes_round ON class_codes (school_urn, round_id);

-- Pupil responses. The primary key is the id made on the pupil's device, so a retry or a double
-- click stores one row (reliability.md S13). Times are coarsened to the day (P3).
CREATE TABLE responses (
  id uuid PRIMARY KEY,
  school_urn text NOT NULL,
  round_id text NOT NULL,
  wave text NOT NULL,
  definition_id text NOT NULL,
  definition_version text NOT NULL,
  body_hash text NOT NULL,
  body jsonb NOT NULL,
  submitted_on date NOT NULL,
  FOREIGN KEY (school_urn, round_id) REFERENCES rounds (school_urn, id)
);
CREATE INDEX responses_round ON responses (school_urn, round_id);

-- The school's audit and action plan: one JSON document per school and round.
CREATE TABLE audits (
  school_urn text NOT NULL,
  round_id text NOT NULL,
  body jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (school_urn, round_id),
  FOREIGN KEY (school_urn, round_id) REFERENCES rounds (school_urn, id)
);

CREATE TABLE action_plans (
  school_urn text NOT NULL,
  round_id text NOT NULL,
  body jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (school_urn, round_id),
  FOREIGN KEY (school_urn, round_id) REFERENCES rounds (school_urn, id)
);

-- Results snapshots (reliability.md D5): an open round's results change only when at least k new
-- responses arrived since the last snapshot, or when the round has closed.
CREATE TABLE summary_snapshots (
  school_urn text NOT NULL,
  round_id text NOT NULL,
  responses integer NOT NULL,
  final boolean NOT NULL DEFAULT false,
  summary jsonb NOT NULL,
  computed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (school_urn, round_id),
  FOREIGN KEY (school_urn, round_id) REFERENCES rounds (school_urn, id)
);

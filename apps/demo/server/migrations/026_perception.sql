-- The 360° perception surveys (issue "Every instrument live", item 1; docs/decisions/0046). A
-- perception survey belongs to one of the school's rounds (baseline or end): staff, parents and
-- carers, and governors answer it anonymously through one link per audience. Only a hash of each
-- link's code is kept (the lead sees the code once); its declared number of people invited caps the
-- answers it takes, as a class code's class size does.
CREATE TABLE perception_codes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code_hash text NOT NULL UNIQUE,
  school_urn text NOT NULL,
  round_id text NOT NULL,
  audience text NOT NULL CHECK (audience IN ('staff', 'parent-carer', 'governor')),
  definition_id text NOT NULL,
  definition_version text NOT NULL,
  invited integer NOT NULL CHECK (invited > 0),
  responses integer NOT NULL DEFAULT 0 CHECK (responses >= 0),
  issued_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_on date,
  CHECK (responses <= invited),
  FOREIGN KEY (school_urn, round_id) REFERENCES rounds (school_urn, id)
);
CREATE INDEX perception_codes_round ON perception_codes (school_urn, round_id);

-- Adults' answers. No code, no name, no address, no time of day (P2, P3): the audience and the
-- round are all that ties a row to anything. The id is made on the adult's device (S13).
CREATE TABLE perception_responses (
  id uuid PRIMARY KEY,
  school_urn text NOT NULL,
  round_id text NOT NULL,
  audience text NOT NULL,
  definition_id text NOT NULL,
  definition_version text NOT NULL,
  body_hash text NOT NULL,
  body jsonb NOT NULL,
  submitted_on date NOT NULL,
  FOREIGN KEY (school_urn, round_id) REFERENCES rounds (school_urn, id)
);
CREATE INDEX perception_responses_round ON perception_responses (school_urn, round_id, audience);

-- What the lead's 360° view shows (D5): per audience, summaries refreshed only when at least k more
-- people have answered since the last snapshot, and frozen once the round has closed.
CREATE TABLE perception_snapshots (
  school_urn text NOT NULL,
  round_id text NOT NULL,
  audience text NOT NULL,
  people integer NOT NULL,
  final boolean NOT NULL DEFAULT false,
  summary jsonb NOT NULL,
  computed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (school_urn, round_id, audience),
  FOREIGN KEY (school_urn, round_id) REFERENCES rounds (school_urn, id)
);

SELECT at_protect('perception_codes');
SELECT at_protect('perception_responses');
SELECT at_protect('perception_snapshots');

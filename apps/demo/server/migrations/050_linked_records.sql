-- Linked mode (issue 21; docs/decisions/0055; reliability.md P1, P2, P9): a school's class lists
-- from its records, a single-use token per pupil, and the characteristics copied into the
-- response at submission with no stored link back.

-- A round's class list, imported from the school's management information system. A pupil is a
-- school-side reference (never a name or a national identifier) and the characteristics the
-- records give. Kept per round and deleted with the round's codes (at close by default).
CREATE TABLE pupil_records (
  school_urn text NOT NULL,
  round_id text NOT NULL,
  reference text NOT NULL,
  class_label text NOT NULL,
  year_group text NOT NULL,
  sex text NOT NULL,
  sen text NOT NULL,
  fsm text NOT NULL,
  eal text NOT NULL,
  ethnicity text NOT NULL,
  looked_after text NOT NULL,
  young_carer text NOT NULL,
  PRIMARY KEY (school_urn, round_id, reference),
  FOREIGN KEY (school_urn, round_id) REFERENCES rounds (school_urn, id)
);

-- One single-use token per pupil of a class, stored only as its SHA-256, through the class code
-- its class answers under (a linked class has no class code a pupil could type). `reference`
-- links the token to the pupil's record until the pupil submits: then it becomes NULL and the
-- token is used, in the same transaction that stores the response (P2). No time is stored.
CREATE TABLE pupil_tokens (
  token_hash text PRIMARY KEY,
  school_urn text NOT NULL,
  round_id text NOT NULL,
  code_hash text NOT NULL,
  reference text,
  used boolean NOT NULL DEFAULT false,
  FOREIGN KEY (school_urn, round_id) REFERENCES rounds (school_urn, id)
);
CREATE INDEX pupil_tokens_round ON pupil_tokens (school_urn, round_id);

-- A class answers in linked mode: its pupils come in with their tokens, never a class code.
ALTER TABLE class_codes ADD COLUMN linked boolean NOT NULL DEFAULT false;

-- A pupil session started with a token: the token (until the response is stored) and the
-- characteristics the records gave (a copy, with no reference), for the response it stores.
ALTER TABLE sessions ADD COLUMN token_hash text;
ALTER TABLE sessions ADD COLUMN characteristics jsonb;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['pupil_records', 'pupil_tokens']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY at_tenant ON %I USING (at_school_only(school_urn)) WITH CHECK (at_school_only(school_urn))', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO at_app', t);
  END LOOP;
END
$$;

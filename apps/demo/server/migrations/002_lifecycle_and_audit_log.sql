-- Round lifecycle, class sizes, one response per pupil session, code revocation and the append-only
-- audit log (docs/decisions/0010 and 0011). Plain SQL for PGlite and PostgreSQL 15+.

-- A round is open (pupils may answer, its audit and plan may change), then closed (final: nothing
-- more is stored, its audit and plan are read-only), then locked (submitted for the award). The
-- day it was closed or locked is kept (the portal's day, not the database clock). A round whose
-- closing date has passed counts as closed even while its row still says open.
ALTER TABLE rounds ADD COLUMN state text NOT NULL DEFAULT 'open'
  CHECK (state IN ('open', 'closed', 'locked'));
ALTER TABLE rounds ADD COLUMN closed_on date;
ALTER TABLE rounds ADD COLUMN locked_on date;

-- Closed rounds stay closed: a round never goes back to open, a locked round never changes state.
CREATE FUNCTION rounds_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.state <> 'open' AND NEW.state = 'open' THEN
    RAISE EXCEPTION 'round %/% is %: it cannot be opened again', OLD.school_urn, OLD.id, OLD.state
      USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.state = 'locked' AND NEW.state <> 'locked' THEN
    RAISE EXCEPTION 'round %/% is locked', OLD.school_urn, OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER rounds_forward_only BEFORE UPDATE OF state ON rounds
  FOR EACH ROW EXECUTE FUNCTION rounds_forward_only();

-- Class codes: a public handle for listing and revoking (the code itself is only ever hashed), the
-- declared class size and the seats taken, who issued it and whether it was revoked. Codes issued
-- before this migration get a class size of 30 and no seats taken (responses carry no code, so the
-- earlier ones cannot be counted per class, by design).
ALTER TABLE class_codes ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE class_codes ADD CONSTRAINT class_codes_id UNIQUE (id);
ALTER TABLE class_codes ADD COLUMN class_size integer NOT NULL DEFAULT 30
  CHECK (class_size BETWEEN 1 AND 200);
ALTER TABLE class_codes ALTER COLUMN class_size DROP DEFAULT;
ALTER TABLE class_codes ADD COLUMN responses integer NOT NULL DEFAULT 0 CHECK (responses >= 0);
ALTER TABLE class_codes ADD CONSTRAINT class_codes_seats CHECK (responses <= class_size);
ALTER TABLE class_codes ADD COLUMN issued_by uuid;
ALTER TABLE class_codes ADD COLUMN revoked_on date;

-- One pupil session stores one response. The flag says only that this session has sent answers;
-- nothing links the session to the response it stored (reliability.md P2).
ALTER TABLE sessions ADD COLUMN submitted boolean NOT NULL DEFAULT false;

-- The audit log: every change to rounds, codes, audits and plans, and pupil sessions started from a
-- staff browser. Who (a user id; names are read from users, so erasing an account leaves a
-- tombstone), when, what kind, which trust, school and round, and a small detail object that never
-- holds pupil content. Append-only, enforced here: UPDATE, DELETE and TRUNCATE are refused.
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  actor_role text,
  trust_id text NOT NULL,
  school_urn text,
  round_id text,
  kind text NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_trust ON audit_log (trust_id, id DESC);
CREATE INDEX audit_log_school ON audit_log (school_urn, id DESC);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Staff accounts made by an LA or trust administrator, and the portal's outbox (issue "Run a
-- programme year"). Plain SQL for PGlite and PostgreSQL 15+.

-- An invited account has no password until its owner follows the one-time link and chooses one;
-- until then its hash is the word 'invited', which never verifies. Only the link token's SHA-256
-- is stored; it works once and expires after 7 days.
CREATE TABLE invitations (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX invitations_user ON invitations (user_id);

-- Messages to staff (never to pupils): invitations and reminders to leads who are behind. Sent by
-- SMTP when the portal has a mail server, otherwise listed for copying. A message belongs to the
-- LA or trust that wrote it, and to a school when it is about one.
CREATE TABLE outbox (
  id uuid PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  kind text NOT NULL CHECK (kind IN ('invitation', 'reminder')),
  to_email text NOT NULL CHECK (length(to_email) BETWEEN 3 AND 254),
  subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
  la_code text,
  trust_id text,
  school_urn text,
  sent_at timestamptz,
  -- The mail server's refusal, in words, when sending failed (retried at the next send).
  failure text,
  CHECK (la_code IS NOT NULL OR trust_id IS NOT NULL)
);
CREATE INDEX outbox_unsent ON outbox (created_at) WHERE sent_at IS NULL;

-- The outbox is an area's: an LA's own messages, a trust's own, each as its writer sees it.
ALTER TABLE outbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE outbox FORCE ROW LEVEL SECURITY;
CREATE POLICY at_tenant ON outbox
  USING (CASE coalesce(current_setting('app.scope', true), '')
           WHEN 'system' THEN true
           WHEN 'la' THEN la_code = current_setting('app.la', true)
           WHEN 'trust' THEN trust_id = current_setting('app.trust', true)
           ELSE false END)
  WITH CHECK (CASE coalesce(current_setting('app.scope', true), '')
           WHEN 'system' THEN true
           WHEN 'la' THEN la_code = current_setting('app.la', true)
           WHEN 'trust' THEN trust_id = current_setting('app.trust', true)
           ELSE false END);
GRANT SELECT, INSERT, UPDATE, DELETE ON outbox TO at_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON invitations TO at_app;

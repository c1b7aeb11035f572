-- What several servers share (docs/decisions/0042): attempt counters for throttles and rate
-- limits, the browsers each account has signed in from (so an outsider cannot lock them out), and
-- the health check's canary. Keys are hashes; nothing here names a pupil.

-- One counter per key ("code:<address hash>", "login:account:<e-mail hash>", …), times in
-- milliseconds of the portal's clock.
CREATE TABLE rate_counters (
  key text PRIMARY KEY,
  count integer NOT NULL,
  last_ms bigint NOT NULL,
  expires_ms bigint NOT NULL
);
CREATE INDEX rate_counters_expiry ON rate_counters (expires_ms);

-- A browser that signed in to an account: the SHA-256 of a random token in its cookie. Its wrong
-- passwords are counted on their own, so others' cannot lock it out.
CREATE TABLE login_devices (
  token_hash text NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_ms bigint NOT NULL,
  last_ms bigint NOT NULL,
  PRIMARY KEY (token_hash, user_id)
);
CREATE INDEX login_devices_user ON login_devices (user_id);

-- The health check writes and reads back one row per server process.
CREATE TABLE health_canary (
  server_id text PRIMARY KEY,
  beats bigint NOT NULL,
  beat_ms bigint NOT NULL
);

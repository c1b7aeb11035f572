-- Retention in code (reliability.md P9; docs/decisions/0041), per round: raw responses are purged
-- raw_retention_months after the round closes (its published summaries are kept), class codes
-- code_retention_days after it closes (default 0: at close). The days each happened are kept.
ALTER TABLE rounds ADD COLUMN raw_retention_months integer NOT NULL DEFAULT 12
  CHECK (raw_retention_months BETWEEN 1 AND 120);
ALTER TABLE rounds ADD COLUMN code_retention_days integer NOT NULL DEFAULT 0
  CHECK (code_retention_days BETWEEN 0 AND 30);
ALTER TABLE rounds ADD COLUMN codes_removed_on date;
ALTER TABLE rounds ADD COLUMN responses_purged_on date;

-- A pupil session carries its questionnaire, so it needs no link to its class code once it has
-- stored its response (P2): the code's hash is then removed from it.
ALTER TABLE sessions ADD COLUMN definition_id text;
ALTER TABLE sessions ADD COLUMN definition_version text;
UPDATE sessions s SET definition_id = k.definition_id, definition_version = k.definition_version
  FROM class_codes k WHERE s.kind = 'pupil' AND k.code_hash = s.code_hash;

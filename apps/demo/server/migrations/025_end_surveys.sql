-- The school lead's end-of-programme survey (issue "Every instrument live"): one response per
-- school and programme year, the lead's own answers about the school (no pupil data, no name).
-- Readable by the school, its trust and its LA under row-level security; the trust and the LA
-- only ever receive it published across schools (scoring's publishEndSurvey), never one school's.
CREATE TABLE end_surveys (
  school_urn text NOT NULL REFERENCES schools (urn),
  programme_year text NOT NULL REFERENCES programme_years (id),
  definition_id text NOT NULL,
  definition_version text NOT NULL,
  body jsonb NOT NULL,
  submitted_on date NOT NULL,
  -- The member of staff who sent it (no foreign key: an erased account leaves a tombstone).
  submitted_by uuid,
  PRIMARY KEY (school_urn, programme_year)
);
SELECT at_protect('end_surveys');

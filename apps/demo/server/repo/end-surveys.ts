/** The school lead's end-of-programme survey: one response per school and programme year. */
import type { Queryable } from '../db.js';

export interface EndSurveyRow {
  school_urn: string;
  programme_year: string;
  definition_id: string;
  definition_version: string;
  body: unknown;
  submitted_on: string;
}

const COLUMNS =
  "school_urn, programme_year, definition_id, definition_version, body, to_char(submitted_on, 'YYYY-MM-DD') AS submitted_on";

export const endSurveysRepo = (q: Queryable) => ({
  async get(urn: string, year: string): Promise<EndSurveyRow | undefined> {
    return (
      await q.query<EndSurveyRow>(
        `SELECT ${COLUMNS} FROM end_surveys WHERE school_urn = $1 AND programme_year = $2`,
        [urn, year],
      )
    ).rows[0];
  },
  /** Saves (or replaces) a school's answers for a year. */
  async save(r: {
    urn: string;
    year: string;
    definition: { id: string; version: string };
    body: unknown;
    on: string;
    by: string;
  }): Promise<void> {
    await q.query(
      `INSERT INTO end_surveys (school_urn, programme_year, definition_id, definition_version, body, submitted_on, submitted_by)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6::date, $7)
       ON CONFLICT (school_urn, programme_year) DO UPDATE SET definition_id = EXCLUDED.definition_id,
         definition_version = EXCLUDED.definition_version, body = EXCLUDED.body,
         submitted_on = EXCLUDED.submitted_on, submitted_by = EXCLUDED.submitted_by`,
      [r.urn, r.year, r.definition.id, r.definition.version, JSON.stringify(r.body), r.on, r.by],
    );
  },
  /** Every response of these schools for a year (the caller publishes them across schools). */
  async forSchools(urns: readonly string[], year: string): Promise<EndSurveyRow[]> {
    if (urns.length === 0) return [];
    return (
      await q.query<EndSurveyRow>(
        `SELECT ${COLUMNS} FROM end_surveys WHERE programme_year = $1 AND school_urn = ANY($2::text[])
         ORDER BY school_urn`,
        [year, urns],
      )
    ).rows;
  },
});

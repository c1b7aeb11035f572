/**
 * What a strict-CSP scenario may use from its test page: its own module, so the scenario modules
 * (the pupils' and leads' elements, and the LA's) each import it without importing each other.
 *
 * @module
 */

export interface CspContext {
  /** A shipped definition (questionnaire or audit) by id, parsed in this page. */
  definition(id: string): unknown;
  /** The package's `complete` fixture answers of a questionnaire (every follow-up opened). */
  answers(id: string): Record<string, string | string[]>;
  /** Other data the test page built (for example `results`: published results of the seeded cohort). */
  extra(name: string): unknown;
}

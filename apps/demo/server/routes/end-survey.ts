/**
 * The end-of-programme survey (issue "Every instrument live"): a school lead answers it once per
 * programme year, in the programme's national wording, and may change the answers while the year
 * lasts; a trust or LA sees it published across its schools beside the figures the programme
 * reported nationally. One school's answers never leave that school: the area receives counts of
 * schools under the same protection as pupils' figures (scoring's publishEndSurvey).
 */
import { Hono } from 'hono';
import { QuestionnaireResponse, problem, validateResponse } from '@all-together/model';
import { getQuestionnaire } from '@all-together/questionnaires';
import { publishEndSurvey } from '@all-together/scoring';
import type { Deps, Env } from '../context.js';
import { definitionFor } from '../domain/definitions.js';
import { programmeYearOf, YearQuery } from '../domain/programme-year.js';
import { HttpError, invalid } from '../middleware/errors.js';
import type { Guards } from '../middleware/guard.js';
import { jsonOf, queryOf } from '../validation.js';
import { schoolContext } from './school-context.js';

/** The survey every school answers now (the newest version of the national wording). */
const current = () => getQuestionnaire('end-of-programme');

export const endSurveyRoutes = (d: Deps, g: Guards) => {
  const { log } = schoolContext(d);
  const yearOf = (asked: string | undefined) => asked ?? programmeYearOf(d.today());
  return (
    new Hono<Env>()
      /** The school's own answers for a year (default the current one), and whether they can change. */
      .get('/schools/:urn/end-survey', g.schoolLead, queryOf(YearQuery), async (c) => {
        const { school } = c.var;
        const year = yearOf(c.req.valid('query').year);
        const row = await d.repo.endSurveys.get(school.urn, year);
        const definition = row
          ? (definitionFor(row.definition_id, row.definition_version) ?? current())
          : current();
        return c.json({
          year,
          /** Only the current programme year's answers can be sent or changed. */
          editable: year === programmeYearOf(d.today()),
          definition,
          response: row ? (row.body as QuestionnaireResponse) : null,
          sentOn: row?.submitted_on ?? null,
        });
      })

      /** Sends (or replaces) the school's answers for the current programme year. */
      .put(
        '/schools/:urn/end-survey',
        g.schoolLead,
        queryOf(YearQuery),
        jsonOf(QuestionnaireResponse),
        async (c) => {
          const { school, staff } = c.var;
          const year = yearOf(c.req.valid('query').year);
          if (year !== programmeYearOf(d.today()))
            throw new HttpError(
              409,
              `The end-of-programme survey for ${year} can no longer be changed: only the current programme year's can.`,
              { reason: 'closed' },
            );
          const response = c.req.valid('json');
          const def = current();
          if (response.definition.id !== def.id || response.definition.version !== def.version)
            throw invalid([problem(['definition'], `Use ${def.id} ${def.version}.`)]);
          if (response.school !== school.urn)
            throw invalid([problem(['school'], 'These answers belong to another school.')]);
          const checked = validateResponse(def, response);
          if (!checked.ok) throw invalid(checked.problems);
          const today = d.today();
          await d.transaction(async (tx) => {
            await tx.tenancy.ensureProgrammeYear(year);
            await tx.endSurveys.save({
              urn: school.urn,
              year,
              definition: def,
              // Times to the day, as every stored response (no time of day to link it by).
              body: {
                ...checked.value,
                startedAt: `${checked.value.startedAt.slice(0, 10)}T00:00:00Z`,
                submittedAt: `${checked.value.submittedAt.slice(0, 10)}T00:00:00Z`,
              },
              on: today,
              by: staff.userId,
            });
            await log(tx, staff, school, null, 'end-survey.sent', { year });
          });
          return c.json({ ok: true, year, sentOn: today });
        },
      )

      /**
       * The area's end-of-programme survey for a year: schools that somewhat or strongly agree
       * with each outcome, published across the area's schools (never one school's answers),
       * beside the programme's national figures where the definition declares them.
       */
      .get('/area/end-survey', g.area, queryOf(YearQuery), async (c) => {
        const { area } = c.var;
        const year = yearOf(c.req.valid('query').year);
        const schools = await d.repo.tenancy.schools(area);
        const rows = await d.repo.endSurveys.forSchools(
          schools.map((s) => s.urn),
          year,
        );
        const def = current();
        // Only answers to the wording published now are added together (comparableAs).
        const comparable = rows.filter((r) => {
          const answered = definitionFor(r.definition_id, r.definition_version);
          return answered?.comparableAs === def.comparableAs;
        });
        const published = publishEndSurvey(
          def,
          comparable.map((r) => r.body as QuestionnaireResponse),
          { viewer: area.kind === 'trust' ? 'trust' : 'local-authority' },
        );
        return c.json({ year, schoolsInArea: schools.length, published });
      })
  );
};

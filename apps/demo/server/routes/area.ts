/**
 * LA and trust staff (the `area` guards): their organisation and programme years, the tracker of
 * their schools, their area's published results, enrolling schools and opening survey windows for
 * a cohort. Every school read or changed here comes through the one scope function
 * (domain/scope.ts), and every statement runs in that scope (row-level security): a school outside
 * it is "not found", whatever its URN (S1).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { problem, ProgrammeRound, Wave } from '@all-together/model';
import type { Deps, Env, StaffSession } from '../context.js';
import { SchoolEntry, schoolsFromCsv } from '../domain/enrol.js';
import { roundJson } from '../domain/lifecycle.js';
import {
  programmeYearDates,
  programmeYearLabel,
  programmeYearOf,
  ProgrammeYearId,
  YearQuery,
} from '../domain/programme-year.js';
import { areaCsv, areaResults } from '../domain/results.js';
import { areaTargets } from '../domain/targeting.js';
import { inScope, ROLES, type AreaScope } from '../domain/scope.js';
import type { DomainContext } from '../domain/snapshots.js';
import { programmeTracker } from '../domain/tracker.js';
import { invalid } from '../middleware/errors.js';
import type { Guards } from '../middleware/guard.js';
import type { Repos } from '../repo/index.js';
import type { AreaSchoolRow } from '../repo/tenancy.js';
import type { RoundRow } from '../repo/rounds.js';
import { jsonOf, queryOf } from '../validation.js';
import { logPage, LogQuery } from './log.js';

const TrackerQuery = YearQuery.extend({
  stalledAfterWeeks: z.coerce
    .number()
    .int('Enter a whole number of weeks.')
    .min(1, 'At least 1 week.')
    .max(52, 'At most 52 weeks.')
    .optional(),
});

/** A school as area staff see it: where it is and its own census data (no pupil figure). */
export const schoolJson = (s: AreaSchoolRow) => ({
  urn: s.urn,
  name: s.name,
  phase: s.phase,
  localAuthority: { code: s.local_authority, name: s.la_name },
  trust: s.trust_id ? { id: s.trust_id, name: s.trust_name ?? s.trust_id } : null,
  numberOnRoll: s.number_on_roll,
  sendPercent: s.send_percent,
  fsmPercent: s.fsm_percent,
});

const Enrol = z.strictObject({
  year: ProgrammeYearId,
  school: SchoolEntry,
});
const Import = z.strictObject({
  year: ProgrammeYearId,
  csv: z.string().min(1, 'Choose a CSV file with a header row and one school per row.'),
});
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const windowBody = (today: string) =>
  z.strictObject({
    schools: z
      .array(z.string().regex(/^\d{6,7}$/, 'A URN is 6 or 7 digits.'))
      .min(1, 'Choose at least one school.')
      .max(1000),
    wave: z.enum(Wave.options, { error: 'Choose Time 1 (baseline) or Time 2 (end).' }),
    opensOn: z.iso
      .date({ error: 'Enter the day the window opens, like 2027-01-11.' })
      .refine((d) => !ISO_DAY.test(d) || d >= today, 'A window cannot open in the past.'),
    closesOn: z.iso.date({ error: 'Enter the day the window closes, like 2027-02-05.' }),
  });

export const areaRoutes = (d: Deps, g: Guards) => {
  const ctx = (): DomainContext => ({
    repo: d.repo,
    transaction: d.transaction,
    today: d.today(),
  });
  const logEnrol = (
    tx: Repos,
    staff: StaffSession,
    school: AreaSchoolRow | undefined,
    o: {
      urn: string;
      year: string;
    },
  ) =>
    tx.log.append({
      actor: { id: staff.userId, role: staff.role },
      trustId: school?.trust_id ?? null,
      laCode: school?.local_authority ?? null,
      schoolUrn: o.urn,
      roundId: null,
      kind: 'school.enrolled',
      detail: { year: o.year },
    });

  /** Registers (or updates) and enrols each school; throws, naming each, if any is foreign. */
  const enrolAll = async (
    tx: Repos,
    area: AreaScope,
    staff: StaffSession,
    year: string,
    schools: SchoolEntry[],
    where: (i: number) => (string | number)[],
  ) => {
    const problems = [];
    const out = { created: 0, updated: 0, enrolled: 0 };
    await tx.tenancy.ensureProgrammeYear(year);
    for (const [i, s] of schools.entries()) {
      const la = area.kind === 'local-authority' ? area.la : s.localAuthority;
      if (!la) {
        problems.push(problem([...where(i), 'localAuthority'], 'Enter the school’s LA code.'));
        continue;
      }
      if (area.kind === 'local-authority' && s.localAuthority && s.localAuthority !== area.la) {
        problems.push(
          problem(
            [...where(i), 'localAuthority'],
            `This school is in LA ${s.localAuthority}; you can enrol schools of LA ${area.la} only.`,
          ),
        );
        continue;
      }
      const put = await tx.tenancy.putSchool(area, {
        urn: s.urn,
        name: s.name,
        phase: s.phase,
        localAuthority: la,
        trustId: area.kind === 'trust' ? area.trust : null,
        numberOnRoll: s.numberOnRoll,
        sendPercent: s.sendPercent ?? null,
        fsmPercent: s.fsmPercent ?? null,
      });
      if (put === 'foreign') {
        problems.push(
          problem(
            [...where(i), 'urn'],
            `URN ${s.urn} is registered to a school outside your ${area.kind === 'trust' ? 'trust' : 'area'}. Check the URN, or ask the programme team to move it.`,
          ),
        );
        continue;
      }
      out[put]++;
      if (await tx.tenancy.enrol(year, s.urn, d.today(), staff.userId)) {
        out.enrolled++;
        await logEnrol(tx, staff, await tx.tenancy.school(area, s.urn), { urn: s.urn, year });
      }
    }
    // Nothing half-done: any problem rolls every school of the request back.
    if (problems.length) throw invalid(problems, 422);
    return out;
  };

  return (
    new Hono<Env>()
      .get('/area', g.area, async (c) => {
        const { area, staff } = c.var;
        const current = programmeYearOf(d.today());
        const years = new Set((await d.repo.tenancy.programmeYears()).map((y) => y.id));
        years.add(current);
        return c.json({
          organisation: {
            kind: area.kind,
            id: area.kind === 'local-authority' ? area.la : area.trust,
            name: (await d.repo.tenancy.name(area)) ?? '',
          },
          role: {
            id: staff.role,
            label: ROLES[staff.role].label,
            access: ROLES[staff.role].access,
          },
          currentYear: current,
          years: [...years]
            .sort()
            .reverse()
            .map((id) => ({ id, label: programmeYearLabel(id), ...programmeYearDates(id) })),
        });
      })

      .get('/area/schools', g.area, queryOf(YearQuery), async (c) => {
        const { area } = c.var;
        const year = c.req.valid('query').year ?? programmeYearOf(d.today());
        const [schools, enrolled] = await Promise.all([
          d.repo.tenancy.schools(area),
          d.repo.tenancy.enrolments(area, year),
        ]);
        return c.json({
          year,
          schools: schools.map((s) => ({
            ...schoolJson(s),
            enrolledOn: enrolled.get(s.urn) ?? null,
          })),
        });
      })

      .get('/area/tracker', g.area, queryOf(TrackerQuery), async (c) => {
        const { year, stalledAfterWeeks } = c.req.valid('query');
        return c.json(
          await programmeTracker(
            d.repo,
            c.var.area,
            year ?? programmeYearOf(d.today()),
            d.today(),
            stalledAfterWeeks ?? 6,
          ),
        );
      })

      .get('/area/results', g.area, queryOf(YearQuery), async (c) => {
        const { area } = c.var;
        // Published figures only (D8): the area by every breakdown and each school's totals,
        // protected as one set, both waves of one programme year.
        const r = await areaResults(ctx(), area, c.req.valid('query').year);
        return c.json({
          year: r.year,
          area: { kind: area.kind, schools: r.schools.length, results: r.area },
          schools: r.schools.map((s) => ({
            urn: s.school.urn,
            name: s.school.name,
            phase: s.school.phase,
            results: s.results,
          })),
        });
      })

      /**
       * Where to target support: the area's schools ranked from published figures, each with its
       * reasons in words (docs/decisions/0034). 202 while the list is still being made.
       */
      .get('/area/targets', g.area, queryOf(YearQuery), async (c) => {
        const r = await areaTargets(ctx(), c.var.area, c.req.valid('query').year);
        if (r.status === 'preparing') return c.json(r, 202);
        const names = new Map(
          (await d.repo.tenancy.schools(c.var.area)).map((s) => [s.urn, s.name]),
        );
        return c.json({
          ...r,
          names: Object.fromEntries(
            r.status === 'ready'
              ? [...r.targets.schools, ...r.targets.notRanked].map((s) => [
                  s.id,
                  names.get(s.id) ?? s.id,
                ])
              : [],
          ),
        });
      })

      .get('/area/export.csv', g.area, queryOf(YearQuery), async (c) => {
        const { area } = c.var;
        const year = c.req.valid('query').year;
        const csv = await areaCsv(ctx(), area, year);
        const name = area.kind === 'trust' ? area.trust : `la-${area.la}`;
        c.header('Content-Type', 'text/csv; charset=utf-8');
        c.header(
          'Content-Disposition',
          `attachment; filename="${name}${year ? `-${year}` : ''}-suppressed-aggregates.csv"`,
        );
        return c.body(csv);
      })

      /** The activity log of the area's schools (and the LA's or trust's own entries). */
      .get('/area/log', g.area, queryOf(LogQuery), async (c) => {
        const { area } = c.var;
        const { school, before } = c.req.valid('query');
        if (school !== undefined && !(await d.repo.tenancy.school(area, school)))
          throw invalid([problem(['school'], 'There is no such school in your area.')], 422);
        const schools = (await d.repo.tenancy.schools(area)).map((s) => ({
          urn: s.urn,
          name: s.name,
        }));
        const page =
          area.kind === 'trust'
            ? await logPage(d.repo, area.trust, school, before)
            : await logPage(d.repo, null, school, before, area.la);
        return c.json({ schools, ...page });
      })

      .post('/area/schools', g.areaWrite, jsonOf(Enrol), async (c) => {
        const { area, staff } = c.var;
        const { year, school } = c.req.valid('json');
        const out = await d.transaction((tx) =>
          enrolAll(tx, area, staff, year, [school], () => ['school']),
        );
        return c.json({ year, ...out }, out.created ? 201 : 200);
      })

      /**
       * Enrols every school of a CSV in a programme year, or none: each problem is named with its
       * row and column (the header is row 1).
       */
      .post('/area/schools/import', g.areaWrite, jsonOf(Import), async (c) => {
        const { area, staff } = c.var;
        const { year, csv } = c.req.valid('json');
        const parsed = schoolsFromCsv(csv);
        if (!parsed.ok)
          throw invalid(
            parsed.problems.map((p) =>
              problem(
                ['csv', p.row, p.column],
                `Row ${p.row}${p.column ? `, column "${p.column}"` : ''}: ${p.message}`,
              ),
            ),
            422,
          );
        const out = await d.transaction((tx) =>
          enrolAll(tx, area, staff, year, parsed.schools, (i) => ['csv', i + 2]),
        );
        return c.json({ year, schools: parsed.schools.length, ...out });
      })

      /**
       * Opens a survey window for a cohort of the area's schools: a round of the wave for each, in
       * the programme year the window opens in. A school that already has that round is listed
       * as skipped, never changed. Every school named must be in the area, or nothing is opened.
       */
      .post(
        '/area/windows',
        g.areaWrite,
        jsonOf(() => windowBody(d.today())),
        async (c) => {
          const { area, staff } = c.var;
          const body = c.req.valid('json');
          const year = programmeYearOf(body.opensOn);
          const id = `${year}-${body.wave}`;
          const today = d.today();
          const parsedRound = ProgrammeRound.safeParse({
            id,
            school: body.schools[0],
            wave: body.wave,
            opensOn: body.opensOn,
            closesOn: body.closesOn,
          });
          if (!parsedRound.success)
            throw invalid(
              parsedRound.error.issues.map((i) =>
                problem(i.path as (string | number)[], i.message),
              ),
              422,
            );
          const result = await d.transaction(async (tx) => {
            const opened: string[] = [];
            const skipped: string[] = [];
            const rounds: RoundRow[] = [];
            const foreign: string[] = [];
            await tx.tenancy.ensureProgrammeYear(year);
            for (const urn of new Set(body.schools)) {
              const school = await tx.tenancy.school(area, urn);
              if (!school || !inScope(area, school)) {
                foreign.push(urn);
                continue;
              }
              const row = await tx.rounds.insert({
                urn,
                id,
                wave: body.wave,
                opensOn: body.opensOn,
                closesOn: body.closesOn,
              });
              if (!row) {
                skipped.push(urn);
                continue;
              }
              opened.push(urn);
              rounds.push(row);
              await tx.tenancy.enrol(year, urn, today, staff.userId);
              await tx.log.append({
                actor: { id: staff.userId, role: staff.role },
                trustId: school.trust_id,
                laCode: school.local_authority,
                schoolUrn: urn,
                roundId: id,
                kind: 'window.opened',
                detail: { wave: body.wave, opensOn: body.opensOn, closesOn: body.closesOn },
              });
            }
            if (foreign.length)
              throw invalid(
                foreign.map((u) =>
                  problem(
                    ['schools', body.schools.indexOf(u)],
                    `There is no school ${u} in your area.`,
                  ),
                ),
                422,
              );
            return { opened, skipped, rounds };
          });
          // What was stored, as stored: one round per school opened (none when every school
          // ticked already had this window, which changes nothing and is not a 201).
          return c.json(
            {
              id,
              programmeYear: year,
              opened: result.opened,
              skipped: result.skipped,
              rounds: result.rounds.map((row) => ({
                school: row.school_urn,
                ...roundJson(row, today),
              })),
            },
            result.opened.length ? 201 : 200,
          );
        },
      )
  );
};

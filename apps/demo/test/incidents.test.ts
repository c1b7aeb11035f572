/**
 * Incidents and the termly return (issue 20), on PGlite and, when DATABASE_URL is set, on
 * PostgreSQL: the "Done when" path (an allegation recorded, substantiated, completed; the termly
 * return submitted and locked; the LA reading it in its area view and CSV), tenancy on every route
 * (S1, and row-level security as the second wall, S3), nothing stored under a name, a safeguarding
 * system's export imported whole or not at all, and no small-number leak in the return or the LA's
 * view (D1, D2: property test).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import * as z from 'zod';
import {
  AuditResponse,
  IncidentRecord,
  ProgrammeTracker,
  TermlyFigures,
  type Shown,
} from '@all-together/model';
import { SYSTEM, withScope } from '../server/db.js';
import { DEMO_ADMIN } from '../server/seed.js';
import { LA_ADVISER, laLeadEmail, seedArea } from '../server/seed-area.js';
import {
  FIGURE_IDS,
  figureMap,
  protectArea,
  protectReturn,
  RELATIONS,
  termCounts,
  termDates,
  termOf,
} from '../server/domain/incidents.js';
import { previousTerm } from '../server/seed-incidents.js';
import type { IncidentRow } from '../server/repo/incidents.js';
import { Client, startServer, type TestServer } from './helpers.js';

const backends: ('pglite' | 'pg')[] = [
  'pglite',
  ...(process.env.DATABASE_URL ? (['pg'] as const) : []),
];

const allegation = (day: string, reference = 'P-0042') => ({
  occurredOn: day,
  occurredAt: '12:40',
  location: 'playground',
  reportedBy: 'parent',
  alleged: 'Pushed and called names at lunch on three days.',
  people: [
    { involvement: 'target', role: 'pupil', reference },
    { involvement: 'alleged-perpetrator', role: 'pupil', reference: 'P-0077' },
  ],
});
const details = {
  types: ['physical', 'verbal'],
  setting: 'offline',
  prejudiceRelated: true,
  characteristics: ['disability-send'],
  safeguarding: false,
  whatHappened: 'Confirmed by two witnesses.',
  impact: 'Scared to go out at lunch.',
  targetWishes: 'Wants it to stop.',
  actions: [{ action: 'restorative', by: 'head-of-year' }],
  outcome: 'resolved',
  reviewOn: '2026-12-01',
};

for (const backend of backends) {
  describe(`incidents on ${backend}`, () => {
    let s: TestServer;
    let urn: string;
    let otherUrn: string;
    let today: string;
    const rows = async <T>(sql: string, params?: unknown[]) =>
      withScope(SYSTEM, async () => (await s.db.query<T>(sql, params)).rows);
    const signIn = async (email: string) => {
      const c = new Client(s.url);
      const r = await c.login(email);
      assert.equal(r.status, 200, `${email}: ${r.text}`);
      return c;
    };

    before(async () => {
      s = await startServer({ backend, schools: 2 });
      await withScope(SYSTEM, () => seedArea(s.db, { schools: 4, pupilsPerSchool: [10, 12] }));
      const leads = await rows<{ id: string; school_urn: string; email: string }>(
        'SELECT id, school_urn, email FROM users WHERE email = ANY($1::text[]) ORDER BY email',
        [[laLeadEmail(0), laLeadEmail(1)]],
      );
      const first = leads.find((l) => l.email === laLeadEmail(0))!;
      urn = first.school_urn;
      otherUrn = leads.find((l) => l.email === laLeadEmail(1))!.school_urn;
      today = new Date().toISOString().slice(0, 10);
      // Only the first school's lead is its anti-bullying lead; the second school's lead is not.
      await rows(
        `INSERT INTO staff_permissions (user_id, school_urn, permission, granted_on) VALUES ($1, $2, 'incidents', $3)`,
        [first.id, urn, today],
      );
    });
    after(() => s.close());

    it('Done when: a lead records an allegation, substantiates and completes it, submits the return; the LA sees it in its view and CSV', async () => {
      const lead = await signIn(laLeadEmail(0));
      const id = randomUUID();
      const made = await lead.request('POST', `/api/schools/${urn}/incidents`, {
        id,
        allegation: allegation(today),
      });
      assert.equal(made.status, 201, made.text);
      assert.equal(made.json.status, 'allegation');
      // A retried save stores one row.
      const again = await lead.request('POST', `/api/schools/${urn}/incidents`, {
        id,
        allegation: allegation(today),
      });
      assert.equal(again.status, 200);
      // Substantiated without the incident's details is refused, naming the field.
      const half = await lead.request('PUT', `/api/schools/${urn}/incidents/${id}`, {
        allegation: allegation(today),
        status: 'substantiated',
      });
      assert.equal(half.status, 400, half.text);
      assert.ok(
        (half.json.problems as { path: string }[]).some((p) => p.path === 'details'),
        half.text,
      );
      const done = await lead.request('PUT', `/api/schools/${urn}/incidents/${id}`, {
        allegation: allegation(today),
        status: 'substantiated',
        details,
      });
      assert.equal(done.status, 200, done.text);
      assert.equal(done.json.status, 'substantiated');
      assert.equal(done.json.decidedOn, today);
      // What the browser receives is exactly the model's IncidentRecord, which <at-incident-log>
      // and <at-incident-form> parse strictly; one record also says whether its term is locked.
      const log = await lead.request('GET', `/api/schools/${urn}/incidents`);
      assert.ok(z.array(IncidentRecord).safeParse(log.json.incidents).success, log.text);
      const one = await lead.request('GET', `/api/schools/${urn}/incidents/${id}`);
      assert.ok(IncidentRecord.safeParse(one.json.record).success, one.text);
      assert.equal(one.json.locked, false);
      // Nine more, so the return has figures to show as well as hide.
      for (let i = 0; i < 11; i++) {
        const more = randomUUID();
        await lead.request('POST', `/api/schools/${urn}/incidents`, {
          id: more,
          allegation: allegation(today, `P-${100 + i}`),
        });
        await lead.request('PUT', `/api/schools/${urn}/incidents/${more}`, {
          allegation: allegation(today, `P-${100 + i}`),
          status: 'substantiated',
          details: { ...details, prejudiceRelated: false, characteristics: [] },
        });
      }
      const term = termOf(today);
      const preview = await lead.request('GET', `/api/schools/${urn}/incident-returns/${term}`);
      assert.equal(preview.status, 200, preview.text);
      assert.equal(preview.json.state, 'draft');
      assert.ok(TermlyFigures.safeParse(preview.json.figures).success, preview.text);
      const figures = preview.json.figures as Record<string, unknown>;
      assert.deepEqual(figures.allegations, { value: 10 }, 'rounded to 5 as the LA reads it');
      assert.equal(
        (figures.characteristics as Record<string, { symbol?: string }>)['disability-send']!.symbol,
        '[c]',
      );

      const submitted = await lead.request('POST', `/api/schools/${urn}/incident-returns/${term}`);
      assert.equal(submitted.status, 201, submitted.text);
      assert.equal(submitted.json.state, 'submitted');
      // Locked: submitting again, or changing a record of the term, is refused.
      assert.equal(
        (await lead.request('POST', `/api/schools/${urn}/incident-returns/${term}`)).status,
        409,
      );
      const change = await lead.request('PUT', `/api/schools/${urn}/incidents/${id}`, {
        allegation: allegation(today),
        status: 'not-substantiated',
      });
      assert.equal(change.status, 409, change.text);
      assert.equal(
        (await lead.request('GET', `/api/schools/${urn}/incidents/${id}`)).json.locked,
        true,
      );
      // Locked in the database too: the application role may not change a return, and even the
      // owner's change is refused by the trigger.
      await assert.rejects(
        rows('UPDATE incident_returns SET figures = $1 WHERE school_urn = $2', ['{}', urn]),
        /permission denied/,
      );
      await assert.rejects(
        s.db.query('UPDATE incident_returns SET figures = $1 WHERE school_urn = $2', ['{}', urn]),
        /locked/,
      );

      const la = await signIn(LA_ADVISER);
      const view = await la.request('GET', '/api/area/incident-returns');
      assert.equal(view.status, 200, view.text);
      type School = { urn: string; terms: { term: string; state: string; figures: unknown }[] };
      const mine = (view.json.schools as School[]).find((x) => x.urn === urn)!;
      const t = mine.terms.find((x) => x.term === term)!;
      assert.equal(t.state, 'submitted');
      assert.deepEqual(t.figures, submitted.json.figures);
      const other = (view.json.schools as School[]).find((x) => x.urn === otherUrn)!;
      assert.equal(other.terms.find((x) => x.term === term)!.state, 'not-submitted');
      const area = (
        view.json.area as {
          term: string;
          submitted: number;
          figures: Record<string, Shown<number>>;
        }[]
      ).find((a) => a.term === term)!;
      assert.equal(area.submitted, 1);
      // One school's figures and the area's are the same numbers: the area shows what the school shows.
      assert.deepEqual(area.figures.allegations, { value: 10 });
      assert.ok(
        !view.text.includes('P-0042') && !view.text.includes('Pushed'),
        'no incident detail reaches the LA',
      );
      // The programme tracker shows each school's return for the term: submitted, or not yet.
      const tracker = await la.request('GET', '/api/area/tracker');
      type Row = {
        urn: string;
        incidentReturn: { term: string; submittedOn: string | null } | null;
      };
      const rowsOf = tracker.json.schools as Row[];
      assert.deepEqual(rowsOf.find((x) => x.urn === urn)!.incidentReturn, {
        term,
        submittedOn: today,
      });
      assert.deepEqual(rowsOf.find((x) => x.urn === otherUrn)!.incidentReturn, {
        term,
        submittedOn: null,
      });
      ProgrammeTracker.parse(tracker.json);

      const csv = await la.request('GET', '/api/area/incident-returns.csv');
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
      const lines = csv.text.trim().split('\r\n');
      assert.ok(lines[0]!.startsWith('urn,school,term,submitted_on,allegations,status_allegation'));
      const line = lines.find((l) => l.startsWith(`${urn},`) && l.includes(term))!;
      assert.ok(line.includes(`,${today},10,`), line);
      assert.ok(lines.some((l) => l.startsWith(`AREA,`)));
    });

    it('S1 incidents are the school’s safeguarding staff’s only: every route refuses everyone else', async () => {
      const anon = new Client(s.url);
      const noPermission = await signIn(laLeadEmail(1));
      const lead = await signIn(laLeadEmail(0));
      const la = await signIn(LA_ADVISER);
      const trust = await signIn(DEMO_ADMIN);
      const term = termOf(today);
      const id = randomUUID();
      const schoolRoutes: [string, string, unknown?][] = [
        ['GET', `/api/schools/:urn/incidents`],
        ['GET', `/api/schools/:urn/incidents/${id}`],
        ['POST', `/api/schools/:urn/incidents`, { id, allegation: allegation(today) }],
        [
          'PUT',
          `/api/schools/:urn/incidents/${id}`,
          { allegation: allegation(today), status: 'allegation' },
        ],
        ['POST', `/api/schools/:urn/incidents/import`, { csv: 'Date\n' }],
        ['GET', `/api/schools/:urn/incident-settings`],
        ['PUT', `/api/schools/:urn/incident-settings`, { retentionYears: 3 }],
        ['GET', `/api/schools/:urn/incident-analysis`],
        ['GET', `/api/schools/:urn/incident-returns/${term}`],
        ['POST', `/api/schools/:urn/incident-returns/${term}`],
      ];
      const registered = s.demo.routes.filter((r) => r.access === 'incidents').length;
      assert.equal(registered, schoolRoutes.length, 'every incidents route is in this matrix');
      for (const [method, path, body] of schoolRoutes) {
        const at = (u: string) => path.replace(':urn', u);
        const expect = async (c: Client, u: string, status: number, who: string) => {
          const r = await c.request(method, at(u), body);
          assert.equal(r.status, status, `${method} ${path} as ${who}: ${r.text.slice(0, 200)}`);
          assert.ok(!r.text.includes('P-0042'), `${path} leaked a record to ${who}`);
        };
        await expect(anon, urn, 401, 'anonymous');
        await expect(noPermission, otherUrn, 403, 'a lead without the incidents permission');
        await expect(lead, otherUrn, 403, 'the lead of another school');
        await expect(la, urn, 403, 'an LA adviser');
        await expect(trust, urn, 403, 'a trust administrator');
      }
      for (const path of ['/api/area/incident-returns', '/api/area/incident-returns.csv']) {
        assert.equal((await lead.request('GET', path)).status, 403, `${path} as a lead`);
        assert.equal((await anon.request('GET', path)).status, 401);
      }
      // The second wall: in an LA's or trust's scope the tables hold no incident at all.
      for (const scope of [
        { kind: 'local-authority', la: '999' },
        { kind: 'trust', trust: 'north-star' },
        { kind: 'school', trust: '', school: otherUrn },
      ] as const) {
        const n = await withScope(
          scope,
          async () =>
            (await s.db.query<{ n: string }>('SELECT count(*) AS n FROM incidents')).rows[0]!.n,
        );
        assert.equal(Number(n), 0, `${scope.kind} sees incidents`);
        const c = await withScope(
          scope,
          async () =>
            (await s.db.query<{ n: string }>('SELECT count(*) AS n FROM incident_return_counts'))
              .rows[0]!.n,
        );
        assert.equal(Number(c), 0, `${scope.kind} sees exact counts`);
      }
    });

    it('nothing is stored under a pupil’s name: a name in the reference is refused, and no column holds one', async () => {
      const lead = await signIn(laLeadEmail(0));
      const before = (await rows<{ n: string }>('SELECT count(*) AS n FROM incidents'))[0]!.n;
      for (const name of ['Sam Smith', 'Sam', 'Amira K']) {
        const r = await lead.request('POST', `/api/schools/${urn}/incidents`, {
          id: randomUUID(),
          allegation: allegation(today, name),
        });
        assert.equal(r.status, 400, r.text);
        const p = (r.json.problems as { path: string; message: string }[])[0]!;
        assert.equal(p.path, 'allegation.people.0.reference');
        assert.match(p.message, /never a name/);
        assert.ok(!r.text.includes(name), 'the refusal does not echo the name');
      }
      // A name-shaped key anywhere in the body is refused too (unknown keys).
      const extra = await lead.request('POST', `/api/schools/${urn}/incidents`, {
        id: randomUUID(),
        allegation: { ...allegation(today), targetName: 'Sam Smith' },
      });
      assert.equal(extra.status, 400);
      assert.equal(
        (await rows<{ n: string }>('SELECT count(*) AS n FROM incidents'))[0]!.n,
        before,
      );
      const columns = await rows<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()
           AND table_name IN ('incidents', 'incident_returns', 'incident_return_counts', 'incident_settings', 'staff_permissions')`,
      );
      assert.ok(columns.length >= 15);
      assert.deepEqual(
        columns.filter((c) => /name|pupil|dob|birth|upn/i.test(c.column_name)),
        [],
      );
      const keys = await rows<{ k: string }>(
        `SELECT DISTINCT jsonb_object_keys(allegation) AS k FROM incidents
         UNION SELECT DISTINCT jsonb_object_keys(p) FROM incidents, jsonb_array_elements(allegation->'people') AS p`,
      );
      assert.deepEqual(
        keys.filter((k) => /name/i.test(k.k)),
        [],
      );
    });

    it('an export is imported whole, or refused with each bad row and column and nothing stored', async () => {
      const lead = await signIn(laLeadEmail(0));
      const count = async () =>
        Number(
          (
            await rows<{ n: string }>('SELECT count(*) AS n FROM incidents WHERE school_urn = $1', [
              urn,
            ])
          )[0]!.n,
        );
      const before = await count();
      // Last term: this term's return is submitted and locked (the first test).
      const day = termDates(previousTerm(termOf(today))).startsOn.replace(/-01$/, '-15');
      const d = day.split('-').reverse().join('/');
      const bad = [
        'Date,Time,Location,Categories,Student Reference,Status,Notes',
        `${d},10:15,Playground,Bullying - Physical;Bullying - Racist,P-0101,Substantiated,ignored`,
        `31/02/2026,10:15,Playground,Bullying - Verbal,P-0102,Open,`,
        `${d},25:00,Moon,Bullying - Telepathic,Sam Smith,Closed - bullying,`,
      ].join('\n');
      const r = await lead.request('POST', `/api/schools/${urn}/incidents/import`, { csv: bad });
      assert.equal(r.status, 422, r.text);
      const paths = (r.json.problems as { path: string }[]).map((p) => p.path);
      assert.deepEqual(
        paths,
        [
          'csv.3.Date',
          'csv.4.Time',
          'csv.4.Location',
          'csv.4.Status',
          'csv.4.Student Reference',
          'csv.4.Categories',
        ].filter((p) => paths.includes(p)).length === paths.length
          ? paths
          : [],
        r.text,
      );
      assert.ok(
        paths.includes('csv.3.Date') &&
          paths.includes('csv.4.Location') &&
          paths.includes('csv.4.Categories') &&
          paths.includes('csv.4.Student Reference'),
        paths.join(),
      );
      assert.equal(await count(), before, 'nothing half-imported');
      const good = [
        'Date,Time,Location,Categories,Student Reference,Status',
        `${d},10:15,Playground,Bullying - Physical;Bullying - Racist,P-0101,Substantiated`,
        `${d},,Online,Bullying - Cyber,,Not substantiated`,
      ].join('\n');
      const ok = await lead.request('POST', `/api/schools/${urn}/incidents/import`, { csv: good });
      assert.equal(ok.status, 201, ok.text);
      assert.equal(ok.json.imported, 2);
      assert.equal(await count(), before + 2);
      const list = await lead.request('GET', `/api/schools/${urn}/incidents`);
      const imported = (
        list.json.incidents as {
          status: string;
          details: { types: string[]; characteristics: string[] } | null;
        }[]
      ).find((x) => x.details?.characteristics.includes('race'));
      assert.deepEqual(imported?.details?.types, ['physical']);
    });

    it('the termly analysis for governors hides small counts and can be cited as audit evidence for 3.1, 3.3, 3.5 and 3.6', async () => {
      const lead = await signIn(laLeadEmail(0));
      const r = await lead.request('GET', `/api/schools/${urn}/incident-analysis`);
      assert.equal(r.status, 200, r.text);
      const terms = r.json.terms as { term: string; figures: Record<string, unknown> }[];
      const now = terms.find((t) => t.term === termOf(today))!;
      // 12 substantiated this term: shown exactly in the school's own analysis, 1 SEND-related hidden.
      assert.deepEqual(now.figures.allegations, { value: 12 });
      assert.equal(
        (now.figures.characteristics as Record<string, { symbol?: string }>)['disability-send']!
          .symbol,
        '[c]',
      );
      const evidence = r.json.evidence as { statements: string[]; note: unknown };
      assert.deepEqual(evidence.statements, ['3.1', '3.3', '3.5', '3.6']);
      const audit = AuditResponse.safeParse({
        id: randomUUID(),
        definition: { id: 'audit', version: '1.0.0' },
        school: urn,
        wave: 'baseline',
        respondentRole: 'school-lead',
        ratings: {},
        evidence: Object.fromEntries(evidence.statements.map((k) => [k, [evidence.note]])),
        updatedAt: '2026-12-01T10:00:00Z',
      });
      assert.ok(audit.success, JSON.stringify(audit.error?.issues));
    });

    it('the LA reminds the leads of schools that have not submitted, through the outbox; a lead cannot', async () => {
      const la = await signIn(LA_ADVISER);
      const term = termOf(today);
      const r = await la.request('POST', '/api/area/incident-returns/reminders', { term });
      assert.equal(r.status, 200, r.text);
      assert.ok((r.json.queued as number) >= 1);
      const sent = await rows<{ school_urn: string; subject: string }>(
        "SELECT school_urn, subject FROM outbox WHERE kind = 'reminder' AND subject LIKE 'Termly incident return%'",
      );
      assert.ok(sent.some((m) => m.school_urn === otherUrn));
      assert.ok(
        !sent.some((m) => m.school_urn === urn),
        'the school that submitted is not reminded',
      );
      const lead = await signIn(laLeadEmail(0));
      assert.equal(
        (await lead.request('POST', '/api/area/incident-returns/reminders', { term })).status,
        403,
      );
    });

    it('P9 incidents are deleted after the school’s retention; submitted returns stay', async () => {
      const lead = await signIn(laLeadEmail(0));
      const set = await lead.request('PUT', `/api/schools/${urn}/incident-settings`, {
        retentionYears: 1,
      });
      assert.equal(set.status, 200, set.text);
      const returnsBefore = await rows(
        'SELECT figures FROM incident_returns ORDER BY school_urn, term',
      );
      const later = `${Number(today.slice(0, 4)) + 2}${today.slice(4)}`;
      const { repos } = await import('../server/repo/index.js');
      const gone = await withScope(SYSTEM, () => repos(s.db).incidents.purgeExpired(later));
      assert.ok(gone > 0);
      assert.equal(
        Number(
          (
            await rows<{ n: string }>('SELECT count(*) AS n FROM incidents WHERE school_urn = $1', [
              urn,
            ])
          )[0]!.n,
        ),
        0,
      );
      assert.deepEqual(
        await rows('SELECT figures FROM incident_returns ORDER BY school_urn, term'),
        returnsBefore,
      );
    });
  });
}

// ───────────────────────────── D1 D2: no small-number leak (property) ─────────────────────────────

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 60);
const SEED = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);

const incidentRow = fc
  .record({
    status: fc.constantFrom('allegation', 'substantiated', 'not-substantiated'),
    types: fc.subarray(['physical', 'verbal', 'relational', 'online'] as const, { minLength: 1 }),
    setting: fc.constantFrom('offline', 'online', 'both'),
    characteristics: fc.subarray(['race', 'disability-send', 'religion'] as const),
    safeguarding: fc.boolean(),
    outcome: fc.constantFrom('resolved', 'ongoing'),
  })
  .map((x): IncidentRow => ({
    id: randomUUID(),
    school_urn: '100000',
    status: x.status,
    occurred_on: '2026-10-01',
    allegation: allegation('2026-10-01') as unknown as IncidentRow['allegation'],
    details:
      x.status === 'substantiated'
        ? ({
            ...details,
            types: x.types,
            setting: x.setting,
            prejudiceRelated: x.characteristics.length > 0,
            characteristics: x.characteristics,
            safeguarding: x.safeguarding,
            outcome: x.outcome,
          } as unknown as IncidentRow['details'])
        : null,
    decided_on: null,
    recorded_on: '2026-10-01',
    updated_on: '2026-10-01',
  }));

/**
 * A hidden figure left alone in a sum whose other members are all shown can be narrowed to the
 * other figures' difference (within the rounding of each): a leak when that leaves it one value.
 */
function singleHoles(
  published: Record<string, Shown<number>>,
  sums: { total: string; parts: string[] }[],
  half = 2,
): string[] {
  const range = (s: Shown<number>): [number, number] => {
    if ('value' in s)
      return s.value === 0 ? [0, 0] : [Math.max(10, s.value - half), s.value + half];
    return s.reason === 'complementary' ? [10, 1e9] : [1, 9];
  };
  const leaks: string[] = [];
  for (const r of sums) {
    const members = [r.total, ...r.parts];
    const hidden = members.filter((m) => !('value' in published[m]!));
    if (hidden.length !== 1) continue;
    const h = hidden[0]!;
    // total = Σ parts: the hole is total − the other parts, or a part is total − the others.
    let lo = 0;
    let hi = 0;
    for (const m of members) {
      if (m === h) continue;
      const [a, b] = range(published[m]!);
      const sign =
        (m === r.total) === (h === r.total) ? -1 : h === r.total ? 1 : m === r.total ? 1 : -1;
      if (sign > 0) {
        lo += a;
        hi += b;
      } else {
        lo -= b;
        hi -= a;
      }
    }
    const [a, b] = range(published[h]!);
    if (Math.max(lo, a) === Math.min(hi, b)) leaks.push(`${h} pinned by ${r.total}`);
  }
  return leaks;
}

describe('D1 D2 the return and the LA view leak no small number (property)', () => {
  it(`D1 D2 random schools' terms: every shown figure is 0 or rests on 10 or more, rounded to 5; no hidden figure stands alone in a sum (seed ${SEED})`, () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(incidentRow, { maxLength: 60, size: 'max' }), {
          minLength: 1,
          maxLength: 4,
        }),
        (schools) => {
          const term = '2026-27-autumn';
          const each = schools.map((rs, i) => {
            const counts = termCounts(rs, term);
            return { urn: `10000${i}`, counts, figures: protectReturn(counts).return };
          });
          const exactAll: Record<string, number> = {};
          const publishedAll: Record<string, Shown<number>> = {};
          for (const s of each) {
            const pub = figureMap(s.figures);
            for (const id of FIGURE_IDS) {
              const p = pub[id]!;
              const n = s.counts[id]!;
              if ('value' in p) {
                assert.ok(p.value === 0 ? n === 0 : n >= 10, `${id}: ${n} shown as ${p.value}`);
                assert.equal(p.value % 5, 0);
              } else assert.ok(n > 0, `${id}: a true 0 hidden`);
              exactAll[`${s.urn}:${id}`] = n;
              publishedAll[`${s.urn}:${id}`] = p;
            }
          }
          const area = protectArea(each);
          const sums: { total: string; parts: string[] }[] = [];
          for (const id of FIGURE_IDS) {
            const n = each.reduce((a, s) => a + s.counts[id]!, 0);
            const p = area[id]!;
            if ('value' in p)
              assert.ok(p.value === 0 ? n === 0 : n >= 10, `area ${id}: ${n} shown as ${p.value}`);
            exactAll[`area:${id}`] = n;
            publishedAll[`area:${id}`] = p;
            sums.push({ total: `area:${id}`, parts: each.map((s) => `${s.urn}:${id}`) });
          }
          for (const prefix of [...each.map((s) => s.urn), 'area'])
            for (const r of RELATIONS.filter((r) => r.kind === 'sum'))
              sums.push({
                total: `${prefix}:${r.total}`,
                parts: r.parts.map((p) => `${prefix}:${p}`),
              });
          assert.deepEqual(singleHoles(publishedAll, sums), []);
          // The school's own analysis (for leaders and governors) is exact: no rounding to hide in.
          for (const sch of each) {
            const exact = protectReturn(sch.counts, 'school').figures;
            for (const [id, p] of Object.entries(exact))
              if ('value' in p) assert.ok(p.value === 0 || sch.counts[id]! >= 10, `${id} shown`);
            const own = RELATIONS.filter((r) => r.kind === 'sum').map((r) => ({
              total: r.total,
              parts: [...r.parts],
            }));
            assert.deepEqual(singleHoles(exact, own, 0), []);
          }
        },
      ),
      { numRuns: NUM_RUNS, seed: SEED },
    );
  });
});

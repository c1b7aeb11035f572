/**
 * Linked mode (issue 21; docs/decisions/0055), on PGlite and PostgreSQL: a lead imports a class
 * list from the school's records, prints each class's single-use tokens, and a pupil answers with
 * one; the response carries the records' characteristics and nothing leads back to the pupil (P2);
 * the references go at close (P9); tenancy on every route (S1).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import {
  itemsOf,
  type QuestionnaireDefinition,
  type QuestionnaireResponse,
} from '@all-together/model';
import { getQuestionnaire, RECORD_CHARACTERISTICS } from '@all-together/questionnaires';
import { SYSTEM, withScope } from '../server/db.js';
import { pupilsFromCsv, slipsYearProblem } from '../server/domain/pupil-records.js';
import { summariseRound } from '../server/domain/summary.js';
import { leadEmail } from '../server/seed.js';
import { sha256 } from '../server/security.js';
import { Client, sampleResponse, startServer, type TestServer } from './helpers.js';

const backends: ('pglite' | 'pg')[] = [
  'pglite',
  ...(process.env.DATABASE_URL ? (['pg'] as const) : []),
];
const day = (offset = 0) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** A class list as a MIS exports it (SIMS-style headings), twelve pupils in two classes. */
const CLASS_LIST = [
  'Adno,Reg Group,Year,Gender,SEN Status,FSM Eligible,EAL,Ethnicity,Looked After,Young Carer',
  '1001,4B,4,F,E,Y,N,WBRI,N,N',
  '1002,4B,4,M,K,N,Y,AIND,N,Y',
  '1003,4B,Year 4,M,N,N,N,BCRB,Y,N',
  '1004,4B,4,F,N,Y,N,MWBC,N,N',
  '1005,4B,4,F,N,N,N,CHNE,N,N',
  '1006,4B,4,M,,,,,,',
  '2001,5C,5,F,N,N,N,White,N,N',
  '2002,5C,5,M,N,Y,N,Asian,N,N',
  '2003,5C,5,M,K,N,Y,Black,N,N',
  '2004,5C,5,F,N,N,N,Mixed,N,N',
  '2005,5C,5,F,E,N,N,Other,N,N',
  '2006,5C,5,M,N,N,N,REFU,N,N',
].join('\n');

for (const backend of backends) {
  describe(`linked mode on ${backend}`, () => {
    let s: TestServer;
    let urnA: string;
    let urnB: string;
    let serial = 0;
    const rows = async <T>(sql: string, params?: unknown[]) =>
      withScope(SYSTEM, async () => (await s.db.query<T>(sql, params)).rows);

    before(async () => {
      s = await startServer({ backend, schools: 2 });
      urnA = s.seeded.schools[0]!.urn;
      urnB = s.seeded.schools[1]!.urn;
    });
    after(async () => {
      await s?.close();
    });

    const lead = async (i = 0) => {
      const c = new Client(s.url);
      assert.equal((await c.login(leadEmail(i))).status, 200);
      return c;
    };
    const newRound = async (c: Client) => {
      const id = `linked-${backend}-${++serial}`;
      const r = await c.request('POST', `/api/schools/${urnA}/rounds`, {
        id,
        wave: 'baseline',
        opensOn: day(),
        closesOn: day(28),
      });
      assert.equal(r.status, 201, r.text);
      return id;
    };
    const records = (c: Client, round: string, csv = CLASS_LIST) =>
      c.request('POST', `/api/schools/${urnA}/rounds/${round}/records`, { csv });
    const slips = async (c: Client, round: string, classLabel = '4B') => {
      const r = await c.request('POST', `/api/schools/${urnA}/rounds/${round}/slips`, {
        classLabel,
        definition: 'pupil-ks2',
      });
      assert.equal(r.status, 201, r.text);
      return r.json as {
        definition: { id: string; version: string };
        slips: { reference: string; code: string }[];
      };
    };
    /** A pupil comes in with a slip's code and sends the linked form's answers. */
    const answerWith = async (code: string, round: string) => {
      const p = new Client(s.url);
      const start = await p.request('POST', '/api/pupil/start', { code });
      if (start.status !== 200) return { start, sent: undefined, definition: undefined };
      const q = await p.request('GET', '/api/pupil/questionnaire');
      const definition = q.json.definition as QuestionnaireDefinition;
      const response = {
        ...sampleResponse('pupil-ks2', urnA, round, 'baseline'),
        definition: { id: definition.id, version: definition.version },
      };
      const sent = await p.request('POST', '/api/pupil/responses', response);
      return { start, sent, definition, id: response.id };
    };

    it('imports a class list; a bad one is refused whole, every problem with its row and column', async () => {
      const c = await lead();
      const round = await newRound(c);
      const bad = ['Adno,Forename,Reg Group,SEN Status', '1001,Sam,4B,E'].join('\n');
      const named = await records(c, round, bad);
      assert.equal(named.status, 422, named.text);
      assert.match(named.text, /column \\"Forename\\".*never takes names/);
      const wrong = [
        'Adno,Reg Group,Year,SEN Status,FSM',
        '1001,4B,4,X,Y',
        '=HYPERLINK("http://x"),4B,4,N,N',
        '1001,4B,4,N,maybe',
      ].join('\n');
      const r = await records(c, round, wrong);
      assert.equal(r.status, 422, r.text);
      const messages = (r.json.problems as { message: string }[]).map((p) => p.message);
      assert.deepEqual(
        messages.map((m) => m.slice(0, m.indexOf(':'))),
        [
          'Row 2, column "SEN Status"',
          'Row 3, column "Adno"',
          'Row 4, column "Adno"',
          'Row 4, column "FSM"',
        ],
      );
      assert.match(messages[1]!, /never a name/);
      // Nothing was half-imported.
      const none = await c.request('GET', `/api/schools/${urnA}/rounds/${round}/records`);
      assert.equal(none.json.pupils, 0);
      const ok = await records(c, round);
      assert.equal(ok.status, 200, ok.text);
      assert.equal(ok.json.imported, 12);
      // The same file again changes nothing.
      const again = await records(c, round);
      assert.deepEqual(again.json.classes, ok.json.classes);
      const stored = await rows<{ n: number }>(
        'SELECT count(*)::int AS n FROM pupil_records WHERE school_urn = $1 AND round_id = $2',
        [urnA, round],
      );
      assert.equal(stored[0]!.n, 12);
    });

    it('Done when: slips printed once; a pupil answers the linked form, never asked about SEND or FSM; the response carries the records', async () => {
      const c = await lead();
      const round = await newRound(c);
      await records(c, round);
      const { slips: out, definition } = await slips(c, round);
      assert.equal(out.length, 6);
      assert.match(definition.version, /-linked$/);
      // Shown once: printing the class's slips again is refused.
      const twice = await c.request('POST', `/api/schools/${urnA}/rounds/${round}/slips`, {
        classLabel: '4B',
      });
      assert.equal(twice.status, 409);
      // The list is fixed once slips are out.
      assert.equal((await records(c, round)).status, 409);

      const first = out.find((x) => x.reference === '1001')!;
      const a = await answerWith(first.code, round);
      assert.equal(a.start.status, 200, a.start.text);
      const asked = itemsOf(a.definition!).filter(
        (i) =>
          i.scoring.kind === 'characteristic' &&
          RECORD_CHARACTERISTICS.includes(i.scoring.characteristic!),
      );
      assert.deepEqual(asked, [], 'the linked form asks no characteristic the records give');
      assert.equal(a.sent!.status, 201, a.sent!.text);
      const [stored] = await rows<{ body: QuestionnaireResponse }>(
        'SELECT body FROM responses WHERE id = $1',
        [a.id],
      );
      assert.equal(stored!.body.mode, 'linked');
      assert.deepEqual(stored!.body.characteristics, {
        source: 'school-records',
        yearGroup: 'Y4',
        sex: 'female',
        sen: 'E',
        fsm: 'yes',
        eal: 'no',
        ethnicity: 'white',
        lookedAfter: 'no',
        youngCarer: 'no',
      });
      // A token is single-use.
      const reuse = await answerWith(first.code, round);
      assert.equal(reuse.start.status, 409);
      assert.equal(reuse.start.json.reason, 'sent');

      // The round's results read the records' groups: SEN from the record, not the pupil.
      const bodies = (
        await rows<{ body: QuestionnaireResponse }>(
          'SELECT body FROM responses WHERE school_urn = $1 AND round_id = $2',
          [urnA, round],
        )
      ).map((r) => r.body);
      const school = { urn: urnA, phase: 'primary' } as never;
      const [summary] = summariseRound(bodies, school, { wave: 'baseline' } as never);
      assert.equal(summary!.respondents.sen['E'], 1);
    });

    it('P2: after submission no stored row links the response to its token, record or session', async () => {
      const c = await lead();
      const round = await newRound(c);
      await records(c, round);
      const { slips: out } = await slips(c, round, '5C');
      const sent = [];
      for (const slip of out.slice(0, 3)) sent.push(await answerWith(slip.code, round));
      assert.ok(sent.every((x) => x.sent?.status === 201));
      const tokens = await rows<{ reference: string | null; used: boolean }>(
        'SELECT reference, used FROM pupil_tokens WHERE school_urn = $1 AND round_id = $2',
        [urnA, round],
      );
      // Used tokens name nobody; the unused ones still name their pupils (until close).
      assert.equal(tokens.filter((t) => t.used).length, 3);
      assert.ok(tokens.filter((t) => t.used).every((t) => t.reference === null));
      assert.equal(tokens.filter((t) => !t.used && t.reference).length, 3);
      const sessions = await rows<{ token_hash: string | null; code_hash: string | null }>(
        `SELECT token_hash, code_hash FROM sessions WHERE kind = 'pupil' AND round_id = $1 AND submitted`,
        [round],
      );
      assert.equal(sessions.length, 3);
      assert.ok(sessions.every((x) => x.token_hash === null && x.code_hash === null));
      // A join on any column a response shares with a table that knows a pupil (or their
      // class) matches either nothing or every response of the round alike: it never picks out
      // one pupil. (Times are not stored at all: P3.)
      const columns = async (table: string) =>
        (
          await rows<{ column_name: string }>(
            `SELECT column_name FROM information_schema.columns
              WHERE table_name = $1 AND table_schema = current_schema()`,
            [table],
          )
        ).map((r) => r.column_name);
      const responseColumns = new Set(await columns('responses'));
      let joins = 0;
      for (const table of ['pupil_tokens', 'pupil_records', 'sessions', 'class_codes']) {
        const shared = (await columns(table)).filter((col) => responseColumns.has(col));
        for (const col of shared) {
          const values = await rows<{ v: string; n: number; linked: number }>(
            `SELECT r.${col}::text AS v, count(*)::int AS n,
                    (SELECT count(*)::int FROM ${table} t WHERE t.${col}::text = r.${col}::text) AS linked
               FROM responses r WHERE r.round_id = $1 GROUP BY r.${col}`,
            [round],
          );
          for (const v of values) {
            joins++;
            assert.ok(v.linked === 0 || v.n >= 3, `${table}.${col} = ${v.v} picks out ${v.n}`);
          }
        }
      }
      assert.ok(joins >= 8, 'the shared columns were checked');
      // And no response holds a reference or a token, in any form.
      const bodies = await rows<{ body: unknown }>(
        'SELECT body FROM responses WHERE round_id = $1',
        [round],
      );
      const text = JSON.stringify(bodies);
      for (const slip of out) {
        assert.ok(!text.includes(slip.reference), slip.reference);
        assert.ok(!text.includes(sha256(slip.code.replace('-', ''))));
      }
    });

    it('P9: closing the round removes its class list and tokens; an unused slip then admits nobody', async () => {
      const c = await lead();
      const round = await newRound(c);
      await records(c, round);
      const { slips: out } = await slips(c, round);
      const closed = await c.request('POST', `/api/schools/${urnA}/rounds/${round}/close`, {});
      assert.equal(closed.status, 200, closed.text);
      for (const table of ['pupil_records', 'pupil_tokens']) {
        const [n] = await rows<{ n: number }>(
          `SELECT count(*)::int AS n FROM ${table} WHERE school_urn = $1 AND round_id = $2`,
          [urnA, round],
        );
        assert.equal(n!.n, 0, table);
      }
      const late = await answerWith(out[0]!.code, round);
      assert.equal(late.start.status, 404);
    });

    it('slips only for a questionnaire written for the class’s year groups: a Year 4 class is refused the secondary form', async () => {
      const c = await lead();
      const round = await newRound(c);
      await records(c, round);
      const wrong = await c.request('POST', `/api/schools/${urnA}/rounds/${round}/slips`, {
        classLabel: '4B',
        definition: 'pupil-secondary',
      });
      assert.equal(wrong.status, 422, wrong.text);
      const [p] = wrong.json.problems as { path: string; message: string }[];
      assert.equal(p!.path, 'definition');
      assert.equal(
        p!.message,
        '4B has pupils in Year 4, but this questionnaire is written for Years 7 to 13. Choose the questionnaire for their year group.',
      );
      // Nothing was issued: the right form still prints the class's slips.
      assert.equal((await slips(c, round)).slips.length, 6);
    });

    it('S1: another school’s lead can neither read nor change the list nor print its slips', async () => {
      const a = await lead();
      const round = await newRound(a);
      await records(a, round);
      const b = await lead(1);
      const base = `/api/schools/${urnA}/rounds/${round}`;
      for (const [method, path, body] of [
        ['GET', `${base}/records`, undefined],
        ['POST', `${base}/records`, { csv: CLASS_LIST }],
        ['POST', `${base}/slips`, { classLabel: '4B' }],
      ] as const) {
        const r = await b.request(method, path, body);
        assert.ok([403, 404].includes(r.status), `${method} ${path}: ${r.status}`);
      }
      // Their own school has no such round.
      const own = await b.request('GET', `/api/schools/${urnB}/rounds/${round}/records`);
      assert.equal(own.status, 404);
    });
  });
}

describe('the class list reader', () => {
  it('reads the headings of common exports and every value written as records write it', () => {
    const r = pupilsFromCsv(CLASS_LIST);
    assert.ok(r.ok);
    if (!r.ok) return;
    assert.equal(r.pupils.length, 12);
    const p = (ref: string) => r.pupils.find((x) => x.reference === ref)!;
    assert.equal(p('1003').yearGroup, 'Y4');
    assert.equal(p('1002').ethnicity, 'asian');
    assert.equal(p('1005').ethnicity, 'asian', 'Chinese is in the GSS Asian group');
    assert.equal(p('1006').sen, 'unknown');
    assert.equal(p('2006').ethnicity, 'unknown', 'refused is unknown');
    assert.deepEqual(r.missing, []);
  });

  it('reads headings written as other exports write them: Form/Tutor Group, NC Year, FSMEligible', () => {
    const r = pupilsFromCsv(
      'Admission Number,Form/Tutor Group,NC Year,Gender,FSMEligible,Ethnic Group\n77,7KT,7,F,Y,WBRI\n',
    );
    assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
    if (!r.ok) return;
    assert.deepEqual(
      [r.pupils[0]!.classLabel, r.pupils[0]!.yearGroup, r.pupils[0]!.fsm, r.pupils[0]!.ethnicity],
      ['7KT', 'Y7', 'yes', 'white'],
    );
  });

  it('the example file in docs/privacy reads without a problem', () => {
    const csv = readFileSync(
      new URL('../../../docs/privacy/example-class-list.csv', import.meta.url),
      'utf8',
    );
    const r = pupilsFromCsv(csv);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
  });

  it('the year check names the years outside a form, and leaves schools that choose by need alone', () => {
    const ks1 = getQuestionnaire('pupil-ks1');
    assert.equal(
      slipsYearProblem('Owls', ['R', 'Y3', 'Y4'], ks1, 'primary'),
      'Owls has pupils in Year 3 and Year 4, but this questionnaire is written for Reception to Year 2. Choose the questionnaire for their year group.',
    );
    assert.equal(slipsYearProblem('Owls', ['R', 'Y1', 'unknown'], ks1, 'primary'), undefined);
    assert.equal(slipsYearProblem('Class 9', ['Y9'], ks1, 'special'), undefined);
    const allAges = getQuestionnaire('pupil-all-ages');
    assert.equal(slipsYearProblem('Mixed', ['R', 'Y13'], allAges, 'all-through'), undefined);
  });

  it('only reference and class are required; a missing column makes every pupil unknown for it', () => {
    const r = pupilsFromCsv('Admission Number,Class\n77,3A\n');
    assert.ok(r.ok);
    if (!r.ok) return;
    assert.equal(r.pupils[0]!.fsm, 'unknown');
    assert.ok(r.missing.includes('lookedAfter'));
    const none = pupilsFromCsv('Year,Sex\n4,F\n');
    assert.ok(!none.ok);
  });
});

/**
 * The 360° perception surveys (issue "Every instrument live", item 1), on PGlite and, when
 * DATABASE_URL is set, on PostgreSQL: a lead makes one link per audience and sees its code once
 * (only a hash is kept); adults answer anonymously (no code, address or time of day stored with
 * the answers: P2, P3), once per response id (S13), with bad answers refused by path (S4); wrong
 * codes are throttled (S6); a lead reaches only their own school's rounds and one school's code
 * never answers for another (S1, S2); the lead's JSON holds published figures only, small adult
 * groups hidden (D1, D8), refreshed only at snapshots (D5); the award reads the same 360°.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SYSTEM, withScope } from '../server/db.js';
import { END_ROUND, LIVE_ROUND, leadEmail } from '../server/seed.js';
import { sha256 } from '../server/security.js';
import { Client, startServer, testClock, type TestServer } from './helpers.js';
import { adultResponse } from './perception-helpers.js';

const backends: ('pglite' | 'pg')[] = [
  'pglite',
  ...(process.env.DATABASE_URL ? (['pg'] as const) : []),
];

for (const backend of backends) {
  describe(`the 360° perception surveys on ${backend}`, () => {
    let s: TestServer;
    let urn: string;
    let other: string;
    const count = async (sql: string, params?: unknown[]) =>
      withScope(SYSTEM, async () =>
        Number((await s.db.query<{ n: string }>(sql, params)).rows[0]!.n),
      );
    const signIn = async (email: string) => {
      const c = new Client(s.url);
      const r = await c.login(email);
      assert.equal(r.status, 200, `${email}: ${r.text}`);
      return c;
    };
    const link = async (
      lead: Client,
      school: string,
      round: string,
      audience: string,
      invited = 40,
    ) => {
      const r = await lead.request(
        'POST',
        `/api/schools/${school}/rounds/${round}/perception/links`,
        {
          audience,
          invited,
        },
      );
      assert.equal(r.status, 201, r.text);
      return String(r.json.code);
    };
    /** An adult's browser: no cookies, its own address. */
    const adult = (address = '203.0.113.7') => {
      const c = new Client(s.url);
      return (method: string, path: string, body?: unknown) =>
        c.request(method, path, body, { 'x-forwarded-for': address });
    };

    before(async () => {
      s = await startServer({ backend, schools: 3, pupilsPerSchool: [4, 6], trustProxy: 1 });
      urn = s.seeded.schools[0]!.urn;
      other = s.seeded.schools[1]!.urn;
    });
    after(() => s.close());

    it('P2 P3 S13 a lead makes a link per audience, seen once; an adult answers it anonymously, once', async () => {
      const lead = await signIn(leadEmail(0));
      const code = await link(lead, urn, LIVE_ROUND, 'parent-carer', 30);
      assert.match(code, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      const plain = code.replace('-', '');
      assert.equal(
        await count('SELECT count(*) AS n FROM perception_codes WHERE code_hash = $1', [
          sha256(plain),
        ]),
        1,
        'only the hash is kept',
      );
      const view = await lead.request('GET', `/api/schools/${urn}/rounds/${LIVE_ROUND}/perception`);
      assert.equal(view.status, 200, view.text);
      assert.ok(!view.text.includes(plain), 'the code is never shown again');
      assert.equal((view.json.links as unknown[]).length, 1);

      const as = adult();
      const start = await as('POST', '/api/perception/start', { code: code.toLowerCase() });
      assert.equal(start.status, 200, start.text);
      assert.equal((start.json.definition as { id: string }).id, 'perception-parent-carer');
      assert.equal((start.json.school as { urn: string }).urn, urn);
      const response = adultResponse('parent-carer', urn, 'baseline');
      const sent = await as('POST', '/api/perception/responses', { code, response });
      assert.equal(sent.status, 201, sent.text);
      assert.equal(sent.json.status, 'stored');
      const again = await as('POST', '/api/perception/responses', { code, response });
      assert.equal(again.status, 201, again.text);
      assert.equal(again.json.status, 'already-stored');
      const changed = await as('POST', '/api/perception/responses', {
        code,
        response: { ...response, answers: { ...response.answers, 'policy-found': 'disagree' } },
      });
      assert.equal(changed.status, 422, changed.text);
      assert.equal(
        await count(
          'SELECT count(*) AS n FROM perception_responses WHERE school_urn = $1 AND round_id = $2',
          [urn, LIVE_ROUND],
        ),
        1,
      );
      // Nothing to link the answers to anyone: no code, no address, no time of day.
      const columns = await withScope(SYSTEM, async () =>
        (
          await s.db.query<{ column_name: string }>(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'perception_responses' ORDER BY column_name",
          )
        ).rows.map((r) => r.column_name),
      );
      assert.deepEqual([...new Set(columns)].sort(), [
        'audience',
        'body',
        'body_hash',
        'definition_id',
        'definition_version',
        'id',
        'round_id',
        'school_urn',
        'submitted_on',
      ]);
      const stored = await withScope(SYSTEM, async () =>
        JSON.stringify(
          (await s.db.query('SELECT body FROM perception_responses WHERE id = $1', [response.id]))
            .rows,
        ),
      );
      assert.ok(!stored.includes(plain) && !stored.includes('203.0.113.7'));
      assert.match(stored, /T00:00:00Z/);
      assert.ok(!s.logs.some((l) => l.includes(plain)), 'S11 the code is in no log line');
    });

    it('S4 a bad answer is refused with its path and nothing is stored', async () => {
      const lead = await signIn(leadEmail(0));
      const code = await link(lead, urn, LIVE_ROUND, 'staff');
      const as = adult('203.0.113.8');
      const before = await count('SELECT count(*) AS n FROM perception_responses');
      const bad = adultResponse('staff', urn, 'baseline');
      bad.answers['senior-lead'] = 'maybe';
      const r = await as('POST', '/api/perception/responses', { code, response: bad });
      assert.equal(r.status, 422, r.text);
      assert.match(r.text, /senior-lead/);
      const extra = await as('POST', '/api/perception/responses', {
        code,
        response: adultResponse('staff', urn, 'baseline'),
        name: 'A. Teacher',
      });
      assert.equal(extra.status, 400, extra.text);
      assert.match(extra.text, /name/);
      const wave = await as('POST', '/api/perception/responses', {
        code,
        response: adultResponse('staff', urn, 'end'),
      });
      assert.equal(wave.status, 422, wave.text);
      assert.match(wave.text, /wave/);
      assert.equal(await count('SELECT count(*) AS n FROM perception_responses'), before);
    });

    it('S6 wrong codes: 429 after 10 with Retry-After, a right code still admitted', async () => {
      const lead = await signIn(leadEmail(0));
      const code = await link(lead, urn, LIVE_ROUND, 'governor', 12);
      const as = adult('198.51.100.20');
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++)
        statuses.push((await as('POST', '/api/perception/start', { code: 'AAAA-AAAA' })).status);
      assert.deepEqual(statuses.slice(0, 10), Array(10).fill(404));
      const throttled = await as('POST', '/api/perception/start', { code: 'AAAA-AAAA' });
      assert.equal(throttled.status, 429);
      assert.ok(Number(throttled.headers.get('retry-after')) > 0);
      assert.equal((await as('POST', '/api/perception/start', { code })).status, 200);
    });

    it("S1 S2 another school's lead can neither read nor open this school's survey; its codes answer only for its own school", async () => {
      const stranger = await signIn(leadEmail(1));
      const read = await stranger.request(
        'GET',
        `/api/schools/${urn}/rounds/${LIVE_ROUND}/perception`,
      );
      assert.equal(read.status, 403, read.text);
      const open = await stranger.request(
        'POST',
        `/api/schools/${urn}/rounds/${LIVE_ROUND}/perception/links`,
        { audience: 'staff', invited: 10 },
      );
      assert.equal(open.status, 403, open.text);
      const links = await count(
        'SELECT count(*) AS n FROM perception_codes WHERE school_urn = $1',
        [other],
      );
      // The other school's own code, used with answers that claim to be for this school.
      const theirs = await link(stranger, other, END_ROUND, 'staff').catch(() => null);
      assert.equal(theirs, null, 'a closed round takes no new links');
      const round = await stranger.request('POST', `/api/schools/${other}/rounds`, {
        id: 'staff-views',
        wave: 'baseline',
        opensOn: new Date().toISOString().slice(0, 10),
        closesOn: new Date().toISOString().slice(0, 10),
      });
      assert.equal(round.status, 201, round.text);
      const code = await link(stranger, other, 'staff-views', 'staff');
      assert.equal(
        await count('SELECT count(*) AS n FROM perception_codes WHERE school_urn = $1', [other]),
        links + 1,
      );
      const before = await count(
        'SELECT count(*) AS n FROM perception_responses WHERE school_urn = $1',
        [urn],
      );
      const forged = await adult('203.0.113.9')('POST', '/api/perception/responses', {
        code,
        response: adultResponse('staff', urn, 'baseline'),
      });
      assert.equal(forged.status, 422, forged.text);
      assert.match(forged.text, /another school/);
      assert.equal(
        await count('SELECT count(*) AS n FROM perception_responses WHERE school_urn = $1', [urn]),
        before,
      );
      // Closing the round ends its links at once, and their hashes go (P9).
      const closed = await stranger.request(
        'POST',
        `/api/schools/${other}/rounds/staff-views/close`,
        {},
      );
      assert.equal(closed.status, 200, closed.text);
      const late = await adult('203.0.113.10')('POST', '/api/perception/start', { code });
      assert.equal(late.status, 404, late.text);
      assert.equal(
        await count('SELECT count(*) AS n FROM perception_codes WHERE code_hash = $1', [
          sha256(code.replace('-', '')),
        ]),
        0,
      );
    });

    it("D1 D8 the lead's 360° view: published figures only, the small group hidden, gaps in words", async () => {
      const lead = await signIn(leadEmail(0));
      const r = await lead.request('GET', `/api/schools/${urn}/rounds/${END_ROUND}/perception`);
      assert.equal(r.status, 200, r.text);
      const body = r.json as {
        published: {
          stakeholders: { stakeholder: string; people: { value?: number; symbol?: string } }[];
          statements: {
            statement: string;
            groups: { stakeholder: string; people: object; agree: object }[];
          }[];
        };
        gaps: { statement: string; words: string }[];
        audiences: { audience: string; answered: string }[];
      };
      const people = Object.fromEntries(
        body.published.stakeholders.map((g) => [g.stakeholder, g.people]),
      );
      assert.deepEqual(people, {
        staff: { value: 24 },
        'parent-carer': { value: 31 },
        governor: { symbol: '[c]', reason: 'base' },
      });
      // Every governor figure is a symbol: no count, no percentage.
      for (const st of body.published.statements)
        for (const g of st.groups.filter((x) => x.stakeholder === 'governor')) {
          assert.ok(!('value' in g.people) && !('value' in g.agree), JSON.stringify(g));
        }
      assert.equal(
        body.audiences.find((a) => a.audience === 'governor')!.answered,
        'fewer than 10',
      );
      assert.ok(!r.text.includes('"answers"'), 'no raw answers');
      const gaps = Object.fromEntries(body.gaps.map((g) => [g.statement, g.words]));
      assert.match(
        gaps['2.9'] ?? '',
        /You rated 2\.9 Fully met, but only \d+% of parents and carers agree/,
      );
      assert.match(gaps['3.2'] ?? '', /staff/);
    });

    it('D5 an open round shows a new figure only after 10 more people, then stays the same', async () => {
      const lead = await signIn(leadEmail(0));
      const round = 'd5-views';
      const today = new Date().toISOString().slice(0, 10);
      const made = await lead.request('POST', `/api/schools/${urn}/rounds`, {
        id: round,
        wave: 'baseline',
        opensOn: today,
        closesOn: today,
      });
      assert.equal(made.status, 201, made.text);
      const code = await link(lead, urn, round, 'staff', 50);
      const send = async (n: number) => {
        for (let i = 0; i < n; i++) {
          const r = await adult(`192.0.2.${i + 1}`)('POST', '/api/perception/responses', {
            code,
            response: adultResponse('staff', urn, 'baseline', i % 2 ? 'agree' : 'disagree'),
          });
          assert.equal(r.status, 201, r.text);
        }
      };
      const view = async () =>
        (await lead.request('GET', `/api/schools/${urn}/rounds/${round}/perception`)).json as {
          published: { stakeholders: unknown[]; statements: unknown[] };
        };
      await send(9);
      assert.deepEqual((await view()).published, { stakeholders: [], statements: [] });
      await send(1);
      const ten = await view();
      assert.deepEqual(ten.published.stakeholders, [
        { stakeholder: 'staff', people: { value: 10 } },
      ]);
      await send(1);
      assert.deepEqual((await view()).published, ten.published, 'one more answer changes nothing');
    });

    it("the action plan's priorities take the 360°'s gaps: Fully met, but a group disagrees", async () => {
      const lead = await signIn(leadEmail(0));
      const r = await lead.request('GET', `/api/schools/${urn}/rounds/${END_ROUND}/plan`);
      assert.equal(r.status, 200, r.text);
      const gapped = (r.json.priorities as { statement: string; rating: string }[])
        .filter((p) => p.rating === 'fully-met')
        .map((p) => p.statement)
        .sort();
      const view = await lead.request('GET', `/api/schools/${urn}/rounds/${END_ROUND}/perception`);
      const gaps = (view.json.gaps as { statement: string }[]).map((g) => g.statement).sort();
      assert.ok(gaps.length >= 2, JSON.stringify(gaps));
      assert.deepEqual(gapped, gaps);
    });

    it('the award reads the same 360°: staff and parents count as stakeholder groups, governors do not', async () => {
      const lead = await signIn(leadEmail(0));
      const r = await lead.request('GET', `/api/schools/${urn}/award`);
      assert.equal(r.status, 200, r.text);
      const text = JSON.stringify(r.json);
      assert.match(text, /staff/);
      assert.match(text, /parents and carers/);
      assert.ok(!/governors/.test(text), 'the hidden group is not counted');
    });
  });
}

describe('P9 the 360° under retention', () => {
  it("P9 13 months after a round closed its adults' answers are purged; the 360° view is byte-identical", async () => {
    const clock = testClock();
    const s = await startServer({ schools: 2, pupilsPerSchool: [4, 6], now: clock.now });
    try {
      const urn = s.seeded.schools[0]!.urn;
      const count = async () =>
        withScope(SYSTEM, async () =>
          Number(
            (
              await s.db.query<{ n: string }>(
                'SELECT count(*) AS n FROM perception_responses WHERE school_urn = $1 AND round_id = $2',
                [urn, END_ROUND],
              )
            ).rows[0]!.n,
          ),
        );
      const view = async () => {
        const lead = new Client(s.url);
        assert.equal((await lead.login(leadEmail(0))).status, 200);
        const r = await lead.request('GET', `/api/schools/${urn}/rounds/${END_ROUND}/perception`);
        assert.equal(r.status, 200, r.text);
        return JSON.stringify({ published: r.json.published, gaps: r.json.gaps });
      };
      const first = await view();
      assert.equal(await count(), 24 + 31 + 6);
      // Thirteen months after the end round closed (2026-07-05); the clock only moves forward.
      clock.set(Date.parse('2026-07-05T12:00:00Z') + 13 * 30 * 86_400_000);
      await s.demo.maintenance.runOnce();
      assert.equal(await count(), 0);
      assert.equal(await view(), first);
    } finally {
      await s.close();
    }
  });
});

/**
 * Stored answers are read with the version they answered: a year's audit is begun, finished and
 * compared on one version, responses to an earlier questionnaire version still count, and a school
 * of each phase gets the form its phase needs (the questionnaires package's guidance).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { getAudit, getQuestionnaire, listDefinitions } from '@all-together/questionnaires';
import { BASELINE_ROUND, END_ROUND, LIVE_ROUND, leadEmail } from '../server/seed.js';
import {
  defaultDefinitionFor,
  pupilDefinitionsEveryVersion,
} from '../server/domain/definitions.js';
import { Client, startServer, type TestServer } from './helpers.js';

const backends: ('pglite' | 'pg')[] = [
  'pglite',
  ...(process.env.DATABASE_URL ? (['pg'] as const) : []),
];
const newest = getAudit();
const first = getAudit('all-together-audit', '1.0.0');

describe('which form a school gets, by phase', () => {
  it('special schools, alternative provision and all-through schools get the form for all ages', () => {
    assert.equal(defaultDefinitionFor('primary'), 'pupil-ks2');
    assert.equal(defaultDefinitionFor('secondary'), 'pupil-secondary');
    for (const phase of ['special', 'alternative-provision', 'all-through'])
      assert.equal(defaultDefinitionFor(phase), 'pupil-all-ages', phase);
  });

  it('every shipped version of every pupil form, and its linked-mode form, can be read back', () => {
    const shipped = listDefinitions().filter((e) => e.id.startsWith('pupil-'));
    assert.deepEqual(
      pupilDefinitionsEveryVersion()
        .map((d) => `${d.id}@${d.version}`)
        .sort(),
      shipped.flatMap((e) => [`${e.id}@${e.version}`, `${e.id}@${e.version}-linked`]).sort(),
    );
    assert.ok(shipped.some((e) => e.id === 'pupil-ks2' && e.version === '1.0.0'));
  });
});

for (const backend of backends) {
  describe(`stored answers keep their version, on ${backend}`, () => {
    let s: TestServer;
    before(async () => {
      s = await startServer({ backend });
    });
    after(() => s?.close());

    it('an end audit continues the baseline audit’s version; another version is refused, naming it', async () => {
      assert.notEqual(newest.version, first.version, 'a newer audit version ships');
      const urn = s.seeded.schools[0]!.urn;
      const lead = new Client(s.url);
      assert.equal((await lead.login(leadEmail(0))).status, 200);
      // No audit yet in the open round: it starts on the newest version.
      const fresh = await lead.request('GET', `/api/schools/${urn}/rounds/${LIVE_ROUND}/audit`);
      assert.equal(fresh.status, 200, fresh.text);
      assert.equal((fresh.json.definition as { version: string }).version, newest.version);

      // A baseline audit begun on 1.0.0, as a database from before the new version holds it.
      const old = (await lead.request('GET', `/api/schools/${urn}/rounds/${BASELINE_ROUND}/audit`))
        .json.response as Record<string, unknown>;
      await s.db.query(
        'INSERT INTO audits (school_urn, round_id, body) VALUES ($1, $2, $3::jsonb)',
        [urn, LIVE_ROUND, JSON.stringify({ ...old, round: LIVE_ROUND })],
      );
      const own = await lead.request('GET', `/api/schools/${urn}/rounds/${LIVE_ROUND}/audit`);
      assert.equal((own.json.definition as { version: string }).version, first.version);

      // The year's end round continues on the baseline's version.
      const day = new Date().toISOString().slice(0, 10);
      const made = await lead.request('POST', `/api/schools/${urn}/rounds`, {
        id: '2026-27-end',
        wave: 'end',
        opensOn: day,
        closesOn: day,
      });
      assert.equal(made.status, 201, made.text);
      const end = await lead.request('GET', `/api/schools/${urn}/rounds/2026-27-end/audit`);
      assert.equal((end.json.definition as { version: string }).version, first.version);
      const body = { ...old, wave: 'end', round: '2026-27-end' };
      const wrong = await lead.request('PUT', `/api/schools/${urn}/rounds/2026-27-end/audit`, {
        ...body,
        definition: { id: newest.id, version: newest.version },
      });
      assert.equal(wrong.status, 400, wrong.text);
      assert.match(
        wrong.text,
        new RegExp(`Use all-together-audit ${first.version.replaceAll('.', '\\.')}`),
      );
      const right = await lead.request('PUT', `/api/schools/${urn}/rounds/2026-27-end/audit`, body);
      assert.equal(right.status, 200, right.text);
    });

    it('the audit comparison and the award read 1.0.0 audits with 1.0.0 (43 statements, not 47)', async () => {
      const lead = new Client(s.url);
      assert.equal((await lead.login(leadEmail(1))).status, 200);
      const urn = s.seeded.schools[1]!.urn;
      const r = await lead.request('GET', `/api/schools/${urn}/rounds/${END_ROUND}/results`);
      assert.equal(r.status, 200, r.text);
      const statements = (r.json.audit as { statements: unknown[] }).statements;
      const count = (d: typeof first) => d.areas.reduce((n, a) => n + a.statements.length, 0);
      assert.equal(statements.length, count(first));
      assert.notEqual(count(first), count(newest));
    });

    it('responses to an earlier questionnaire version still count beside the newest', async () => {
      const ks2First = getQuestionnaire('pupil-ks2', '1.0.0');
      assert.notEqual(getQuestionnaire('pupil-ks2').version, ks2First.version);
      const urn = s.seeded.schools[0]!.urn;
      // Re-label some of this school's stored answers as 1.0.0 answers (the versions differ only in
      // the split option, so answers without it are valid under both), as a database from before
      // the new version would hold them.
      const relabelled = await s.db.query(
        `UPDATE responses SET definition_version = '1.0.0',
                body = jsonb_set(body, '{definition,version}', '"1.0.0"')
          WHERE school_urn = $1 AND round_id = $2 AND definition_id IN ('pupil-ks2', 'pupil-secondary')
            AND NOT (coalesce(body->'answers'->'types', '[]'::jsonb)
                     ?| array['sexual-comments', 'unwanted-touching'])`,
        [urn, BASELINE_ROUND],
      );
      assert.ok(relabelled.rowCount > 0, 'some answers to relabel');
      const all = await s.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM responses WHERE school_urn = $1 AND round_id = $2',
        [urn, BASELINE_ROUND],
      );
      await s.db.query('DELETE FROM summary_snapshots WHERE school_urn = $1', [urn]);
      const lead = new Client(s.url);
      assert.equal((await lead.login(leadEmail(0))).status, 200);
      const r = await lead.request('GET', `/api/schools/${urn}/rounds/${BASELINE_ROUND}/results`);
      assert.equal(r.status, 200, r.text);
      // Every stored response counts: none refused for answering the earlier version.
      assert.equal((r.json.respondents as { value: number }).value, all.rows[0]!.n);
    });
  });
}

/**
 * Award moderation (issue 19), on PGlite and, when DATABASE_URL is set, on PostgreSQL: hostile
 * uploads refused with a clear message and nothing stored; a file served only as a download to the
 * school and its moderators; submission locks the rounds; a moderator decides with reasons, a
 * second moderator signs off, the lead sees the decision and the certificate, the trust and LA list
 * the awards and queue renewal reminders; every new route refuses every other role and school.
 */
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { SYSTEM, withScope } from '../server/db.js';
import { DEMO_ADMIN, DEMO_PASSWORD } from '../server/seed.js';
import { DEMO_LA, LA_ADVISER, seedArea } from '../server/seed-area.js';
import { MODERATOR, SECOND_MODERATOR, seedModeration } from '../server/seed-moderation.js';
import { hashPassword } from '../server/security.js';
import { MAX_FILE_BYTES, checkFile } from '../server/domain/evidence.js';
import { expiryOf } from '../server/domain/moderation.js';
import { Client, startServer, testClock, type TestServer } from './helpers.js';

const backends: ('pglite' | 'pg')[] = [
  'pglite',
  ...(process.env.DATABASE_URL ? (['pg'] as const) : []),
];

// ── files ──

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
]);

/** A zip in memory: each entry deflated, or declared with another size (a lying entry). */
function zip(entries: { name: string; data: Buffer; declare?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const body = deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const size = e.declare ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(body.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    central.push(cd, name);
    offset += 30 + name.length + body.length;
  }
  const cdBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cdBuf, end]);
}
const docx = (extra: { name: string; data: Buffer; declare?: number }[] = []) =>
  zip([
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
    { name: 'word/document.xml', data: Buffer.from('<w:document>Minutes</w:document>') },
    ...extra,
  ]);

/** The hostile-upload catalogue: a name, the file, and words the refusal must contain. */
const HOSTILE: { why: string; name: string; data: Buffer; says: RegExp }[] = [
  {
    why: 'wrong type with a right extension (a PNG named .pdf)',
    name: 'minutes.pdf',
    data: PNG,
    says: /named \.pdf but its content is a PNG image/,
  },
  {
    why: 'an executable named .pdf',
    name: 'report.pdf',
    data: Buffer.from('MZ\x90\x00\x03\x00\x00\x00 this program cannot be run in DOS mode'),
    says: /not a type the portal accepts/,
  },
  {
    why: 'oversized',
    name: 'scan.pdf',
    data: Buffer.concat([PDF, Buffer.alloc(MAX_FILE_BYTES, 0x20)]),
    says: /largest file accepted is 5 MB/,
  },
  {
    why: 'HTML with script',
    name: 'newsletter.html',
    data: Buffer.from('<!DOCTYPE html><html><script>alert(document.cookie)</script></html>'),
    says: /web page \(HTML\)/,
  },
  {
    why: 'HTML with script named .pdf',
    name: 'newsletter.pdf',
    data: Buffer.from('<html><body><script>fetch("/api/me")</script></body></html>'),
    says: /web page \(HTML\)/,
  },
  {
    why: 'SVG with script named .png',
    name: 'logo.png',
    data: Buffer.from(
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    ),
    says: /SVG drawing/,
  },
  {
    why: 'zip bomb: an office document whose part expands to 200 MB',
    name: 'plan.docx',
    data: docx([{ name: 'word/media/big.bin', data: Buffer.alloc(200 * 1024 * 1024) }]),
    says: /zip bomb/,
  },
  {
    why: 'zip bomb: a part that declares less than it expands to',
    name: 'plan.docx',
    data: docx([{ name: 'word/media/lie.bin', data: Buffer.alloc(4 * 1024 * 1024), declare: 10 }]),
    says: /zip bomb/,
  },
  {
    why: 'zip bomb: thousands of parts',
    name: 'plan.docx',
    data: docx(
      Array.from({ length: 1200 }, (_, i) => ({ name: `p/${i}.xml`, data: Buffer.from('x') })),
    ),
    says: /more than 1000 parts/,
  },
  {
    why: 'a zip that is not an office document',
    name: 'photos.docx',
    data: zip([{ name: 'a.txt', data: Buffer.from('hello') }]),
    says: /zip archive, not an office document/,
  },
  {
    why: 'path in the file name (Unix)',
    name: '../../etc/passwd.pdf',
    data: PDF,
    says: /folder path/,
  },
  {
    why: 'path in the file name (Windows)',
    name: 'C:\\Users\\head\\minutes.pdf',
    data: PDF,
    says: /folder path/,
  },
  {
    why: 'a right-to-left override in the name',
    name: 'minutes\u202Efdp.exe',
    data: PDF,
    says: /characters that cannot be shown/,
  },
];

describe('S4 evidence files are checked by content (pure)', () => {
  for (const h of HOSTILE)
    it(`S4 refused: ${h.why}`, () => {
      const r = checkFile(h.name, h.data);
      assert.equal(r.ok, false);
      if (!r.ok) assert.match(r.message, h.says);
    });
  it('accepts a PDF, a PNG and a real office document, each with its SHA-256', () => {
    for (const [name, data, type] of [
      ['minutes.pdf', PDF, 'pdf'],
      ['photo.png', PNG, 'png'],
      ['plan.docx', docx(), 'docx'],
    ] as const) {
      const r = checkFile(name, data);
      assert.ok(r.ok, r.ok ? '' : r.message);
      if (r.ok) {
        assert.equal(r.file.type, type);
        assert.match(r.file.sha256, /^[0-9a-f]{64}$/);
      }
    }
  });
  it('an award expires two years on (29 February → 28 February)', () => {
    assert.equal(expiryOf('2026-12-06'), '2028-12-06');
    assert.equal(expiryOf('2028-02-29'), '2030-02-28');
  });
});

for (const backend of backends) {
  describe(`award moderation on ${backend}`, () => {
    let s: TestServer;
    const clock = testClock(Date.parse('2026-12-06T10:00:00Z'));
    let urnA: string; // the school that submits in these tests (lead1)
    let urnB: string; // another trust school (lead2): seeded as submitted
    let urnC: string; // the school the second moderator has declared an interest in
    let laSchool: string; // a maintained school of the LA
    const OTHER_MODERATOR = 'moderator@elsewhere.example';
    const TRUST_MODERATOR = 'moderator@north-star.example';
    const rows = async <T>(sql: string, params?: unknown[]) =>
      withScope(SYSTEM, async () => (await s.db.query<T>(sql, params)).rows);
    const count = async (sql: string, params?: unknown[]) =>
      Number((await rows<{ n: string }>(sql, params))[0]!.n);
    const signIn = async (email: string) => {
      const c = new Client(s.url);
      const r = await c.login(email);
      assert.equal(r.status, 200, `${email}: ${r.text}`);
      return c;
    };
    const upload = (c: Client, urn: string, name: string, data: Buffer, area = '1') =>
      c.request('POST', `/api/schools/${urn}/evidence`, {
        area,
        kind: 'document',
        description: 'Minutes of the governors meeting that reviewed the policy',
        date: '2026-05-01',
        file: { name, data: data.toString('base64') },
      });

    before(async () => {
      s = await startServer({ backend, schools: 4, now: clock.now });
      await withScope(SYSTEM, () => seedArea(s.db, { schools: 2, pupilsPerSchool: [12, 20] }));
      urnA = s.seeded.schools[0]!.urn;
      urnB = s.seeded.schools[1]!.urn;
      urnC = s.seeded.schools[2]!.urn;
      await withScope(SYSTEM, () =>
        seedModeration(s.db, { submittedSchool: urnB, interestSchool: urnC }),
      );
      laSchool = (
        await rows<{ urn: string }>(
          'SELECT urn FROM schools WHERE trust_id IS NULL ORDER BY urn LIMIT 1',
        )
      )[0]!.urn;
      const pw = await hashPassword(DEMO_PASSWORD);
      await withScope(SYSTEM, async () => {
        await s.db.query(
          "INSERT INTO local_authorities (code, name) VALUES ('998', 'Elsewhere') ON CONFLICT DO NOTHING",
        );
        await s.db.query(
          `INSERT INTO users (id, email, display_name, role, la_code, password_hash)
           VALUES (gen_random_uuid(), $1, 'Elsewhere moderator', 'moderator', '998', $2)`,
          [OTHER_MODERATOR, pw],
        );
        await s.db.query(
          `INSERT INTO users (id, email, display_name, role, trust_id, password_hash)
           VALUES (gen_random_uuid(), $1, 'Trust moderator', 'moderator', 'north-star-trust', $2)`,
          [TRUST_MODERATOR, pw],
        );
      });
    });
    after(() => s.close());

    it('S4 every hostile upload is refused with a clear message, and nothing is stored', async () => {
      const lead = await signIn(s.seeded.schools[0]!.lead);
      const before = await count('SELECT count(*) AS n FROM evidence_items');
      for (const h of HOSTILE) {
        const r = await upload(lead, urnA, h.name, h.data);
        assert.ok(r.status === 422 || r.status === 413, `${h.why}: ${r.status} ${r.text}`);
        const said = JSON.stringify(r.json);
        if (r.status === 422) {
          assert.match(said, h.says, `${h.why}: ${said}`);
          assert.equal((r.json.problems as { path: string }[])[0]!.path, 'file');
        } else assert.match(said, /too large|5 MB/);
      }
      // Too large for the body cap too: refused before the body is read.
      const huge = await upload(lead, urnA, 'huge.pdf', Buffer.alloc(8 * 1024 * 1024, 0x41));
      assert.equal(huge.status, 413, huge.text);
      assert.equal(await count('SELECT count(*) AS n FROM evidence_items'), before);
      assert.equal(
        await count("SELECT count(*) AS n FROM audit_log WHERE kind = 'evidence.added'"),
        0,
      );
    });

    it('S10 a file is a download only: attachment, octet-stream, nosniff and a sandbox CSP; only the school and its moderators get it', async () => {
      const lead = await signIn(s.seeded.schools[0]!.lead);
      const r = await upload(lead, urnA, 'policy review.pdf', PDF);
      assert.equal(r.status, 201, r.text);
      const item = r.json.item as { id: string; file: { sha256: string; size: number } };
      assert.equal(item.file.size, PDF.length);
      const f = await lead.request('GET', `/api/schools/${urnA}/evidence/${item.id}/file`);
      assert.equal(f.status, 200);
      assert.equal(f.text, PDF.toString());
      assert.match(
        f.headers.get('content-disposition')!,
        /^attachment; filename="policy review.pdf"/,
      );
      assert.equal(f.headers.get('content-type'), 'application/octet-stream');
      assert.equal(f.headers.get('x-content-type-options'), 'nosniff');
      assert.match(f.headers.get('content-security-policy')!, /sandbox/);
      const stored = await rows<{ file_sha256: string }>(
        'SELECT file_sha256 FROM evidence_items WHERE id = $1',
        [item.id],
      );
      assert.equal(stored[0]!.file_sha256, item.file.sha256);
      // Another school's lead, the trust admin and an LA adviser: refused.
      const other = await signIn(s.seeded.schools[1]!.lead);
      assert.equal(
        (await other.request('GET', `/api/schools/${urnA}/evidence/${item.id}/file`)).status,
        403,
      );
      assert.equal(
        (await other.request('GET', `/api/schools/${urnB}/evidence/${item.id}/file`)).status,
        404,
        'the id of another school under your own URN',
      );
      for (const who of [DEMO_ADMIN, LA_ADVISER]) {
        const c = await signIn(who);
        const x = await c.request('GET', `/api/schools/${urnA}/evidence/${item.id}/file`);
        assert.equal(x.status, 403, who);
      }
      // The school's moderators get it; one of another LA does not.
      const mod = await signIn(MODERATOR);
      const m = await mod.request(
        'GET',
        `/api/moderation/schools/${urnA}/evidence/${item.id}/file`,
      );
      assert.equal(m.status, 200, m.text);
      assert.match(m.headers.get('content-disposition')!, /^attachment/);
      const elsewhere = await signIn(OTHER_MODERATOR);
      const e = await elsewhere.request(
        'GET',
        `/api/moderation/schools/${urnA}/evidence/${item.id}/file`,
      );
      assert.equal(e.status, 404);
      assert.ok(!e.text.includes('%PDF'));
    });

    it('S4 an item needs an area or an action, a kind, five words and a day not in the future', async () => {
      const lead = await signIn(s.seeded.schools[0]!.lead);
      const before = await count('SELECT count(*) AS n FROM evidence_items');
      const r = await lead.request('POST', `/api/schools/${urnA}/evidence`, {
        kind: 'rumour',
        description: 'x',
        date: '2030-01-01',
      });
      assert.equal(r.status, 400, r.text);
      const paths = (r.json.problems as { path: string }[]).map((p) => p.path).sort();
      assert.deepEqual(paths, ['date', 'description', 'kind']);
      const none = await lead.request('POST', `/api/schools/${urnA}/evidence`, {
        kind: 'document',
        description: 'The policy was reviewed by the governors',
        date: '2026-05-01',
      });
      assert.equal(none.status, 400);
      assert.match(none.text, /audit area or the action/);
      const r2 = await lead.request('POST', `/api/schools/${urnA}/evidence`, {
        area: '42',
        kind: 'document',
        description: 'The policy was reviewed by the governors',
        date: '2026-05-01',
      });
      assert.equal(r2.status, 400);
      assert.match(r2.text, /no area 42/);
      assert.equal(await count('SELECT count(*) AS n FROM evidence_items'), before);
    });

    it('the "Done when" path: submit (rounds locked) → a decision with reasons → the lead sees it and the certificate → the trust lists it', async () => {
      const lead = await signIn(s.seeded.schools[0]!.lead);
      for (const area of ['1', '2', '3', '4', '5', '6']) {
        const r = await lead.request('POST', `/api/schools/${urnA}/evidence`, {
          area,
          kind: 'minutes',
          description: `Minutes of the working group meeting about area ${area}`,
          date: '2026-06-01',
        });
        assert.equal(r.status, 201, r.text);
      }
      const before = await lead.request('GET', `/api/schools/${urnA}/moderation`);
      assert.equal(before.status, 200, before.text);
      assert.equal(before.json.canSubmit, true, JSON.stringify(before.json.blockers));
      const sub = await lead.request('POST', `/api/schools/${urnA}/moderation/submit`, {});
      assert.equal(sub.status, 201, sub.text);
      // Locked: the rounds, the audit, the plan and the portfolio.
      const states = await rows<{ state: string }>(
        "SELECT state FROM rounds WHERE school_urn = $1 AND id IN ('2025-26-baseline', '2025-26-end')",
        [urnA],
      );
      assert.deepEqual(
        states.map((x) => x.state),
        ['locked', 'locked'],
      );
      const plan = await lead.request('GET', `/api/schools/${urnA}/rounds/2025-26-baseline/plan`);
      const put = await lead.request(
        'PUT',
        `/api/schools/${urnA}/rounds/2025-26-baseline/plan`,
        plan.json.plan,
      );
      assert.equal(put.status, 409, put.text);
      assert.match(put.text, /locked/);
      const late = await upload(lead, urnA, 'late.pdf', PDF);
      assert.equal(late.status, 409);
      assert.equal(
        (await lead.request('POST', `/api/schools/${urnA}/moderation/submit`, {})).status,
        409,
      );

      // The moderator sees the recommendation with every reason, the evidence, the 360° and outcomes.
      const mod = await signIn(MODERATOR);
      const q = await mod.request('GET', '/api/moderation');
      assert.equal(q.status, 200, q.text);
      const urns = (q.json.schools as { urn: string }[]).map((x) => x.urn);
      assert.ok(urns.includes(urnA) && urns.includes(urnB), urns.join());
      const view = await mod.request('GET', `/api/moderation/schools/${urnA}`);
      assert.equal(view.status, 200, view.text);
      const rec = view.json.recommendation as {
        level: string;
        criteria: { reason: string }[];
      };
      assert.ok(rec.criteria.length >= 10 && rec.criteria.every((c) => c.reason.length > 0));
      assert.ok((view.json.evidence as unknown[]).length >= 7);
      assert.ok(view.json.audit, 'the 360° comparison');
      assert.ok(view.json.results, 'the published pupil outcomes');
      assert.equal(view.json.canDecide, true);

      // No reasons, no decision.
      const bare = await mod.request('POST', `/api/moderation/schools/${urnA}/decision`, {
        outcome: 'change-level',
        level: 'bronze',
        reasons: '',
      });
      assert.equal(bare.status, 400);
      assert.deepEqual(
        (bare.json.problems as { path: string }[]).map((p) => p.path),
        ['reasons'],
      );
      const note = await mod.request('POST', `/api/moderation/schools/${urnA}/notes`, {
        visitedOn: '2026-12-01',
        note: 'Visited: met the school council and walked the playground at lunch.',
      });
      assert.equal(note.status, 201, note.text);
      // The figures alone support participation; Bronze once the open outcomes are judged.
      assert.equal(rec.level, 'participation');
      assert.equal((view.json.recommendation as { levelIfJudged: string }).levelIfJudged, 'bronze');
      const reasons =
        'Visited the school: the SEND and FSM figures are hidden or small, and the work seen meets Bronze.';
      const dec = await mod.request('POST', `/api/moderation/schools/${urnA}/decision`, {
        outcome: 'change-level',
        level: 'bronze',
        reasons,
      });
      assert.equal(dec.status, 201, dec.text);
      const level = 'bronze';
      // The decision is final: a second one on the same submission is refused.
      const twice = await mod.request('POST', `/api/moderation/schools/${urnA}/decision`, {
        outcome: 'confirm',
        reasons: 'Trying to decide a second time on the same submission.',
      });
      assert.equal(twice.status, 409);

      // The lead sees the decision with its reasons, and the certificate.
      const seen = await lead.request('GET', `/api/schools/${urnA}/moderation`);
      assert.equal(seen.json.state, 'decided');
      const decisions = seen.json.decisions as { reasons: string; level: string }[];
      assert.equal(decisions[0]!.reasons, reasons);
      assert.equal(decisions[0]!.level, level);
      const cert = await lead.request('GET', `/api/schools/${urnA}/certificate`);
      assert.equal(cert.status, 200, cert.text);
      const award = cert.json.award as Record<string, string>;
      assert.equal(award.level, level);
      assert.equal(award.awardedOn, '2026-12-06');
      assert.equal(award.expiresOn, '2028-12-06');
      assert.equal(award.awardingBody, DEMO_LA.name);

      // Every decision in the audit log; the decision row is never rewritten.
      const logged = await rows<{ detail: Record<string, unknown> }>(
        "SELECT detail FROM audit_log WHERE kind = 'moderation.decided' AND school_urn = $1",
        [urnA],
      );
      assert.equal(logged.length, 1);
      assert.equal(logged[0]!.detail.level, level);
      assert.ok(
        !JSON.stringify(logged).includes('Visited the school'),
        'reasons stay in their table',
      );
      await assert.rejects(
        withScope(SYSTEM, () =>
          s.db.query("UPDATE moderation_decisions SET reasons = 'rewritten after the fact'"),
        ),
      );
      await assert.rejects(withScope(SYSTEM, () => s.db.query('DELETE FROM moderation_decisions')));

      // The trust sees the award list; the LA does too; an LA elsewhere does not.
      for (const who of [DEMO_ADMIN, LA_ADVISER]) {
        const c = await signIn(who);
        const list = await c.request('GET', '/api/area/awards');
        assert.equal(list.status, 200, list.text);
        const a = (list.json.awards as { urn: string; level: string; expiresOn: string }[]).find(
          (x) => x.urn === urnA,
        );
        assert.equal(a?.level, level, who);
        assert.equal(a?.expiresOn, '2028-12-06');
        assert.equal((list.json.byLevel as Record<string, number>)[level], 1);
      }
    });

    it('a second moderator signs off (never the first), then the award is made', async () => {
      const mod = await signIn(MODERATOR);
      const r = await mod.request('POST', `/api/moderation/schools/${urnB}/decision`, {
        outcome: 'participation',
        reasons: 'Every step is complete but the audits show the criteria are not yet met.',
        secondSignOff: true,
      });
      assert.equal(r.status, 201, r.text);
      assert.equal(
        await count('SELECT count(*) AS n FROM awards WHERE school_urn = $1', [urnB]),
        0,
      );
      const self = await mod.request('POST', `/api/moderation/schools/${urnB}/sign-off`, {
        reasons: 'I agree with my own decision entirely.',
      });
      assert.equal(self.status, 403, self.text);
      const second = await signIn(SECOND_MODERATOR);
      const ok = await second.request('POST', `/api/moderation/schools/${urnB}/sign-off`, {
        reasons: 'Read the portfolio and the notes; I agree with the decision.',
      });
      assert.equal(ok.status, 201, ok.text);
      const award = await rows<{ level: string; expires_on: string | null }>(
        'SELECT level, expires_on FROM awards WHERE school_urn = $1',
        [urnB],
      );
      assert.deepEqual(award, [{ level: 'participation', expires_on: null }]);
    });

    it('S1 a moderator never moderates a school they declared an interest in', async () => {
      const second = await signIn(SECOND_MODERATOR);
      const r = await second.request('GET', `/api/moderation/schools/${urnC}`);
      assert.equal(r.status, 403);
      assert.match(r.text, /lead or work at/);
    });

    it('S1 every moderation route refuses other roles, other schools and other areas', async () => {
      const routes = s.demo.routes.filter(
        (r) =>
          r.path.includes('/evidence') ||
          r.path.includes('/moderation') ||
          r.path.includes('/certificate') ||
          r.path.startsWith('/api/area/awards'),
      );
      assert.equal(routes.length, 16, routes.map((r) => r.path).join('\n'));
      const anon = new Client(s.url);
      const leadA = await signIn(s.seeded.schools[0]!.lead);
      const trust = await signIn(DEMO_ADMIN);
      const la = await signIn(LA_ADVISER);
      const mod = await signIn(MODERATOR);
      const trustMod = await signIn(TRUST_MODERATOR);
      const elsewhere = await signIn(OTHER_MODERATOR);
      const id = '00000000-0000-4000-8000-000000000000';
      let checks = 0;
      for (const route of routes) {
        const path = (urn: string) => route.path.replace(':urn', urn).replace(':id', id);
        const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
        const expect = async (c: Client, urn: string, ok: (n: number) => boolean, who: string) => {
          const r = await c.request(route.method, path(urn), body);
          assert.ok(ok(r.status), `${route.method} ${route.path} as ${who} (${urn}): ${r.status}`);
          checks++;
          return r;
        };
        await expect(anon, urnA, (n) => n === 401, 'anonymous');
        if (route.access === 'school-lead') {
          await expect(leadA, urnB, (n) => n === 403, 'the lead of another school');
          for (const [c, who] of [
            [trust, 'trust admin'],
            [la, 'LA adviser'],
            [mod, 'moderator'],
          ] as const)
            await expect(c, urnA, (n) => n === 403, who);
        }
        if (route.access === 'moderator') {
          for (const [c, who] of [
            [leadA, 'a lead'],
            [trust, 'trust admin'],
            [la, 'LA adviser'],
          ] as const)
            await expect(c, urnA, (n) => n === 403, who);
          if (route.path.includes(':urn')) {
            // Another LA's moderator: no such school. A trust's moderator: not a maintained school.
            const r = await expect(elsewhere, urnA, (n) => n === 404, 'moderator elsewhere');
            assert.ok(!r.text.includes(s.seeded.schools[0]!.name));
            await expect(trustMod, laSchool, (n) => n === 404, 'trust moderator, LA school');
          }
        }
        if (route.access.startsWith('area')) {
          for (const [c, who] of [
            [leadA, 'a lead'],
            [mod, 'moderator'],
          ] as const)
            await expect(c, urnA, (n) => n === 403, who);
        }
      }
      assert.ok(checks >= 50, `only ${checks} checks`);
      // The other LA's moderator's queue and the other LA's awards hold nothing of this LA.
      const q = await elsewhere.request('GET', '/api/moderation');
      assert.deepEqual(q.json.schools, []);
      const t = await trustMod.request('GET', '/api/moderation');
      const urns = (t.json.schools as { urn: string }[]).map((x) => x.urn);
      assert.ok(
        urns.every((u) => s.seeded.schools.some((x) => x.urn === u)),
        urns.join(),
      );
    });

    it('S1 a moderator declares a school they lead or work at, and can no longer moderate it', async () => {
      // The second moderator (the first has signed in often enough to meet the sign-in limit).
      const mod = await signIn(SECOND_MODERATOR);
      assert.equal((await mod.request('GET', `/api/moderation/schools/${laSchool}`)).status, 200);
      const r = await mod.request('POST', '/api/moderation/interests', { school: laSchool });
      assert.equal(r.status, 201, r.text);
      assert.deepEqual(
        (await mod.request('GET', '/api/moderation')).json.interests,
        [urnC, laSchool].sort(),
      );
      const refused = await mod.request('GET', `/api/moderation/schools/${laSchool}`);
      assert.equal(refused.status, 403, refused.text);
      // Declaring again changes nothing; a declaration cannot be taken back by the moderator.
      assert.equal(
        (await mod.request('POST', '/api/moderation/interests', { school: laSchool })).status,
        201,
      );
      const stored = await rows<{ n: string }>(
        'SELECT count(*) AS n FROM moderator_interests WHERE school_urn = $1',
        [laSchool],
      );
      assert.equal(Number(stored[0]!.n), 1);
      // A school outside the moderator's area reads as no such school, and is not stored.
      const elsewhere = await signIn(OTHER_MODERATOR);
      const out = await elsewhere.request('POST', '/api/moderation/interests', { school: urnA });
      assert.equal(out.status, 404, out.text);
      const bad = await mod.request('POST', '/api/moderation/interests', { school: 'x' });
      assert.equal(bad.status, 400, bad.text);
      assert.match(bad.text, /school/);
      const logged = await rows<{ n: string }>(
        "SELECT count(*) AS n FROM audit_log WHERE kind = 'moderation.interest' AND school_urn = $1",
        [laSchool],
      );
      assert.equal(Number(logged[0]!.n), 1, 'the declaration is in the log once');
    });

    it('renewal: reminders to the leads go to the outbox 90 days before expiry, once, without anyone pressing', async () => {
      const la = await signIn(LA_ADVISER);
      const early = await la.request('POST', '/api/area/awards/reminders', {});
      assert.equal(early.status, 201, early.text);
      assert.equal(early.json.queued, 0, 'nothing is due yet');
      assert.equal((await s.demo.maintenance.runOnce()).renewalReminders, 0);
      clock.set(Date.parse('2028-10-01T09:00:00Z'));
      // The scheduled maintenance queues what is due; the LA's button then finds nothing left.
      assert.equal((await s.demo.maintenance.runOnce()).renewalReminders, 1);
      const la2 = await signIn(LA_ADVISER);
      const r = await la2.request('POST', '/api/area/awards/reminders', {});
      assert.equal(r.status, 201, r.text);
      assert.equal(r.json.queued, 0, 'already reminded by the maintenance');
      const out = await rows<{ to_email: string; subject: string; kind: string }>(
        "SELECT to_email, subject, kind FROM outbox WHERE kind = 'reminder' AND school_urn = $1",
        [urnA],
      );
      assert.equal(out.length, 1);
      assert.equal(out[0]!.to_email, s.seeded.schools[0]!.lead);
      assert.match(out[0]!.subject, /expires on 2028-12-06/);
      const again = await la2.request('POST', '/api/area/awards/reminders', {});
      assert.equal(again.json.queued, 0, 'one reminder per award');
      const list = await la2.request('GET', '/api/area/awards');
      const a = (list.json.awards as { urn: string; status: string }[]).find((x) => x.urn === urnA);
      assert.equal(a?.status, 'renew-soon');
      clock.set(Date.parse('2026-12-06T10:00:00Z'));
    });
  });
}

/**
 * Tenancy of the LA and trust routes (issue "Run a programme year"; reliability.md S1, S3), on
 * PGlite and, when DATABASE_URL is set, on PostgreSQL: an LA never reads or changes a school
 * outside its area, a trust never one outside the trust, a school lead none of the area routes;
 * enrolling by CSV names every bad row and column and enrols nothing then; a survey window opens
 * for a cohort at once; the tracker shows each school's stage from what the portal holds.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ProgrammeTracker, PublishedResults, TargetSupport } from '@all-together/model';
import { SYSTEM, withScope } from '../server/db.js';
import { DEMO_ADMIN, DEMO_PASSWORD, DEMO_TRUST } from '../server/seed.js';
import { DEMO_LA, LA_ADMIN, LA_ADVISER, laLeadEmail, seedArea } from '../server/seed-area.js';
import { hashPassword } from '../server/security.js';
import { repos } from '../server/repo/index.js';
import { areaResults } from '../server/domain/results.js';
import { targetingFor } from '../server/domain/targeting-core.js';
import { programmeYearOf } from '../server/domain/programme-year.js';
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Client, serveApp, startServer, type TestServer } from './helpers.js';

const backends: ('pglite' | 'pg')[] = [
  'pglite',
  ...(process.env.DATABASE_URL ? (['pg'] as const) : []),
];

/** Another LA, with a school of its own and one academy of the demo trust (the trust spans LAs). */
const OTHER_LA = {
  code: '998',
  school: '910001',
  academy: '910002',
  adviser: 'adviser@other.example',
};

for (const backend of backends) {
  describe(`S1 S3 LA and trust tenancy on ${backend}`, () => {
    let s: TestServer;
    let laSchools: string[];
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

    before(async () => {
      s = await startServer({ backend, schools: 4 });
      await withScope(SYSTEM, () => seedArea(s.db, { schools: 6, pupilsPerSchool: [12, 20] }));
      laSchools = (
        await rows<{ urn: string }>('SELECT urn FROM schools WHERE trust_id IS NULL ORDER BY urn')
      ).map((r) => r.urn);
      const pw = await hashPassword(DEMO_PASSWORD);
      await withScope(SYSTEM, () =>
        s.db.transaction(async (tx) => {
          await tx.query(
            "INSERT INTO schools (urn, trust_id, name, phase, local_authority) VALUES ($1, NULL, 'Other LA Primary', 'primary', $2)",
            [OTHER_LA.school, OTHER_LA.code],
          );
          await tx.query(
            "INSERT INTO schools (urn, trust_id, name, phase, local_authority) VALUES ($1, $2, 'Across The Border Academy', 'secondary', $3)",
            [OTHER_LA.academy, DEMO_TRUST.id, OTHER_LA.code],
          );
          await tx.query(
            `INSERT INTO users (id, email, display_name, role, la_code, password_hash)
             VALUES (gen_random_uuid(), $1, 'Other adviser', 'la-adviser', $2, $3)`,
            [OTHER_LA.adviser, OTHER_LA.code, pw],
          );
          await tx.query(
            'INSERT INTO enrolments (programme_year, school_urn, enrolled_on) SELECT id, $1, starts_on FROM programme_years',
            [OTHER_LA.academy],
          );
          await tx.query(
            'INSERT INTO enrolments (programme_year, school_urn, enrolled_on) SELECT id, $1, starts_on FROM programme_years',
            [OTHER_LA.school],
          );
        }),
      );
    });
    after(() => s.close());

    it('S1 an LA adviser sees its organisation and programme years; a lead is refused', async () => {
      const la = await signIn(LA_ADVISER);
      const r = await la.request('GET', '/api/area');
      assert.equal(r.status, 200, r.text);
      assert.equal((r.json.organisation as { name: string }).name, DEMO_LA.name);
      const years = (r.json.years as { id: string }[]).map((y) => y.id);
      assert.ok(years.includes('2025-26'), years.join());
      const lead = await signIn(s.seeded.schools[0]!.lead);
      assert.equal((await lead.request('GET', '/api/area')).status, 403);
      assert.equal((await lead.request('GET', '/api/area/tracker')).status, 403);
    });

    it('S1 the tracker of an LA holds every school of its area (trust academies too) and none outside', async () => {
      const la = await signIn(LA_ADVISER);
      const r = await la.request('GET', '/api/area/tracker');
      assert.equal(r.status, 200, r.text);
      const urns = (r.json.schools as { urn: string }[]).map((x) => x.urn);
      for (const u of laSchools) assert.ok(urns.includes(u), `LA school ${u} missing`);
      for (const t of s.seeded.schools) assert.ok(urns.includes(t.urn), `academy ${t.urn} missing`);
      assert.ok(!urns.includes(OTHER_LA.school), 'a school of another LA');
      assert.ok(!urns.includes(OTHER_LA.academy), "the trust's academy in another LA");
      assert.ok(!r.text.includes('Other LA Primary') && !r.text.includes('Across The Border'));
      const other = await signIn(OTHER_LA.adviser);
      const o = await other.request('GET', '/api/area/tracker');
      const otherUrns = (o.json.schools as { urn: string }[]).map((x) => x.urn).sort();
      assert.deepEqual(otherUrns, [OTHER_LA.school, OTHER_LA.academy].sort());
    });

    it('S1 a trust administrator sees the trust across LAs and no maintained school', async () => {
      const trust = await signIn(DEMO_ADMIN);
      const r = await trust.request('GET', '/api/area/tracker');
      assert.equal(r.status, 200, r.text);
      const urns = (r.json.schools as { urn: string }[]).map((x) => x.urn).sort();
      assert.deepEqual(urns, [...s.seeded.schools.map((x) => x.urn), OTHER_LA.academy].sort());
      const res = await trust.request('GET', '/api/area/results?year=2025-26');
      assert.equal(res.status, 200, res.text);
      for (const u of laSchools) assert.ok(!res.text.includes(u), `maintained school ${u} leaked`);
    });

    it('the tracker shows each stage from what the portal holds, with counts rounded or banded', async () => {
      const la = await signIn(LA_ADVISER);
      const r = await la.request('GET', '/api/area/tracker');
      type Row = {
        urn: string;
        stage: string;
        stages: Record<string, { completedOn: string | null }>;
        responses: { baseline: { kind: string; value: number } | null };
      };
      const list = r.json.schools as Row[];
      // The plain data the element and any LA's own system speak: the model's schema holds.
      const parsed = ProgrammeTracker.safeParse(r.json);
      assert.ok(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3)));
      const stages = new Set(list.map((x) => x.stage));
      assert.ok(stages.size >= 3, `only ${[...stages].join()}`);
      for (const x of list) {
        const b = x.responses.baseline;
        if (b?.kind === 'rounded') assert.equal(b.value % 5, 0, `${x.urn} ${b.value} not rounded`);
        if (b?.kind === 'at-least') assert.equal(b.value % 5, 0);
        // A stage is never done while an earlier one is not (except where the data skips one).
        assert.ok(x.stages.enrolled!.completedOn, `${x.urn} enrolled`);
      }
      // The raw count of one closed round, rounded as the tracker must show it.
      const closed = list.find((x) => x.responses.baseline?.kind === 'rounded')!;
      assert.ok(closed, 'some school has a closed survey this year');
    });

    it('S1 enrolling: an LA registers a school of its own; a URN outside the area is refused and nothing is written', async () => {
      const la = await signIn(LA_ADMIN);
      const year = '2026-27';
      const ok = await la.request('POST', '/api/area/schools', {
        year,
        school: {
          urn: '930001',
          name: 'New Dawn Primary (synthetic)',
          phase: 'primary',
          numberOnRoll: 210,
          sendPercent: 14.5,
        },
      });
      assert.equal(ok.status, 201, ok.text);
      const trust = await signIn(DEMO_ADMIN);
      const t = await trust.request('GET', `/api/area/schools?year=${year}`);
      assert.ok(!t.text.includes('930001'), 'the trust sees a maintained school');
      const before = await count('SELECT count(*) AS n FROM enrolments');
      const bad = await la.request('POST', '/api/area/schools', {
        year,
        school: {
          urn: OTHER_LA.school,
          name: 'Taken Over Primary',
          phase: 'primary',
          numberOnRoll: 100,
        },
      });
      assert.equal(bad.status, 422, bad.text);
      assert.match(bad.text, /outside your area/);
      assert.ok(!bad.text.includes('Other LA Primary'), 'the refusal names the foreign school');
      assert.equal(await count('SELECT count(*) AS n FROM enrolments'), before);
      const name = await rows<{ name: string }>('SELECT name FROM schools WHERE urn = $1', [
        OTHER_LA.school,
      ]);
      assert.equal(name[0]!.name, 'Other LA Primary', 'a foreign school was changed');
    });

    it('enrolling by CSV: every bad row and column is named and nothing is enrolled; the same file twice changes nothing', async () => {
      const la = await signIn(LA_ADVISER);
      const year = '2026-27';
      const schoolsBefore = await count('SELECT count(*) AS n FROM schools');
      const enrolBefore = await count('SELECT count(*) AS n FROM enrolments');
      const bad = [
        'URN,Name,Phase,Number on roll,SEND percent',
        '940001,Good Row Primary,primary,200,12',
        '94x002,Bad Urn Primary,primary,200,12',
        '940003,=HYPERLINK("x"),primary,200,12',
        '940004,No Roll School,secondary,,12',
        '940005,Odd Phase School,nursery,90,101',
      ].join('\r\n');
      const r = await la.request('POST', '/api/area/schools/import', { year, csv: bad });
      assert.equal(r.status, 422, r.text);
      const messages = (r.json.problems as { message: string }[]).map((p) => p.message);
      for (const want of [
        /Row 3, column "urn"/,
        /Row 4, column "name"/,
        /Row 5, column "number_on_roll"/,
        /Row 6, column "phase"/,
        /Row 6, column "send_percent"/,
      ])
        assert.ok(
          messages.some((m) => want.test(m)),
          `${want} not in ${messages.join(' | ')}`,
        );
      assert.equal(
        await count('SELECT count(*) AS n FROM schools'),
        schoolsBefore,
        'half-imported',
      );
      assert.equal(await count('SELECT count(*) AS n FROM enrolments'), enrolBefore);
      const good =
        'urn,name,phase,number_on_roll\n940001,Good Row Primary,primary,200\n940006,"Hill, Top School",secondary,900\n';
      const g1 = await la.request('POST', '/api/area/schools/import', { year, csv: good });
      assert.equal(g1.status, 200, g1.text);
      assert.equal(g1.json.created, 2);
      assert.equal(g1.json.enrolled, 2);
      const g2 = await la.request('POST', '/api/area/schools/import', { year, csv: good });
      assert.equal(g2.json.created, 0);
      assert.equal(g2.json.enrolled, 0);
      assert.equal(await count('SELECT count(*) AS n FROM schools'), schoolsBefore + 2);
      const named = await rows<{ name: string }>("SELECT name FROM schools WHERE urn = '940006'");
      assert.equal(named[0]!.name, 'Hill, Top School');
    });

    it('S1 a survey window opens for a cohort at once; a school outside the area opens nothing', async () => {
      const la = await signIn(LA_ADVISER);
      const today = new Date().toISOString().slice(0, 10);
      const in3Weeks = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
      const cohort = laSchools.slice(0, 3);
      const roundsBefore = await count('SELECT count(*) AS n FROM rounds');
      const foreign = await la.request('POST', '/api/area/windows', {
        schools: [...cohort, OTHER_LA.school],
        wave: 'end',
        opensOn: today,
        closesOn: in3Weeks,
      });
      assert.equal(foreign.status, 422, foreign.text);
      assert.equal(await count('SELECT count(*) AS n FROM rounds'), roundsBefore, 'half-opened');
      const r = await la.request('POST', '/api/area/windows', {
        schools: cohort,
        wave: 'end',
        opensOn: today,
        closesOn: in3Weeks,
      });
      assert.equal(r.status, 201, r.text);
      assert.deepEqual((r.json.opened as string[]).sort(), [...cohort].sort());
      // The answer is what was stored: one round per school opened, each with its own school.
      const stored = r.json.rounds as { school: string; id: string; state: string }[];
      assert.deepEqual(stored.map((x) => x.school).sort(), [...cohort].sort());
      assert.ok(
        stored.every((x) => x.id === r.json.id && x.state === 'open'),
        r.text,
      );
      const again = await la.request('POST', '/api/area/windows', {
        schools: cohort,
        wave: 'end',
        opensOn: today,
        closesOn: in3Weeks,
      });
      assert.deepEqual((again.json.skipped as string[]).sort(), [...cohort].sort());
      assert.equal(again.status, 200, 'nothing new was made');
      assert.deepEqual(again.json.rounds, []);
      assert.equal(await count('SELECT count(*) AS n FROM rounds'), roundsBefore + 3);
      const lead = await signIn(s.seeded.schools[0]!.lead);
      const l = await lead.request('POST', '/api/area/windows', {
        schools: cohort,
        wave: 'end',
        opensOn: today,
        closesOn: in3Weeks,
      });
      assert.equal(l.status, 403);
    });

    it('S3 in the LA scope, unscoped queries see only the area', async () => {
      const urns = await withScope(
        { kind: 'local-authority', la: DEMO_LA.code },
        async () =>
          (
            await s.db.query<{ urn: string; local_authority: string }>(
              'SELECT urn, local_authority FROM schools',
            )
          ).rows,
      );
      assert.ok(urns.length > 0);
      assert.ok(
        urns.every((u) => u.local_authority === DEMO_LA.code),
        'a foreign school is visible',
      );
      const rounds = await withScope(
        { kind: 'local-authority', la: OTHER_LA.code },
        async () =>
          (await s.db.query<{ school_urn: string }>('SELECT DISTINCT school_urn FROM rounds')).rows,
      );
      assert.ok(rounds.every((r) => [OTHER_LA.school, OTHER_LA.academy].includes(r.school_urn)));
      const users = await withScope({ kind: 'local-authority', la: OTHER_LA.code }, async () =>
        (await s.db.query<{ email: string }>('SELECT email FROM users')).rows.map((u) => u.email),
      );
      assert.ok(!users.includes(LA_ADVISER) && users.includes(OTHER_LA.adviser), users.join());
    });

    it('S7 a deactivated account cannot sign in, and its session ends', async () => {
      const la = await signIn(LA_ADMIN);
      await rows('UPDATE users SET deactivated_on = CURRENT_DATE WHERE email = $1', [LA_ADMIN]);
      assert.equal((await la.request('GET', '/api/area')).status, 401);
      assert.equal((await new Client(s.url).login(LA_ADMIN)).status, 401);
      await rows('UPDATE users SET deactivated_on = NULL WHERE email = $1', [LA_ADMIN]);
    });

    it('S7 an LA administrator invites an adviser: a one-time link, an invitation in the outbox, a password chosen once', async () => {
      const admin = await signIn(LA_ADMIN);
      const adviser = await signIn(LA_ADVISER);
      const body = {
        email: 'new.adviser@northshire.example',
        name: 'New Adviser',
        role: 'la-adviser',
      };
      assert.equal(
        (await adviser.request('POST', '/api/area/users', body)).status,
        403,
        'an adviser invited',
      );
      const r = await admin.request('POST', '/api/area/users', body);
      assert.equal(r.status, 201, r.text);
      const link = String(r.json.link);
      const token = link.split('#token=')[1]!;
      assert.equal(
        (await admin.request('POST', '/api/area/users', body)).status,
        409,
        'the same address twice',
      );
      const users = await admin.request('GET', '/api/area/users');
      const listed = (users.json.users as { email: string; status: string }[]).find(
        (u) => u.email === body.email,
      );
      assert.equal(listed?.status, 'invited');
      const outbox = await admin.request('GET', '/api/area/outbox');
      const message = (outbox.json.messages as { to: string; body: string; kind: string }[]).find(
        (m) => m.to === body.email,
      );
      assert.equal(message?.kind, 'invitation');
      assert.ok(message!.body.includes(link));
      // Only the token's hash is stored.
      assert.equal(
        await count('SELECT count(*) AS n FROM invitations WHERE token_hash = $1', [token]),
        0,
      );
      const newcomer = new Client(s.url);
      // An unknown link is refused before the password is even looked at (no hash for a guess).
      const guess = await newcomer.request('POST', '/api/invitations/accept', {
        token: 'A'.repeat(43),
        password: 'short',
      });
      assert.equal(guess.status, 410, guess.text);
      assert.equal(
        (await newcomer.login(body.email, 'invited')).status,
        401,
        'signed in before accepting',
      );
      const check = await newcomer.request('POST', '/api/invitations/check', { token });
      assert.equal(check.status, 200, check.text);
      assert.equal(check.json.email, body.email);
      const weak = await newcomer.request('POST', '/api/invitations/accept', {
        token,
        password: 'password',
      });
      assert.equal(weak.status, 422);
      const ok = await newcomer.request('POST', '/api/invitations/accept', {
        token,
        password: 'a long new passphrase',
      });
      assert.equal(ok.status, 200, ok.text);
      assert.equal((await newcomer.login(body.email, 'a long new passphrase')).status, 200);
      const again = await new Client(s.url).request('POST', '/api/invitations/accept', {
        token,
        password: 'another passphrase',
      });
      assert.equal(again.status, 410, 'the link worked twice');
    });

    it('S7 an LA administrator invites a moderator, who reaches the moderation list and no area page', async () => {
      const admin = await signIn(LA_ADMIN);
      const roles = (await admin.request('GET', '/api/area/users')).json.roles as { id: string }[];
      assert.ok(
        roles.some((r) => r.id === 'moderator'),
        'the form offers the role',
      );
      const body = {
        email: 'new.moderator@northshire.example',
        name: 'New Moderator',
        role: 'moderator',
      };
      const r = await admin.request('POST', '/api/area/users', body);
      assert.equal(r.status, 201, r.text);
      const token = String(r.json.link).split('#token=')[1]!;
      const moderator = new Client(s.url);
      const ok = await moderator.request('POST', '/api/invitations/accept', {
        token,
        password: 'a long new passphrase',
      });
      assert.equal(ok.status, 200, ok.text);
      assert.equal((await moderator.login(body.email, 'a long new passphrase')).status, 200);
      const list = await moderator.request('GET', '/api/moderation');
      assert.equal(list.status, 200, list.text);
      assert.equal((await moderator.request('GET', '/api/area/tracker')).status, 403);
      // The account belongs to the LA, not to a school or a trust.
      const [row] = await rows<{
        la_code: string | null;
        trust_id: string | null;
        school_urn: string | null;
      }>('SELECT la_code, trust_id, school_urn FROM users WHERE email = $1', [body.email]);
      assert.deepEqual(row, { la_code: DEMO_LA.code, trust_id: null, school_urn: null });
      // A moderator works at no school, so none may be named.
      const withSchool = await admin.request('POST', '/api/area/users', {
        ...body,
        email: 'other.moderator@northshire.example',
        school: laSchools[0],
      });
      assert.equal(withSchool.status, 422, withSchool.text);
    });

    it('S1 an LA administrator cannot make a lead of a school outside the area, and a trust sees none of the LA’s staff', async () => {
      const admin = await signIn(LA_ADMIN);
      const r = await admin.request('POST', '/api/area/users', {
        email: 'lead@other-la.example',
        name: 'Lead',
        role: 'school-lead',
        school: OTHER_LA.school,
      });
      assert.equal(r.status, 422, r.text);
      const trust = await signIn(DEMO_ADMIN);
      const t = await trust.request('GET', '/api/area/users');
      assert.equal(t.status, 200);
      assert.ok(
        !t.text.includes(LA_ADVISER) && !t.text.includes('northshire'),
        'LA staff visible to a trust',
      );
      const role = await trust.request('POST', '/api/area/users', {
        email: 'x@trust.example',
        name: 'X',
        role: 'la-adviser',
      });
      assert.equal(role.status, 422, 'a trust gave an LA role');
    });

    it('S8 deactivating an account ends its sessions; an account outside the area is not found; not your own', async () => {
      const admin = await signIn(LA_ADMIN);
      const lead = s.seeded.schools[1]!.lead; // an academy of the trust, in the LA's area
      const leadClient = await signIn(lead);
      const users = (await admin.request('GET', '/api/area/users')).json.users as {
        id: string;
        email: string;
      }[];
      const target = users.find((u) => u.email === lead)!;
      const other = (
        await rows<{ id: string }>('SELECT id::text AS id FROM users WHERE email = $1', [
          OTHER_LA.adviser,
        ])
      )[0]!;
      assert.equal(
        (await admin.request('POST', `/api/area/users/${other.id}/deactivate`, {})).status,
        404,
      );
      const me = users.find((u) => u.email === LA_ADMIN)!;
      assert.equal(
        (await admin.request('POST', `/api/area/users/${me.id}/deactivate`, {})).status,
        409,
      );
      const r = await admin.request('POST', `/api/area/users/${target.id}/deactivate`, {});
      assert.equal(r.status, 200, r.text);
      assert.equal(
        (await leadClient.request('GET', '/api/me')).status,
        401,
        'the session outlived it',
      );
      assert.equal((await new Client(s.url).login(lead)).status, 401);
      await rows('UPDATE users SET deactivated_on = NULL WHERE id = $1', [target.id]);
    });

    it('reminders go to the active leads of the schools chosen, never to anyone else; the outbox sends by SMTP when there is a server', async () => {
      const la = await signIn(LA_ADVISER);
      const schools = s.seeded.schools.slice(2, 4).map((x) => x.urn);
      const noLead = (
        await rows<{ urn: string }>(
          `SELECT urn FROM schools s WHERE local_authority = $1 AND urn = ANY($2)
              AND NOT EXISTS (SELECT 1 FROM users u WHERE u.school_urn = s.urn) ORDER BY urn LIMIT 1`,
          [DEMO_LA.code, laSchools],
        )
      )[0]!.urn;
      const r = await la.request('POST', '/api/area/reminders', { schools: [...schools, noLead] });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.queued, 2);
      assert.deepEqual(r.json.withoutLead, [noLead]);
      const foreign = await la.request('POST', '/api/area/reminders', {
        schools: [OTHER_LA.school],
      });
      assert.equal(foreign.status, 422);
      const outbox = await la.request('GET', '/api/area/outbox');
      assert.equal(outbox.json.mailServer, false);
      const reminders = (outbox.json.messages as { kind: string; to: string }[]).filter(
        (m) => m.kind === 'reminder',
      );
      assert.deepEqual(
        reminders.map((m) => m.to).sort(),
        s.seeded.schools
          .slice(2, 4)
          .map((x) => x.lead)
          .sort(),
      );
      assert.equal((await la.request('POST', '/api/area/outbox/send', {})).status, 409);

      // A mail server that accepts everything and keeps what it was sent.
      const received: string[] = [];
      const smtp = createServer((socket: Socket) => {
        let data = false;
        let buffer = '';
        socket.write('220 test ESMTP\r\n');
        socket.on('data', (chunk) => {
          buffer += chunk.toString('utf8');
          let i;
          while ((i = buffer.indexOf('\r\n')) >= 0) {
            const line = buffer.slice(0, i);
            buffer = buffer.slice(i + 2);
            if (data) {
              if (line === '.') {
                data = false;
                socket.write('250 queued\r\n');
              } else received[received.length - 1] += `${line}\n`;
              continue;
            }
            if (/^EHLO/.test(line)) socket.write('250-test\r\n250 8BITMIME\r\n');
            else if (/^DATA/.test(line)) {
              data = true;
              received.push('');
              socket.write('354 go on\r\n');
            } else if (/^QUIT/.test(line)) socket.end('221 bye\r\n');
            else socket.write('250 ok\r\n');
          }
        });
      });
      await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
      const port = (smtp.address() as AddressInfo).port;
      const mailer = await serveApp(s.db, {
        mail: {
          url: new URL(`smtp://127.0.0.1:${port}?tls=off`),
          from: 'portal@northshire.example',
        },
      });
      try {
        const c = new Client(mailer.url);
        assert.equal((await c.login(LA_ADVISER)).status, 200);
        const sent = await c.request('POST', '/api/area/outbox/send', {});
        assert.equal(sent.status, 200, sent.text);
        assert.ok(Number(sent.json.sent) >= 2, sent.text);
        assert.equal(sent.json.failed, 0);
        const reminder = received.find((m) => m.includes('The next step is'))!;
        assert.ok(reminder, received.join('\n---\n'));
        assert.match(reminder, /^From: portal@northshire\.example$/m);
        // A subject with "360°" travels as RFC 2047 UTF-8, on one line.
        const subject = /^Subject: =\?UTF-8\?B\?([^?]+)\?=$/m.exec(reminder)?.[1];
        assert.match(
          Buffer.from(subject ?? '', 'base64').toString('utf8'),
          /^All Together at .*: next, /,
        );
        const after = await c.request('GET', '/api/area/outbox');
        assert.ok(
          (after.json.messages as { sentAt: string | null }[]).every((m) => m.sentAt),
          'unsent left',
        );
      } finally {
        await mailer.close();
        smtp.close();
      }
    });

    it('a maintained school is compared with the rest of its LA, in the same programme year only', async () => {
      const lead = await signIn(laLeadEmail(0));
      const mine = (
        await rows<{ school_urn: string }>('SELECT school_urn FROM users WHERE email = $1', [
          laLeadEmail(0),
        ])
      )[0]!.school_urn;
      const r = await lead.request('GET', `/api/schools/${mine}/rounds/2025-26-end/results`);
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.comparator, 'local-authority');
      const pools = (
        r.json.results as {
          pools: { comparator: Record<string, { allowed: boolean; reason: string }> }[];
        }
      ).pools;
      assert.ok(
        pools.some((p) => p.comparator.end?.allowed),
        JSON.stringify(pools.map((p) => p.comparator)),
      );
      // Another LA school's name is never in a lead's results.
      const names = await rows<{ name: string }>(
        'SELECT name FROM schools WHERE trust_id IS NULL AND urn <> $1',
        [mine],
      );
      for (const n of names) assert.ok(!r.text.includes(n.name), `${n.name} in a lead's results`);
    });

    it('D8 an LA receives published figures only; a trust gets one publication whichever page asks', async () => {
      const RAW = /"binary":\{|"sumSquares"|"respondents":\{"all"|"yes":\{"all"/;
      const la = await signIn(LA_ADVISER);
      for (const path of ['/api/area/results?year=2025-26', '/api/area/tracker?year=2025-26']) {
        const r = await la.request('GET', path);
        assert.equal(r.status, 200, r.text);
        assert.doesNotMatch(r.text, RAW, path);
      }
      const r = await la.request('GET', '/api/area/results?year=2025-26');
      const area = PublishedResults.parse((r.json.area as { results: unknown }).results);
      assert.equal(area.viewer, 'local-authority');
      for (const school of r.json.schools as { results: unknown }[]) {
        const results = PublishedResults.parse(school.results);
        for (const pool of results.pools)
          for (const w of [pool.baseline, pool.end])
            for (const t of w?.binary ?? []) {
              assert.equal(t.dimension, 'all', 'a school shows its totals only');
              const base = 'value' in t.total.base ? t.total.base.value : undefined;
              if (base !== undefined && base > 0) assert.equal(base % 5, 0, 'an unrounded count');
            }
      }
      const tracker = await la.request('GET', '/api/area/tracker?year=2025-26');
      for (const x of tracker.json.schools as {
        responses: Record<string, { kind: string } | null>;
      }[])
        for (const c of Object.values(x.responses))
          assert.ok(!c || c.kind !== 'exact', 'an exact count outside the school');
      const trust = await signIn(DEMO_ADMIN);
      const a = await trust.request('GET', '/api/area/results?year=2025-26');
      const b = await trust.request('GET', '/api/trust/overview?year=2025-26');
      assert.deepEqual(
        (a.json.area as { results: unknown }).results,
        (b.json.trust as { results: unknown }).results,
        'two publications of the same figures could be read against each other',
      );
    });

    it('D8 D9 where to target support: only the area’s schools, and no figure the main publication hides', async () => {
      const la = await signIn(LA_ADVISER);
      let r = await la.request('GET', '/api/area/targets?year=2025-26');
      for (let i = 0; i < 60 && r.status === 202; i++) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        r = await la.request('GET', '/api/area/targets?year=2025-26');
      }
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.status, 'ready', r.text);
      const targets = TargetSupport.parse(r.json.targets);
      const ids = [...targets.schools, ...targets.notRanked].map((t) => t.id);
      assert.ok(ids.length > 0);
      const tracker = await la.request('GET', '/api/area/tracker?year=2025-26');
      const mine = new Set((tracker.json.schools as { urn: string }[]).map((x) => x.urn));
      for (const id of ids) assert.ok(mine.has(id), `${id} is not in the area`);
      assert.ok(!r.text.includes('Other LA Primary') && !r.text.includes(OTHER_LA.school));
      const main = await la.request('GET', '/api/area/results?year=2025-26');
      const bySchool = new Map(
        (main.json.schools as { urn: string; results: unknown }[]).map((x) => [
          x.urn,
          PublishedResults.parse(x.results),
        ]),
      );
      let checked = 0;
      for (const t of [...targets.schools, ...targets.notRanked])
        for (const b of t.basis) {
          if (b.group !== 'all' || b.status !== 'compared') continue;
          const pool = bySchool.get(t.id)!.pools.find((p) => p.comparableAs === b.pool)!;
          const total = pool[b.wave]!.binary.find(
            (x) => x.indicator === b.indicator && x.dimension === 'all',
          )!.total;
          assert.ok(
            'value' in total.percent,
            `${t.id}: a school total hidden in the main publication was compared`,
          );
          checked++;
        }
      assert.ok(checked > 0, 'no shared figure was checked');
    });

    it('D9 a school total the main publication hides is hidden in the targeting list too (the overlay)', async () => {
      const scope = { kind: 'local-authority', la: DEMO_LA.code } as const;
      const ctx = {
        repo: repos(s.db),
        transaction: <T>(fn: (r: ReturnType<typeof repos>) => Promise<T>) =>
          s.db.transaction((tx) => fn(repos(tx))),
        today: new Date().toISOString().slice(0, 10),
      };
      const r = await withScope(scope, () => areaResults(ctx, scope, '2025-26'));
      const main = structuredClone({
        area: r.area,
        schools: r.schools.map((x) => ({ id: x.school.urn, results: x.results })),
      });
      const members = r.input.schools as Parameters<typeof targetingFor>[0]['members'];
      // A school whose total the list compares when the main publication shows it…
      const before = targetingFor({ viewer: 'local-authority', members, census: [], main });
      const compared = [...before.schools, ...before.notRanked].flatMap((t) =>
        t.basis
          .filter((b) => b.group === 'all' && b.status === 'compared')
          .map((b) => ({ id: t.id, pool: b.pool, wave: b.wave })),
      );
      const victim = compared[0];
      assert.ok(victim, 'no school total was compared');
      // …is not compared once the main publication hides it.
      const pool = main.schools
        .find((x) => x.id === victim.id)!
        .results.pools.find((p) => p.comparableAs === victim.pool)!;
      const t = pool[victim.wave]!.binary.find(
        (b) => b.indicator === 'victimisation.frequent' && b.dimension === 'all',
      )!;
      t.total.percent = { symbol: '[c]', reason: 'complementary' };
      t.total.count = { symbol: '[c]', reason: 'complementary' };
      const list = targetingFor({ viewer: 'local-authority', members, census: [], main });
      const entry = [...list.schools, ...list.notRanked].find((t) => t.id === victim!.id)!;
      const figure = entry.basis.find(
        (b) => b.group === 'all' && b.pool === victim!.pool && b.wave === victim!.wave,
      );
      assert.ok(
        !figure || figure.status !== 'compared',
        `the hidden total was compared: ${JSON.stringify(figure)}`,
      );
    });

    it('S1 S6 class codes in bulk: each code shown once and stored hashed, per school and class; outside the area nothing is issued', async () => {
      const la = await signIn(LA_ADVISER);
      const today = new Date().toISOString().slice(0, 10);
      const later = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
      const cohort = laSchools.slice(3, 5);
      const w = await la.request('POST', '/api/area/windows', {
        schools: cohort,
        wave: 'end',
        opensOn: today,
        closesOn: later,
      });
      assert.equal(w.status, 201, w.text);
      const round = w.json.id as string;
      const classes = [
        { label: 'Year 5', size: 28 },
        { label: 'Year 6', size: 30 },
      ];
      const before = await count('SELECT count(*) AS n FROM class_codes');
      const foreign = await la.request('POST', '/api/area/codes', {
        round,
        schools: [...cohort, OTHER_LA.school],
        classes,
      });
      assert.equal(foreign.status, 422, foreign.text);
      assert.equal(
        await count('SELECT count(*) AS n FROM class_codes'),
        before,
        'codes issued for a refused request',
      );
      const noWindow = laSchools[5]!; // no end-of-year window was opened for it
      const r = await la.request('POST', '/api/area/codes', {
        round,
        schools: [...cohort, noWindow],
        classes,
      });
      assert.equal(r.status, 201, r.text);
      const issued = r.json.issued as { urn: string; code: string }[];
      assert.equal(issued.length, 4);
      assert.deepEqual(
        (r.json.skipped as { urn: string }[]).map((x) => x.urn).filter((u) => u === noWindow),
        [noWindow],
      );
      // Stored hashed: no issued code appears in the table.
      const stored = await rows<{ code_hash: string }>('SELECT code_hash FROM class_codes');
      for (const x of issued)
        assert.ok(!stored.some((k) => k.code_hash.includes(x.code.replace('-', ''))));
      // The lead sees the classes (not the codes) of their school's round.
      const lead = (
        await rows<{ email: string }>('SELECT email FROM users WHERE school_urn = $1', [cohort[0]])
      )[0];
      if (lead) {
        const c = await signIn(lead.email);
        const list = await c.request('GET', `/api/schools/${cohort[0]}/rounds/${round}/codes`);
        assert.equal(list.status, 200, list.text);
        assert.equal((list.json.codes as unknown[]).length, 2);
        for (const x of issued) assert.ok(!list.text.includes(x.code));
      }
    });

    it('S1 the area’s school list, CSV and log hold the area only; another school is refused by name', async () => {
      const la = await signIn(LA_ADVISER);
      const list = await la.request('GET', '/api/area/schools?year=2025-26');
      assert.equal(list.status, 200, list.text);
      const urns = (list.json.schools as { urn: string }[]).map((x) => x.urn);
      assert.ok(!urns.includes(OTHER_LA.school) && !urns.includes(OTHER_LA.academy));
      const csv = await la.request('GET', '/api/area/export.csv?year=2025-26');
      assert.equal(csv.status, 200);
      assert.match(
        csv.headers.get('content-disposition') ?? '',
        /la-999-2025-26-suppressed-aggregates\.csv/,
      );
      assert.ok(!csv.text.includes('Other LA Primary') && !csv.text.includes('Across The Border'));
      const log = await la.request('GET', '/api/area/log');
      assert.equal(log.status, 200, log.text);
      assert.ok(!log.text.includes(OTHER_LA.school), 'another LA’s school in the log');
      const foreign = await la.request('GET', `/api/area/log?school=${OTHER_LA.school}`);
      assert.equal(foreign.status, 422);
      assert.ok(!foreign.text.includes('Other LA Primary'));
      const other = await signIn(OTHER_LA.adviser);
      const theirs = await other.request('GET', '/api/area/log');
      for (const u of laSchools) assert.ok(!theirs.text.includes(u), `${u} in another LA’s log`);
    });

    it('issue 21: this year’s linked surveys break down by looked-after, young carer and ethnic group; last year’s self-report ones do not', async () => {
      const year = programmeYearOf(new Date().toISOString().slice(0, 10));
      const la = await signIn(LA_ADVISER);
      const dims = (results: PublishedResults) =>
        new Set(
          results.pools.flatMap((p) =>
            [p.baseline, p.end].flatMap((w) => (w?.binary ?? []).map((t) => t.dimension)),
          ),
        );
      const now = await la.request('GET', `/api/area/results?year=${year}`);
      assert.equal(now.status, 200, now.text);
      const area = PublishedResults.parse((now.json.area as { results: unknown }).results);
      for (const d of ['lookedAfter', 'youngCarer', 'ethnicity', 'sen', 'fsm', 'eal'])
        assert.ok(dims(area).has(d as never), `the area by ${d}`);
      // Every looked-after cell is published: a count under 10 is hidden, never shown.
      for (const pool of area.pools)
        for (const t of pool.baseline?.binary ?? [])
          if (t.dimension === 'lookedAfter')
            for (const c of t.groups)
              if ('value' in c.base) assert.ok(c.base.value === 0 || c.base.value >= 10);
      const last = await la.request('GET', '/api/area/results?year=2025-26');
      const before = PublishedResults.parse((last.json.area as { results: unknown }).results);
      assert.ok(
        !dims(before).has('lookedAfter'),
        'pupils were never asked: no table of "Not known"',
      );

      const lead = await signIn(laLeadEmail(0));
      const mine = (
        await rows<{ school_urn: string }>('SELECT school_urn FROM users WHERE email = $1', [
          laLeadEmail(0),
        ])
      )[0]!.school_urn;
      const own = await lead.request('GET', `/api/schools/${mine}/rounds/${year}-baseline/results`);
      assert.equal(own.status, 200, own.text);
      const results = PublishedResults.parse(own.json.results);
      assert.ok(dims(results).has('ethnicity'), 'the lead’s results by ethnic group');
      const old = await lead.request('GET', `/api/schools/${mine}/rounds/2025-26-end/results`);
      assert.ok(!dims(PublishedResults.parse(old.json.results)).has('ethnicity'));
    });
  });
}

/**
 * Award moderation in Debian's Chromium (issue 19, "Done when"): a lead adds evidence with a file
 * in every area and submits; the figures support Bronze once its open criteria are judged, and a
 * moderator decides on the lower outcome, a certificate of participation, with reasons; the lead sees the
 * decision and prints the certificate (A4, checked by a screenshot with print media emulated); the
 * trust administrator sees the award list. axe on every page (A11) and no CSP violation (W3).
 */
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { SYSTEM, withScope } from '../server/db.js';
import { DEMO_ADMIN } from '../server/seed.js';
import { seedArea } from '../server/seed-area.js';
import { MODERATOR, seedModeration } from '../server/seed-moderation.js';
import { browserKit, SHOTS } from './browser.js';
import { CHROME, startServer, type TestServer } from './helpers.js';

describe(
  'award moderation in Chromium',
  { skip: existsSync(CHROME) ? false : `no Chromium at ${CHROME}` },
  () => {
    let s: TestServer;
    const kit = browserKit(() => s.url);
    const { newPage, signIn, check } = kit;
    const errors = kit.errors;

    before(async () => {
      s = await startServer({ schools: 3 });
      await withScope(SYSTEM, () => seedArea(s.db, { schools: 2, pupilsPerSchool: [12, 16] }));
      await withScope(SYSTEM, () =>
        seedModeration(s.db, { submittedSchool: s.seeded.schools[1]!.urn }),
      );
      await kit.launch();
    });
    after(async () => {
      await kit.close();
      await s?.close();
    });

    it('the "Done when" path, with axe and no CSP violation on every page', async () => {
      const school = s.seeded.schools[0]!;
      // The lead: a hostile file is refused in words; a real PDF is added; then submit.
      const lead = await newPage();
      await signIn(lead, school.lead, /\/school/);
      await lead.goto(s.url + '/award');
      await lead.getByRole('heading', { level: 1, name: 'Award and evidence' }).waitFor();
      await lead.getByText('Do not upload anything that identifies a pupil').waitFor();
      await check(lead, 'the award page');
      const file = (name: string, body: string) => ({
        name,
        mimeType: 'application/pdf',
        buffer: Buffer.from(body),
      });
      const add = async (o: {
        area: string;
        kind: string;
        description: string;
        file?: ReturnType<typeof file>;
      }) => {
        await lead.getByLabel('What it is evidence for').selectOption(`area:${o.area}`);
        await lead.getByLabel('Kind of evidence').selectOption(o.kind);
        await lead.getByLabel('Description').fill(o.description);
        await lead.getByLabel('Date of the evidence').fill('2026-05-01');
        if (o.file) await lead.getByLabel('File (optional)').setInputFiles(o.file);
        await lead.getByRole('button', { name: 'Add evidence' }).click();
      };
      await add({
        area: '1',
        kind: 'minutes',
        description: 'Minutes of the governors meeting that reviewed the policy',
        file: file('evil.pdf', '<svg><script>alert(1)</script></svg>'),
      });
      // The server's refusal, in words, above the form; what was typed is kept.
      await lead
        .getByRole('alert')
        .filter({ hasText: /SVG drawing/ })
        .waitFor();
      assert.equal(
        await lead.getByLabel('Description').inputValue(),
        'Minutes of the governors meeting that reviewed the policy',
      );
      await check(lead, 'the refused upload');
      await lead.screenshot({ path: SHOTS + 'award-refused-upload.png', fullPage: true });
      await lead
        .getByLabel('File (optional)')
        .setInputFiles(file('minutes.pdf', '%PDF-1.4\n%%EOF\n'));
      await lead.getByRole('button', { name: 'Add evidence' }).click();
      await lead.getByRole('link', { name: /minutes\.pdf/ }).waitFor();
      for (const area of ['2', '3', '4', '5', '6']) {
        await add({
          area,
          kind: 'observation',
          description: `Observation notes by the deputy head about area ${area} of the audit`,
        });
        await lead.getByText(`about area ${area} of the audit`).waitFor();
      }
      await lead.getByRole('button', { name: 'Submit for moderation' }).click();
      await lead.getByText('Submitted: waiting for the moderator').waitFor();

      // The moderator: the school in the queue, its recommendation, and a lower level with reasons.
      const mod = await newPage();
      await signIn(mod, MODERATOR, /\/moderation$/);
      await mod.getByRole('link', { name: school.name }).click();
      await mod.getByRole('heading', { level: 1, name: school.name }).waitFor();
      await mod.locator('at-award-readiness').waitFor();
      await check(mod, 'the moderation view');
      await mod.screenshot({ path: SHOTS + 'moderation-view.png', fullPage: true });
      // The figures support Bronze once the open criteria are judged; the moderator judges the
      // rise for pupils on free school meals a real concern and confirms the lower outcome.
      await mod.getByText(/Bronze if you judge every open criterion met/).waitFor();
      await mod.getByLabel('Confirm the recommendation: Certificate of participation').check();
      await mod.getByRole('button', { name: 'Record the decision' }).click();
      await mod
        .locator('.error-summary')
        .getByText(/at least 20 characters/)
        .waitFor();
      await check(mod, 'the refused decision');
      await mod
        .getByLabel('Your reasons')
        .fill(
          'Every step is complete, but the rise for pupils on free school meals is a real concern.',
        );
      await mod.getByRole('button', { name: 'Record the decision' }).click();
      await mod.getByText('Decided', { exact: true }).waitFor();

      // By keyboard, the moderator declares the school they work at: a wrong URN is named and
      // kept in the field; the right one is recorded, and that school can no longer be opened.
      await mod.goto(s.url + '/moderation');
      await mod.getByRole('heading', { level: 2, name: 'Schools you lead or work at' }).waitFor();
      await check(mod, 'the moderation list');
      await mod.getByLabel('School URN').focus();
      await mod.keyboard.type('12');
      await mod.keyboard.press('Enter');
      await mod
        .locator('#interest-error')
        .getByText(/6 digits/)
        .waitFor();
      assert.equal(await mod.getByLabel('School URN').inputValue(), '12', 'what was typed is kept');
      await check(mod, 'the declaration refused');
      await mod.getByLabel('School URN').fill(school.urn);
      await mod.keyboard.press('Enter');
      await mod.getByText(`Declared: you will not moderate the school ${school.urn}`).waitFor();

      // The lead sees the decision and prints the certificate.
      await lead.goto(s.url + '/award');
      await lead.getByText('is a real concern').waitFor();
      await lead.getByRole('link', { name: 'Print the certificate' }).click();
      await lead.getByRole('heading', { level: 1, name: 'Certificate of participation' }).waitFor();
      await check(lead, 'the certificate');
      await lead.emulateMedia({ media: 'print' });
      await lead.screenshot({ path: SHOTS + 'certificate-print.png', fullPage: true });
      assert.equal(await lead.locator('nav').first().isVisible(), false, 'no navigation in print');
      const pdf = await lead.pdf({ format: 'A4', preferCSSPageSize: true });
      writeFileSync(SHOTS + 'certificate.pdf', pdf);
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      assert.equal(pages, 1, 'the certificate prints on one A4 page');

      // The trust sees the award list.
      const trust = await newPage();
      await signIn(trust, DEMO_ADMIN, /\/trust/);
      await trust.goto(s.url + '/awards');
      await trust.getByRole('heading', { level: 1, name: 'Awards' }).waitFor();
      const row = trust.getByRole('row').filter({ hasText: school.name });
      await row.getByText('Certificate of participation').waitFor();
      await check(trust, 'the awards list');
      assert.deepEqual(errors, []);
    });
  },
);

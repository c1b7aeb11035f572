/**
 * Incidents in Debian's Chromium (issue 20, "Done when"): a school's anti-bullying lead records an
 * allegation with the keyboard, marks it substantiated and completes the incident, submits the
 * termly return; the LA adviser sees it submitted in the area view and in the CSV. axe on every
 * page (A11), no CSP violation (W3), and the governors' report printed to A4 with print media.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { SYSTEM, withScope } from '../server/db.js';
import { LA_ADVISER, laLeadEmail, seedArea } from '../server/seed-area.js';
import { seedIncidents } from '../server/seed-incidents.js';
import { termOf } from '../server/domain/incidents.js';
import { browserKit, SHOTS } from './browser.js';
import { CHROME, startServer, type TestServer } from './helpers.js';

describe(
  'incidents in Chromium',
  { skip: existsSync(CHROME) ? false : `no Chromium at ${CHROME}` },
  () => {
    let s: TestServer;
    const kit = browserKit(() => s.url);
    const { newPage, signIn, check } = kit;
    let leadEmail: string;
    const errors = kit.errors;
    const today = new Date().toISOString().slice(0, 10);

    before(async () => {
      s = await startServer({ schools: 2 });
      await withScope(SYSTEM, () => seedArea(s.db, { schools: 6, pupilsPerSchool: [10, 14] }));
      await withScope(SYSTEM, () => seedIncidents(s.db, today));
      // The sixth LA school has no seeded incidents: its lead starts from an empty log.
      leadEmail = laLeadEmail(5);
      await kit.launch();
    });
    after(async () => {
      await kit.close();
      await s?.close();
    });

    it('Done when: allegation → incident → termly return submitted → the LA sees it, in its view and CSV', async () => {
      const page = await newPage();
      await signIn(page, leadEmail, /\/school/);
      await page.getByRole('link', { name: 'Incidents' }).click();
      await page.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor();
      await check(page, 'the log');
      await page.getByRole('link', { name: 'Record an allegation' }).click();
      // The form is the SDK's <at-incident-form>: its headings sit under the page's h1.
      await page.getByRole('heading', { level: 2, name: 'Record an allegation' }).waitFor();
      await page.getByText(/^Do not write anyone’s name/).waitFor();
      await check(page, 'the form');

      // A name in the reference field: refused with the error summary, the name is not kept.
      await page.getByLabel('Date it happened').fill(today);
      await page.getByLabel('Where it happened').selectOption('playground');
      await page.getByLabel('Who reported it').selectOption('parent');
      await page
        .getByLabel('What was alleged')
        .fill('Pushed and called names at lunch on three days.');
      await page.getByLabel('References of those targeted').fill('Sam Smith');
      await page.getByRole('button', { name: 'Save record' }).click();
      const summary = page.locator('.error-summary');
      await summary.getByText(/never a name/).waitFor();
      const inside = () =>
        page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.id);
      assert.equal(await inside(), 'if-errors');
      assert.match(await page.title(), /^Error: /);
      await check(page, 'the form with an error');
      await summary.getByRole('link', { name: /never a name/ }).click();
      assert.equal(await inside(), 'if-target-refs');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('P-0042');
      // Autosave (as the audit saves): the record exists before the lead presses anything.
      await page
        .locator('#if-status')
        .getByText(/^Saved at/)
        .waitFor({ timeout: 15_000 });
      assert.match(page.url(), /\/incidents\/[0-9a-f-]{36}$/);

      // Found to be bullying: the incident's fields appear; complete them by keyboard and mouse.
      await page.getByLabel('Yes, it was bullying').check();
      await page.getByRole('heading', { name: 'The incident' }).waitFor();
      await page.getByLabel('Physical').check();
      await page.getByLabel('Verbal').check();
      await page.getByLabel('Offline', { exact: true }).check();
      await page.locator('#if-prejudice-yes').check();
      await page.getByLabel('Disability or SEND').check();
      await page.locator('#if-safeguarding-no').check();
      await page.getByLabel('Action 1').selectOption('restorative');
      await page.getByLabel('Taken by').selectOption('head-of-year');
      await page.getByLabel('Outcome').selectOption('resolved');
      await check(page, 'the completed incident');
      await page.screenshot({ path: `${SHOTS}incidents-form.png`, fullPage: true });
      await page.getByRole('button', { name: 'Save record' }).click();
      await page.waitForURL(/\/incidents$/);
      await page.locator('at-incident-log').getByText('Bullying incident').first().waitFor();
      await page.screenshot({ path: `${SHOTS}incidents-log.png`, fullPage: true });

      // The termly return: reviewed, confirmed, submitted, locked.
      await page.getByRole('link', { name: 'Termly return' }).click();
      await page.getByRole('heading', { level: 1, name: /Termly return/ }).waitFor();
      await check(page, 'the draft return');
      await page.getByRole('button', { name: 'Submit the return' }).click();
      await page.getByRole('button', { name: 'Yes, submit the return' }).click();
      await page.getByText('The return is submitted').waitFor();
      await page.locator('main p', { hasText: 'It is locked and cannot change' }).waitFor();
      await check(page, 'the submitted return');
      await page.screenshot({ path: `${SHOTS}incidents-return.png`, fullPage: true });

      // The governors' report prints on A4.
      await page.goto(s.url + '/incidents/report');
      await page.getByRole('heading', { level: 1, name: /termly report to governors/ }).waitFor();
      // Audit, plan and pupil survey beside the incident trends.
      await page.getByRole('heading', { level: 2, name: 'The programme' }).waitFor();
      await page.getByRole('row', { name: /Audit/ }).waitFor();
      await check(page, "the governors' report");
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: `${SHOTS}incidents-governors-print.png`, fullPage: true });
      assert.equal(await page.locator('nav').isVisible(), false, 'no navigation in print');
      const pdf = await page.pdf({ format: 'A4' });
      assert.ok(pdf.length > 5000);
      await page.emulateMedia({ media: 'screen' });

      // The LA adviser: the school's return is submitted, in the page and in the CSV.
      const la = await newPage();
      await signIn(la, LA_ADVISER, /\/area$/);
      await la.getByRole('link', { name: 'Incident returns' }).click();
      await la.getByRole('heading', { level: 1, name: 'Termly incident returns' }).waitFor();
      await check(la, 'the LA returns page');
      const urn = await withScope(
        SYSTEM,
        async () =>
          (
            await s.db.query<{ school_urn: string; name: string }>(
              'SELECT u.school_urn, s.name FROM users u JOIN schools s ON s.urn = u.school_urn WHERE u.email = $1',
              [leadEmail],
            )
          ).rows[0]!,
      );
      const row = la.locator('#return-status tr', { hasText: urn.name });
      await row.getByText('Submitted').first().waitFor();
      await la.screenshot({ path: `${SHOTS}incidents-la.png`, fullPage: true });
      const csv = await la.evaluate(async () =>
        (await fetch('/api/area/incident-returns.csv')).text(),
      );
      const line = csv
        .split('\r\n')
        .find((l) => l.startsWith(`${urn.school_urn},`) && l.includes(termOf(today)));
      assert.ok(line?.includes(today), `the CSV row of the school: ${line}`);
      assert.ok(!csv.includes('P-0042'));
      // Reminders to the schools that have not submitted, through the outbox.
      await la
        .getByRole('button', { name: /Remind the \d+ schools that have not submitted/ })
        .click();
      await la
        .locator('#notice')
        .getByText(/reminders queued in the outbox/)
        .waitFor();
      // Last programme year: the seeded schools' submitted returns and the area's trend.
      await la
        .getByRole('navigation', { name: 'Programme years' })
        .getByRole('link')
        .nth(1)
        .click();
      await la.waitForURL(/year=/);
      await la.locator('#return-status').getByText('Submitted').first().waitFor();
      await check(la, "last year's returns");
      assert.deepEqual(errors, []);
    });
  },
);

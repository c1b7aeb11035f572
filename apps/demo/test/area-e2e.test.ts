/**
 * LA and trust staff in Debian's Chromium (issue "Run a programme year"): an LA adviser, by keyboard
 * and mouse, enrols schools by CSV, opens a survey window for a cohort, reads the tracker, the
 * area's results and prints the annual report; a trust administrator reaches the same pages for
 * the trust's schools only. axe on every page (A11) and no CSP violation (W3).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { SYSTEM, withScope } from '../server/db.js';
import { DEMO_ADMIN } from '../server/seed.js';
import { LA_ADMIN, LA_ADVISER, laLeadEmail, seedArea } from '../server/seed-area.js';
import { programmeYearOf } from '../server/domain/programme-year.js';
import { browserKit, day, SHOTS } from './browser.js';
import { CHROME, startServer, type TestServer } from './helpers.js';

describe(
  'LA and trust pages in Chromium',
  { skip: existsSync(CHROME) ? false : `no Chromium at ${CHROME}` },
  () => {
    let s: TestServer;
    const kit = browserKit(() => s.url);
    const { newPage, signIn, check } = kit;
    const errors = kit.errors;

    before(async () => {
      s = await startServer({ schools: 4 });
      await withScope(SYSTEM, () => seedArea(s.db, { schools: 8, pupilsPerSchool: [14, 24] }));
      await kit.launch();
    });
    after(async () => {
      await kit.close();
      await s?.close();
    });

    it('A11 W3 an LA adviser lands on the tracker, and every area page passes axe with no CSP violation', async () => {
      const page = await newPage();
      await signIn(page, LA_ADVISER, /\/area$/);
      await page.getByRole('heading', { level: 1, name: /Programme tracker/ }).waitFor();
      await page
        .locator('at-programme-tracker')
        .getByText(/Showing \d+ of \d+ schools/)
        .waitFor();
      await check(page, 'the tracker');
      // How long without activity counts as stalled is the LA's to choose.
      await page.getByLabel('Stalled after').selectOption('12');
      await page.getByRole('button', { name: 'Show', exact: true }).click();
      await page.waitForURL(/weeks=12/);
      await page.waitForFunction(() =>
        (document.querySelector('main') as HTMLElement | null)?.innerText.includes(
          'done nothing for 12 weeks',
        ),
      );
      for (const [path, heading] of [
        ['/area/results', /Results/],
        ['/area/enrol', /Enrol schools/],
        ['/area/windows', /Open a survey window/],
        ['/area/codes', /Class codes for several schools/],
        ['/area/log', /Activity log/],
        ['/area/report', /annual report/],
      ] as const) {
        await page.getByRole('navigation', { name: 'Programme' }).first().waitFor();
        await page.goto(s.url + path);
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        await check(page, path);
        await page.screenshot({
          path: `${SHOTS}area${path.replace(/\//g, '-')}.png`,
          fullPage: true,
        });
      }
    });

    it('A2 enrolling by CSV: a bad file lists each row and column in a focused summary and enrols nothing; a good one enrols', async () => {
      const page = await newPage();
      await signIn(page, LA_ADVISER, /\/area$/);
      await page.goto(s.url + '/area/enrol');
      const file = (text: string) => ({
        name: 'schools.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(text),
      });
      await page
        .getByLabel('CSV file')
        .setInputFiles(
          file(
            'urn,name,phase,number_on_roll\n12,Bad Urn School,primary,100\n950002,Fine School,nursery,100\n',
          ),
        );
      await page.getByRole('button', { name: 'Enrol the schools in the file' }).click();
      const summary = page.locator('.error-summary');
      await summary.waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.className), 'error-summary');
      const text = (await summary.textContent()) ?? '';
      assert.match(text, /nothing was enrolled/);
      assert.match(text, /Row 2, column "urn"/);
      assert.match(text, /Row 3, column "phase"/);
      await check(page, 'enrol with errors');
      await page
        .getByLabel('CSV file')
        .setInputFiles(
          file('urn,name,phase,number_on_roll\n950001,Fine Primary (synthetic),primary,150\n'),
        );
      await page.getByRole('button', { name: 'Enrol the schools in the file' }).click();
      await page.getByRole('status').filter({ hasText: '1 newly enrolled' }).waitFor();
    });

    it('A11 opening a survey window by keyboard: a mistake keeps the ticks; then the window opens for the cohort', async () => {
      const page = await newPage();
      await signIn(page, LA_ADVISER, /\/area$/);
      await page.goto(s.url + '/area/windows');
      await page.getByRole('heading', { level: 1, name: 'Open a survey window' }).waitFor();
      const boxes = page.locator('input[name="schools"]');
      // Tick the first two schools with the keyboard.
      await boxes.nth(0).focus();
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      await page.getByLabel(/Time 2 \(end\)/).check();
      await page.getByLabel('Opens on').fill(day(-3));
      await page.getByLabel('Closes on').fill(day(20));
      await page.getByRole('button', { name: 'Open the survey window' }).click();
      await page.locator('.error-summary').waitFor();
      assert.match((await page.locator('.error-summary').textContent()) ?? '', /past/);
      assert.equal(await boxes.nth(0).isChecked(), true, 'the ticks were lost');
      assert.equal(await boxes.nth(1).isChecked(), true);
      await page.getByLabel('Opens on').fill(day(1));
      await page.getByRole('button', { name: 'Open the survey window' }).click();
      await page.getByRole('status').filter({ hasText: 'for 2 schools' }).waitFor();
    });

    it('the annual report prints on A4 with the portal chrome hidden and the organisation, year and date shown', async () => {
      const page = await newPage();
      await signIn(page, LA_ADVISER, /\/area$/);
      await page.goto(s.url + '/area/report');
      await page.getByRole('heading', { level: 1, name: /annual report/ }).waitFor();
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('.site-header').isVisible(), false, 'header printed');
      assert.equal(await page.locator('nav').first().isVisible(), false, 'navigation printed');
      assert.equal(await page.getByRole('button', { name: /Print/ }).isVisible(), false);
      const text = (await page.locator('.report').textContent()) ?? '';
      assert.match(text, /Northshire County Council/);
      assert.match(text, /Programme year \d{4}-\d{2} · produced \d{1,2} \w+ \d{4}/);
      const pdf = await page.pdf({ preferCSSPageSize: true });
      // A4 is 595 × 842 points.
      assert.match(
        pdf.toString('latin1'),
        /\/MediaBox \[0 0 595(\.\d+)? 841\.9|\/MediaBox \[0 0 594\.9\d* 841\.9/,
      );
      await page.screenshot({ path: SHOTS + 'area-report-print.png', fullPage: true });
    });

    it('S1 a trust administrator reaches the tracker from the navigation and sees the trust’s schools only', async () => {
      const page = await newPage();
      await signIn(page, DEMO_ADMIN, /\/trust$/);
      await page.getByRole('link', { name: 'Programme tracker' }).click();
      await page.waitForURL(/\/area$/);
      await page.getByRole('heading', { level: 1, name: /Programme tracker/ }).waitFor();
      await page.goto(s.url + '/area/windows');
      await page.getByRole('heading', { level: 1, name: 'Open a survey window' }).waitFor();
      const names = await page.locator('input[name="schools"] + label').allTextContents();
      assert.equal(names.length, s.seeded.schools.length, names.join(' | '));
      for (const n of names)
        assert.ok(!/Primary School \(synthetic\)/.test(n), `an LA school: ${n}`);
    });

    it('A11 an LA administrator invites a colleague, who follows the link, chooses a password and signs in', async () => {
      const page = await newPage();
      await signIn(page, LA_ADMIN, /\/area$/);
      await page.getByRole('link', { name: 'Staff accounts' }).click();
      await page.getByRole('heading', { level: 1, name: 'Staff accounts' }).waitFor();
      await check(page, 'staff accounts');
      await page.getByRole('button', { name: 'Invite' }).click();
      await page.locator('.error-summary').waitFor();
      assert.match((await page.locator('.error-summary').textContent()) ?? '', /name/);
      await page.getByLabel('Name').fill('Sam Adviser');
      await page.getByLabel('E-mail address').fill('sam@northshire.example');
      await page.getByLabel('Role').selectOption('la-adviser');
      await page.getByRole('button', { name: 'Invite' }).click();
      const link = (await page.locator('.invite-link').textContent())!.trim();
      assert.match(link, /\/invite#token=/);
      await check(page, 'staff accounts after inviting');
      await page.getByRole('link', { name: 'Messages' }).click();
      await page.getByRole('heading', { level: 1, name: 'Messages to staff' }).waitFor();
      await check(page, 'messages');
      const newcomer = await newPage();
      await newcomer.goto(link);
      await newcomer.getByRole('heading', { level: 1, name: 'Choose your password' }).waitFor();
      await check(newcomer, 'choose your password');
      await newcomer.getByLabel('New password').fill('three quiet rivers');
      await newcomer.getByLabel('Type it again').fill('three quiet rivers');
      await newcomer.keyboard.press('Enter');
      await newcomer.getByRole('heading', { level: 1, name: 'Your account is ready' }).waitFor();
      assert.equal(new URL(newcomer.url()).hash, '', 'the token stayed in the address bar');
      await newcomer.goto(s.url + '/');
      await newcomer.getByLabel('E-mail address').fill('sam@northshire.example');
      await newcomer.getByLabel('Password').fill('three quiet rivers');
      await newcomer.keyboard.press('Enter');
      await newcomer.waitForURL(/\/area$/);
    });

    it('A11 the results page lists where to target support, each school with its reasons in words', async () => {
      const page = await newPage();
      await signIn(page, LA_ADVISER, /\/area$/);
      await page.goto(s.url + '/area/results?year=2025-26');
      await page.getByRole('heading', { level: 2, name: 'Where to target support' }).waitFor();
      const region = page.locator('[data-targets]');
      await region
        .locator('details, ol, p:not([role="status"])')
        .first()
        .waitFor({ timeout: 90_000 });
      const text = (await region.textContent()) ?? '';
      assert.match(text, /rest of the area|not enough|No school/, text.slice(0, 300));
      await check(page, 'results with targeting');
    });

    it('A11 a trust administrator enrols an academy in another LA by keyboard, then sees it in the tracker', async () => {
      const page = await newPage();
      await signIn(page, DEMO_ADMIN, /\/trust$/);
      await page.goto(s.url + '/area/enrol');
      await page.getByRole('heading', { level: 1, name: /Enrol schools/ }).waitFor();
      await page.getByLabel('URN').fill('960001');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Across the Hills Academy (synthetic)');
      await page.getByLabel('Phase').selectOption('secondary');
      await page.getByLabel('Number on roll').fill('820');
      // The LA code is required of a trust: missing, it is named and nothing typed is lost.
      await page.getByRole('button', { name: 'Enrol the school', exact: true }).click();
      await page.locator('.error-summary').waitFor();
      assert.match((await page.locator('.error-summary').textContent()) ?? '', /LA code/);
      assert.equal(await page.getByLabel('URN').inputValue(), '960001');
      await page.getByLabel('Local authority code').fill('938');
      await page.getByRole('button', { name: 'Enrol the school', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'is enrolled' }).waitFor();
      await page.goto(s.url + '/area');
      await page
        .locator('at-programme-tracker')
        .getByText('Across the Hills Academy (synthetic)')
        .waitFor();
    });

    it('A11 issue 21: a Northshire lead’s results from records break down by looked-after, hidden where small', async () => {
      const year = programmeYearOf(new Date().toISOString().slice(0, 10));
      const page = await newPage();
      await signIn(page, laLeadEmail(0), /\/school/);
      await page.goto(`${s.url}/school/results/${year}-baseline?view=breakdown`);
      const results = page.locator('at-results');
      await results.getByRole('radio', { name: 'Looked after' }).check();
      await results
        .getByRole('heading', { name: /by whether looked after/ })
        .first()
        .waitFor();
      await results.getByRole('radio', { name: 'Ethnic group' }).waitFor();
      await results.getByRole('radio', { name: 'Young carers' }).waitFor();
      // A small school: a looked-after row is there, its figure hidden (a symbol, never a 0%).
      await results
        .getByRole('button', { name: /Show the data table/ })
        .first()
        .click();
      const row = results.getByRole('row', { name: /^Looked after\b/ }).first();
      await row.waitFor();
      assert.match((await row.textContent()) ?? '', /\[(c|low|x|z)\]/);
      await results
        .getByRole('row', { name: /^Not looked after\b/ })
        .first()
        .waitFor();
      await check(page, 'results by looked-after');
      await page.screenshot({ path: `${SHOTS}results-looked-after.png`, fullPage: true });
    });

    it('no page threw an uncaught error', () => {
      assert.deepEqual(errors, []);
    });
  },
);

/**
 * CPD confidence in Debian's Chromium: an LA adviser records a course and a session and is shown
 * its code once; a delegate with no account answers before and straight after by keyboard alone,
 * linked by the code the first answer gave them; the adviser sees the results, hidden while too
 * few have answered and shown for the seeded course. Every page: no CSP violation (W3), no axe
 * violation (A11), one h1.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { SYSTEM, withScope } from '../server/db.js';
import { LA_ADVISER, seedArea } from '../server/seed-area.js';
import { DEMO_CPD_COURSE, seedCpd } from '../server/seed-cpd.js';
import { browserKit, SHOTS } from './browser.js';
import { CHROME, startServer, type TestServer } from './helpers.js';

describe(
  'CPD confidence in Chromium',
  { skip: existsSync(CHROME) ? false : `no Chromium at ${CHROME}` },
  () => {
    let s: TestServer;
    const kit = browserKit(() => s.url);
    let sessionCode = '';
    let delegateCode = '';

    before(async () => {
      s = await startServer({ schools: 2, pupilsPerSchool: [3, 4] });
      await withScope(SYSTEM, () => seedArea(s.db, { schools: 4, pupilsPerSchool: [3, 4] }));
      await withScope(SYSTEM, () => seedCpd(s.db, new Date().toISOString().slice(0, 10)));
      await kit.launch();
    });
    after(async () => {
      await kit.close();
      await s?.close();
    });

    // Strings, not functions: tsx's keepNames would wrap a function in a helper the page lacks.
    const active = (page: Page) =>
      page.evaluate<{
        tag: string;
        type: string;
        name: string;
        text: string;
        checked: boolean;
      }>(`(() => {
        let a = document.activeElement;
        while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
        return { tag: a ? a.tagName : '', type: a && a.type ? a.type : '', name: a && a.name ? a.name : '', text: a ? a.textContent.replace(/\\s+/g, ' ').trim() : '', checked: !!(a && a.checked) };
      })()`);
    const inSurvey = (page: Page) =>
      page.evaluate<boolean>(`document.querySelector('at-questionnaire') !== null`);
    const waitFor = async (page: Page, expression: string, timeout = 20_000) => {
      const end = Date.now() + timeout;
      while (!(await page.evaluate<boolean>(expression))) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${expression}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };

    /**
     * A delegate answers by keyboard alone at `timepoint`: the session code is in the link; their
     * own code (if any) is typed; each confidence question gets the option `steps` down the list.
     */
    const answerByKeyboard = async (
      timepoint: 'before' | 'after' | 'follow-up',
      mine: string,
      steps: number,
      /** A mistyped code first: refused, then put right and sent again without answering again. */
      typo?: string,
    ) => {
      const page = await kit.newPage();
      await page.goto(`${s.url}/cpd#${sessionCode}`);
      await page.getByRole('heading', { level: 1, name: 'Training survey' }).waitFor();
      assert.equal((await active(page)).tag, 'INPUT', 'focus starts on the code from the link');
      assert.equal(new URL(page.url()).hash, '', 'the code leaves the address bar');
      await kit.check(page, 'the delegate code page');
      await page.keyboard.press('Enter');
      await page.getByLabel('Your code (if you have one)').waitFor();
      await kit.check(page, 'the delegate about page');
      await page.keyboard.press('Tab');
      // Tab order after the heading: skip links and nav first, so find the field by tabbing.
      for (let i = 0; i < 10 && (await active(page)).name !== 'delegateCode'; i++)
        await page.keyboard.press('Tab');
      assert.equal((await active(page)).name, 'delegateCode');
      const typed = typo ?? mine;
      if (typed) await page.keyboard.type(typed);
      await page.keyboard.press('Tab');
      assert.equal((await active(page)).name, 'setting');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Tab');
      assert.match((await active(page)).text, /Continue/);
      await page.keyboard.press('Enter');
      await waitFor(
        page,
        `(() => document.querySelector('at-questionnaire')?.shadowRoot?.querySelector('button') != null)()`,
      );
      await kit.check(page, `the survey start (${timepoint})`);
      let presses = 0;
      let answered = 0;
      while ((await inSurvey(page)) && presses++ < 300) {
        const a = await active(page);
        if (a.tag === 'BUTTON' && /^(Start|Continue|Send)/.test(a.text)) {
          await page.keyboard.press('Enter');
          await page.waitForTimeout(150);
          continue;
        }
        if (a.type === 'radio' && !a.checked) {
          const down = a.name.includes('timepoint')
            ? ['before', 'after', 'follow-up'].indexOf(timepoint)
            : steps;
          if (down === 0) await page.keyboard.press('Space');
          for (let i = 0; i < down; i++) await page.keyboard.press('ArrowDown');
          assert.equal((await active(page)).checked, true);
          answered++;
        }
        await page.keyboard.press('Tab');
      }
      assert.ok(presses < 300, `reached the end in ${presses} key presses`);
      assert.ok(answered >= 7, `answered ${answered} questions`);
      if (typo) {
        // Refused: the error summary takes focus; its link leads to the field, the answers wait.
        await page.getByText('There is a problem').waitFor();
        await kit.check(page, 'the delegate code refused');
        await page.getByText('Your answers are kept on this page').waitFor();
        await page.keyboard.press('Tab');
        assert.match((await active(page)).text, /could not find that code of yours/);
        await page.keyboard.press('Enter');
        assert.equal((await active(page)).name, 'delegateCode');
        await page.keyboard.press('Control+A');
        await page.keyboard.type(mine);
        await page.keyboard.press('Tab');
        await page.keyboard.press('Tab');
        assert.match((await active(page)).text, /Send your answers/);
        await page.keyboard.press('Enter');
      }
      await page.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
      await page.screenshot({ path: `${SHOTS}cpd-delegate-${timepoint}.png`, fullPage: true });
      await kit.check(page, `the thank-you page (${timepoint})`);
      const code = mine ? '' : ((await page.locator('.code-issued').textContent()) ?? '').trim();
      await page.context().close();
      return code;
    };

    it('A11 an LA adviser records a course and a session, and is shown its code once', async () => {
      const page = await kit.newPage();
      await kit.signIn(page, LA_ADVISER, /\/area$/);
      await page.getByRole('link', { name: 'Training' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Training confidence' }).waitFor();
      await kit.check(page, 'the training page');
      // A mistake first: an empty title is refused with an error summary that takes focus.
      await page.getByRole('button', { name: 'Record the course' }).click();
      await page.getByText('There is a problem').waitFor();
      await kit.check(page, 'the course form with an error');
      await page.getByLabel('Course title').fill('Lunchtime supervisors: spotting bullying');
      await page.getByRole('button', { name: 'Record the course' }).click();
      await page.getByText(/Recorded the course/).waitFor();
      const course = page.getByRole('region', { name: 'Lunchtime supervisors: spotting bullying' });
      await course.getByText('Add a session to Lunchtime supervisors: spotting bullying').click();
      await course.getByLabel('Date of the session').fill('2026-11-20');
      await course.getByLabel('Who led it').selectOption('la-adviser');
      await course.getByLabel('Who it was for').selectOption('support-and-lunchtime-staff');
      await course.getByRole('button', { name: 'Add the session' }).click();
      const code = page.locator('#notice .code-issued');
      await code.waitFor();
      sessionCode = ((await code.textContent()) ?? '').trim();
      assert.match(sessionCode, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      await page.screenshot({ path: `${SHOTS}cpd-session-code.png`, fullPage: true });
      await kit.check(page, 'the training page with a new code');
      await page.context().close();
    });

    it('A11 a delegate answers before, straight after and at follow-up by keyboard alone, linked by their code; a typo loses nothing', async () => {
      assert.ok(sessionCode, 'the session was recorded');
      delegateCode = await answerByKeyboard('before', '', 1);
      assert.match(delegateCode, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      await answerByKeyboard('after', delegateCode.toLowerCase(), 3);
      // Months later, a typo first: refused, put right, and the same answers sent.
      await answerByKeyboard('follow-up', delegateCode, 2, 'ZZZZ-ZZZZ');
      const rows = await withScope(
        SYSTEM,
        async () =>
          (
            await s.db.query<{ timepoint: string; delegate_hash: string }>(
              `SELECT a.timepoint, a.delegate_hash FROM cpd_answers a
               JOIN cpd_sessions s ON s.id = a.session_id JOIN cpd_courses c ON c.id = s.course_id
              WHERE c.title = 'Lunchtime supervisors: spotting bullying' ORDER BY a.timepoint`,
            )
          ).rows,
      );
      assert.deepEqual(
        rows.map((r) => r.timepoint),
        ['after', 'before', 'follow-up'],
      );
      assert.equal(new Set(rows.map((r) => r.delegate_hash)).size, 1, 'one delegate, linked');
    });

    it('A11 D1 the adviser sees the results: the seeded course shown, one delegate hidden', async () => {
      const page = await kit.newPage();
      await kit.signIn(page, LA_ADVISER, /\/area$/);
      await page.goto(`${s.url}/area/cpd`);
      await page.getByRole('heading', { level: 1, name: 'Training confidence' }).waitFor();
      const seeded = page.getByRole('table', { name: `${DEMO_CPD_COURSE}, every session` });
      await seeded.waitFor();
      const before = await seeded.getByRole('row').nth(1).getByRole('cell').first().textContent();
      assert.match(before ?? '', /\d+%/, 'the seeded course shows a percentage');
      const mine = page.getByRole('table', {
        name: 'Lunchtime supervisors: spotting bullying, every session',
      });
      await mine.waitFor();
      const text = (await mine.textContent()) ?? '';
      assert.match(text, /\[c\]/);
      assert.doesNotMatch(text, /\d+%/, 'one delegate: no percentage');
      await page.screenshot({ path: `${SHOTS}cpd-results.png`, fullPage: true });
      await kit.check(page, 'the training results');
      assert.deepEqual(kit.errors, []);
      await page.context().close();
    });
  },
);

/**
 * The end-of-programme survey in Debian's Chromium: a lead answers it by keyboard alone in
 * <at-questionnaire> and sees the answers in words; the LA's results page shows the outcomes
 * across its schools beside the national figures. axe on each page (A11), no CSP violation (W3).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { SYSTEM, withScope } from '../server/db.js';
import { LA_ADVISER, laLeadEmail, seedArea } from '../server/seed-area.js';
import { browserKit, SHOTS } from './browser.js';
import { CHROME, startServer, type TestServer } from './helpers.js';

describe(
  'the end-of-programme survey in Chromium',
  { skip: existsSync(CHROME) ? false : `no Chromium at ${CHROME}` },
  () => {
    let s: TestServer;
    const kit = browserKit(() => s.url);

    before(async () => {
      s = await startServer({ schools: 2, pupilsPerSchool: [4, 6] });
      await withScope(SYSTEM, () => seedArea(s.db, { schools: 12, pupilsPerSchool: [3, 5] }));
      await kit.launch();
    });
    after(async () => {
      await kit.close();
      await s?.close();
    });

    // Strings, not functions: tsx's keepNames would wrap a function in a helper the page lacks.
    const active = (page: Page) =>
      page.evaluate<{ tag: string; type: string; text: string; checked: boolean }>(`(() => {
        let a = document.activeElement;
        while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
        return { tag: a ? a.tagName : '', type: a && a.type ? a.type : '', text: a ? a.textContent.replace(/\\s+/g, ' ').trim() : '', checked: !!(a && a.checked) };
      })()`);
    const screen = (page: Page) =>
      page.evaluate<string>(`(() => {
        const r = document.querySelector('at-questionnaire')?.shadowRoot;
        if (!r) return 'none';
        if (r.querySelector('.panel')) return 'done';
        if (r.querySelector('.summary')) return 'check';
        if (r.querySelector('fieldset, textarea')) return 'question';
        return [...r.querySelectorAll('button')].some((b) => b.textContent.trim().startsWith('Start')) ? 'start' : 'other';
      })()`);
    const waitFor = async (page: Page, expression: string, timeout = 20_000) => {
      const end = Date.now() + timeout;
      while (!(await page.evaluate<boolean>(expression))) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${expression}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };

    it('A11 a lead answers it by keyboard alone, and sees the answers in words', async () => {
      const page = await kit.newPage();
      await kit.signIn(page, laLeadEmail(0), /\/school$/);
      await page.getByRole('link', { name: 'Answer the end-of-programme survey' }).click();
      await page.getByRole('heading', { level: 1, name: /End-of-programme survey/ }).waitFor();
      await waitFor(
        page,
        `(() => document.querySelector('at-questionnaire')?.shadowRoot?.querySelector('button') != null)()`,
      );
      await kit.axe(page, 'the end survey start');
      // Tab into the questionnaire and through it; every agreement is "Somewhat agree".
      let steps = 0;
      let answered = 0;
      // Sent, the page shows the answers in words instead of the questionnaire ('none').
      while (!['done', 'none'].includes(await screen(page)) && steps++ < 400) {
        const a = await active(page);
        if (a.tag === 'BUTTON' && /^(Start|Continue|Send)/.test(a.text)) {
          await page.keyboard.press('Enter');
          await page.waitForTimeout(150);
          continue;
        }
        if (a.type === 'radio' && !a.checked) {
          // The first option is "Strongly disagree": three steps on is "Somewhat agree".
          for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
          assert.equal((await active(page)).checked, true);
          answered++;
        } else if (a.tag === 'TEXTAREA') {
          await page.keyboard.type('Lunchtime staff trained with everyone else.');
        }
        await page.keyboard.press('Tab');
      }
      assert.ok(steps < 400, `reached the end in ${steps} steps`);
      assert.ok(answered >= 7, `answered ${answered} outcomes`);
      await page.getByText('Your answers have been sent').waitFor();
      await page.getByText('Somewhat agree').first().waitFor();
      await page.screenshot({ path: SHOTS + 'end-survey-sent.png', fullPage: true });
      await kit.axe(page, 'the end survey sent');
      await kit.checkCsp(page, 'the end survey');
      await page.context().close();
    });

    it('A11 the LA results page shows the end-of-programme survey with the national figures', async () => {
      const page = await kit.newPage();
      await kit.signIn(page, LA_ADVISER, /\/area$/);
      await page.goto(s.url + '/area/results');
      await page.getByRole('heading', { level: 2, name: /End-of-programme survey/ }).waitFor();
      await page.getByText(/Schools that answered/).waitFor();
      // Last year, 10 of the 12 seeded schools answered, fewer of them each outcome ("Don't
      // know" is not counted): hidden figures, and the national ones beside them.
      await page.goto(s.url + '/area/results?year=2025-26');
      const table = page.getByRole('table', { name: /End-of-programme survey 2025-26/ });
      await table.waitFor();
      await table
        .getByRole('row', { name: /bullying in our school has reduced/ })
        .getByText('71%')
        .waitFor();
      await page.locator('#end-survey').scrollIntoViewIfNeeded();
      await page.screenshot({ path: SHOTS + 'area-end-survey.png', fullPage: true });
      await kit.axe(page, 'the area results with the end survey');
      await kit.checkCsp(page, 'the area results');
      assert.deepEqual(kit.errors, []);
      await page.context().close();
    });
  },
);

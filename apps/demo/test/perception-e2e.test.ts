/**
 * The 360° in Debian's Chromium: a lead makes a staff link for the open round; an adult opens the
 * link and answers by keyboard alone in <at-questionnaire>; once 10 staff have answered, the lead
 * sees the 360° view, and the seeded end round shows agreement gaps in words and a hidden group.
 * Each page: no CSP violation (W3), no axe violation (A11), one h1.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { END_ROUND, LIVE_ROUND, leadEmail } from '../server/seed.js';
import { browserKit, SHOTS } from './browser.js';
import { CHROME, Client, startServer, type TestServer } from './helpers.js';
import { adultResponse } from './perception-helpers.js';

describe(
  'the 360° perception surveys in Chromium',
  { skip: existsSync(CHROME) ? false : `no Chromium at ${CHROME}` },
  () => {
    let s: TestServer;
    let urn: string;
    let link = '';
    const kit = browserKit(() => s.url);

    before(async () => {
      s = await startServer({ schools: 2, pupilsPerSchool: [4, 6] });
      urn = s.seeded.schools[0]!.urn;
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
    // Polled from the test (page.waitForFunction evaluates a string in the page, which the
    // portal's CSP refuses, as it should).
    const waitFor = async (page: Page, expression: string, timeout = 20_000) => {
      const end = Date.now() + timeout;
      while (!(await page.evaluate<boolean>(expression))) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${expression}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const inQuestionnaire = (page: Page) =>
      page.evaluate<boolean>(`document.querySelector('at-questionnaire') != null`);

    it('A11 a lead makes a staff link for the open round, shown once', async () => {
      const page = await kit.newPage();
      await kit.signIn(page, leadEmail(0), /\/school$/);
      await page.getByRole('link', { name: `360° surveys for ${LIVE_ROUND}` }).click();
      await page.getByRole('heading', { level: 1, name: `360° surveys: ${LIVE_ROUND}` }).waitFor();
      await kit.check(page, 'the 360° page');
      // A mistake first: no group chosen, no number: both named, focus on the summary.
      await page.getByRole('button', { name: 'Make the link' }).click();
      await page.locator('.error-summary').waitFor();
      assert.match(await page.locator('.error-summary').innerText(), /Choose who the link is for/);
      assert.match(await page.locator('.error-summary').innerText(), /how many people/);
      await kit.check(page, 'the 360° page with errors');
      await page.getByLabel('Staff', { exact: true }).check();
      await page.getByLabel('How many people will you ask?').fill('40');
      await page.getByRole('button', { name: 'Make the link' }).click();
      link = (await page.getByTestId('issued-link').innerText()).trim();
      assert.match(link, /\/survey#[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      assert.equal((await kit.focused(page)).id, 'notice');
      await page.screenshot({ path: SHOTS + 'perception-link.png', fullPage: true });
      await kit.check(page, 'the 360° page with a link');
      await page.context().close();
    });

    it('A11 an adult answers through the link by keyboard alone', async () => {
      assert.ok(link, 'the link from the test before');
      const code = link.split('#')[1]!;
      // Nine colleagues have answered already (through the API, as their browsers would).
      const api = new Client(s.url);
      for (let i = 0; i < 9; i++) {
        const r = await api.request('POST', '/api/perception/responses', {
          code,
          response: adultResponse('staff', urn, 'baseline', i < 3 ? 'disagree' : 'agree'),
        });
        assert.equal(r.status, 201, r.text);
      }
      const page = await kit.newPage();
      await page.goto(link);
      await page.getByRole('heading', { level: 1, name: /survey for staff/ }).waitFor();
      assert.equal(new URL(page.url()).hash, '', 'the code leaves the address bar');
      await waitFor(
        page,
        `document.querySelector('at-questionnaire')?.shadowRoot?.querySelector('button') != null`,
      );
      await kit.check(page, 'the adult survey');
      let steps = 0;
      let answered = 0;
      while ((await inQuestionnaire(page)) && steps++ < 500) {
        const a = await active(page);
        if (a.tag === 'BUTTON' && /^(Start|Continue|Send)/.test(a.text)) {
          await page.keyboard.press('Enter');
          await page.waitForTimeout(150);
          continue;
        }
        if (a.type === 'radio' && !a.checked) {
          // "Strongly disagree" first: two steps on is "Agree" (or a role's third choice).
          for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowDown');
          assert.equal((await active(page)).checked, true);
          answered++;
        }
        await page.keyboard.press('Tab');
      }
      assert.ok(steps < 500, `reached the end in ${steps} steps`);
      assert.ok(answered >= 15, `answered ${answered} questions`);
      await page.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
      await page.screenshot({ path: SHOTS + 'perception-sent.png', fullPage: true });
      await kit.check(page, 'the adult survey sent');
      await page.context().close();
    });

    it('A11 the lead sees the 360° view: staff figures once 10 answered; gaps and a hidden group in words', async () => {
      const page = await kit.newPage();
      await kit.signIn(page, leadEmail(0), /\/school$/);
      await page.goto(`${s.url}/school/perception/${LIVE_ROUND}`);
      const table = page.getByRole('table', { name: 'Agreement with each statement, by group' });
      await table.waitFor();
      // 7 of the 10 staff agree with every statement: 70%.
      await table
        .getByRole('row', { name: /^1\.1 / })
        .getByText('70% agree')
        .waitFor();
      await kit.check(page, 'the live 360° view');

      await page.goto(`${s.url}/school/perception/${END_ROUND}`);
      await page.getByRole('heading', { level: 3, name: 'Agreement gaps' }).waitFor();
      await page
        .getByText(/You rated 2\.9 Fully met, but only \d+% of parents and carers agree/)
        .waitFor();
      const end = page.getByRole('table', { name: 'Agreement with each statement, by group' });
      await end
        .getByRole('row', { name: /^1\.2 / })
        .getByText('hidden: fewer than 10 people')
        .waitFor();
      await page.screenshot({ path: SHOTS + 'perception-360.png', fullPage: true });
      await kit.check(page, 'the end round 360° view');
      assert.deepEqual(kit.errors, []);
      await page.context().close();
    });
  },
);

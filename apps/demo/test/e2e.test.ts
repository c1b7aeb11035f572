/**
 * End to end in Debian's Chromium (playwright-core, no downloaded browser): a lead signs in and sees
 * results, a lead of school A is refused school B, a pupil's wrong codes are refused and throttled, a
 * double submit stores one response, a pupil completes the questionnaire by keyboard, and no page
 * breaks the strict CSP (W3). Screenshots go to test-results/screenshots/.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  BASELINE_ROUND,
  DEMO_ADMIN,
  DEMO_CODE,
  END_ROUND,
  LIVE_ROUND,
  leadEmail,
  DEMO_PASSWORD,
} from '../server/seed.js';
import { sampleResponse, startServer, type TestServer } from './helpers.js';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SHOTS = new URL('../test-results/screenshots/', import.meta.url).pathname;

describe(
  'demo portal in Chromium',
  { skip: existsSync(CHROME) ? false : `no Chromium at ${CHROME}` },
  () => {
    let s: TestServer;
    let browser: Browser;
    const violations: string[] = [];

    before(async () => {
      mkdirSync(SHOTS, { recursive: true });
      s = await startServer();
      browser = await chromium.launch({ executablePath: CHROME, headless: true, args: ARGS });
    });
    after(async () => {
      await browser?.close();
      await s?.close();
    });

    const newPage = async (): Promise<Page> => {
      const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          const w = window as unknown as { __violations?: string[] };
          (w.__violations ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
        });
      });
      page.on('pageerror', (e) => violations.push(`page error: ${e.message}`));
      return page;
    };
    const checkCsp = async (page: Page, where: string) => {
      const v = await page.evaluate(
        () => (window as unknown as { __violations?: string[] }).__violations ?? [],
      );
      assert.deepEqual(v, [], `CSP violations on ${where}`);
    };
    const signIn = async (page: Page, email: string) => {
      await page.goto(s.url + '/');
      await page.getByLabel('E-mail address').fill(email);
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.keyboard.press('Enter');
    };

    it("A lead signs in and sees their school's results, with 0 CSP violations (W3)", async () => {
      const page = await newPage();
      await page.goto(s.url + '/');
      await page.screenshot({ path: SHOTS + 'login.png' });
      await signIn(page, leadEmail(0));
      await page.getByRole('heading', { level: 1, name: s.seeded.schools[0]!.name }).waitFor();
      await page.screenshot({ path: SHOTS + 'school.png', fullPage: true });
      await page.locator(`a[href="/school/results/${END_ROUND}"]`).click();
      await page.getByRole('heading', { level: 1, name: `Results: ${END_ROUND}` }).waitFor();
      // <at-results> renders the headline cards from the school's summary, the trust as comparator.
      const results = page.locator('at-results');
      await results.getByText('%').first().waitFor();
      assert.ok((await results.locator('[part~="card"]').count()) > 0, 'headline cards');
      assert.ok((await page.locator('details table').count()) > 0, 'server-published tables');
      await page.screenshot({ path: SHOTS + 'results.png', fullPage: true });
      await checkCsp(page, 'results');
      await page.getByRole('link', { name: 'Compared with the trust' }).click();
      await page.locator('at-results[view="comparison"]').getByText('%').first().waitFor();
      await page.screenshot({ path: SHOTS + 'results-comparison.png', fullPage: true });
      await checkCsp(page, 'results comparison');
      await page.context().close();
    });

    it('A lead opens the audit and the action plan in their elements; a rating chosen is saved to the server', async () => {
      const page = await newPage();
      await signIn(page, leadEmail(0));
      await page.getByRole('heading', { level: 1, name: s.seeded.schools[0]!.name }).waitFor();
      await page.goto(`${s.url}/school/audit/${END_ROUND}`);
      const audit = page.locator('at-audit');
      await audit.getByRole('heading').first().waitFor();
      await page.screenshot({ path: SHOTS + 'audit.png', fullPage: true });
      await checkCsp(page, 'audit');
      // A rating chosen in the element is saved to the server (at-audit-change → PUT).
      const urn = s.seeded.schools[0]!.urn;
      const stored = async () =>
        (
          await s.db.query<{ body: { ratings: Record<string, string> } }>(
            'SELECT body FROM audits WHERE school_urn = $1 AND round_id = $2',
            [urn, END_ROUND],
          )
        ).rows[0]!.body.ratings['1.1'];
      assert.equal(await stored(), 'fully-met');
      await audit
        .getByRole('button', { name: /School leadership/ })
        .first()
        .click();
      await audit
        .getByRole('radio', { name: /Not yet met/ })
        .first()
        .check();
      for (let i = 0; i < 50 && (await stored()) === 'fully-met'; i++)
        await new Promise((r) => setTimeout(r, 100));
      assert.equal(await stored(), 'not-yet-met');
      await page.goto(`${s.url}/school/plan/${BASELINE_ROUND}`);
      const plan = page.locator('at-action-plan');
      await plan.getByRole('heading').first().waitFor();
      await page.screenshot({ path: SHOTS + 'plan.png', fullPage: true });
      await checkCsp(page, 'action plan');
      await page.context().close();
    });

    it('S1 a lead of school A gets 403 for school B', async () => {
      const page = await newPage();
      await signIn(page, leadEmail(0));
      await page.getByRole('heading', { level: 1, name: s.seeded.schools[0]!.name }).waitFor();
      const other = s.seeded.schools[1]!.urn;
      const statuses = await page.evaluate(async (urn) => {
        const paths = [
          `/api/schools/${urn}/rounds`,
          `/api/schools/${urn}/rounds/2025-26-end/results`,
          `/api/schools/${urn}/award`,
        ];
        return Promise.all(paths.map(async (p) => (await fetch(p)).status));
      }, other);
      assert.deepEqual(statuses, [403, 403, 403]);
      await page.context().close();
    });

    it('S6 a wrong class code is refused, then rate-limited with a kind message', async () => {
      const page = await newPage();
      await page.goto(s.url + '/pupil');
      const messages: string[] = [];
      for (let i = 0; i < 11; i++) {
        const input = page.getByLabel('Class code');
        await input.fill(`WRONG${String(i).padStart(3, 'A')}`);
        // Wait for this attempt's answer, then for the message that answer shows (the previous
        // attempt's alert may still be on screen with the same words).
        const [response] = await Promise.all([
          page.waitForResponse((r) => r.url().endsWith('/api/pupil/start')),
          input.press('Enter'),
        ]);
        const expected = response.status() === 429 ? /Too many codes/ : /did not work/;
        const alert = page.getByRole('alert').filter({ hasText: expected });
        await alert.waitFor();
        messages.push((await alert.textContent()) ?? '');
      }
      assert.match(messages[0]!, /did not work/);
      assert.match(messages[10]!, /Too many codes/);
      await page.screenshot({ path: SHOTS + 'pupil-wrong-code.png' });
      // A correct code is still admitted (S6: throttle failures, never successes).
      await page.getByLabel('Class code').fill(DEMO_CODE.toLowerCase());
      await page.getByLabel('Class code').press('Enter');
      await page.waitForFunction(() => !document.querySelector('[role=alert]'));
      await checkCsp(page, 'pupil code entry');
      s.demo.codeThrottle.reset(
        [
          ...(
            s.demo.codeThrottle as unknown as { failures: Map<string, number[]> }
          ).failures.keys(),
        ][0]!,
      );
      await page.context().close();
    });

    it('S13 a double submit from the pupil page stores one response', async () => {
      const page = await newPage();
      await page.goto(`${s.url}/pupil#code=${DEMO_CODE}`);
      await page.getByRole('button', { name: 'Start' }).click();
      await page.waitForFunction(() => !document.querySelector('input#code'));
      const urn = s.seeded.schools[0]!.urn;
      const def = s.seeded.schools[0]!.phase === 'secondary' ? 'pupil-secondary' : 'pupil-ks2';
      const body = sampleResponse(def, urn, LIVE_ROUND, 'baseline', {
        'bullied-face-to-face': 'not-at-all',
      });
      // Two clicks' worth of the same submission, sent together (no named inner functions: tsx's
      // keepNames would reference a helper the page does not have).
      const statuses = await page.evaluate(
        (b) =>
          Promise.all(
            [1, 2].map(() =>
              fetch('/api/pupil/responses', {
                method: 'POST',
                headers: { 'content-type': 'application/json', 'idempotency-key': b.id },
                body: JSON.stringify(b),
              }).then((r) => r.status),
            ),
          ),
        body,
      );
      assert.deepEqual(statuses, [201, 201]);
      const n = await s.db.query<{ n: string }>(
        'SELECT count(*) AS n FROM responses WHERE id = $1',
        [body.id],
      );
      assert.equal(Number(n.rows[0]!.n), 1);
      await page.screenshot({ path: SHOTS + 'pupil-questionnaire.png', fullPage: true });
      await checkCsp(page, 'pupil questionnaire');
      await page.context().close();
    });

    it('A11 a pupil completes the questionnaire by keyboard alone; pressing Send twice stores one response (S13)', async () => {
      const page = await newPage();
      const round = LIVE_ROUND;
      const urn = s.seeded.schools[0]!.urn;
      const before = Number(
        (
          await s.db.query<{ n: string }>(
            'SELECT count(*) AS n FROM responses WHERE school_urn = $1 AND round_id = $2',
            [urn, round],
          )
        ).rows[0]!.n,
      );
      await page.goto(`${s.url}/pupil`);
      await page.getByLabel('Class code').focus();
      await page.keyboard.type(DEMO_CODE.slice(0, 4).toLowerCase() + '-' + DEMO_CODE.slice(4));
      await page.keyboard.press('Enter');
      await page.locator('at-questionnaire').waitFor();
      // Strings, not functions: tsx's keepNames would wrap a function in a helper the page lacks.
      const active = () =>
        page.evaluate<{ tag: string; type: string; text: string; checked: boolean }>(`(() => {
        let a = document.activeElement;
        while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
        return { tag: a ? a.tagName : '', type: a && a.type ? a.type : '', text: a ? a.textContent.replace(/\\s+/g, ' ').trim() : '', checked: !!(a && a.checked) };
      })()`);
      const screen = () =>
        page.evaluate<string>(`(() => {
        const r = document.querySelector('at-questionnaire').shadowRoot;
        if (r.querySelector('.panel')) return 'done';
        if (r.querySelector('.summary')) return 'check';
        if (r.querySelector('at-progress')) return 'question';
        return [...r.querySelectorAll('button')].some((b) => b.textContent.trim().startsWith('Start now')) ? 'start' : 'other';
      })()`);
      // page.waitForFunction with a string would eval in the page, which the CSP forbids: poll instead.
      const waitFor = async (expression: string, timeout = 20_000) => {
        const end = Date.now() + timeout;
        while (!(await page.evaluate<boolean>(expression))) {
          if (Date.now() > end) throw new Error(`timed out waiting for ${expression}`);
          await new Promise((r) => setTimeout(r, 100));
        }
      };
      const tabTo = async (
        match: (a: Awaited<ReturnType<typeof active>>) => boolean,
        limit = 60,
      ) => {
        for (let i = 0; i < limit; i++) {
          if (match(await active())) return;
          await page.keyboard.press('Tab');
        }
        throw new Error(
          `Tab never reached the control; focus is on ${JSON.stringify(await active())}`,
        );
      };
      await waitFor(
        `(() => { const r = document.querySelector('at-questionnaire').shadowRoot; return r && [...r.querySelectorAll('button')].some((b) => b.textContent.trim().startsWith('Start now')); })()`,
      );
      await page.screenshot({ path: SHOTS + 'pupil-start.png', fullPage: true });
      await tabTo((a) => a.text === 'Start now');
      await page.keyboard.press('Enter');
      let pages = 0;
      while ((await screen()) === 'question' && pages < 100) {
        pages++;
        await tabTo((a) => a.tag === 'INPUT' || a.tag === 'TEXTAREA');
        const a = await active();
        if (a.tag === 'TEXTAREA') await page.keyboard.type('More adults at break');
        else if (a.type === 'radio') {
          await page.keyboard.press('ArrowDown');
          await page.keyboard.press('ArrowUp');
          await page.keyboard.press('Space');
          assert.equal((await active()).checked, true);
        } else {
          await page.keyboard.press('Space');
          assert.equal((await active()).checked, true);
        }
        if (pages === 2)
          await page.screenshot({ path: SHOTS + 'pupil-question.png', fullPage: true });
        await tabTo((x) => x.text === 'Continue');
        await page.keyboard.press('Enter');
      }
      assert.ok(pages > 5, `answered ${pages} pages`);
      assert.equal(await screen(), 'check');
      await tabTo((a) => a.text === 'Send my answers', 300);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter').catch(() => {});
      await waitFor(
        `(() => { const r = document.querySelector('at-questionnaire').shadowRoot; return r.querySelector('.panel') && /sent/i.test(r.textContent); })()`,
      );
      await page.screenshot({ path: SHOTS + 'pupil-done.png', fullPage: true });
      const after = Number(
        (
          await s.db.query<{ n: string }>(
            'SELECT count(*) AS n FROM responses WHERE school_urn = $1 AND round_id = $2',
            [urn, round],
          )
        ).rows[0]!.n,
      );
      assert.equal(after, before + 1);
      await checkCsp(page, 'the questionnaire');
      await page.context().close();
    });

    it('D8 the trust administrator sees suppressed aggregates and the CSV link', async () => {
      const page = await newPage();
      await signIn(page, DEMO_ADMIN);
      await page.getByRole('heading', { level: 1, name: 'Your trust' }).waitFor();
      await page.getByRole('link', { name: 'Download the figures (CSV)' }).waitFor();
      await page.screenshot({ path: SHOTS + 'trust.png', fullPage: true });
      await checkCsp(page, 'trust');
      await page.context().close();
    });

    it('no page threw an uncaught error', () => {
      assert.deepEqual(violations, []);
    });
  },
);

/**
 * The pupil's page as its own document (issue 22 item 4): `/pupil` loads only what answering
 * needs, compressed, without zod (the definition is trusted by its hash), and a definition changed
 * on its way still gets the kind message on the page and the exact problem, with its path, in the
 * console (W1).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { getQuestionnaire } from '@all-together/questionnaires';
import { DEMO_CODE, LIVE_ROUND } from '../server/seed.js';
import { CHROME, CHROME_ARGS as ARGS, Client, startServer, type TestServer } from './helpers.js';

describe(
  'the pupil page in Chromium',
  { skip: existsSync(CHROME) ? false : `no Chromium at ${CHROME}` },
  () => {
    let s: TestServer;
    let browser: Browser;
    before(async () => {
      s = await startServer({ schools: 1 });
      browser = await chromium.launch({ executablePath: CHROME, headless: true, args: ARGS });
    });
    after(async () => {
      await browser?.close();
      await s?.close();
    });

    /** A fresh page (empty cache) that records every response and console error. */
    const open = async () => {
      const page = await (await browser.newContext()).newPage();
      const responses: { path: string; encoding: string; type: string; status: number }[] = [];
      const errors: string[] = [];
      page.on('response', (r) => {
        const path = new URL(r.url()).pathname;
        void r.headerValue('content-encoding').then((encoding) =>
          responses.push({
            path,
            encoding: encoding ?? '',
            type: r.request().resourceType(),
            status: r.status(),
          }),
        );
      });
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      return { page, responses, errors };
    };
    const startWithCode = async (page: Page) => {
      await page.goto(`${s.url}/pupil`);
      await page.getByLabel('Class code').fill(DEMO_CODE);
      await page.getByRole('button', { name: 'Start' }).click();
    };

    it('/pupil is its own document: no staff page, no staff element, no zod, assets compressed', async () => {
      const { page, responses } = await open();
      await startWithCode(page);
      await page.locator('at-questionnaire').getByRole('button', { name: 'Start now' }).waitFor();
      const staff = await page.evaluate(() =>
        ['at-audit', 'at-results', 'at-action-plan'].filter((t) => customElements.get(t)),
      );
      assert.deepEqual(staff, [], 'no staff element is loaded on the pupil page');
      const scripts = responses.filter((r) => r.type === 'script');
      // The definition comes with its hash, so the questionnaire trusts it: no zod (ADR 0037).
      for (const r of scripts) {
        const body = await (await fetch(s.url + r.path)).text();
        assert.ok(
          !body.includes('$ZodType'),
          `${r.path} is zod: the pupil's page loads no schema library`,
        );
        // Nor the element's loader of `src` (load-json): the page gives the definition itself.
        assert.ok(
          !body.includes("is not this page's origin"),
          `${r.path} is the element's src loader, which the pupil's page never uses`,
        );
      }
      assert.ok(scripts.length > 0);
      assert.ok(
        !scripts.some((r) => /\/assets\/index-/.test(r.path)),
        `the staff bundle is not loaded: ${scripts.map((r) => r.path).join(', ')}`,
      );
      // Every script and stylesheet over 256 bytes (the theme and the entry too), and the definition (with Start's answer), are
      // sent gzip-compressed.
      const bulk: typeof responses = [];
      for (const r of responses.filter((x) => x.status === 200)) {
        if (r.path === '/api/pupil/start' && r.status === 200) bulk.push(r);
        else if (r.path.startsWith('/assets/')) {
          const size = (await (await fetch(s.url + r.path)).arrayBuffer()).byteLength;
          if (size > 256) bulk.push(r);
        }
      }
      assert.ok(bulk.length >= 3, JSON.stringify(responses));
      for (const r of bulk) assert.equal(r.encoding, 'gzip', `${r.path} is sent compressed`);
      await page.context().close();
    });

    it("issue 22: the pupil's page loads no staff code or styles: plain fetch, its own stylesheet, HTML compressed", async () => {
      const { page, responses } = await open();
      await startWithCode(page);
      await page.locator('at-questionnaire').getByRole('button', { name: 'Start now' }).waitFor();
      const of = (type: string) => responses.filter((r) => r.type === type && r.status === 200);
      for (const r of of('script')) {
        const body = await (await fetch(s.url + r.path)).text();
        // The staff portal's typed client (hono/client) is called as `client.x.$get()`: the
        // pupil's page makes its few calls with fetch and needs none of it.
        assert.ok(!/\$(get|post)\b/.test(body), `${r.path} carries the staff API client`);
      }
      const sheets = of('stylesheet');
      assert.ok(sheets.length > 0);
      for (const r of sheets) {
        const body = await (await fetch(s.url + r.path)).text();
        for (const staffOnly of ['.summary-list', '.certificate', '.slip', '.tag--open'])
          assert.ok(!body.includes(staffOnly), `${r.path} has the staff rule ${staffOnly}`);
      }
      const doc = responses.find((r) => r.type === 'document');
      assert.equal(doc?.encoding, 'gzip', 'the page itself is sent compressed');
      await page.context().close();
    });

    it('issue 22: no request chain before the first question: no session probe, one request from Start to the questionnaire', async () => {
      const { page, responses, errors } = await open();
      await page.goto(`${s.url}/pupil`);
      await page.getByLabel('Class code').waitFor();
      const api = () => responses.filter((r) => r.path.startsWith('/api/')).map((r) => r.path);
      assert.deepEqual(api(), [], 'a browser with no pupil session is asked for its code at once');
      await page.getByLabel('Class code').fill(DEMO_CODE);
      await page.getByRole('button', { name: 'Start' }).click();
      const q = page.locator('at-questionnaire');
      await q.getByRole('button', { name: 'Start now' }).waitFor();
      assert.deepEqual(api(), ['/api/pupil/start'], 'Start brings the questionnaire with it');
      // A reload mid-questionnaire still finds the session and its questionnaire.
      await q.getByRole('button', { name: 'Start now' }).click();
      await q.getByRole('radio').first().check();
      const resumed = page.waitForResponse((r) => new URL(r.url()).pathname === '/pupil');
      await page.reload();
      assert.ok(
        !(await (await resumed).text()).includes('id="code"'),
        'a resumed page has no code form',
      );
      await q.getByRole('radio').first().waitFor();
      assert.ok(api().includes('/api/pupil/questionnaire'), JSON.stringify(api()));
      assert.deepEqual(errors, [], 'no console error (no refused probe)');
      await page.context().close();
    });

    /**
     * Holds back the questionnaire's code (every built script but the page's small entry and
     * Vite's preload helper) until `release()`: the page as a pupil sees it on a slow network.
     */
    const holdScripts = async (page: Page) => {
      let release!: () => void;
      const released = new Promise<void>((r) => (release = r));
      const held: string[] = [];
      const html = await (await fetch(`${s.url}/pupil`)).text();
      const src = /<script [^>]*src="([^"]+)"/.exec(html)?.[1];
      assert.ok(src, 'pupil.html names its entry');
      const entry = new URL(src, s.url).href;
      await page.route(/\/assets\/pupil-.*\.js$/, async (route) => {
        if (route.request().url() === entry) return route.continue();
        held.push(new URL(route.request().url()).pathname);
        await released;
        await route.continue();
      });
      return { release, held };
    };

    it("issue 22: the code form is in the page itself: seen, and filled from a link, before the questionnaire's code arrives", async () => {
      // With no script at all, the form is there to read, and Start cannot send the code anywhere
      // (a native submit would put it in a URL: W8).
      const off = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
      await off.goto(`${s.url}/pupil`);
      await off.getByRole('heading', { level: 1, name: 'Answer the questionnaire' }).waitFor();
      assert.ok(await off.getByLabel('Class code').isVisible());
      assert.ok(await off.getByRole('button', { name: 'Start' }).isDisabled());
      await off.context().close();
      // With the page's small first script in but the questionnaire's code held back, a code from
      // a link is in the field and Start can be pressed.
      const { page } = await open();
      const { release } = await holdScripts(page);
      await page.goto(`${s.url}/pupil#code=${DEMO_CODE}`, { waitUntil: 'commit' });
      await page.getByRole('button', { name: 'Start' }).waitFor();
      await page.waitForFunction(
        () => !document.querySelector<HTMLButtonElement>('#start button')?.disabled,
      );
      assert.equal(await page.getByLabel('Class code').inputValue(), DEMO_CODE);
      // Exit this page is there already (a plain link to the neutral page), in the element's place
      // and size: nothing moves when the element arrives.
      const exit = page.locator('at-exit-this-page a');
      assert.equal(await exit.getAttribute('href'), 'https://www.bbc.co.uk/weather');
      const top = () =>
        page.getByRole('heading', { level: 1 }).evaluate((h) => h.getBoundingClientRect().top);
      const before = await top();
      release();
      await page.waitForFunction(() => customElements.get('at-exit-this-page') !== undefined);
      await page
        .locator('at-exit-this-page')
        .getByRole('button', { name: 'Exit this page' })
        .waitFor();
      assert.ok(
        Math.abs((await top()) - before) < 1,
        `the heading moved from ${before} to ${await top()}`,
      );
      await page.context().close();
    });

    it('issue 22: a Start pressed before the questionnaire has loaded is kept: one request, then the questionnaire', async () => {
      const { page, responses, errors } = await open();
      const { release } = await holdScripts(page);
      await page.goto(`${s.url}/pupil#code=${DEMO_CODE}`, { waitUntil: 'commit' });
      const started = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/pupil/start');
      await page.getByRole('button', { name: 'Start' }).click();
      // Start's round trip is made while the questionnaire's code is still on its way.
      assert.equal((await started).status(), 200);
      release();
      const q = page.locator('at-questionnaire');
      await q.getByRole('button', { name: 'Start now' }).waitFor();
      const starts = responses.filter((r) => r.path === '/api/pupil/start');
      assert.equal(starts.length, 1, 'one Start, one request');
      assert.equal(new URL(page.url()).hash, '', 'the code leaves the address once used (W8)');
      await q.getByRole('button', { name: 'Start now' }).click();
      await q.getByRole('radio').first().check();
      assert.deepEqual(errors, []);
      await page.context().close();
    });

    /** Holds Start's request (`POST /api/pupil/start`) until `release()`, recording its bodies. */
    const holdStart = async (page: Page) => {
      let release!: () => void;
      const released = new Promise<void>((r) => (release = r));
      const bodies: unknown[] = [];
      await page.route(/\/api\/pupil\/start$/, async (route) => {
        bodies.push(route.request().postDataJSON());
        await released;
        await route.continue();
      });
      return { release, bodies };
    };

    for (const early of [false, true])
      it(`issue 22/W8: a code from a link is looked up with no session, and Start shows the questionnaire without waiting for its own answer${early ? ' (pressed before the page has loaded)' : ''}`, async () => {
        const { page, errors } = await open();
        const scripts = early ? await holdScripts(page) : undefined;
        const start = await holdStart(page);
        const lookedUp = page.waitForResponse(
          (r) => new URL(r.url()).pathname === '/api/pupil/look-up',
        );
        await page.goto(`${s.url}/pupil#code=${DEMO_CODE}`, { waitUntil: 'commit' });
        assert.equal((await lookedUp).status(), 200);
        assert.deepEqual(await page.context().cookies(), [], 'the look-up leaves no cookie');
        await page.waitForFunction(
          () => !document.querySelector<HTMLButtonElement>('#start button')?.disabled,
        );
        await page.getByRole('button', { name: 'Start', exact: true }).click();
        scripts?.release();
        const q = page.locator('at-questionnaire');
        // Start's answer is held back: the questionnaire came with the look-up.
        await q.getByRole('button', { name: 'Start now' }).click();
        await q.getByRole('radio').first().check();
        assert.deepEqual(
          start.bodies,
          [{ code: DEMO_CODE, questionnaire: false }],
          'one Start, for the session only',
        );
        const started = page.waitForResponse(
          (r) => new URL(r.url()).pathname === '/api/pupil/start',
        );
        start.release();
        assert.equal((await started).status(), 200);
        // The session is there to send the answers to.
        const state = await page.evaluate(
          "fetch('/api/pupil/status', { credentials: 'same-origin' }).then((r) => r.status)",
        );
        assert.equal(state, 200);
        assert.deepEqual(errors, []);
        await page.context().close();
      });

    it("issue 22: a link's code is looked up as the page is parsed, before any of the page's script files has arrived", async () => {
      const { page, errors } = await open();
      let release!: () => void;
      const released = new Promise<void>((r) => (release = r));
      const held: string[] = [];
      await page.route(/\/assets\/.*\.js$/, async (route) => {
        held.push(new URL(route.request().url()).pathname);
        await released;
        await route.continue();
      });
      const lookedUp = page.waitForResponse(
        (r) => new URL(r.url()).pathname === '/api/pupil/look-up',
      );
      await page.goto(`${s.url}/pupil#code=${DEMO_CODE}`, { waitUntil: 'commit' });
      assert.equal((await lookedUp).status(), 200);
      assert.ok(held.length > 0, 'the script files were asked for, and are held back');
      release();
      // The entry fills the code in, and Start uses the look-up's answer.
      await page.waitForFunction(
        () => !document.querySelector<HTMLButtonElement>('#start button')?.disabled,
      );
      assert.equal(await page.getByLabel('Class code').inputValue(), DEMO_CODE);
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      await page.locator('at-questionnaire').getByRole('button', { name: 'Start now' }).waitFor();
      assert.deepEqual(errors, [], 'no console error (the page CSP allows the script)');
      await page.context().close();
    });

    it("W8 a browser resuming a session opens a link's code without looking it up", async () => {
      const { page, responses } = await open();
      await startWithCode(page);
      await page.locator('at-questionnaire').getByRole('button', { name: 'Start now' }).waitFor();
      await page.goto('about:blank');
      await page.goto(`${s.url}/pupil#code=${DEMO_CODE}`);
      await page.locator('at-questionnaire').getByRole('button', { name: 'Start now' }).waitFor();
      const api = responses.filter((r) => r.path.startsWith('/api/')).map((r) => r.path);
      assert.deepEqual(api, ['/api/pupil/start', '/api/pupil/questionnaire']);
      await page.context().close();
    });

    for (const how of ['a code typed', "a link's code"])
      it(`A3 Start moves the focus to the main content, where the questionnaire now is (${how})`, async () => {
        const { page, errors } = await open();
        if (how === 'a code typed') {
          await page.goto(`${s.url}/pupil`);
          await page.getByLabel('Class code').focus();
          await page.keyboard.type(DEMO_CODE);
        } else {
          await page.goto(`${s.url}/pupil#code=${DEMO_CODE}`);
          await page.getByRole('button', { name: 'Start', exact: true }).focus();
        }
        await page.keyboard.press('Enter');
        const q = page.locator('at-questionnaire');
        await q.getByRole('button', { name: 'Start now' }).waitFor();
        await page.waitForFunction(() => document.activeElement?.id === 'main');
        assert.equal(await page.evaluate('scrollY'), 0, 'from the top of the page, header in view');
        // From there, Tab goes into the questionnaire: Exit this page, then Start now.
        const inside = () =>
          page.evaluate<string>(
            '(() => { let a = document.activeElement; while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement; return a ? a.textContent.trim() : ""; })()',
          );
        const seen: string[] = [];
        for (let i = 0; i < 3 && !seen.includes('Start now'); i++) {
          await page.keyboard.press('Tab');
          seen.push(await inside());
        }
        assert.ok(seen.includes('Start now'), `Tab went to ${JSON.stringify(seen)}`);
        assert.deepEqual(errors, []);
        await page.context().close();
      });

    it("issue 22/A3: a link's questionnaire is drawn ahead, hidden from everyone, and Start shows that same element where it was drawn", async () => {
      const { page, errors } = await open();
      const { release } = await holdScripts(page);
      await page.goto(`${s.url}/pupil#code=${DEMO_CODE}`);
      const footerTop = () =>
        page.evaluate("document.querySelector('footer').getBoundingClientRect().top");
      const before = await footerTop();
      release();
      // Drawn ahead: its start page is there, but hidden (no role, no focus, the title unchanged).
      await page.waitForFunction(() =>
        [
          ...(document.querySelector('at-questionnaire')?.shadowRoot?.querySelectorAll('button') ??
            []),
        ].some((b) => b.textContent?.trim() === 'Start now'),
      );
      assert.equal(
        await page.locator('at-questionnaire').getByRole('button', { name: 'Start now' }).count(),
        0,
      );
      assert.equal(await page.title(), 'Enter your class code — All Together portal');
      assert.equal(
        await page.evaluate(
          "getComputedStyle(document.querySelector('at-questionnaire')).visibility",
        ),
        'hidden',
      );
      assert.equal(await footerTop(), before, 'the page does not move for it');
      // Tab from the code field goes round the page and never into it.
      await page.getByLabel('Class code').focus();
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Tab');
        assert.equal(
          await page.evaluate("document.activeElement?.closest('at-questionnaire') ?? null"),
          null,
          `Tab ${i + 1} reached the hidden questionnaire`,
        );
      }
      // Shown where it was drawn: never taken out of the page (which would lay it out again).
      await page.evaluate(`(() => {
        const q = document.querySelector('at-questionnaire');
        q.dataset.ahead = 'yes';
        window.moved = false;
        new MutationObserver((records) => {
          if (records.some((r) => [...r.removedNodes].some((n) => n === q || n.contains(q)))) window.moved = true;
        }).observe(document.body, { childList: true, subtree: true });
      })()`);
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      const q = page.locator('#main at-questionnaire');
      await q.getByRole('button', { name: 'Start now' }).waitFor();
      assert.equal(
        await q.getAttribute('data-ahead'),
        'yes',
        'the element drawn ahead is the one shown',
      );
      assert.equal(await page.locator('at-questionnaire').count(), 1, 'and the only one');
      assert.equal(await page.evaluate('window.moved'), false, 'and it was not moved');
      assert.equal(await page.title(), 'Questionnaire — All Together portal');
      assert.equal(await page.getByLabel('Class code').count(), 0, 'the code form has gone');
      await q.getByRole('button', { name: 'Start now' }).click();
      await q.getByRole('radio').first().check();
      assert.deepEqual(errors, []);
      await page.context().close();
    });

    it('W8 Exit this page pressed while Start is on its way: the page empties at once and leaves once Start has answered, its session ended', async () => {
      const { page } = await open();
      const start = await holdStart(page);
      await page.route(/^https:\/\/www\.bbc\.co\.uk\//, (route) =>
        route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Weather</title>' }),
      );
      let sessionCookie = '';
      page.on('response', (r) => {
        if (new URL(r.url()).pathname !== '/api/pupil/start') return;
        void r.headerValue('set-cookie').then((v) => (sessionCookie = v ?? ''));
      });
      await page.goto(`${s.url}/pupil#code=${DEMO_CODE}`);
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      const q = page.locator('at-questionnaire');
      await q.getByRole('button', { name: 'Start now' }).waitFor();
      await q.getByRole('button', { name: 'Exit this page' }).click();
      assert.equal(
        await page.locator('#main').evaluate((m) => m.childElementCount),
        0,
        'nothing of the questionnaire is left to see',
      );
      assert.match(page.url(), /\/pupil/, 'still here: Start has not answered');
      const exited = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/pupil/exit');
      start.release();
      await exited;
      await page.waitForURL(/bbc\.co\.uk/);
      // The session Start made is ended on the server, whatever the cookie jar holds.
      const [pair] = /at_pupil=[^;]+/.exec(sessionCookie) ?? [''];
      assert.ok(pair, `Start set the session cookie: ${sessionCookie}`);
      let status = 0;
      for (let i = 0; i < 50 && status !== 401; i++) {
        status = (await fetch(`${s.url}/api/pupil/status`, { headers: { cookie: pair } })).status;
        if (status !== 401) await new Promise((r) => setTimeout(r, 50));
      }
      assert.equal(status, 401, 'the session has ended');
      await page.context().close();
    });

    it("S6 a wrong code from a link: the look-up's refusal is Start's, with no second request (one wrong code counted)", async () => {
      const { page, responses } = await open();
      const { release } = await holdScripts(page);
      await page.goto(`${s.url}/pupil#code=ZZZZ-ZZZZ`, { waitUntil: 'commit' });
      await page.waitForFunction(
        () => !document.querySelector<HTMLButtonElement>('#start button')?.disabled,
      );
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      release();
      await page.locator('.error-summary').waitFor();
      assert.match(await page.locator('.error-summary').innerText(), /did not work/);
      const api = responses.filter((r) => r.path.startsWith('/api/')).map((r) => r.path);
      assert.deepEqual(api, ['/api/pupil/look-up']);
      await page.context().close();
    });

    it('issue 22: a wrong code pressed early gets the same error on the field, and what was typed stays', async () => {
      const { page } = await open();
      const { release } = await holdScripts(page);
      await page.goto(`${s.url}/pupil`, { waitUntil: 'commit' });
      await page.getByLabel('Class code').fill('ZZZZ-ZZZZ');
      const refused = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/pupil/start');
      await page.getByRole('button', { name: 'Start' }).click();
      assert.notEqual((await refused).status(), 200);
      release();
      await page.locator('.error-summary').waitFor();
      assert.match(await page.title(), /^Error: /);
      assert.equal(await page.getByLabel('Class code').inputValue(), 'ZZZZ-ZZZZ');
      await page.context().close();
    });

    it('issue 22: a code half typed when the questionnaire arrives keeps its letters and the focus', async () => {
      const { page } = await open();
      const { release } = await holdScripts(page);
      await page.goto(`${s.url}/pupil`, { waitUntil: 'commit' });
      const field = page.getByLabel('Class code');
      await field.click();
      await page.keyboard.type('KX');
      release();
      await page.waitForFunction(() => customElements.get('at-questionnaire') !== undefined);
      await page.keyboard.type('TR');
      assert.equal(await field.inputValue(), 'KXTR');
      assert.ok(await field.evaluate((el) => el === document.activeElement));
      await page.context().close();
    });

    it("issue 22: the code form pupil.html draws is the page's own, element for element", async () => {
      /** The form's headings, text and fields as a list (tags, attributes, words), markup aside. */
      // As a string: the test runner's transform names inner functions with a helper the page lacks.
      const shape = (page: Page) =>
        page.evaluate<string[]>(`(() => {
          const out = [];
          const walk = (n) => {
            if (n instanceof Element) {
              if (n.tagName === 'AT-EXIT-THIS-PAGE') return void out.push('<at-exit-this-page>');
              if (n.tagName === 'NOSCRIPT') return;
              const attrs = [...n.attributes]
                .filter((a) => a.name !== 'disabled')
                .map((a) => a.name + '=' + a.value)
                .sort();
              out.push('<' + n.tagName.toLowerCase() + ' ' + attrs.join(' ') + '>');
              n.childNodes.forEach(walk);
            } else if (n.nodeType === Node.TEXT_NODE && n.textContent.trim()) {
              out.push(n.textContent.replace(/\\s+/g, ' ').trim());
            }
          };
          document.getElementById('main').childNodes.forEach(walk);
          return out;
        })()`);
      // As the HTML draws it (no script).
      const off = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
      await off.goto(`${s.url}/pupil`);
      const drawn = await shape(off);
      await off.context().close();
      // As the page draws it: a browser whose session has gone (a stale cookie) is asked again.
      const context = await browser.newContext();
      await context.addCookies([{ name: 'at_pupil', value: 'gone', url: s.url }]);
      const page = await context.newPage();
      await page.goto(`${s.url}/pupil`);
      await page.locator('form#start').waitFor();
      assert.deepEqual(await shape(page), drawn);
      await context.close();
    });

    it('W1 a wrong definition on the pupil page: a kind message to the pupil, the exact path in the console', async () => {
      const { page, errors } = await open();
      // The server would never send this; a damaged copy in transit or a bad deployment could.
      const wrong = structuredClone(getQuestionnaire('pupil-ks2')) as unknown as {
        sections: { items: { id: string }[] }[];
      };
      wrong.sections[0]!.items[0]!.id = 'Not An Id!';
      // The questionnaire comes with the answer to Start (and, after a reload, on its own).
      const tamper = (body: Record<string, unknown>) =>
        body.questionnaire
          ? { ...body, questionnaire: { ...(body.questionnaire as object), definition: wrong } }
          : { ...body, definition: wrong };
      await page.route(/\/api\/pupil\/(start|questionnaire|look-up)$/, async (route) => {
        const real = await route.fetch();
        if (real.status() !== 200) return route.fulfill({ response: real });
        const body = (await real.json()) as Record<string, unknown>;
        await route.fulfill({ response: real, json: tamper(body) });
      });
      await startWithCode(page);
      const alert = page.locator('at-questionnaire').getByRole('alert');
      await alert.waitFor();
      assert.match(await alert.innerText(), /cannot be shown/);
      assert.ok(
        errors.some((e) => e.includes('sections.0.items.0.id')),
        `the console names the path: ${JSON.stringify(errors)}`,
      );
      await page.context().close();
    });

    it('A11 a KS1, a KS2 and a secondary questionnaire are completed by keyboard alone on the pupil page', async () => {
      const urn = s.seeded.schools[0]!.urn;
      const lead = new Client(s.url);
      await lead.login(s.seeded.schools[0]!.lead);
      for (const definition of ['pupil-ks1', 'pupil-ks2', 'pupil-secondary']) {
        const r = await lead.request('POST', `/api/schools/${urn}/rounds/${LIVE_ROUND}/codes`, {
          classLabel: `keyboard ${definition}`,
          classSize: 5,
          definition,
        });
        assert.equal(r.status, 201, r.text);
        const { page, errors } = await open();
        await page.goto(`${s.url}/pupil`);
        await page.getByLabel('Class code').focus();
        await page.keyboard.type(String(r.json.code));
        await page.keyboard.press('Enter');
        // Strings, not functions: the page's CSP forbids eval, and CDP's evaluate needs none.
        const active = () =>
          page.evaluate<{ tag: string; type: string; text: string }>(`(() => {
            let a = document.activeElement;
            while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
            return { tag: a ? a.tagName : '', type: a && a.type ? a.type : '', text: a ? a.textContent.replace(/\\s+/g, ' ').trim() : '' };
          })()`);
        const tabTo = async (match: (a: Awaited<ReturnType<typeof active>>) => boolean) => {
          for (let i = 0; i < 300; i++) {
            if (match(await active())) return;
            await page.keyboard.press('Tab');
          }
          throw new Error(
            `${definition}: Tab never reached it; focus is on ${JSON.stringify(await active())}`,
          );
        };
        const q = page.locator('at-questionnaire');
        await q.getByRole('button', { name: 'Start now' }).waitFor();
        await tabTo((a) => a.text === 'Start now');
        await page.keyboard.press('Enter');
        let pages = 0;
        const send = q.getByRole('button', { name: 'Send my answers' });
        while (!(await send.isVisible()) && pages < 100) {
          pages++;
          await q.getByRole('button', { name: 'Continue' }).waitFor();
          await tabTo((a) => a.tag === 'INPUT' || a.tag === 'TEXTAREA');
          const a = await active();
          if (a.tag === 'TEXTAREA') await page.keyboard.type('More adults at break');
          else await page.keyboard.press('Space');
          await tabTo((x) => x.text === 'Continue');
          await page.keyboard.press('Enter');
          await page.waitForTimeout(0);
        }
        assert.ok(pages > 5, `${definition}: answered ${pages} pages`);
        const posted = page.waitForResponse((x) => x.url().endsWith('/api/pupil/responses'));
        await tabTo((a) => a.text === 'Send my answers');
        await page.keyboard.press('Enter');
        assert.equal((await posted).status(), 201, `${definition}: the answers are stored`);
        await q.getByText(/sent/i).first().waitFor();
        assert.deepEqual(errors, [], `${definition}: no console error`);
        await page.context().close();
      }
    });
  },
);

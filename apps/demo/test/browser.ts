/**
 * What every browser test of the portal needs, in one place: Debian's Chromium, pages that record
 * CSP violations (W3) and page errors, axe over a whole page (A11), signing in by the form, and
 * what has focus through shadow roots. The tests say what a user does; this says how to watch it.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../server/seed.js';
import { CHROME, CHROME_ARGS } from './helpers.js';

/** Where browser tests leave their screenshots (looked at by people, never compared). */
export const SHOTS = new URL('../test-results/screenshots/', import.meta.url).pathname;
/** axe-core from its package, run by the test, never served by the portal. */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** An ISO date `offset` days from today. */
export const day = (offset = 0) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** A browser and the page helpers bound to one test server's address. */
export interface BrowserKit {
  /** Page errors seen on any page so far (each test file asserts none at its end). */
  readonly errors: string[];
  /** Starts Chromium and makes the screenshot folder (call in `before`). */
  launch(): Promise<void>;
  close(): Promise<void>;
  /** A new page in its own context that records CSP violations and page errors. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  /** W3: asserts the page has met no CSP violation. */
  checkCsp(page: Page, where: string): Promise<void>;
  /** A11: asserts axe finds no violation on the whole page. */
  axe(page: Page, where: string): Promise<void>;
  /** W3, A11 and one h1: no CSP violation, no axe violation, exactly one top-level heading. */
  check(page: Page, where: string): Promise<void>;
  /** Signs in with the demo password through the form and waits to land on `lands`. */
  signIn(page: Page, email: string, lands: RegExp): Promise<void>;
  /** What has focus, through shadow roots: tag, id, class and text. */
  focused(page: Page): Promise<{ tag: string; id: string; text: string; cls: string }>;
}

/** Browser helpers for the server at `url()` (a function: the server starts in `before`). */
export function browserKit(url: () => string): BrowserKit {
  let browser: Browser | undefined;
  const errors: string[] = [];
  const kit: BrowserKit = {
    errors,
    async launch() {
      mkdirSync(SHOTS, { recursive: true });
      browser = await chromium.launch({
        executablePath: CHROME,
        headless: true,
        args: CHROME_ARGS,
      });
    },
    async close() {
      await browser?.close();
    },
    async newPage(viewport = { width: 1100, height: 900 }) {
      if (!browser) throw new Error('browserKit: call launch() in before() first.');
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          const w = window as unknown as { __violations?: string[] };
          (w.__violations ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
        });
      });
      page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
      return page;
    },
    async checkCsp(page, where) {
      const v = await page.evaluate(
        () => (window as unknown as { __violations?: string[] }).__violations ?? [],
      );
      assert.deepEqual(v, [], `CSP violations on ${where}`);
    },
    async axe(page, where) {
      if ((await page.evaluate('typeof window.axe')) !== 'object') await page.evaluate(AXE);
      const found = await page.evaluate<string[]>(
        `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(' | ')))`,
      );
      assert.deepEqual(found, [], `axe on ${where}`);
    },
    async check(page, where) {
      // Not `this`: the tests take the helpers out of the kit by name.
      await kit.checkCsp(page, where);
      await kit.axe(page, where);
      assert.equal(await page.locator('h1').count(), 1, `one h1 on ${where}`);
    },
    async signIn(page, email, lands) {
      await page.goto(url() + '/');
      await page.getByLabel('E-mail address').fill(email);
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.keyboard.press('Enter');
      await page.waitForURL(lands);
    },
    focused: (page) =>
      page.evaluate<{ tag: string; id: string; text: string; cls: string }>(`(() => {
        let a = document.activeElement;
        while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
        return { tag: a ? a.tagName : '', id: a ? a.id : '', cls: a ? String(a.className) : '', text: a ? a.textContent.replace(/\\s+/g, ' ').trim() : '' };
      })()`),
  };
  return kit;
}

#!/usr/bin/env node
// A11 over every story: serves the built Storybook (storybook-static), opens every story listed in
// its index.json in Debian Chromium (playwright-core), injects axe-core from its npm package and
// fails on any violation, naming the story. Each story is loaded once and checked in three modes:
//   default          the default theme, left to right;
//   govuk rtl        the GOV.UK-look theme, right to left (the toolbar globals, sent as the
//                    toolbar sends them);
//   forced colours   `forced-colors: active` emulated through CDP (what no page can do itself).
// Stories after the first are opened in place, as the sidebar does; a failure seen that way is
// confirmed on a freshly loaded page. Every docs page (the MDX guides, the journeys and each
// element's autodocs) is loaded and checked once.
// A test also fails when the story errors, throws, leaves an <at-*> element undefined (the source
// condition or the decorator settings broke), or requests anything outside the served Storybook
// (P10: the SDK makes no network call the host did not configure).
//
// First, a self-check: axe must find a known violation on a small page, or the run fails.
//
// Writes test-results/storybook-axe.json ({ runner, passed, failed }, read by
// scripts/summarise-tests.mjs), prints one "N passed, N failed" line, exits non-zero on any failure
// and when nothing was tested. Run `pnpm build` first (turbo does: test depends on build).
//
// Options (environment): CHROME_PATH (default /usr/bin/chromium); AXE_WORKERS pages in parallel
// (default 2); AXE_ONLY a substring of the story ids to check (for local use; CI checks all);
// AXE_TIMING=1 prints the time each entry took.
import {
  createReadStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/* global window, document, customElements, requestAnimationFrame -- only inside page.evaluate, in the browser */

const app = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const staticDir = join(app, 'storybook-static');
const outputFile = join(app, 'test-results', 'storybook-axe.json');
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * What axe checks, as the Storybook accessibility addon does in the UI: the whole story body
 * without Storybook's own wrappers, every default rule except `region` (a story is a fragment of a
 * page, so "all content in landmarks" is the host page's duty, not an element's).
 */
const AXE_CONTEXT = {
  include: ['body'],
  exclude: ['.sb-wrapper', '#storybook-docs', '#storybook-highlights-root'],
};
const AXE_DOCS_CONTEXT = { include: ['#storybook-docs'], exclude: [] };
const AXE_OPTIONS = { rules: { region: { enabled: false } }, resultTypes: ['violations'] };
/**
 * A docs page that shows a component's stories puts many instances of one element on a page, which
 * no host page does: their landmarks share names and their headings follow the docs page's. The
 * page-composition rules are off there; each story is still checked alone with every rule, and
 * guides (unattached MDX) get every rule too.
 */
const AXE_STORIES_PAGE_OPTIONS = {
  ...AXE_OPTIONS,
  rules: {
    ...AXE_OPTIONS.rules,
    'landmark-unique': { enabled: false },
    'heading-order': { enabled: false },
  },
};

/**
 * The modes every story is checked in. A story is loaded once; the modes are then applied in
 * place, in order: the toolbar globals through Storybook's channel (as the toolbar does), forced
 * colours through CDP (as DevTools does). CSS media queries and the decorator react live, so a
 * reload per mode would only cost time.
 */
const MODES = [
  { name: 'default', globals: { theme: 'default', dir: 'ltr' }, forcedColors: 'none' },
  { name: 'govuk rtl', globals: { theme: 'govuk', dir: 'rtl' }, forcedColors: 'none' },
  { name: 'forced colours', globals: { theme: 'default', dir: 'ltr' }, forcedColors: 'active' },
];

/** After the last mode a story shows the first mode's globals, so the next can start in place. */
const ENDS_IN_FIRST_GLOBALS =
  JSON.stringify(MODES.at(-1).globals) === JSON.stringify(MODES[0].globals);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

/** A static file server for storybook-static on an ephemeral loopback port. */
function serve(root) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => done(server));
  });
}

/** One line per violation: rule, impact, help and the first targets. */
function describeViolations(violations) {
  return violations.map((v) => {
    const targets = v.nodes
      .slice(0, 3)
      .map((n) => n.target.join(' >>> '))
      .join(', ');
    return `    ${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} node(s): ${targets}`;
  });
}

/** Waits until every <at-*> element (also inside shadow roots) has finished updating. */
async function settle(page) {
  return page.evaluate(async () => {
    const all = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.localName.startsWith('at-')) all.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    await Promise.all(all.map((el) => el.updateComplete));
    await document.fonts.ready;
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    // An <at-*> element left undefined: its registration file was not loaded, or it failed to build.
    return [
      ...new Set(all.filter((el) => !customElements.get(el.localName)).map((el) => el.localName)),
    ];
  });
}

/** Problems Storybook shows on the page: an error display, elements never defined. */
async function renderProblems(page) {
  const problems = [];
  if (await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay'))) {
    const message = await page.evaluate(
      () => document.querySelector('#error-message')?.textContent?.trim() ?? '',
    );
    problems.push(`    Storybook shows an error: ${message.slice(0, 300)}`);
  }
  const undefinedElements = await settle(page);
  if (undefinedElements.length > 0)
    problems.push(`    elements never defined: ${undefinedElements.join(', ')}`);
  return problems;
}

/** Runs axe (injected once per page load) and describes its violations. */
async function axe(page, context, options) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ content: axeSource });
  }
  const violations = await page.evaluate(
    ({ context, options }) => window.axe.run(context, options).then((r) => r.violations),
    { context, options },
  );
  return describeViolations(violations);
}

/**
 * Runs the injected axe over a page with one known violation (an image without a text
 * alternative) and returns the problems: none when axe reports exactly that violation.
 */
async function selfCheck(context) {
  const page = await context.newPage();
  try {
    await page.setContent(
      '<!doctype html><html lang="en"><title>t</title><main><img src="data:,"></main></html>',
    );
    const violations = await axe(page, AXE_CONTEXT, AXE_OPTIONS);
    return violations.some((line) => line.includes('image-alt'))
      ? []
      : ['    axe did not report the missing alt text: the run cannot be trusted'];
  } finally {
    await page.close();
  }
}

/**
 * Opens one index entry and checks it: a story in every mode, a docs page once. Returns one
 * result per mode: `{ mode, problems }` (no problems = passed).
 *
 * `inPage`: the page already shows a story that passed, in the last mode's globals; switch to this
 * story as the sidebar does (Storybook's channel), so each stories file's module and its data are
 * loaded once per page rather than once per story. Otherwise (and for docs pages) load the URL.
 */
async function check(page, origin, entry, inPage) {
  const foreign = [];
  const pageErrors = [];
  const onRequest = (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
      foreign.push(url);
  };
  const onPageError = (error) => pageErrors.push(error.message);
  /** Problems seen by the listeners since the last call (they belong to the mode just checked). */
  const drain = () => [
    ...pageErrors.splice(0).map((message) => `    uncaught error: ${message}`),
    ...foreign.splice(0).map((url) => `    P10 request outside the Storybook: ${url}`),
  ];
  page.on('request', onRequest);
  page.on('pageerror', onPageError);
  const results = [];
  const modes = entry.type === 'docs' ? [{ ...MODES[0], name: 'docs page' }] : MODES;
  // Autodocs, or an MDX page attached to a stories file: it renders those stories.
  const showsStories =
    entry.type === 'docs' && (entry.storiesImports?.length > 0 || entry.tags?.includes('autodocs'));
  let mode = modes[0];
  try {
    await page.emulateMedia({ forcedColors: 'none' });
    const viewMode = entry.type === 'docs' ? 'docs' : 'story';
    if (inPage && viewMode === 'story') {
      await page.evaluate(
        (storyId) =>
          window.__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', {
            storyId,
            viewMode: 'story',
          }),
        entry.id,
      );
    } else {
      // a11y.manual: the addon's own automatic axe run is skipped; this script runs axe itself.
      const globals = `theme:${mode.globals.theme};dir:${mode.globals.dir};a11y.manual:!true`;
      const url = `${origin}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${viewMode}&globals=${globals}`;
      await page.goto(url, { waitUntil: 'load' });
    }
    const loadProblems = [];
    if (viewMode === 'story') {
      const phase = await page
        .waitForFunction(
          (id) => {
            const render = window.__STORYBOOK_PREVIEW__?.currentRender;
            if (!render || render.id !== id) return false;
            return ['finished', 'errored', 'aborted'].includes(render.phase) && render.phase;
          },
          entry.id,
          // The first results story publishes its synthetic LA (scoring's complementary
          // suppression over eight schools), which takes 10–30 s in a browser on a busy two-core
          // machine; later stories reuse it. A story that never renders still fails here.
          { timeout: 120_000 },
        )
        .then((handle) => handle.jsonValue());
      if (phase !== 'finished') loadProblems.push(`    the story did not render (phase: ${phase})`);
    } else {
      // Docs pages render through React; wait until the docs root has content.
      await page.waitForFunction(
        () => (document.querySelector('#storybook-docs')?.textContent ?? '').trim().length > 0,
        undefined,
        { timeout: 20_000 },
      );
    }
    for (const [i, next] of modes.entries()) {
      mode = next;
      const problems = i === 0 ? loadProblems : [];
      if (i > 0) {
        const before = modes[i - 1];
        if (JSON.stringify(before.globals) !== JSON.stringify(mode.globals)) {
          // What the toolbar does: the preview re-renders the story with the new globals.
          await page.evaluate(
            (globals) => window.__STORYBOOK_ADDONS_CHANNEL__.emit('updateGlobals', { globals }),
            mode.globals,
          );
          await page.waitForFunction(
            (dir) => document.querySelector('.at-story-root')?.getAttribute('dir') === dir,
            mode.globals.dir,
            { timeout: 10_000 },
          );
        }
        if (before.forcedColors !== mode.forcedColors)
          await page.emulateMedia({ forcedColors: mode.forcedColors });
      }
      problems.push(...(await renderProblems(page)));
      problems.push(
        ...(viewMode === 'story'
          ? await axe(page, AXE_CONTEXT, AXE_OPTIONS)
          : await axe(
              page,
              AXE_DOCS_CONTEXT,
              showsStories ? AXE_STORIES_PAGE_OPTIONS : AXE_OPTIONS,
            )),
      );
      problems.push(...drain());
      results.push({ mode, problems });
      if (problems.some((p) => p.includes('did not render') || p.includes('shows an error'))) {
        // A story that did not render cannot be checked in the other modes either.
        for (const left of modes.slice(i + 1))
          results.push({ mode: left, problems: ['    not checked: the story did not render'] });
        break;
      }
    }
  } catch (error) {
    // The mode that failed, and every mode not reached, fail with the error.
    const message = `    ${String(error.message ?? error).split('\n')[0]}`;
    for (const left of modes.slice(results.length))
      results.push({ mode: left, problems: [message, ...(left === mode ? drain() : [])] });
  } finally {
    page.off('request', onRequest);
    page.off('pageerror', onPageError);
  }
  return results;
}

async function main() {
  rmSync(outputFile, { force: true });
  const started = Date.now();
  const indexFile = join(staticDir, 'index.json');
  if (!existsSync(indexFile)) {
    console.error(`No ${indexFile}: run \`pnpm build\` in apps/storybook first.`);
    return report(0, 1, started);
  }
  const index = JSON.parse(readFileSync(indexFile, 'utf8'));
  const only = process.env.AXE_ONLY;
  const entries = Object.values(index.entries).filter((e) => !only || e.id.includes(only));
  const checked = entries.filter((e) => e.type === 'story' || e.type === 'docs');
  const stories = entries.filter((e) => e.type === 'story').length;
  const docs = entries.filter((e) => e.type === 'docs').length;
  console.log(`Storybook axe: ${stories} stories × ${MODES.length} modes and ${docs} docs pages.`);
  const everyStory = Object.values(index.entries).filter((e) => e.type === 'story').length;
  if (everyStory === 0 || checked.length === 0) {
    console.error('Nothing to check: an empty run is a failure, not a pass.');
    return report(0, 1, started);
  }

  const server = await serve(staticDir);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  let passed = 0;
  let failed = 0;
  try {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    // The run must be able to fail: axe, as injected here, has to find a known violation first.
    const canary = await selfCheck(context);
    if (canary.length === 0) {
      passed++;
    } else {
      failed++;
      console.log(`✗ A11 axe self-check: a known violation is found\n${canary.join('\n')}`);
    }
    const queue = [...checked];
    const workers = Math.max(1, Number(process.env.AXE_WORKERS) || 2);
    await Promise.all(
      Array.from({ length: Math.min(workers, queue.length) }, async () => {
        const page = await context.newPage();
        // Whether the page shows a story that passed, so the next story can be opened in place.
        let ready = false;
        for (let entry = queue.shift(); entry; entry = queue.shift()) {
          const began = Date.now();
          const inPage = ready && entry.type === 'story' && ENDS_IN_FIRST_GLOBALS;
          let results = await check(page, origin, entry, inPage);
          const failing = results.some((r) => r.problems.length > 0);
          // A failure after an in-place switch is confirmed on a fresh page, so nothing a previous
          // story left behind is blamed on this one.
          if (inPage && failing) results = await check(page, origin, entry, false);
          ready = entry.type === 'story' && results.every((r) => r.problems.length === 0);
          if (process.env.AXE_TIMING) console.log(`${Date.now() - began} ms  ${entry.id}`);
          for (const { mode, problems } of results) {
            if (problems.length === 0) {
              passed++;
            } else {
              failed++;
              const title = `${entry.title} › ${entry.name}`;
              console.log(
                `✗ A11 axe ${entry.id} [${mode.name}] (${title})\n${problems.join('\n')}`,
              );
            }
          }
        }
        await page.close();
      }),
    );
  } finally {
    await browser.close();
    server.close();
  }
  return report(passed, failed, started);
}

function report(passed, failed, started) {
  mkdirSync(dirname(outputFile), { recursive: true });
  writeFileSync(outputFile, JSON.stringify({ runner: 'storybook-axe', passed, failed }) + '\n');
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`Storybook axe finished in ${seconds} s.`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    report(0, 1, Date.now());
    process.exitCode = 1;
  },
);

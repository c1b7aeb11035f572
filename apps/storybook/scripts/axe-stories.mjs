#!/usr/bin/env node
// A11 over every story: serves the built Storybook (storybook-static), opens every story listed in
// its index.json in Debian Chromium (playwright-core), injects axe-core from its npm package and
// fails on any violation, naming the story. Each story runs in three modes:
//   default          the default theme, left to right;
//   govuk rtl        the GOV.UK-look theme, right to left (the toolbar globals, set in the URL);
//   forced colours   `forced-colors: active` emulated through CDP (what no page can do itself).
// Every docs page (the MDX guides, the journeys and each element's autodocs) is checked once.
// A test also fails when the story errors, throws, leaves an <at-*> element undefined (the source
// condition or the decorator settings broke), or requests anything outside the served Storybook
// (P10: the SDK makes no network call the host did not configure).
//
// Writes test-results/storybook-axe.json ({ runner, passed, failed }, read by
// scripts/summarise-tests.mjs), prints one "N passed, N failed" line, exits non-zero on any failure
// and when nothing was tested. Run `pnpm build` first (turbo does: test depends on build).
//
// Options (environment): CHROME_PATH (default /usr/bin/chromium); AXE_WORKERS pages in parallel
// (default 2); AXE_ONLY a substring of the story ids to check (for local use; CI checks all).
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

/* global window, document, customElements -- used only inside page.evaluate, in the browser */

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

/** The modes every story is checked in. `globals` use Storybook's URL syntax. */
const MODES = [
  { name: 'default', globals: 'theme:default;dir:ltr' },
  { name: 'govuk rtl', globals: 'theme:govuk;dir:rtl' },
  { name: 'forced colours', globals: 'theme:default;dir:ltr', forcedColors: 'active' },
];

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

/** Loads one entry, waits for it to render, checks it; returns the problems (empty = passed). */
async function check(page, origin, entry, mode) {
  const problems = [];
  const foreign = [];
  const pageErrors = [];
  const onRequest = (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
      foreign.push(url);
  };
  const onPageError = (error) => pageErrors.push(error.message);
  page.on('request', onRequest);
  page.on('pageerror', onPageError);
  try {
    await page.emulateMedia({ forcedColors: mode.forcedColors ?? 'none' });
    const viewMode = entry.type === 'docs' ? 'docs' : 'story';
    // a11y.manual: the addon's own automatic axe run is skipped; this script runs axe itself.
    const globals = `${mode.globals};a11y.manual:!true`;
    const url = `${origin}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${viewMode}&globals=${globals}`;
    await page.goto(url, { waitUntil: 'load' });
    if (viewMode === 'story') {
      const phase = await page
        .waitForFunction(
          (id) => {
            const render = window.__STORYBOOK_PREVIEW__?.currentRender;
            if (!render || render.id !== id) return false;
            return ['finished', 'errored', 'aborted'].includes(render.phase) && render.phase;
          },
          entry.id,
          { timeout: 15_000 },
        )
        .then((handle) => handle.jsonValue());
      if (phase !== 'finished') problems.push(`    the story did not render (phase: ${phase})`);
    } else {
      // Docs pages render through React; wait until the docs root has content and settles.
      await page.waitForFunction(
        () => (document.querySelector('#storybook-docs')?.textContent ?? '').trim().length > 0,
        undefined,
        { timeout: 15_000 },
      );
    }
    if (await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay'))) {
      const message = await page.evaluate(
        () => document.querySelector('#error-message')?.textContent?.trim() ?? '',
      );
      problems.push(`    Storybook shows an error: ${message.slice(0, 300)}`);
    }
    // Every element upgraded and rendered: an <at-*> element left undefined means the story did
    // not load its registration file, or the element failed to build.
    const pending = await page.evaluate(async () => {
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
      return [
        ...new Set(all.filter((el) => !customElements.get(el.localName)).map((el) => el.localName)),
      ];
    });
    if (pending.length > 0) problems.push(`    elements never defined: ${pending.join(', ')}`);

    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(
      ({ context, options }) => window.axe.run(context, options).then((r) => r.violations),
      { context: viewMode === 'docs' ? AXE_DOCS_CONTEXT : AXE_CONTEXT, options: AXE_OPTIONS },
    );
    problems.push(...describeViolations(violations));
  } catch (error) {
    problems.push(`    ${String(error.message ?? error).split('\n')[0]}`);
  } finally {
    page.off('request', onRequest);
    page.off('pageerror', onPageError);
  }
  for (const message of pageErrors) problems.push(`    uncaught error: ${message}`);
  for (const url of foreign) problems.push(`    P10 request outside the Storybook: ${url}`);
  return problems;
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
  /** @type {{ name: string, entry: object, mode: object }[]} */
  const tests = [];
  for (const entry of entries) {
    if (entry.type === 'story') {
      for (const mode of MODES)
        tests.push({ name: `A11 axe ${entry.id} [${mode.name}]`, entry, mode });
    } else if (entry.type === 'docs') {
      tests.push({ name: `A11 axe ${entry.id} [docs page]`, entry, mode: MODES[0] });
    }
  }
  const stories = entries.filter((e) => e.type === 'story').length;
  const docs = entries.filter((e) => e.type === 'docs').length;
  console.log(`Storybook axe: ${stories} stories × ${MODES.length} modes and ${docs} docs pages.`);
  if (stories === 0) {
    console.error('No story in index.json: an empty run is a failure, not a pass.');
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
    const queue = [...tests];
    const workers = Math.max(1, Number(process.env.AXE_WORKERS) || 2);
    await Promise.all(
      Array.from({ length: Math.min(workers, queue.length) }, async () => {
        const page = await context.newPage();
        for (let test = queue.shift(); test; test = queue.shift()) {
          const problems = await check(page, origin, test.entry, test.mode);
          if (problems.length === 0) {
            passed++;
          } else {
            failed++;
            const title = `${test.entry.title} › ${test.entry.name}`;
            console.log(`✗ ${test.name} (${title})\n${problems.join('\n')}`);
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

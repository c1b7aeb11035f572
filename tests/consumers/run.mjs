#!/usr/bin/env node
// Consumer-app tests: what an LA developer gets from npm, tried the way they would try it.
//
// 1. `pnpm pack` every published package (the prepack guard refuses an unbuilt one).
// 2. Outside the repository (a temp folder), fresh apps install the tarballs with npm:
//    - node/: ESM (.mts) and CommonJS (.cts) consumers, type-checked with skipLibCheck off, then run;
//    - react/: Vite + TypeScript + React 19 with the React wrappers and the tags used directly,
//      type-checked (with probes generated from custom-elements.json: every wrapper event, every
//      tag's attributes, and each `at-*.js` entry's events on their own), built, run in Chromium;
//    - plain-html/: no bundler, no npm install: the components tarball unpacked as a web server's
//      vendor folder, the page a CMS author pastes, served under a strict CSP, run in Chromium.
// 3. Prints one line per check, then "N passed, N failed", and writes test-results/consumers.json.
//
// Env: CHROME_PATH (default /usr/bin/chromium); CONSUMERS_ONLY=node,react,html to run some apps;
// KEEP_CONSUMERS=1 keeps the temp folder. npm uses its usual cache, so later runs are offline-fast.
// Functions passed to page.evaluate and page.waitForFunction run in the browser:
/* global window, document, customElements */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const PACKAGES = ['model', 'questionnaires', 'scoring', 'components'];
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const ONLY = (process.env.CONSUMERS_ONLY ?? 'node,react,html').split(',');
/** reliability.md W3's policy, plus `connect-src 'self'` for the definition (`src`) and `endpoint`. */
export const STRICT_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; " +
  "require-trusted-types-for 'script'; trusted-types lit-html";

// ---------------------------------------------------------------------------------------------
// A tiny harness: each check is a test; a check whose prerequisite failed fails too, saying so.

const results = [];
const started = Date.now();
async function check(name, fn) {
  const t0 = Date.now();
  try {
    const note = await fn();
    results.push({ name, ok: true });
    console.log(
      `ok - ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)${note ? `\n     ${note}` : ''}`,
    );
    return true;
  } catch (error) {
    results.push({ name, ok: false });
    const message = error instanceof Error ? error.message : String(error);
    console.log(`not ok - ${name}\n${message.replace(/^/gm, '     ')}`);
    return false;
  }
}
function assert(condition, message) {
  if (!condition) throw new Error(message);
}
function equal(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}
const tail = (text, lines = 40) => (text ?? '').trim().split('\n').slice(-lines).join('\n');

/** Runs a command; throws with the end of its output when it fails. */
function run(command, args, cwd, env = {}) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(
      `\`${command} ${args.join(' ')}\` exited ${result.status ?? result.signal}\n` +
        tail(`${result.stdout}\n${result.stderr}`),
    );
  }
  return result.stdout;
}

// ---------------------------------------------------------------------------------------------
// Packing and installing.

const work = mkdtempSync(join(tmpdir(), 'at-consumers-'));
assert(!work.startsWith(repo + sep), 'the temp folder must be outside the repository');
const tarballs = new Map(); // package name → absolute tarball path

function packAll() {
  const dest = join(work, 'tarballs');
  mkdirSync(dest);
  for (const dir of PACKAGES) {
    const pkgDir = join(repo, 'packages', dir);
    const { name } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
    const before = new Set(readdirSync(dest));
    run('pnpm', ['pack', '--pack-destination', dest], pkgDir);
    const made = readdirSync(dest).filter((f) => !before.has(f));
    assert(made.length === 1, `pnpm pack of ${name} made ${made.length} files`);
    tarballs.set(name, join(dest, made[0]));
  }
  return [...tarballs.values()]
    .map((t) => `${t.split(sep).pop()} ${statSync(t).size} B`)
    .join(', ');
}

/** Copies an app template into the temp folder, pointing its @all-together deps at the tarballs. */
function prepareApp(app) {
  const dir = join(work, app);
  cpSync(join(here, 'apps', app), dir, { recursive: true });
  const pkgPath = join(dir, 'package.json');
  if (!existsSync(pkgPath)) return dir;
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  for (const field of ['dependencies', 'devDependencies']) {
    for (const name of Object.keys(pkg[field] ?? {})) {
      if (tarballs.has(name)) pkg[field][name] = `file:${tarballs.get(name)}`;
    }
  }
  writeFileSync(pkgPath, JSON.stringify(pkg, null, 2));
  return dir;
}

function npmInstall(dir) {
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], dir, {
    npm_config_update_notifier: 'false',
  });
}

/** The folders of every installed copy of a package under node_modules. */
function copiesOf(dir, name) {
  const found = [];
  (function walk(modules) {
    if (!existsSync(modules)) return;
    for (const entry of readdirSync(modules)) {
      if (entry.startsWith('.')) continue;
      const path = join(modules, entry);
      if (entry.startsWith('@')) {
        for (const scoped of readdirSync(path)) visit(join(path, scoped), `${entry}/${scoped}`);
      } else visit(path, entry);
    }
    function visit(path, pkgName) {
      if (pkgName === name) found.push(path);
      walk(join(path, 'node_modules'));
    }
  })(join(dir, 'node_modules'));
  return found;
}

// ---------------------------------------------------------------------------------------------
// A static server with the strict CSP, and a Chromium page that records what goes wrong.

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

async function serve(root) {
  const posted = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (req.method === 'POST' && url.pathname === '/api/responses') {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        posted.push(body);
        res.writeHead(201, { 'Content-Type': 'application/json' }).end('{}');
      });
      return;
    }
    let path = join(root, decodeURIComponent(url.pathname));
    if (!path.startsWith(root)) return res.writeHead(403).end();
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path)) return res.writeHead(404).end();
    const headers = { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' };
    if (extname(path) === '.html') headers['Content-Security-Policy'] = STRICT_CSP;
    res.writeHead(200, headers).end(readFileSync(path));
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${server.address().port}`, posted, close: () => server.close() };
}

let browser;
async function openPage(url) {
  browser ??= await chromium.launch({
    executablePath: CHROME,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  const page = await browser.newPage();
  page.setDefaultTimeout(15_000);
  const problems = [];
  const requests = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('requestfinished', async (request) => {
    const sizes = await request.sizes().catch(() => ({ responseBodySize: 0 }));
    requests.push({
      url: request.url(),
      type: request.resourceType(),
      bytes: sizes.responseBodySize,
    });
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(
        `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} "${e.sample}"`,
      ),
    );
  });
  await page.goto(url);
  const violations = () => page.evaluate(() => window.__violations);
  return { page, problems, requests, violations };
}

async function expectClean({ problems, violations }) {
  equal(await violations(), [], 'CSP violations');
  equal(problems, [], 'page errors');
}

// ---------------------------------------------------------------------------------------------
// The manifest, read from the installed (or unpacked) components package.

function readManifest(componentsDir) {
  const pkg = JSON.parse(readFileSync(join(componentsDir, 'package.json'), 'utf8'));
  const manifest = JSON.parse(readFileSync(join(componentsDir, pkg.customElements), 'utf8'));
  const subpathOf = (module) =>
    Object.entries(pkg.exports).find(
      ([, target]) => typeof target === 'object' && target.default === `./${module}`,
    )?.[0];
  const declarations = new Map();
  for (const mod of manifest.modules)
    for (const d of mod.declarations ?? []) if (d.tagName) declarations.set(d.name, d);
  const elements = [];
  for (const mod of manifest.modules) {
    for (const entry of mod.exports ?? []) {
      if (entry.kind !== 'custom-element-definition') continue;
      const declaration = declarations.get(entry.declaration.name);
      elements.push({
        tag: entry.name,
        className: entry.declaration.name,
        entry: subpathOf(mod.path),
        events: (declaration?.events ?? []).map((e) => e.name).filter(Boolean),
        attributes: (declaration?.attributes ?? []).map((a) => a.name),
      });
    }
  }
  return elements.sort((a, b) => a.tag.localeCompare(b.tag));
}

const pascal = (kebab) => kebab.replace(/(^|-)([a-z0-9])/g, (_, __, c) => c.toUpperCase());

/** Type probes, generated from the manifest so they follow whatever elements exist. */
function writeProbes(appDir, elements) {
  const same =
    'type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;';
  // React: each wrapper's event props get the event's own type; each tag accepts its attributes.
  const react = [
    "import * as React from 'react';",
    "import * as Wrappers from '@all-together/components/react';",
    "import type {} from '@all-together/components/react/jsx.js';",
    same,
    'export const probes = [',
    ...elements.flatMap(({ tag, className, events, attributes }) => [
      `  <Wrappers.${className} key="w-${tag}"`,
      ...events.map(
        (event) =>
          `    on${pascal(event)}={(e) => { const typed: Same<typeof e, GlobalEventHandlersEventMap['${event}']> = true; void typed; }}`,
      ),
      '  />,',
      `  <${tag} key="t-${tag}"`,
      ...events.map(
        (event) =>
          `    on${event}={(e) => { const typed: Same<typeof e, GlobalEventHandlersEventMap['${event}']> = true; void typed; }}`,
      ),
      '  />,',
      ...attributes.map(
        (a) => `  ((): keyof React.JSX.IntrinsicElements['${tag}'] => '${a}')() && null,`,
      ),
    ]),
    '];',
    '',
  ];
  writeFileSync(join(appDir, 'src', 'probes.tsx'), react.join('\n'));

  // Vanilla TypeScript: importing one registration entry, alone, types that element's events.
  const entryProbes = [];
  for (const { tag, entry, events } of elements) {
    const dir = join(appDir, 'entry-probes', tag);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'probe.ts'),
      [
        `import '@all-together/components/${entry.slice(2)}';`,
        same,
        `const el = document.createElement('${tag}');`,
        `const isElement: Same<typeof el, HTMLElement> = false;`,
        'void isElement;',
        ...events.map(
          (event, i) =>
            `type E${i} = GlobalEventHandlersEventMap['${event}'];\n` +
            `const typed${i}: Same<E${i}, Event> = false; void typed${i};\n` +
            `el.addEventListener('${event}', (e) => { const same: Same<typeof e, E${i}> = true; void same; });`,
        ),
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          module: 'ESNext',
          moduleResolution: 'bundler',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        files: ['probe.ts'],
      }),
    );
    entryProbes.push({ tag, entry, events, dir });
  }
  return entryProbes;
}

// ---------------------------------------------------------------------------------------------
// The apps.

async function nodeApp() {
  const dir = prepareApp('node');
  if (
    !(await check('node: npm installs the packed tarballs into a fresh app', () => npmInstall(dir)))
  )
    return;
  await check('node: one copy of zod for the model, questionnaires and scoring', () => {
    const copies = copiesOf(dir, 'zod');
    equal(copies.length, 1, 'installed copies of zod');
  });
  const built = await check(
    'node: tsc type-checks the ESM and CommonJS consumers (skipLibCheck off)',
    () => run('npx', ['tsc', '-p', '.'], dir),
  );
  await check('node ESM: loads one definition, composes, validates, reads $schema, scores', () => {
    assert(built, 'not compiled');
    const out = JSON.parse(run('node', ['out/esm.mjs'], dir).trim().split('\n').pop());
    equal(
      out,
      {
        module: 'esm',
        ks2: 'pupil-ks2@2.0.0',
        sameAsRoot: true,
        responseValid: true,
        composed: '1.0.0-la873.1',
        schemaListsDollarSchema: true,
        parsesWithSchemaLine: true,
        parseDefinitionWithSchemaLine: true,
        newestFirst: '1.0.0-la873.10',
        auditOverall: out.auditOverall,
      },
      'esm output',
    );
    assert(typeof out.auditOverall === 'number', `audit overall: ${out.auditOverall}`);
  });
  await check('node CommonJS: require() of the ESM packages works (Node 20.19+)', () => {
    assert(built, 'not compiled');
    const out = JSON.parse(run('node', ['out/cjs.cjs'], dir).trim().split('\n').pop());
    equal(out.module, 'cjs', 'module system');
    assert(out.definitions >= 11, `definitions listed: ${out.definitions}`);
    equal(out.ks1Parses, true, 'ks1 parses');
    equal(out.intervalHasBounds, true, 'wilson interval');
  });
}

async function reactApp() {
  const dir = prepareApp('react');
  if (
    !(await check('react: npm installs the tarballs with React 19, Vite and @lit/react', () =>
      npmInstall(dir),
    ))
  )
    return;
  await check(
    'react: one Lit and one zod installed, shared with the app (peer and caret ranges)',
    () => {
      equal(copiesOf(dir, 'lit').length, 1, 'installed copies of lit');
      equal(copiesOf(dir, 'lit-html').length, 1, 'installed copies of lit-html');
      equal(copiesOf(dir, 'zod').length, 1, 'installed copies of zod');
    },
  );
  const elements = readManifest(join(dir, 'node_modules', '@all-together', 'components'));
  const probes = writeProbes(dir, elements);
  await check(
    `react: tsc type-checks wrappers, tags and every event of ${elements.map((e) => `<${e.tag}>`).join(', ')}`,
    () => run('npx', ['tsc', '-p', '.'], dir),
  );
  for (const { tag, entry, events, dir: probeDir } of probes) {
    await check(
      `types: @all-together/components/${entry.slice(2)} alone types <${tag}> and ${events.length ? events.join(', ') : 'its element'}`,
      () => run('npx', ['tsc', '-p', probeDir], dir),
    );
  }
  const built = await check('react: vite build', () => run('npx', ['vite', 'build'], dir));
  if (!built) return;
  const server = await serve(join(dir, 'dist'));
  try {
    await check(
      'react in Chromium (strict CSP): wrapper and tags render; Start fires at-start and at-page',
      async () => {
        const p = await openPage(server.url);
        const { page } = p;
        await page.locator('#intrinsic at-progress [part~="label"]').waitFor();
        const label = await page.locator('#intrinsic at-progress [part~="label"]').innerText();
        assert(/3/.test(label) && /12/.test(label), `intrinsic <at-progress> says "${label}"`);
        await page
          .locator('#wrapper at-questionnaire')
          .getByRole('button', { name: /start/i })
          .click();
        await page
          .locator('#intrinsic at-questionnaire')
          .getByRole('button', { name: /start/i })
          .click();
        await page.locator('#events li', { hasText: 'intrinsic at-start' }).waitFor();
        const events = await page.locator('#events li').allInnerTexts();
        for (const want of ['wrapper at-start', 'wrapper at-page', 'intrinsic at-start'])
          assert(events.includes(want), `events: ${events.join(', ')} (missing "${want}")`);
        equal(
          await page.evaluate(() => window.litHtmlVersions?.length),
          1,
          'Lit copies on the page',
        );
        await expectClean(p);
        await page.close();
      },
    );
  } finally {
    server.close();
  }
}

async function plainHtml() {
  const site = join(work, 'site');
  const vendor = join(site, 'vendor', 'all-together');
  mkdirSync(vendor, { recursive: true });
  mkdirSync(join(site, 'questionnaires'));
  const unpack = join(work, 'unpacked');
  mkdirSync(unpack);
  const ok = await check(
    'plain HTML: the tarball unpacks into a web server folder, no npm install',
    () => {
      run(
        'tar',
        ['-xzf', tarballs.get('@all-together/components'), '-C', vendor, '--strip-components=1'],
        work,
      );
      run('tar', ['-xzf', tarballs.get('@all-together/questionnaires'), '-C', unpack], work);
      cpSync(
        join(unpack, 'package', 'definitions', 'pupil-ks2', '1.0.0.json'),
        join(site, 'questionnaires', 'pupil-ks2.json'),
      );
      for (const page of readdirSync(join(here, 'apps', 'plain-html')))
        cpSync(join(here, 'apps', 'plain-html', page), join(site, page));
    },
  );
  if (!ok) return;
  await check('plain HTML: cdn/ holds one module per element and all.js, with Lit inside', () => {
    const files = readdirSync(join(vendor, 'cdn'), { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.js'),
    );
    const elements = readManifest(vendor);
    for (const { tag } of elements) assert(files.includes(`${tag}.js`), `cdn/${tag}.js missing`);
    assert(files.includes('all.js'), 'cdn/all.js missing');
    for (const file of files) {
      const code = readFileSync(join(vendor, 'cdn', file), 'utf8');
      const bare = [...code.matchAll(/(?:\bfrom|\bimport\(?)\s*["']([^"'./][^"']*)["']/g)].map(
        (m) => m[1],
      );
      equal(bare, [], `bare imports in cdn/${file}`);
    }
  });
  const server = await serve(site);
  try {
    await check(
      'plain HTML in Chromium (strict CSP): the pasted element loads its JSON and shows the first question',
      async () => {
        const p = await openPage(`${server.url}/index.html`);
        const { page, requests } = p;
        const definition = JSON.parse(
          readFileSync(join(site, 'questionnaires', 'pupil-ks2.json'), 'utf8'),
        );
        const first = definition.sections[0].items[0].text['en-GB'];
        await page.locator('at-questionnaire').getByRole('button', { name: /start/i }).click();
        await page.locator('at-questionnaire [part~="question__label"]').first().waitFor();
        const shown = await page
          .locator('at-questionnaire [part~="question__label"]')
          .first()
          .innerText();
        assert(shown.includes(first), `first question shown: "${shown}" (want "${first}")`);
        assert(
          requests.some((r) => r.url.endsWith('/questionnaires/pupil-ks2.json')),
          'the definition was fetched from the page origin',
        );
        await expectClean(p);
        const modules = requests.filter((r) => r.type === 'script');
        const bytes = modules.reduce((n, r) => n + r.bytes, 0);
        await page.close();
        return `${modules.length} module requests, ${(bytes / 1024).toFixed(1)} KB of JavaScript (uncompressed)`;
      },
    );
    await check(
      'plain HTML: cdn/all.js defines every element in custom-elements.json, no CSP violation',
      async () => {
        const p = await openPage(`${server.url}/all.html`);
        const tags = readManifest(vendor).map((e) => e.tag);
        await p.page.waitForFunction((list) => list.every((t) => customElements.get(t)), tags);
        await p.page.locator('at-progress [part~="label"]').waitFor();
        await expectClean(p);
        const modules = p.requests.filter((r) => r.type === 'script');
        await p.page.close();
        return `${tags.length} elements; ${modules.length} module requests`;
      },
    );
    await check('plain HTML: two cdn entries on one page share one Lit', async () => {
      const p = await openPage(`${server.url}/two.html`);
      await p.page.waitForFunction(
        () => customElements.get('at-questionnaire') && customElements.get('at-results'),
      );
      equal(
        await p.page.evaluate(() => window.litHtmlVersions?.length),
        1,
        'Lit copies on the page',
      );
      await expectClean(p);
      await p.page.close();
    });
  } finally {
    server.close();
  }
}

// ---------------------------------------------------------------------------------------------

try {
  if (await check('pack: pnpm pack makes a tarball of each published package', packAll)) {
    if (ONLY.includes('node')) await nodeApp();
    if (ONLY.includes('react')) await reactApp();
    if (ONLY.includes('html')) await plainHtml();
  }
} finally {
  await browser?.close();
  if (process.env.KEEP_CONSUMERS === '1') console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
mkdirSync(join(here, 'test-results'), { recursive: true });
writeFileSync(
  join(here, 'test-results', 'consumers.json'),
  JSON.stringify({ runner: 'consumer apps', passed, failed }) + '\n',
);
console.log(`\nconsumer apps: ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);

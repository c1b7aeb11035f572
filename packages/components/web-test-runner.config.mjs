// Browser tests: @web/test-runner + @open-wc/testing in Debian Chromium (toolchain.md §3).
import { readdirSync, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { summaryReporter } from './scripts/summary-reporter.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Server commands the tests need and the browser cannot do alone:
 * - `at-shipped-source-files`: path and text of every source file built into dist (for
 *   package-json.test.ts);
 * - `at-emulate-forced-colors`: forced-colors emulation, which puppeteer's emulateMedia refuses.
 * - `at-focused`: the role and accessible name of the focused node, from Chromium's accessibility
 *   tree (it sees through shadow roots), so keyboard tests find controls by role and name only.
 * - `at-role-count`: how many nodes of the accessibility tree have a role (and a name, if given).
 */
function componentsCommands() {
  const cdpSessions = new Map();
  return {
    name: 'at-components-commands',
    async executeCommand({ command, payload, session }) {
      if (command === 'at-shipped-source-files') {
        return readdirSync(here('./src'), { recursive: true, encoding: 'utf8' })
          .map((file) => `src/${file.split('\\').join('/')}`)
          .filter((file) => file.endsWith('.ts'))
          .filter(
            (file) =>
              !/\.(test|test-d|stories|bench)\.ts$/.test(file) && !file.includes('/test-helpers/'),
          )
          .sort()
          .map((path) => ({ path, source: readFileSync(here(`./${path}`), 'utf8') }));
      }
      if (command === 'at-focused' || command === 'at-role-count') {
        if (session.browser.type !== 'puppeteer') throw new Error('needs Chromium');
        const page = session.browser.getPage(session.id);
        const tree = await page.accessibility.snapshot({ interestingOnly: false });
        const nodes = [];
        (function walk(node) {
          if (!node) return;
          nodes.push(node);
          for (const child of node.children ?? []) walk(child);
        })(tree);
        if (command === 'at-focused') {
          const focused = nodes.filter((n) => n.focused).pop();
          return focused
            ? { role: focused.role, name: focused.name ?? '' }
            : { role: '', name: '' };
        }
        const { role, name } = payload ?? {};
        return nodes.filter(
          (n) =>
            n.role === role &&
            (name === undefined ||
              (typeof name === 'string' ? n.name === name : n.name?.startsWith(name.prefix))),
        ).length;
      }
      if (command === 'at-emulate-forced-colors') {
        if (payload !== 'active' && payload !== 'none')
          throw new Error('payload: "active" or "none"');
        if (session.browser.type !== 'puppeteer') throw new Error('forced colours need Chromium');
        let cdp = cdpSessions.get(session.id);
        if (!cdp) {
          cdp = await session.browser.getPage(session.id).createCDPSession();
          cdpSessions.set(session.id, cdp);
        }
        await cdp.send('Emulation.setEmulatedMedia', {
          features: [{ name: 'forced-colors', value: payload }],
        });
        return true;
      }
      return undefined;
    },
  };
}

/** The policy of reliability.md W3, sent as a header on the strict-CSP test page. */
export const STRICT_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; " +
  "require-trusted-types-for 'script'; trusted-types lit-html";

/**
 * Test-only routes, all under `/__at-test__/`:
 *
 * - `csp.html?module=/packages/…/x.ts`: a page with no inline script that loads one module, sent
 *   with the W3 policy as a real `Content-Security-Policy` header (every directive applies, unlike
 *   a `<meta>`). `src/csp.test.ts` opens it in an iframe; wtr's own runner page, which
 *   needs inline scripts and a WebSocket, stays outside the policy.
 * - `page.html?module=…`: the same page without the policy (the closed-tab test's tabs).
 * - `responses` (POST) and `responses/state?online=0|1&reset`: an endpoint that can be offline.
 * - `src/<case>`: hostile answers for `src` loading (W4): `404`, `html`, `huge` (50 MB streamed
 *   with no length, written with back-pressure so it is never held in memory), `huge-declared`
 *   (a 50 MB `Content-Length`), `truncated`, `deep` (100,000 levels), `proto` (`__proto__`
 *   keys), `stall` (headers, one byte, then nothing for 15 s). `src/huge-sent` reports how many
 *   bytes of the last `huge` body were written before the browser hung up.
 */
function testRoutes() {
  const definition = readFileSync(
    here('../questionnaires/definitions/pupil-ks2/1.0.0.json'),
    'utf8',
  );
  let hugeSent = 0;
  const json = (ctx, status, body) => {
    ctx.status = status;
    ctx.type = 'application/json';
    ctx.body = body;
  };
  const routes = {
    404: (ctx) => json(ctx, 404, '{"error":"not found"}'),
    html: (ctx) => {
      ctx.type = 'text/html';
      ctx.body = '<!doctype html><title>Sign in</title><h1>Please sign in</h1>';
    },
    huge: (ctx) => {
      hugeSent = 0;
      const chunk = Buffer.from(`"${'x'.repeat(64 * 1024 - 3)}",`);
      const total = 50 * 1024 * 1024;
      json(
        ctx,
        200,
        Readable.from(
          (function* () {
            yield Buffer.from('[');
            while (hugeSent < total) {
              hugeSent += chunk.length;
              yield chunk;
            }
            yield Buffer.from('""]');
          })(),
        ),
      );
    },
    'huge-sent': (ctx) => json(ctx, 200, JSON.stringify({ bytes: hugeSent })),
    'huge-declared': (ctx) => {
      json(ctx, 200, Readable.from([Buffer.from('[1]')]));
      ctx.set('Content-Length', String(50 * 1024 * 1024));
    },
    truncated: (ctx) => json(ctx, 200, definition.slice(0, Math.floor(definition.length / 2))),
    deep: (ctx) =>
      json(ctx, 200, `{"id":"deep","title":${'['.repeat(100_000)}${']'.repeat(100_000)}}`),
    proto: (ctx) =>
      json(
        ctx,
        200,
        definition
          .replace('{', '{"__proto__":{"polluted":"yes"},')
          .replace(/"sections": \[\s*\{/, (m) => `${m}"__proto__":{"polluted":"yes"},`),
      ),
    stall: (ctx) => {
      const body = new Readable({ read() {} });
      body.push('{');
      const timer = setTimeout(() => body.push(null), 15_000);
      body.on('close', () => clearTimeout(timer));
      json(ctx, 200, body);
    },
  };
  // A response endpoint that can be "offline" (it drops the connection: a network error, as when
  // the Wi-Fi is down), and a log of what it accepted, for the outbox's closed-tab test.
  const endpoint = { online: true, accepted: [], attempts: 0 };
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/__at-test__/')) return next();
    const name = ctx.path.slice('/__at-test__/'.length);
    if (name === 'responses' && ctx.method === 'POST') {
      endpoint.attempts++;
      if (!endpoint.online) {
        ctx.req.socket.destroy();
        return;
      }
      endpoint.accepted.push(String(ctx.get('Idempotency-Key')));
      ctx.status = 201;
      ctx.type = 'application/json';
      ctx.body = '{}';
      return;
    }
    if (name === 'responses/state') {
      if (ctx.query.online !== undefined) endpoint.online = ctx.query.online === '1';
      if (ctx.query.reset !== undefined) Object.assign(endpoint, { accepted: [], attempts: 0 });
      ctx.set('Cache-Control', 'no-store');
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(endpoint);
      return;
    }
    if (name === 'csp.html' || name === 'page.html') {
      const module = String(ctx.query.module ?? '');
      if (!/^\/packages\/[\w./-]+\.ts$/.test(module) || module.includes('..')) {
        ctx.status = 400;
        return;
      }
      ctx.type = 'text/html';
      // page.html: the same page without the policy (a page that fetches JSON modules).
      if (name === 'csp.html') ctx.set('Content-Security-Policy', STRICT_CSP);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = `<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8" />
    <title>Strict CSP</title>
    <script type="module" src="${module}"></script>
  </head>
  <body></body>
</html>`;
      return;
    }
    const route = name.startsWith('src/') && routes[name.slice(4)];
    if (!route) return next();
    ctx.set('Cache-Control', 'no-store');
    route(ctx);
  };
}

export default {
  rootDir: '../../', // the repo root, so workspace packages' sources can be served
  files: 'src/**/*.test.ts',
  // Without a terminal (CI, pipes) print plain lines, not a redrawn progress bar.
  staticLogging: !process.stdout.isTTY,
  // The whole suite takes seconds. A failing assertion whose actual value is a DOM node, an event
  // or a function stalls wtr's result reporting until this timeout (the tests compare primitives
  // for that reason); keep the stall short rather than the default 120 s.
  testsFinishTimeout: 60_000,
  // A test that builds published figures (scoring's suppression search) can take a few seconds on a
  // shared two-core machine; mocha's 2 s default then fails it for the machine's load, not for a
  // fault. 10 s still stops a hung test quickly. Speed is measured by `pnpm bench`, never here.
  testFramework: { config: { timeout: 10_000 } },
  nodeResolve: { exportConditions: ['@all-together/source', 'browser', 'development'] },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--headless=new',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          // The offline test opens and closes a second tab (a pupil closing the browser tab).
          '--disable-popup-blocking',
        ],
      },
    }),
  ],
  middleware: [testRoutes()],
  plugins: [
    // The plugin reads this tsconfig raw, without `extends`: it must carry the decorator options.
    esbuildPlugin({ ts: true, tsconfig: here('./tsconfig.json'), target: 'auto' }),
    componentsCommands(),
  ],
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html lang="en-GB">
      <body>
        <script>
          // Lit's one-off "dev mode" notice is noise in test logs; its other warnings stay on.
          globalThis.litIssuedWarnings = new Set(['dev-mode']);
        </script>
        <script type="module" src="${testFramework}"></script>
      </body>
    </html>`,
  reporters: [defaultReporter(), summaryReporter({ outputFile: here('./test-results/wtr.json') })],
};

// Browser tests: @web/test-runner + @open-wc/testing in Debian Chromium (toolchain.md §3).
import { readdirSync, readFileSync } from 'node:fs';
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

export default {
  rootDir: '../../', // the repo root, so workspace packages' sources can be served
  files: 'src/**/*.test.ts',
  // Without a terminal (CI, pipes) print plain lines, not a redrawn progress bar.
  staticLogging: !process.stdout.isTTY,
  // The whole suite takes seconds. A failing assertion whose actual value is a DOM node, an event
  // or a function stalls wtr's result reporting until this timeout (the tests compare primitives
  // for that reason); keep the stall short rather than the default 120 s.
  testsFinishTimeout: 60_000,
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
        ],
      },
    }),
  ],
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

/**
 * What a pupil's browser downloads (printed, never asserted; part of `pnpm bench`).
 *
 * Real Chromium page loads, first visit (a fresh browser context: no cache, no service worker),
 * every response counted from the DevTools protocol's Network events as the browser received it
 * (`encodedDataLength`: compressed bodies as sent, plus response headers), in two columns: the
 * body bytes on the wire and the total with headers.
 *
 * - **Ours:** the demo portal (its Vite build, served by its own server), a pupil opening
 *   `/pupil`, typing the class code, answering every page of the KS2 questionnaire (27 items) and
 *   sending it: everything, including what loads after the definition arrives and the API calls.
 * - **SurveyJS:** the same 27 questions converted to a SurveyJS survey on a plain page (survey-core
 *   + survey-js-ui + its stylesheet, bundled by esbuild and minified), the survey JSON fetched as
 *   our page fetches its definition, served gzip-compressed (level 9) from a small local server.
 *
 * Run: `pnpm --filter @all-together/demo bench` (builds the portal first), or `pnpm bench`.
 */
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { getQuestionnaire } from '@all-together/questionnaires';
import { LIVE_ROUND } from '../server/seed.js';
import { CHROME, CHROME_ARGS as ARGS, Client, startServer } from '../test/helpers.js';

process.env.SCRYPT_LOG_N ??= '12';
const GOAL = 25 * 1024;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const pad = (cells: unknown[], widths: number[]) =>
  cells.map((c, i) => String(c).padStart(widths[i]!)).join('  ');

type Kind = 'HTML' | 'JS' | 'CSS' | 'definition' | 'API' | 'other';
interface Received {
  url: string;
  kind: Kind;
  body: number;
  wire: number;
  encoding: string;
}

/**
 * Records every response the page receives, with the sizes Chromium reports through the DevTools
 * protocol (Playwright's `request.sizes()`: the encoded body as received, and the headers), so
 * nothing the browser fetched is missed: module chunks, preloads, fonts, API calls, and the
 * keepalive POST of the answers. `definition` says which URL is the questionnaire's definition.
 */
function recordNetwork(page: Page, definition: RegExp) {
  const received: Received[] & { settled?: () => Promise<unknown> } = [];
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    const done = (async () => {
      const request = response.request();
      const url = request.url();
      if (url.startsWith('data:')) return;
      // A keepalive request (the answers' POST) never reports "finished" to the page: its sizes
      // are read once the body is in, and else from its headers.
      const finished = await Promise.race([
        response.finished().then(() => true),
        new Promise<false>((r) => setTimeout(() => r(false), 2000)),
      ]);
      const headers = (await response.headersArray()).reduce(
        (n, h) => n + h.name.length + h.value.length + 4,
        0,
      );
      const sizes = finished ? await request.sizes().catch(() => undefined) : undefined;
      const body =
        sizes?.responseBodySize ?? Number((await response.headerValue('content-length')) ?? 0);
      const type = request.resourceType();
      const path = new URL(url).pathname;
      const kind: Kind =
        type === 'document'
          ? 'HTML'
          : type === 'script'
            ? 'JS'
            : type === 'stylesheet'
              ? 'CSS'
              : definition.test(path) && response.ok()
                ? 'definition'
                : type === 'fetch' || type === 'xhr'
                  ? 'API'
                  : 'other';
      received.push({
        url: `${request.method()} ${path}`,
        kind,
        body,
        wire: body + (sizes?.responseHeadersSize ?? headers),
        encoding: (await response.headerValue('content-encoding')) ?? '',
      });
    })();
    pending.push(done);
  });
  received.settled = () => Promise.all(pending);
  return received;
}

/** A pupil answers every page (the first choice of each question) and sends. */
async function completeOurs(page: Page, origin: string, code: string): Promise<void> {
  await page.goto(`${origin}/pupil`);
  await page.getByLabel('Class code').fill(code);
  await page.getByRole('button', { name: 'Start' }).click();
  const q = page.locator('at-questionnaire');
  await q.getByRole('button', { name: 'Start now' }).click();
  for (let pages = 0; pages < 100; pages++) {
    const send = q.getByRole('button', { name: 'Send my answers' });
    const next = q.getByRole('button', { name: 'Continue' });
    await send.or(next).first().waitFor();
    if (await send.isVisible()) {
      // Sent, and the page's follow-up status call answered: nothing more will load.
      const posted = page.waitForResponse((r) => r.url().endsWith('/api/pupil/responses'));
      const status = page.waitForResponse((r) => r.url().endsWith('/api/pupil/status'));
      await send.click();
      if ((await posted).status() !== 201) throw new Error('the answers were not stored');
      await status;
      await page.waitForLoadState('networkidle');
      return;
    }
    const input = q.locator('input, textarea').first();
    if (await input.count()) {
      if ((await input.evaluate((el) => el.tagName)) === 'TEXTAREA')
        await input.fill('More adults');
      else await input.check();
    }
    await next.click();
  }
  throw new Error('the questionnaire never reached "Send my answers"');
}

/** The KS2 definition as a SurveyJS survey: the same questions, choices and order. */
function surveyJson() {
  const d = getQuestionnaire('pupil-ks2');
  const en = (t: Record<string, string> | undefined) => (t ? (t['en-GB'] ?? '') : '');
  return {
    pages: d.sections.map((s) => ({
      elements: s.items.map((item) => {
        const it = item as {
          id: string;
          type: string;
          text: Record<string, string>;
          options?: { value: string; label: Record<string, string> }[];
          scale?: string;
        };
        const choices = (it.options ?? []).map((o) => ({ value: o.value, text: en(o.label) }));
        return {
          type:
            it.type === 'multi-select'
              ? 'checkbox'
              : it.type === 'free-text'
                ? 'comment'
                : 'radiogroup',
          name: it.id,
          title: en(it.text),
          ...(choices.length ? { choices } : {}),
        };
      }),
    })),
  };
}

/** SurveyJS's page: HTML, one minified bundle, its CSS, and the survey JSON, all gzip -9. */
async function surveyServer(): Promise<{ url: string; server: Server }> {
  const components = fileURLToPath(new URL('../../../packages/components/', import.meta.url));
  createRequire(components + 'package.json').resolve('survey-core'); // fails loudly if absent
  const bundle = await build({
    stdin: {
      contents: `import { Model } from 'survey-core';
import { renderSurvey } from 'survey-js-ui';
import 'survey-core/survey-core.min.css';
const json = await (await fetch('/survey.json')).json();
renderSurvey(new Model(json), document.getElementById('survey'));`,
      resolveDir: components,
      loader: 'js',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    write: false,
    outdir: '/out',
    legalComments: 'none',
    logLevel: 'error',
  });
  const file = (ext: string) => bundle.outputFiles.find((f) => f.path.endsWith(ext))!.contents;
  const files: Record<string, [string, Uint8Array]> = {
    '/': [
      'text/html',
      Buffer.from(
        `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Questionnaire</title><link rel="stylesheet" href="/survey.css"><script type="module" src="/survey.js"></script></head><body><div id="survey"></div></body></html>`,
      ),
    ],
    '/survey.js': ['text/javascript', file('.js')],
    '/survey.css': ['text/css', file('.css')],
    '/survey.json': ['application/json', Buffer.from(JSON.stringify(surveyJson()))],
  };
  const server = createServer((req, res) => {
    const f = files[new URL(req.url ?? '/', 'http://x').pathname];
    if (!f) return res.writeHead(404).end();
    const body = gzipSync(f[1], { level: 9 });
    res.writeHead(200, { 'content-type': f[0], 'content-encoding': 'gzip' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function completeSurvey(page: Page, origin: string): Promise<void> {
  await page.goto(origin);
  await page.locator('.sd-question').first().waitFor();
  await page.waitForLoadState('networkidle');
}

function report(name: string, received: Received[]) {
  const kinds: Kind[] = ['HTML', 'JS', 'CSS', 'definition', 'API', 'other'];
  const sum = (rs: Received[], k: 'body' | 'wire') => rs.reduce((n, r) => n + r[k], 0);
  const by = Object.fromEntries(kinds.map((k) => [k, received.filter((r) => r.kind === k)]));
  return { name, by, kinds, body: sum(received, 'body'), wire: sum(received, 'wire'), sum };
}

async function measure(browser: Browser, definition: RegExp, run: (p: Page) => Promise<void>) {
  const context = await browser.newContext(); // first visit: an empty cache
  const page = await context.newPage();
  const received = recordNetwork(page, definition);
  await run(page);
  await received.settled?.();
  await context.close();
  return received;
}

/**
 * Time to the first question answered, on a slow school network and a slow laptop: 4× CPU
 * throttle, 1.6 Mbps down, 150 ms round trip (DevTools emulation), an empty cache each time.
 * Measured from the navigation to the first choice of the first question being checked,
 * including the clicks a pupil makes on the way (ours: Start, on the code form filled from a
 * `#code=` link, then "Start now"; SurveyJS shows its first question at once).
 */
async function timeToFirstQuestion(browser: Browser, run: (p: Page) => Promise<void>) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: 1_600_000 / 8,
    uploadThroughput: 750_000 / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const start = performance.now();
  await run(page);
  const ms = performance.now() - start;
  await context.close();
  return ms;
}

async function firstQuestionOurs(page: Page, origin: string, code: string): Promise<void> {
  await page.goto(`${origin}/pupil#code=${code}`, { waitUntil: 'commit' });
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  const q = page.locator('at-questionnaire');
  await q.getByRole('button', { name: 'Start now' }).click();
  await q.getByRole('radio').first().check();
}

async function firstQuestionSurvey(page: Page, origin: string): Promise<void> {
  await page.goto(origin, { waitUntil: 'commit' });
  await page.getByRole('radio').first().check({ force: true });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const s = await startServer({ schools: 1 });
// The seeded school may be a secondary one: a class code for the KS2 questionnaire, so that ours
// answers the same 27 questions as SurveyJS's page.
const lead = new Client(s.url);
await lead.login(s.seeded.schools[0]!.lead);
const issued = await lead.request(
  'POST',
  `/api/schools/${s.seeded.schools[0]!.urn}/rounds/${LIVE_ROUND}/codes`,
  {
    classLabel: 'bench KS2',
    classSize: 30,
    definition: 'pupil-ks2',
  },
);
if (issued.status !== 201) throw new Error(`no KS2 class code: ${issued.status} ${issued.text}`);
const KS2_CODE = String(issued.json.code);
const sj = await surveyServer();
const browser = await chromium.launch({ executablePath: CHROME, headless: true, args: ARGS });
try {
  // The definition comes in Start's answer (or, after a reload, on its own).
  const oursReceived = await measure(
    browser,
    /^\/api\/pupil\/(start|questionnaire|look-up)$/,
    (p) => completeOurs(p, s.url, KS2_CODE),
  );
  const surveyReceived = await measure(browser, /^\/survey\.json$/, (p) =>
    completeSurvey(p, sj.url),
  );
  const ours = report('ours (portal /pupil)', oursReceived);
  const survey = report('SurveyJS', surveyReceived);
  console.log(
    "\nWhat a pupil's browser receives to complete the KS2 questionnaire (27 items), first visit,\n" +
      'real Chromium, counted from DevTools Network events (body = bytes as sent, compressed if the\n' +
      'server compressed them; wire = body + response headers), measured in this run\n',
  );
  const w = [12, 7, 11, 11, 7, 11, 11];
  console.log(pad(['', 'ours n', 'body', 'wire', 'SJS n', 'body', 'wire'], w));
  for (const k of ours.kinds) {
    const o = ours.by[k]!;
    const v = survey.by[k]!;
    console.log(
      pad(
        [
          k,
          o.length,
          kb(ours.sum(o, 'body')),
          kb(ours.sum(o, 'wire')),
          v.length,
          kb(survey.sum(v, 'body')),
          kb(survey.sum(v, 'wire')),
        ],
        w,
      ),
    );
  }
  console.log(
    pad(
      [
        'total',
        oursReceived.length,
        kb(ours.body),
        kb(ours.wire),
        surveyReceived.length,
        kb(survey.body),
        kb(survey.wire),
      ],
      w,
    ),
  );
  console.log('\nOur responses, in the order they finished:');
  for (const r of oursReceived)
    console.log(
      `  ${r.kind.padEnd(10)} ${kb(r.body).padStart(9)} ${(r.encoding || 'identity').padEnd(8)} ${r.url}`,
    );
  console.log(
    `\nPupil's total (bodies): ${kb(ours.body)} against SurveyJS's ${kb(survey.body)} ` +
      `(${((ours.body / survey.body) * 100).toFixed(0)}%); goal <= ${kb(GOAL)}: ` +
      `${ours.body <= GOAL ? 'met' : 'NOT met'}; with headers ${kb(ours.wire)}.`,
  );
  const LOADS = Number(process.env.BENCH_TTFQ_LOADS ?? 9);
  const times = { ours: [] as number[], survey: [] as number[] };
  for (let i = 0; i < LOADS; i++) {
    // Alternating, so that whatever else the machine does falls on both alike.
    times.ours.push(
      await timeToFirstQuestion(browser, (p) => firstQuestionOurs(p, s.url, KS2_CODE)),
    );
    times.survey.push(await timeToFirstQuestion(browser, (p) => firstQuestionSurvey(p, sj.url)));
  }
  const [mo, ms] = [median(times.ours), median(times.survey)];
  const list = (xs: number[]) => xs.map((x) => Math.round(x)).join(', ');
  console.log(
    `\nTime to the first question answered (KS2, 27 items; 4x CPU throttle, 1.6 Mbps, 150 ms round\n` +
      `trip; empty cache; ${LOADS} loads each, alternating), measured in this run\n` +
      `  ours     median ${Math.round(mo)} ms  (${list(times.ours)})\n` +
      `  SurveyJS median ${Math.round(ms)} ms  (${list(times.survey)})\n` +
      `  ratio ours / SurveyJS = ${(mo / ms).toFixed(2)}; goal <= 0.33: ${mo * 3 <= ms ? 'met' : 'NOT met'}`,
  );
} finally {
  await browser.close();
  await s.close();
  sj.server.close();
}

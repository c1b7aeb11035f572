/**
 * Pupils: enter the class code (any case, spaces or dashes, or a link with #code=…; A6), then answer
 * in <at-questionnaire>. No account, no name; the response goes to the server with its device-made
 * id, so a retry stores one row (S13). When the questionnaire cannot be answered (it has finished,
 * the class has all answered, the code was stopped, the answers were already sent) the page says so
 * in words a seven-year-old can follow, never with an error code.
 *
 * This module is on the pupil's own page (pupil.html), so it carries only what answering needs
 * (issue 22, docs/decisions/0037): plain `fetch` rather than the staff portal's typed client, and its
 * own few lines of GOV.UK form markup rather than the staff form kit. The markup and words are the
 * same as the staff pages' (error summary, inline error, "Error:" in the title).
 */
import { live } from 'lit/directives/live.js';
import { html, nothing, render, type TemplateResult } from 'lit';

/** What a pupil reads, by the server's reason. Short sentences, one idea each (A10). */
const NOTICES = {
  closed: {
    heading: 'This questionnaire has finished',
    body: ['You do not need to answer it now.', 'Thank you!'],
  },
  full: {
    heading: 'Everyone in your class has answered',
    body: ['Please tell your teacher.'],
  },
  revoked: {
    heading: 'This code does not work any more',
    body: ['Please ask your teacher for a new code.'],
  },
  sent: { heading: 'You have sent your answers', body: ['Thank you!'] },
  'not-started': {
    heading: 'This questionnaire has not started yet',
    body: ['Please ask your teacher when to start.'],
  },
} as const satisfies Record<string, { heading: string; body: readonly string[] }>;
type Reason = keyof typeof NOTICES;
const isReason = (r: string | undefined): r is Reason => r !== undefined && r in NOTICES;

/** What the server sends for a pupil's questionnaire (`GET /api/pupil/questionnaire`). */
interface Questionnaire {
  definition: object;
  definitionHash: string;
  school: string;
  round: string;
  wave: string;
  endpoint: string;
}

/** A refusal from the server, with its plain words, the problems' paths and the pupil's reason. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems: { path: string; message: string }[] = [],
    readonly reason?: string,
  ) {
    super(message);
  }
}

/** A request to the pupil API: a GET, or a POST of `body` as JSON. */
function request(path: string, body?: unknown): Promise<Response> {
  return fetch(`/api/pupil/${path}`, {
    credentials: 'same-origin',
    ...(body === undefined
      ? {}
      : {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
  });
}

/**
 * Start: the session begins and the questionnaire comes back in the same answer (one round trip).
 * pupil-main.ts makes the same request for a Start pressed before this page loaded.
 */
const startRequest = (code: string) => request('start', { code, questionnaire: true });

/**
 * Start after the look-up of the same code: the session alone (the questionnaire is in the
 * look-up's answer). A refused look-up is Start's answer: no second request, and a wrong code is
 * counted once (S6). pupil-main.ts does the same for a Start pressed before this page loaded.
 */
const startAfter = (code: string, lookUp: Promise<Response>) =>
  lookUp.then(
    (r) => (r.ok ? request('start', { code, questionnaire: false }) : r),
    () => startRequest(code),
  );

/**
 * The questionnaire a code from a `#code=` link opens, asked for before Start is pressed (by
 * pupil.html's own script, as the page begins): `POST /api/pupil/look-up` makes no session and
 * sets no cookie.
 */
export interface LookUp {
  code: string;
  answer: Promise<Response>;
}
let ahead: (LookUp & { found?: Promise<Questionnaire | undefined> }) | undefined;

/** The looked-up questionnaire for this code, if the look-up found it (else Start brings it). */
function lookedUp(code: string): Promise<Questionnaire | undefined> {
  if (ahead?.code !== code) return Promise.resolve(undefined);
  const { answer } = ahead;
  return (ahead.found ??= answer.then(
    // A clone: a refusal is read again as Start's answer (startAfter).
    async (r) =>
      r.ok
        ? ((await r.clone().json()) as { questionnaire: Questionnaire }).questionnaire
        : undefined,
    () => undefined,
  ));
}

/** The answer to a pupil API request: its JSON when it succeeded, a `Refusal` when it did not. */
async function answerOf<T>(answer: Promise<Response>): Promise<T> {
  const res = await answer;
  if (res.ok) return (await res.json()) as T;
  const data = (await res.json().catch(() => ({}))) as {
    error?: string;
    problems?: { path: string; message: string }[];
    reason?: string;
  };
  // The exact problem for developers; the page shows the plain words.
  if (data.problems?.length)
    console.error(data.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  throw new Refusal(
    res.status,
    data.error ?? `The request failed (${res.status}).`,
    data.problems ?? [],
    data.reason,
  );
}

/** One call to the pupil API: its JSON when it succeeded, a `Refusal` when it did not. */
const api = <T>(path: string, body?: unknown): Promise<T> => answerOf<T>(request(path, body));

/** Renders into <main>; `error` puts "Error: " first in the title (GOV.UK: heard first). */
function show(view: TemplateResult, title: string, error = false): void {
  titled(title, error);
  const main = document.getElementById('main')!;
  // What pupil.html drew (the code form, or "Loading…") is not Lit's: cleared once, before Lit
  // first draws here, then Lit updates in place.
  if (!drawnByLit) main.replaceChildren();
  drawnByLit = true;
  render(view, main);
}
let drawnByLit = false;

function titled(title: string, error = false): void {
  document.title = `${error ? 'Error: ' : ''}${title} — All Together portal`;
}

/**
 * Start's answer while it is on its way: pressing Start again sends nothing more, and Exit this
 * page waits for it (see `exitAfterStart`).
 */
let starting: Promise<Response> | undefined;

/**
 * After Start, the focus goes to the page's main content, where the questionnaire now is: the
 * Start button it was on has gone, and a screen reader would else be left at the top of the page
 * (A3). Only if it was lost: a pupil who has moved it meanwhile keeps it.
 */
function focusAfterStart(): void {
  const active = document.activeElement;
  if (active && active !== document.body) return;
  // From the top of the page, as a new page would be: the header stays in view.
  document.getElementById('main')?.focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

/** Moves focus to what the pupil should hear next (a message, the error summary). */
function focusOn(selector: string): void {
  const target = document.querySelector<HTMLElement>(selector);
  if (!target) return;
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'start' });
}

const help = html`<div class="help">
  <h2>If you need help</h2>
  <p>
    Talk to an adult you trust at school or at home. You can call Childline free on
    <a href="tel:08001111">0800 1111</a>.
  </p>
</div>`;

/** A kind message in place of the questionnaire: it takes focus, so it is read first. */
function pupilNotice(reason: Reason): TemplateResult {
  const n = NOTICES[reason];
  return html`<div class="panel panel--pupil" id="pupil-notice" tabindex="-1" role="status">
    <h1 class="panel__title">${n.heading}</h1>
    ${n.body.map((line) => html`<p>${line}</p>`)}
  </div>`;
}

/** What went wrong with the code, in words: the server's message, or a plain one. */
function messageFor(e: unknown): string {
  if (!(e instanceof Refusal)) {
    console.error(e);
    return 'Something went wrong. Please try again.';
  }
  return e.problems[0]?.message ?? e.message;
}

/**
 * What follows Start: the questionnaire, or the code form again with what went wrong. `answer` is
 * Start's request, made here or (pressed before this page loaded) by pupil-main.ts; none for an
 * empty code.
 */
async function begin(code: string, answer: Promise<Response> | undefined): Promise<void> {
  // An empty code is the pupil's slip, not the server's: say so before asking the server.
  if (!answer) {
    codeForm({ error: 'Enter your class code', code });
    focusOn('.error-summary');
    return;
  }
  starting = answer;
  const done = () => {
    if (starting === answer) starting = undefined;
  };
  answer.then(done, done);
  try {
    const known = await lookedUp(code);
    if (known) {
      // The questionnaire is here already: shown now, while Start makes the session (it is needed
      // only to send the answers). A Start refused meanwhile brings the code form back, with why.
      history.replaceState(null, '', '/pupil');
      await questionnaire(known);
      focusAfterStart();
      await answerOf(answer);
      return;
    }
    const started = await answerOf<{ questionnaire?: Questionnaire }>(answer);
    history.replaceState(null, '', '/pupil');
    await questionnaire(started.questionnaire);
    focusAfterStart();
  } catch (e) {
    // The look-up spoke for a moment that has passed: a Start pressed again asks afresh.
    if (ahead?.code === code) ahead = undefined;
    drawnAhead?.holder.remove();
    drawnAhead = undefined;
    const reason = e instanceof Refusal ? e.reason : undefined;
    if (isReason(reason)) {
      codeForm({ reason, code });
      focusOn('#pupil-notice');
    } else {
      codeForm({ error: messageFor(e), code });
      focusOn('.error-summary');
    }
  }
}

/** Start on the code form (pupil.html's or the page's): the code goes to the server. */
function codeSubmit(event: Event): void {
  event.preventDefault();
  if (starting) return;
  const code = String(new FormData(event.target as HTMLFormElement).get('code') ?? '');
  const answer = !code.trim()
    ? undefined
    : ahead?.code === code
      ? startAfter(code, ahead.answer)
      : startRequest(code);
  void begin(code, answer);
}

function codeForm(o: { error?: string; reason?: Reason; code?: string } = {}): void {
  const fromLink = new URLSearchParams(location.hash.slice(1)).get('code') ?? '';
  // A code that did not work is the pupil's to fix: an error on the field, linked from the summary.
  const error = o.error;
  // Exit this page from the first screen a pupil sees, in the same place as in the questions (A5).
  show(
    html`<at-exit-this-page></at-exit-this-page>${
        error
          ? html`<div class="error-summary" tabindex="-1" aria-labelledby="error-summary-title">
              <div role="alert">
                <h2 class="error-summary__title" id="error-summary-title">There is a problem</h2>
                <ul class="error-summary__list">
                  <li><a href="#code">${error}</a></li>
                </ul>
              </div>
            </div>`
          : nothing
      }
      ${o.reason ? pupilNotice(o.reason) : html`<h1>Answer the questionnaire</h1>`}
      ${
        o.reason
          ? html`<h2>Have you got a different code?</h2>`
          : html`<p>Your teacher will give you a class code. You do not need to give your name.</p>`
      }
      <form id="start" method="post" @submit=${codeSubmit} novalidate>
        <div class=${error ? 'form-group form-group--error' : 'form-group'}>
          <label for="code">Class code</label>
          <p class="hint" id="code-hint">8 letters and numbers, for example KXTR-4HQM</p>
          ${
            error
              ? html`<p class="error-message" id="code-error">
                  <span class="visually-hidden">Error:</span> ${error}
                </p>`
              : nothing
          }
          <input
            id="code"
            name="code"
            class="code"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            aria-describedby=${error ? 'code-hint code-error' : 'code-hint'}
            .value=${live(o.code ?? fromLink)}
          />
        </div>
        <button type="submit" class="button">Start</button>
      </form>
      ${help}`,
    o.reason ? NOTICES[o.reason].heading : 'Enter your class code',
    error !== undefined,
  );
}

/** In place of the questionnaire: the kind message, help, and nothing to press. */
function finished(reason: Reason): void {
  show(html`${pupilNotice(reason)} ${help}`, NOTICES[reason].heading);
  focusOn('#pupil-notice');
}

/** Where this pupil's session stands now: asked before sending and after. */
async function status(): Promise<Reason | undefined> {
  try {
    const s = await api<{ state: Reason | 'answering' }>('status');
    return s.state === 'answering' ? undefined : s.state;
  } catch {
    return undefined; // offline or signed out: the element's own messages say what happened
  }
}

/** Ends the pupil's session on the server (keepalive: the request survives the navigation). */
function endSession(): void {
  void fetch('/api/pupil/exit', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
    keepalive: true,
    credentials: 'same-origin',
  }).catch(() => {});
}

/**
 * Exit this page pressed while Start's answer is still on its way (the questionnaire of a link's
 * code is shown before it): that answer could set the session's cookie after the session was
 * ended, and leave it for the next pupil on a shared device (W8). So the page is emptied at once,
 * and left when Start has answered (at most 2 seconds), its session ended first.
 *
 * @returns false when no Start is on its way (the exit goes ahead as usual).
 */
function exitAfterStart(event: Event): boolean {
  const answer = starting;
  const url = (event as CustomEvent<{ url?: string }>).detail?.url;
  if (!answer || !url) return false;
  event.preventDefault();
  document.getElementById('main')?.replaceChildren();
  document.title = 'All Together portal';
  const settled = answer.then(
    () => undefined,
    () => undefined,
  );
  void Promise.race([settled, new Promise((r) => setTimeout(r, 2000))]).then(() => {
    endSession();
    location.replace(url);
  });
  return true;
}

/** Shows the questionnaire: the one given, or this session's, asked of the server. */
async function questionnaire(given?: Questionnaire): Promise<void> {
  const q = given ?? (await api<Questionnaire>('questionnaire'));
  const drawn = drawnAhead?.q === q ? drawnAhead : undefined;
  drawnAhead = undefined;
  if (drawn && !drawnByLit && drawn.holder.isConnected) {
    // Shown where it was drawn: not moved, so its styles and layout, worked out while the pupil
    // read the code form, are kept (moving it would make the browser work them out again).
    const main = document.getElementById('main')!;
    for (const node of [...main.childNodes]) if (node !== drawn.holder) node.remove();
    drawn.holder.classList.remove('drawn-ahead');
    titled('Questionnaire');
    return;
  }
  drawn?.holder.remove();
  show(html`${drawn?.element ?? questionnaireElement(q)}`, 'Questionnaire');
}

/**
 * The questionnaire for `q`, with the page's listeners. The element POSTs to the endpoint itself
 * (Idempotency-Key, retries, offline outbox) and shows its own confirmation with help; the page
 * only hosts it.
 */
function questionnaireElement(q: Questionnaire): Element {
  const holder = document.createElement('div');
  render(
    html`<at-questionnaire
      .definition=${q.definition}
      definition-hash=${q.definitionHash}
      school=${q.school}
      wave=${q.wave}
      round=${q.round}
      endpoint=${q.endpoint}
      lang="en-GB"
      @at-exit=${exiting}
      @at-page=${onPage}
      @at-submit=${onSubmit}
    ></at-questionnaire>`,
    holder,
  );
  return holder.querySelector('at-questionnaire')!;
}

/**
 * The questionnaire of a link's code, drawn ahead once the look-up has answered and this page has
 * loaded, below the code form in a holder laid out but not seen (base.css `.drawn-ahead`): its
 * definition is checked by its hash and its start page drawn and laid out while the pupil reads
 * the code form, so Start shows it at once, where it is. Hidden, it is not in the accessibility
 * tree, takes no focus and takes no room.
 */
let drawnAhead: { q: Questionnaire; element: Element; holder: HTMLElement } | undefined;
function drawAhead(q: Questionnaire): void {
  const holder = document.createElement('div');
  holder.className = 'drawn-ahead';
  const element = questionnaireElement(q);
  holder.append(element);
  document.getElementById('main')!.append(holder);
  drawnAhead = { q, element, holder };
}

/**
 * Exit this page: the element clears the draft and the outbox and leaves for a neutral page; the
 * pupil's session ends too.
 */
function exiting(event: Event): void {
  // Drawn ahead and still hidden (Shift pressed three times on the code form): the code form's
  // own Exit this page leaves; there is no session to end.
  if (drawnAhead?.element === event.currentTarget) return;
  if (!exitAfterStart(event)) endSession();
}

/**
 * Before "Check your answers" is shown: if the questionnaire finished meanwhile (or the class is
 * full), say so now rather than after the pupil presses Send.
 */
async function onPage(event: Event): Promise<void> {
  // The screen now shown: on the event today, in its `detail` once events carry their payload there.
  const e = event as Event & { view?: string; detail?: { view?: string } | null };
  if ((e.view ?? e.detail?.view) !== 'check') return;
  const reason = await status();
  if (reason && reason !== 'sent') finished(reason);
}

/**
 * After Send: the element shows "Sent" itself; if the server refused because the round closed a
 * moment ago, the page puts that into words instead of the element's "tell your teacher".
 */
async function onSubmit(): Promise<void> {
  for (const wait of [500, 1000, 2000, 4000]) {
    await new Promise((r) => setTimeout(r, wait));
    const reason = await status();
    if (reason === 'sent') return;
    if (reason) return finished(reason);
  }
}

/** In place of everything: something went wrong that the pupil cannot fix but by reloading. */
export function pageProblem(): void {
  show(
    html`<h1>Sorry, there is a problem</h1>
      <div class="error-summary" role="alert" tabindex="-1">
        <h2 class="error-summary__title">There is a problem</h2>
        <p>Something went wrong. Please reload the page.</p>
      </div>`,
    'Problem',
    true,
  );
}

/**
 * A Start pressed before this page loaded (pupil-main.ts): the code, and Start's answer on its
 * way (none for an empty code).
 */
export interface EarlyStart {
  code: string;
  answer?: Promise<Response>;
}

/**
 * The pupil's page. `session: false` when the browser holds no pupil session (the server says so
 * in pupil.html): the code form pupil.html drew is then the page's own (`form`), with what the
 * pupil typed and the focus as they are, and a Start pressed before this page loaded (`early`)
 * carries on here.
 */
export async function pupilPage(
  o: { session?: boolean; form?: HTMLFormElement | null; early?: EarlyStart; ahead?: LookUp } = {},
): Promise<void> {
  ahead = o.ahead;
  // Exit this page on the code form while Start is on its way (the questionnaire's own Exit is
  // handled with it, and comes here already handled).
  document.addEventListener('at-exit', (event) => {
    if (!event.defaultPrevented) exitAfterStart(event);
  });
  if (o.session === false) {
    if (o.early) void begin(o.early.code, o.early.answer);
    if (ahead)
      void lookedUp(ahead.code).then((q) => {
        if (q && !drawnByLit && !drawnAhead) drawAhead(q);
      });
    if (o.form) o.form.addEventListener('submit', codeSubmit);
    else codeForm();
    return;
  }
  try {
    await questionnaire();
  } catch (e) {
    const reason = e instanceof Refusal ? e.reason : undefined;
    if (e instanceof Refusal && e.status === 401) codeForm();
    else if (reason === 'sent') codeForm();
    else if (isReason(reason)) finished(reason);
    else codeForm({ error: messageFor(e) });
  }
}

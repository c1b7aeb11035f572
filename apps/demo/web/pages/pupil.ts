/**
 * Pupils: enter the class code (any case, spaces or dashes, or a link with #code=…; A6), then answer
 * in <at-questionnaire>. No account, no name; the response goes to the server with its device-made
 * id, so a retry stores one row (S13). When the questionnaire cannot be answered (it has finished,
 * the class has all answered, the code was stopped, the answers were already sent) the page says so
 * in words a seven-year-old can follow, never with an error code.
 */
import { live } from 'lit/directives/live.js';
import { html, type TemplateResult } from 'lit';
import { ApiError, call, client } from '../api.js';
import {
  describedBy,
  errorSummary,
  errorsFrom,
  fieldError,
  groupClass,
  type FormErrors,
} from '../forms.js';
import { focusOn, show } from '../ui.js';

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

const help = html`<div class="help">
  <h2>If you need help</h2>
  <p>
    Talk to an adult you trust at school or at home. You can call Childline free on
    <a href="tel:08001111">0800 1111</a>.
  </p>
</div>`;

const CODE_FIELDS = [{ name: 'code', id: 'code' }] as const;

/** A kind message in place of the questionnaire: it takes focus, so it is read first. */
function pupilNotice(reason: Reason): TemplateResult {
  const n = NOTICES[reason];
  return html`<div class="panel panel--pupil" id="pupil-notice" tabindex="-1" role="status">
    <h1 class="panel__title">${n.heading}</h1>
    ${n.body.map((line) => html`<p>${line}</p>`)}
  </div>`;
}

function codeForm(o: { errors?: FormErrors; reason?: Reason; code?: string } = {}): void {
  const fromLink = new URLSearchParams(location.hash.slice(1)).get('code') ?? '';
  const errors: FormErrors = o.errors ?? { fields: new Map(), general: [] };
  const field = CODE_FIELDS[0];
  const submit = async (event: Event) => {
    event.preventDefault();
    const code = String(new FormData(event.target as HTMLFormElement).get('code') ?? '');
    // An empty code is the pupil's slip, not the server's: say so before asking the server.
    if (!code.trim()) {
      codeForm({ errors: { fields: new Map([['code', 'Enter your class code']]), general: [] } });
      focusOn('.error-summary');
      return;
    }
    try {
      await call(client.pupil.start.$post({ json: { code } }));
      history.replaceState(null, '', '/pupil');
      await questionnaire();
    } catch (e) {
      const reason = e instanceof ApiError ? e.reason : undefined;
      if (isReason(reason)) {
        codeForm({ reason, code });
        focusOn('#pupil-notice');
      } else {
        codeForm({ errors: errorsFrom(e, CODE_FIELDS), code });
        focusOn('.error-summary');
      }
    }
  };
  // A code that did not work is the pupil's to fix: an error on the field, linked from the summary.
  const [first] = errors.general;
  const fieldErrors: FormErrors =
    first !== undefined && !errors.fields.size
      ? { fields: new Map([['code', first]]), general: [] }
      : errors;
  const errorsShown = fieldErrors.fields.size > 0;
  // Exit this page from the first screen a pupil sees, in the same place as in the questions (A5).
  show(
    html`<at-exit-this-page></at-exit-this-page>${errorSummary(fieldErrors, CODE_FIELDS)}
      ${o.reason ? pupilNotice(o.reason) : html`<h1>Answer the questionnaire</h1>`}
      ${
        o.reason
          ? html`<h2>Have you got a different code?</h2>`
          : html`<p>Your teacher will give you a class code. You do not need to give your name.</p>`
      }
      <form @submit=${submit} novalidate>
        <div class=${groupClass(fieldErrors, field)}>
          <label for="code">Class code</label>
          <p class="hint" id="code-hint">8 letters and numbers, for example KXTR-4HQM</p>
          ${fieldError(fieldErrors, field)}
          <input
            id="code"
            name="code"
            class="code"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            aria-describedby=${describedBy(fieldErrors, field, true)}
            .value=${live(o.code ?? fromLink)}
          />
        </div>
        <button type="submit" class="button">Start</button>
      </form>
      ${help}`,
    o.reason ? NOTICES[o.reason].heading : 'Enter your class code',
    { error: errorsShown },
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
    const s = await call(client.pupil.status.$get());
    return s.state === 'answering' ? undefined : s.state;
  } catch {
    return undefined; // offline or signed out: the element's own messages say what happened
  }
}

async function questionnaire(): Promise<void> {
  const q = await call(client.pupil.questionnaire.$get());
  // Exit this page: the element clears the draft and the outbox and leaves for a neutral page; the
  // pupil's session ends too (keepalive: the request survives the navigation).
  const exiting = () => {
    void fetch('/api/pupil/exit', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
      keepalive: true,
      credentials: 'same-origin',
    }).catch(() => {});
  };
  // Before "Check your answers" is shown: if the questionnaire finished meanwhile (or the class is
  // full), say so now rather than after the pupil presses Send.
  const onPage = async (event: Event) => {
    // The screen now shown: on the event today, in its `detail` once events carry their payload there.
    const e = event as Event & { view?: string; detail?: { view?: string } | null };
    if ((e.view ?? e.detail?.view) !== 'check') return;
    const reason = await status();
    if (reason && reason !== 'sent') finished(reason);
  };
  // After Send: the element shows "Sent" itself; if the server refused because the round closed
  // a moment ago, the page puts that into words instead of the element's "tell your teacher".
  const onSubmit = async () => {
    for (const wait of [500, 1000, 2000, 4000]) {
      await new Promise((r) => setTimeout(r, wait));
      const reason = await status();
      if (reason === 'sent') return;
      if (reason) return finished(reason);
    }
  };
  // The element POSTs to the endpoint itself (Idempotency-Key, retries, offline outbox) and shows
  // its own confirmation with help; the page only hosts it.
  show(
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
    'Questionnaire',
  );
}

export async function pupilPage(): Promise<void> {
  try {
    await questionnaire();
  } catch (e) {
    const reason = e instanceof ApiError ? e.reason : undefined;
    if (e instanceof ApiError && e.status === 401) codeForm();
    else if (reason === 'sent') codeForm();
    else if (isReason(reason)) finished(reason);
    else codeForm({ errors: errorsFrom(e, CODE_FIELDS) });
  }
}

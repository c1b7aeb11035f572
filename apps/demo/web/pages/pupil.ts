/**
 * Pupils: enter the class code (any case, spaces or dashes, or a link with #code=…; A6), then answer
 * in <at-questionnaire>. No account, no name; the response goes to the server with its device-made
 * id, so a retry stores one row (S13).
 */
import { html, type TemplateResult } from 'lit';
import { api, ApiError } from '../api.js';
import { errorView, show } from '../ui.js';

interface Questionnaire {
  definition: { id: string; version: string; title?: Record<string, string> };
  school: string;
  round: string;
  wave: 'baseline' | 'end';
  endpoint: string;
}

const help = html`<div class="help">
  <h2>If you need help</h2>
  <p>
    Talk to an adult you trust at school or at home. You can call Childline free on
    <a href="tel:08001111">0800 1111</a>.
  </p>
</div>`;

/**
 * GOV.UK error pattern for the code (A2): a summary that takes focus and links to the field, the
 * same words beside the field, and "Error: " before the page title.
 */
function codeError(message: string): TemplateResult {
  return html`<div
    class="error-summary"
    role="alert"
    tabindex="-1"
    aria-labelledby="code-error-title"
  >
    <h2 id="code-error-title">There is a problem</h2>
    <ul>
      <li>
        <a
          href="#code"
          @click=${(e: Event) => {
            e.preventDefault();
            document.getElementById('code')?.focus();
          }}
          >${message}</a
        >
      </li>
    </ul>
  </div>`;
}

function codeForm(error?: unknown): TemplateResult {
  const fromLink = new URLSearchParams(location.hash.slice(1)).get('code') ?? '';
  const message = error === undefined ? '' : error instanceof ApiError ? error.message : '';
  const failed = (e: unknown) => {
    show(codeForm(e), 'Error: Enter your class code');
    (document.querySelector('.error-summary') as HTMLElement | null)?.focus();
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    const code = String(new FormData(event.target as HTMLFormElement).get('code') ?? '');
    // An empty code is the pupil's slip, not the server's: say so before asking the server.
    if (!code.trim()) return failed(new ApiError(400, 'Enter your class code', []));
    try {
      await api('POST', '/api/pupil/start', { code });
      history.replaceState(null, '', '/pupil');
      await questionnaire();
    } catch (e) {
      failed(e);
    }
  };
  // Exit this page from the first screen a pupil sees, in the same place as in the questions (A5).
  return html`<at-exit-this-page></at-exit-this-page>
    <h1>Answer the questionnaire</h1>
    ${error === undefined ? '' : message ? codeError(message) : errorView(error)}
    <p>Your teacher will give you a class code. You do not need to give your name.</p>
    <form @submit=${submit} novalidate>
      <label for="code">Class code</label>
      <p class="hint" id="code-hint">8 letters and numbers, for example KXTR-4HQM</p>
      ${
        message
          ? html`<p class="error-message" id="code-error">
              <span class="visually-hidden">Error:</span> ${message}
            </p>`
          : ''
      }
      <input
        id="code"
        name="code"
        class="code"
        autocomplete="off"
        autocapitalize="characters"
        spellcheck="false"
        aria-describedby=${message ? 'code-hint code-error' : 'code-hint'}
        aria-invalid=${message ? 'true' : 'false'}
        .value=${fromLink}
      />
      <div><button type="submit">Start</button></div>
    </form>
    ${help}`;
}

async function questionnaire(): Promise<void> {
  const q = await api<Questionnaire>('GET', '/api/pupil/questionnaire');
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
  // The element POSTs to the endpoint itself (Idempotency-Key, retries, offline outbox) and shows
  // its own confirmation with help; the page only hosts it.
  show(
    html`<at-questionnaire
      .definition=${q.definition}
      school=${q.school}
      wave=${q.wave}
      round=${q.round}
      endpoint=${q.endpoint}
      lang="en-GB"
      @at-exit=${exiting}
    ></at-questionnaire>`,
    'Questionnaire',
  );
}

export async function pupilPage(): Promise<void> {
  try {
    await questionnaire();
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) show(codeForm(), 'Enter your class code');
    else show(codeForm(e), 'Enter your class code');
  }
}

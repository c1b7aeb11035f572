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

function codeForm(error?: unknown): TemplateResult {
  const fromLink = new URLSearchParams(location.hash.slice(1)).get('code') ?? '';
  const submit = async (event: Event) => {
    event.preventDefault();
    const code = String(new FormData(event.target as HTMLFormElement).get('code') ?? '');
    try {
      await api('POST', '/api/pupil/start', { code });
      history.replaceState(null, '', '/pupil');
      await questionnaire();
    } catch (e) {
      show(codeForm(e), 'Enter your class code');
      (document.querySelector('.error-summary') as HTMLElement | null)?.focus();
    }
  };
  return html`<h1>Answer the questionnaire</h1>
    ${error ? errorView(error) : ''}
    <p>Your teacher will give you a class code. You do not need to give your name.</p>
    <form @submit=${submit} novalidate>
      <label for="code">Class code</label>
      <p class="hint" id="code-hint">8 letters and numbers, for example KXTR-4HQM</p>
      <input
        id="code"
        name="code"
        class="code"
        autocomplete="off"
        autocapitalize="characters"
        spellcheck="false"
        aria-describedby="code-hint"
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

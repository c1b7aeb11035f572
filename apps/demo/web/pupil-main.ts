/**
 * The pupil's page (served for `/pupil`; issue 22, docs/decisions/0037): the class code form and
 * `<at-questionnaire>`, nothing of the staff pages, so a pupil's browser downloads only what
 * answering needs. Staff pages are a different document: a link out of `/pupil` loads it.
 *
 * This entry is small and runs as soon as it arrives, before the questionnaire's code (the element,
 * Lit, pupil-app.ts) has: the code form is in pupil.html itself, so a pupil on a slow school
 * network reads it and types the code at once, and this makes Start work. A code from a `#code=`
 * link is filled in (pupil.html's own script has looked it up already: the questionnaire it opens,
 * no session); a Start pressed now sends the code straight away, and the page takes Start's answer
 * over when it has loaded (the round trip is made while the rest is still on its way).
 *
 * pupil.html loads it `async`: it runs when it arrives, and what needs the document waits for the
 * document to be parsed (a first visit's small page always is by then).
 */
import '@all-together/components/themes/default.css';
import type { EarlyStart, LookUp } from './pages/pupil.js';

declare global {
  interface Window {
    /** A `#code=` link's code and its look-up, asked by pupil.html's inline script. */
    atLookUp?: LookUp;
  }
}

let early: EarlyStart | undefined;
let ahead: LookUp | undefined;
// The request `startRequest` and `startAfter` in pages/pupil.ts make (not imported: that would
// make this entry wait for the page's code).
const post = (path: string, body: object) =>
  fetch(`/api/pupil/${path}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** The code form: absent when the server sent "Loading…" to a browser resuming a session. */
const codeForm = () => {
  const form = document.getElementById('start');
  const input = document.getElementById('code');
  return form instanceof HTMLFormElement && input instanceof HTMLInputElement
    ? { form, input }
    : undefined;
};

/** Start before the page has loaded: the code goes to the server at once. */
const onSubmit = (event: SubmitEvent) => {
  // Never a native submit: the code would go into a URL (W8).
  event.preventDefault();
  const input = codeForm()?.input;
  if (early?.answer || !input) return; // the first is on its way
  const code = input.value;
  const start = (questionnaire: boolean) => post('start', { code, questionnaire });
  // An empty code is the pupil's slip: no request. After the link's look-up, the session alone;
  // a refused look-up is Start's answer (no second request, no second wrong code counted).
  early = !code.trim()
    ? { code }
    : {
        code,
        answer:
          ahead?.code === code
            ? ahead.answer.then(
                (r) => (r.ok ? start(false) : r),
                () => start(true),
              )
            : start(true),
      };
  // Read when the page has loaded (a refused or failed Start is shown then): not "unhandled" now.
  early.answer?.catch(() => {});
};

/** Makes the code form work: Start enabled, and a link's code filled in with its look-up kept. */
const wire = () => {
  const found = codeForm();
  if (!found) return;
  const { form, input } = found;
  // A link's code: pupil.html's own script asked which questionnaire it opens as the page began.
  // The answer is here, or on its way, when the pupil presses Start.
  if (window.atLookUp && !input.value) {
    ahead = window.atLookUp;
    input.value = ahead.code;
  }
  form.addEventListener('submit', onSubmit);
  form.querySelector('button')!.disabled = false;
};
const parsed =
  document.readyState === 'loading'
    ? new Promise<void>((r) =>
        document.addEventListener('DOMContentLoaded', () => r(), { once: true }),
      )
    : Promise.resolve();
void parsed.then(wire);

/**
 * The page takes the code form over: from now on its Start is the page's, and a Start pressed
 * before (if any) is handed to it.
 */
const takeOver = () => {
  const form = codeForm()?.form ?? null;
  form?.removeEventListener('submit', onSubmit);
  return { form, early, ahead };
};

Promise.all([import('./pupil-app.js'), parsed])
  .then(([app]) => app.run(document.getElementById('main')!, takeOver))
  .catch((e: unknown) => {
    // The page's code did not load (a network that dropped): say so in place of the form.
    console.error(e);
    document.title = 'Error: Problem — All Together portal';
    const main = document.getElementById('main')!;
    main.replaceChildren();
    const h1 = document.createElement('h1');
    h1.textContent = 'Sorry, there is a problem';
    const p = document.createElement('p');
    p.textContent = 'The page did not load. Please reload the page.';
    main.append(h1, p);
  });

/**
 * The pupil's page (served for `/pupil`; issue 22, docs/decisions/0037): the class code form and
 * `<at-questionnaire>`, nothing of the staff pages, so a pupil's browser downloads only what
 * answering needs. Staff pages are a different document: a link out of `/pupil` loads it.
 *
 * This entry is small and runs as soon as it arrives, before the questionnaire's code (the element,
 * Lit, pupil-app.ts) has: the code form is in pupil.html itself, so a pupil on a slow school
 * network reads it and types the code at once, and this makes Start work. A code from a `#code=`
 * link is filled in; a Start pressed now sends the code straight away, and the page takes Start's
 * answer over when it has loaded (the round trip is made while the rest is still on its way).
 */
import '@all-together/components/themes/default.css';
import type { EarlyStart } from './pages/pupil.js';

const main = document.getElementById('main')!;
const form = document.getElementById('start');
const input = document.getElementById('code');
let early: EarlyStart | undefined;
/** Start before the page has loaded: the code goes to the server at once. */
const onSubmit = (event: SubmitEvent) => {
  // Never a native submit: the code would go into a URL (W8).
  event.preventDefault();
  if (early?.answer || !(input instanceof HTMLInputElement)) return; // the first is on its way
  const code = input.value;
  // The request `startRequest` in pages/pupil.ts makes (not imported: that would make this entry
  // wait for the page's code). An empty code is the pupil's slip: no request.
  early = code.trim()
    ? {
        code,
        answer: fetch('/api/pupil/start', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code, questionnaire: true }),
        }),
      }
    : { code };
  // Read when the page has loaded (a refused or failed Start is shown then): not "unhandled" now.
  early.answer?.catch(() => {});
};
if (form instanceof HTMLFormElement && input instanceof HTMLInputElement) {
  const fromLink = new URLSearchParams(location.hash.slice(1)).get('code');
  if (fromLink && !input.value) input.value = fromLink;
  form.addEventListener('submit', onSubmit);
  form.querySelector('button')!.disabled = false;
}

/**
 * The page takes the code form over: from now on its Start is the page's, and a Start pressed
 * before (if any) is handed to it.
 */
const takeOver = () => {
  if (form instanceof HTMLFormElement) form.removeEventListener('submit', onSubmit);
  return { form: form instanceof HTMLFormElement ? form : null, early };
};

void import('./pupil-app.js')
  .then((app) => app.run(main, takeOver))
  .catch((e: unknown) => {
    // The page's code did not load (a network that dropped): say so in place of the form.
    console.error(e);
    document.title = 'Error: Problem — All Together portal';
    main.replaceChildren();
    const h1 = document.createElement('h1');
    h1.textContent = 'Sorry, there is a problem';
    const p = document.createElement('p');
    p.textContent = 'The page did not load. Please reload the page.';
    main.append(h1, p);
  });

/**
 * The pupil's page on its own (served for `/pupil`): the class code form and `<at-questionnaire>`,
 * and nothing of the staff pages, so a pupil's browser downloads only what answering needs (issue
 * 22: the pupil's bytes; docs/decisions/0037). Staff pages are a different document: a link out of
 * `/pupil` loads it.
 */
import '@all-together/components/themes/default.css';
import '@all-together/components/at-questionnaire.js';
import '@all-together/components/at-exit-this-page.js';
import { html, render } from 'lit';
import { pupilPage } from './pages/pupil.js';

const main = document.getElementById('main')!;

// A link to a place on this page (the error summary's to its field) moves focus to that field and
// shows its label, as on the staff pages. Every other link loads its page.
document.addEventListener('click', (event) => {
  const a = (event.composedPath()[0] as Element | undefined)?.closest?.('a');
  if (!a || a.origin !== location.origin || a.pathname !== location.pathname || !a.hash) return;
  const target = document.getElementById(decodeURIComponent(a.hash.slice(1)));
  if (!target) return;
  event.preventDefault();
  target.focus();
  (target.closest('.form-group') ?? target).scrollIntoView({ block: 'start' });
});

// The server marks the page when the browser holds a pupil session (a reload mid-questionnaire);
// without one, the code form shows at once, with no request first.
const session = main.hasAttribute('data-session');
// The static "Loading…" is not Lit's: clear it once, then Lit updates in place.
main.replaceChildren();
pupilPage({ session }).catch((e: unknown) => {
  console.error(e);
  document.title = 'Error: Problem — All Together portal';
  render(
    html`<h1>Sorry, there is a problem</h1>
      <div class="error-summary" role="alert" tabindex="-1">
        <h2 class="error-summary__title">There is a problem</h2>
        <p>Something went wrong. Please reload the page.</p>
      </div>`,
    main,
  );
});

/**
 * The pupil's page once its code has arrived (loaded by pupil-main.ts): the class code form and
 * `<at-questionnaire>` with Exit this page (pages/pupil.ts).
 */
import '@all-together/components/at-questionnaire.js';
import '@all-together/components/at-exit-this-page.js';
import { pageProblem, pupilPage, type EarlyStart, type LookUp } from './pages/pupil.js';

/**
 * Draws the page into `main`. `takeOver` hands over the code form pupil.html drew (absent when
 * the server sent "Loading…" to a browser resuming a session), with a Start already pressed and
 * the look-up of a code from a link.
 */
export function run(
  main: HTMLElement,
  takeOver: () => {
    form: HTMLFormElement | null;
    early: EarlyStart | undefined;
    ahead: LookUp | undefined;
  },
): void {
  // A link to a place on this page (the error summary's to its field) moves focus to that field
  // and shows its label, as on the staff pages. Every other link loads its page.
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
  // without one, the code form is already there, with no request first. The form stays as drawn
  // (the same elements: what was typed, the focus and a press in progress are untouched) until
  // the page has something else to show.
  const session = main.hasAttribute('data-session');
  const { form, early, ahead } = takeOver();
  pupilPage({ session, form, ...(early ? { early } : {}), ...(ahead ? { ahead } : {}) }).catch(
    (e: unknown) => {
      console.error(e);
      pageProblem();
    },
  );
}

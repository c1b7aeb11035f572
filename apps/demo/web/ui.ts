/**
 * Rendering and focus helpers shared by the pages. After every action focus goes somewhere a
 * keyboard and screen-reader user can carry on from (a heading, a status message, the error
 * summary), never back to the page body.
 */
import { html, render, type TemplateResult } from 'lit';
import { ApiError } from './api.js';

let router: () => Promise<void> = async () => {};
export const setRouter = (r: () => Promise<void>): void => {
  router = r;
};

let first = true;
/**
 * Renders a page into <main>. `error: true` prefixes the document title with "Error: " (GOV.UK:
 * a screen reader hears it first).
 */
export function show(view: TemplateResult, title: string, options: { error?: boolean } = {}): void {
  document.title = `${options.error ? 'Error: ' : ''}${title} — All Together portal`;
  const main = document.getElementById('main')!;
  // The static "Loading…" is not Lit's: clear it once, then Lit updates in place.
  if (first) main.replaceChildren();
  first = false;
  render(view, main);
}

/**
 * Moves focus to the first element matching `selector` once the page has rendered, scrolling it
 * into view; elements that are not focusable get `tabindex="-1"` for it.
 */
export function focusOn(selector: string): void {
  const target = document.querySelector<HTMLElement>(selector);
  if (!target) return;
  if (!target.matches('a[href], button, input, select, textarea, [tabindex]'))
    target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'start' });
}

export function navigate(path: string, replace = false): void {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  // After a page change, focus moves to the page's heading, as a screen reader expects of a new page.
  void router().then(() => {
    if (!document.querySelector('main [data-autofocus]')) focusOn('main h1');
  });
}

// Internal links go through the router; links to a place on this page (the error summary's) move
// focus to their field instead.
document.addEventListener('click', (event) => {
  const a = (event.composedPath()[0] as Element | undefined)?.closest?.('a');
  if (!a || a.target || a.hasAttribute('download') || a.origin !== location.origin) return;
  if (a.pathname.startsWith('/api/')) return;
  if (a.hash && a.pathname === location.pathname && a.search === location.search) {
    const target = document.getElementById(decodeURIComponent(a.hash.slice(1)));
    if (!target) return;
    event.preventDefault();
    target.focus();
    // Show the field's label (and any hint or error above the field) too.
    (target.closest('.form-group') ?? target).scrollIntoView({ block: 'start' });
    return;
  }
  event.preventDefault();
  navigate(a.pathname + a.search + a.hash);
});
// Back and Forward between a questionnaire's pages are the element's own (it keeps a history entry
// per page at the same URL): the page stays.
window.addEventListener('popstate', (event) => {
  const state: unknown = event.state;
  if (typeof state === 'object' && state !== null && 'at-questionnaire' in state) return;
  void router();
});

/** A problem with no field to point at (the page could not load, a refusal): plain words. */
export function errorView(e: unknown): TemplateResult {
  const message =
    e instanceof ApiError ? e.message : 'Something went wrong. Please reload the page.';
  if (!(e instanceof ApiError)) console.error(e);
  return html`<div class="error-summary" role="alert" tabindex="-1">
    <h2 class="error-summary__title">There is a problem</h2>
    <p>${message}</p>
  </div>`;
}

/** A confirmation or result, announced and focusable (focus goes to it after an action). */
export function notice(
  text: string | TemplateResult,
  options: { id?: string } = {},
): TemplateResult {
  return html`<div class="notice" role="status" tabindex="-1" id=${options.id ?? 'notice'}>
    ${text}
  </div>`;
}

/** Day-first dates in words, as a trust's staff write them: "6 December 2026". */
export function longDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return d.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

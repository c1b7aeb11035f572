/** Rendering helpers shared by the pages. */
import { html, render, type TemplateResult } from 'lit';
import { ApiError } from './api.js';

let router: () => Promise<void> = async () => {};
export const setRouter = (r: () => Promise<void>): void => {
  router = r;
};

let first = true;
export function show(view: TemplateResult, title: string): void {
  document.title = `${title} — All Together portal`;
  const main = document.getElementById('main')!;
  // The static "Loading…" is not Lit's: clear it once, then Lit updates in place.
  if (first) main.replaceChildren();
  first = false;
  render(view, main);
}

export function navigate(path: string, replace = false): void {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  // After a page change, focus moves to the main content, as a full page load would.
  void router().then(() => document.getElementById('main')?.focus({ preventScroll: false }));
}

// Internal links go through the router.
document.addEventListener('click', (event) => {
  const a = (event.composedPath()[0] as Element | undefined)?.closest?.('a');
  if (!a || a.target || a.hasAttribute('download') || a.origin !== location.origin) return;
  if (a.pathname.startsWith('/api/')) return;
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

export function errorView(e: unknown): TemplateResult {
  const message =
    e instanceof ApiError ? e.message : 'Something went wrong. Please reload the page.';
  if (!(e instanceof ApiError)) console.error(e);
  return html`<div class="error-summary" role="alert" tabindex="-1">
    <h2>There is a problem</h2>
    <p>${message}</p>
    ${
      e instanceof ApiError && e.problems.length
        ? html`<ul>
            ${e.problems.map((p) => html`<li>${p.path}: ${p.message}</li>`)}
          </ul>`
        : ''
    }
  </div>`;
}

/**
 * The pupil's page on its own (served for `/pupil`): the class code form and `<at-questionnaire>`,
 * and nothing of the staff pages, so a pupil's browser downloads only what answering needs (issue
 * 22: the pupil's bytes). Staff pages are a different document: a link out of `/pupil` loads it.
 */
import '@all-together/components/themes/default.css';
import '@all-together/components/at-questionnaire.js';
import '@all-together/components/at-exit-this-page.js';
import { pupilPage } from './pages/pupil.js';
import { errorView, setRouter, show } from './ui.js';
import { html } from 'lit';

// Links are routed in the page (ui.ts); anything but the pupil's page is another document.
setRouter(async () => {
  if (location.pathname.startsWith('/pupil')) await pupilPage();
  else location.reload();
});

pupilPage().catch((e: unknown) =>
  show(
    html`<h1>Sorry, there is a problem</h1>
      ${errorView(e)}`,
    'Problem',
    { error: true },
  ),
);

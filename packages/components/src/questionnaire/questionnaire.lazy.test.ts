import { html } from 'lit';
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { getQuestionnaire } from '@all-together/questionnaires';
import { memoryStorage } from '../shared/storage.js';
import type { AtQuestionnaire } from './questionnaire.js';
import { button } from './test-helpers/drive.js';

// Every module the page fetches from here on, seen by an observer (the resource timing buffer
// holds 250 entries and this page loads more). The element is imported only after the observer
// is in place, so a static import of the loader would be seen too.
const fetched: string[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) fetched.push(new URL(entry.name).pathname);
}).observe({ type: 'resource' });

/** The modules that load `src`, which a host passing `definition` should never download. */
const loaders = () =>
  fetched.filter((p) => /\/shared\/(load-json|controllers\/load-controller)\.ts$/.test(p));

/** Lets the observer's callback (a task) run for entries queued so far. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('<at-questionnaire> loads its src loader on demand', () => {
  before(async () => {
    await import('./at-questionnaire.js');
  });

  it('a definition-only element never fetches load-json; an element with src does', async () => {
    const el = await fixture<AtQuestionnaire>(
      html`<at-questionnaire
        .definition=${getQuestionnaire('pupil-ks2')}
        school="900001"
        wave="baseline"
        .storage=${memoryStorage()}
      ></at-questionnaire>`,
    );
    await waitUntil(() => button(el, 'Start now') !== undefined, 'definition shown');
    await flush();
    expect(fetched.some((p) => p.endsWith('/questionnaire/questionnaire.ts'))).to.equal(true);
    expect(loaders()).to.deep.equal([]);

    // The same observer sees the loader arrive once a src is set: the check above can fail.
    const loaded = await fixture<AtQuestionnaire>(
      html`<at-questionnaire
        src="/packages/questionnaires/definitions/pupil-ks2/1.0.0.json"
        school="900001"
        wave="baseline"
        .storage=${memoryStorage()}
      ></at-questionnaire>`,
    );
    await waitUntil(() => button(loaded, 'Start now') !== undefined, 'src loaded');
    await flush();
    expect(loaders().map((p) => p.replace(/^.*\/shared\//, ''))).to.have.members([
      'load-json.ts',
      'controllers/load-controller.ts',
    ]);
  });

  it('a definition given while src is on its way wins; the load is never applied', async () => {
    const errors: string[] = [];
    const real = console.error;
    console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
    try {
      const el = document.createElement('at-questionnaire') as AtQuestionnaire;
      Object.assign(el, { school: '900001', wave: 'baseline', storage: memoryStorage() });
      el.src = '/__at-test__/src/404';
      document.body.append(el);
      el.definition = getQuestionnaire('pupil-ks2');
      await waitUntil(() => button(el, 'Start now') !== undefined, 'definition shown');
      await new Promise((resolve) => setTimeout(resolve, 500)); // longer than the 404 takes
      await el.updateComplete;
      expect(button(el, 'Start now')).not.to.equal(undefined);
      expect(errors.join('\n')).to.equal('');
      el.remove();
    } finally {
      console.error = real;
    }
  });
});

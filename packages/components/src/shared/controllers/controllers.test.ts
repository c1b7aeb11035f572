import { html, LitElement } from 'lit';
import { expect, fixture } from '@open-wc/testing';
import { memoryStorage, type DraftStorage } from '../storage.js';
import { DraftController } from './draft-controller.js';
import { FocusController } from './focus-controller.js';
import { LoadController } from './load-controller.js';
import { TitleController, type TitleState } from './title-controller.js';
import { HistoryController, HISTORY_KEY } from '../../questionnaire/history-controller.js';

/** The controllers in isolation, each on a bare Lit host (no SDK element). */
class Host extends LitElement {
  storage: DraftStorage = memoryStorage();
  key = 'k';
  maxAge = 60;
  title_: TitleState = { page: '', error: false, prefix: 'Error:' };
  readonly draft = new DraftController<{ n: number }>(this, {
    storage: () => this.storage,
    key: () => this.key,
    parse: (d) =>
      typeof d === 'object' && d !== null && typeof (d as { n?: unknown }).n === 'number'
        ? (d as { n: number })
        : undefined,
    maxAgeMinutes: () => this.maxAge,
  });
  readonly focuser = new FocusController(this);
  readonly loader = new LoadController(this, { timeoutMs: 20_000 });
  readonly pops: unknown[] = [];
  readonly history = new HistoryController(this, (e) => this.pops.push(e));
  constructor() {
    super();
    new TitleController(this, () => this.title_);
  }
  override render() {
    return html`<h1 tabindex="-1" id="heading">Page</h1>
      <button id="button">Go</button>`;
  }
}
customElements.define('at-test-controller-host', Host);

const make = () => fixture<Host>(html`<at-test-controller-host></at-test-controller-host>`);

describe('controllers in isolation', () => {
  describe('DraftController', () => {
    it('saves and loads a draft under its key; nothing without a key', async () => {
      const el = await make();
      el.draft.save({ n: 3 });
      expect((await el.draft.load()) as { n: number }).to.deep.equal({ n: 3 });
      el.key = '';
      el.draft.save({ n: 4 });
      expect(await el.draft.load()).to.equal(undefined);
    });

    it('W8 a draft older than maxAgeMinutes is discarded and its key removed', async () => {
      const el = await make();
      el.storage.set('k', JSON.stringify({ savedAt: Date.now() - 61 * 60_000, draft: { n: 1 } }));
      expect(await el.draft.load()).to.equal(undefined);
      expect(el.storage.get('k')).to.equal(null);
    });

    it('a late read is stale: only the newest load (or a clear) wins', async () => {
      const el = await make();
      let release: (v: string | null) => void = () => undefined;
      el.storage = {
        get: () => new Promise<string | null>((r) => (release = r)),
        set: () => undefined,
        remove: () => undefined,
      };
      const first = el.draft.load();
      el.draft.clear();
      release(JSON.stringify({ savedAt: Date.now(), draft: { n: 9 } }));
      expect(await first).to.equal('stale');
    });

    it('a storage that throws or rejects never breaks the element; an invalid value is ignored', async () => {
      const el = await make();
      el.storage = {
        get: () => {
          throw new Error('denied');
        },
        set: () => Promise.reject(new Error('quota')),
        remove: () => {
          throw new Error('denied');
        },
      };
      el.draft.save({ n: 1 });
      el.draft.clear();
      expect(await el.draft.load()).to.equal(undefined);
      el.storage = memoryStorage();
      el.storage.set('k', JSON.stringify({ savedAt: Date.now(), draft: { n: 'x' } }));
      expect(await el.draft.load()).to.equal(undefined);
    });

    it('a draft from before the envelope (the whole value) still loads', async () => {
      const el = await make();
      el.maxAge = Number.POSITIVE_INFINITY;
      el.storage.set('k', JSON.stringify({ n: 5, savedAt: Date.now() }));
      expect(((await el.draft.load()) as { n: number }).n).to.equal(5);
    });
  });

  describe('LoadController', () => {
    it('W4 a newer load aborts the older one: only the newer result is applied', async function () {
      this.timeout(20_000);
      const el = await make();
      const first = el.loader.load('/__at-test__/src/stall');
      const second = el.loader.load('/__at-test__/src/404');
      await second;
      await first;
      expect(el.loader.state.status).to.equal('failed');
      expect(el.loader.state.status === 'failed' ? el.loader.state.error.message : '').to.equal(
        'the server answered 404',
      );
    });

    it('leaving the page cancels a load in flight (its result is never applied)', async () => {
      const el = await make();
      const done = el.loader.load('/__at-test__/src/stall');
      el.remove();
      await done;
      expect(el.loader.state.status).to.equal('idle');
    });
  });

  describe('FocusController', () => {
    it('focuses its selector after the next render', async () => {
      const el = await make();
      el.focuser.after('#button');
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement?.id).to.equal('button');
    });
  });

  describe('TitleController', () => {
    it('A2 adds the page and "Error:", keeps a title the host set meanwhile, restores on leaving', async () => {
      const before = document.title;
      document.title = 'Host';
      try {
        const el = await make();
        el.title_ = { page: 'Q1', error: false, prefix: 'Error:' };
        el.requestUpdate();
        await el.updateComplete;
        expect(document.title).to.equal('Q1 — Host');
        el.title_ = { page: 'Q1', error: true, prefix: 'Error:' };
        el.requestUpdate();
        await el.updateComplete;
        expect(document.title).to.equal('Error: Q1 — Host');
        document.title = 'Host, renamed';
        el.title_ = { page: 'Q2', error: false, prefix: 'Error:' };
        el.requestUpdate();
        await el.updateComplete;
        expect(document.title).to.equal('Q2 — Host, renamed');
        el.remove();
        expect(document.title).to.equal('Host, renamed');
      } finally {
        document.title = before;
      }
    });
  });

  describe('HistoryController', () => {
    it('W8 an entry holds the screen and a page number beside the host state; a foreign popstate is ignored', async () => {
      const el = await make();
      history.replaceState({ route: 'host' }, '');
      el.history.markStart();
      el.history.push({ view: 'question', page: 2 });
      expect(history.state).to.deep.equal({
        route: 'host',
        [HISTORY_KEY]: { view: 'question', page: 2 },
      });
      window.dispatchEvent(new PopStateEvent('popstate', { state: { route: 'elsewhere' } }));
      window.dispatchEvent(
        new PopStateEvent('popstate', { state: { [HISTORY_KEY]: { view: 'start', page: 0 } } }),
      );
      expect(el.pops).to.deep.equal([{ view: 'start', page: 0 }]);
      el.remove();
      window.dispatchEvent(
        new PopStateEvent('popstate', { state: { [HISTORY_KEY]: { view: 'check', page: 0 } } }),
      );
      expect(el.pops.length).to.equal(1);
    });
  });
});

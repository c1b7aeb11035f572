import { html } from 'lit';
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { getQuestionnaire, listDefinitions } from '@all-together/questionnaires';
import { PUPIL_AUDIENCES, type QuestionnaireDefinition } from '@all-together/model';
import { memoryStorage, type DraftStorage } from '../shared/storage.js';
import type { AtProgress } from '../progress/progress.js';
import { AtQuestionnaire } from './questionnaire.js';
import type {
  AtAnswerEvent,
  AtExitEvent,
  AtPageEvent,
  AtSubmitEvent,
} from './questionnaire.events.js';
import { outboxKey } from './outbox.js';
import './at-questionnaire.js';
import {
  $,
  $$,
  answerPage,
  button,
  deepActive,
  heading,
  press,
  screen,
  text,
} from './test-helpers/drive.js';

const SCHOOL = '900001';
const questionnaires = listDefinitions().filter((d) => d.kind === 'questionnaire');
const pupilIds = ['pupil-ks1', 'pupil-ks2', 'pupil-secondary'];

interface Options {
  definition?: unknown;
  storage?: DraftStorage;
  endpoint?: string;
  mode?: 'question' | 'section';
  autoRead?: string;
}

async function make(id: string | undefined, o: Options = {}): Promise<AtQuestionnaire> {
  const definition = o.definition ?? (id ? getQuestionnaire(id) : undefined);
  const el = await fixture<AtQuestionnaire>(
    html`<at-questionnaire
      .definition=${definition}
      school=${SCHOOL}
      wave="baseline"
      .storage=${o.storage ?? memoryStorage()}
      .outboxStorage=${o.storage ?? memoryStorage()}
      .endpoint=${o.endpoint ?? ''}
      page-mode=${o.mode ?? 'question'}
      auto-read=${o.autoRead ?? 'false'}
    ></at-questionnaire>`,
  );
  await el.updateComplete;
  return el;
}

/** The fixture answers that open every follow-up question of a definition. */
async function completeAnswers(id: string): Promise<Record<string, string | string[]>> {
  const res = await fetch(
    `/packages/questionnaires/fixtures/${id}/${getQuestionnaire(id).version}/complete.json`,
  );
  const json = (await res.json()) as { response: { answers: Record<string, string | string[]> } };
  return json.response.answers;
}

/** The shipped definition's own words for `{referencePeriod}` (they change with its version). */
function defaultPeriod(id: string): string {
  return getQuestionnaire(id).parameters['referencePeriod']!['en-GB']!;
}

/** A copy of a shipped definition, changed by `edit` (still valid unless `edit` breaks it). */
function variant(id: string, edit: (d: QuestionnaireDefinition) => void): unknown {
  const copy = structuredClone(getQuestionnaire(id)) as QuestionnaireDefinition;
  edit(copy);
  return copy;
}

/** Continue through every page to the check answers page. */
async function toCheck(el: AtQuestionnaire, answers: Record<string, string | string[]> = {}) {
  if (screen(el) === 'start') await press(el, 'Start now');
  for (let i = 0; i < 100 && screen(el) === 'question'; i++) {
    await answerPage(el, answers);
    await press(el, 'Continue');
  }
  expect(screen(el)).to.equal('check');
}

interface Post {
  key: string | null;
  id: string;
  ok: boolean;
}

/** Replaces window.fetch for POSTs to `/api/responses`; `fail` decides each call's fate. */
function stubFetch(fail: () => 'network' | number | false) {
  const real = window.fetch;
  const posts: Post[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    if (String(input).endsWith('/api/responses')) {
      const outcome = fail();
      const headers = new Headers(init?.headers);
      const id = (JSON.parse(String(init?.body)) as { id: string }).id;
      posts.push({ key: headers.get('Idempotency-Key'), id, ok: outcome === false });
      if (outcome === 'network') throw new TypeError('Failed to fetch');
      return new Response('{}', { status: outcome === false ? 201 : outcome });
    }
    return real(input, init);
  };
  return { posts, restore: () => (window.fetch = real) };
}

// Exit must not navigate the test page away.
document.addEventListener('at-exit', (e) => e.preventDefault());

describe('<at-questionnaire>', function () {
  // Whole questionnaires are completed page by page with axe on each page: seconds, not ms.
  this.timeout(60_000);

  it('A11 has no axe violations (start page)', async () => {
    const el = await make('pupil-ks2');
    await expect(el).to.be.accessible();
  });

  it('is registered as <at-questionnaire> and registers <at-progress>', () => {
    expect(customElements.get('at-questionnaire') === AtQuestionnaire).to.equal(true);
    expect(customElements.get('at-progress') !== undefined).to.equal(true);
  });

  it('the catalogue has the three pupil questionnaires (the loops below see something)', () => {
    const ids = questionnaires.map((d) => d.id);
    for (const id of pupilIds) expect(ids).to.include(id);
    expect(questionnaires.length).to.be.greaterThan(5);
  });

  describe('A11 axe on every page of every definition', () => {
    for (const entry of questionnaires) {
      it(`${entry.id}: start, every question (follow-ups opened), check answers, confirmation`, async () => {
        const answers = await completeAnswers(entry.id);
        const el = await make(entry.id);
        await expect(el).to.be.accessible();
        await press(el, 'Start now');
        let pages = 0;
        while (screen(el) === 'question' && pages < 100) {
          await answerPage(el, answers);
          await expect(el, `${entry.id} page ${pages + 1}`).to.be.accessible();
          // W2/W3: no inline style attributes (a strict style-src would block them).
          expect($$(el, '[style]:not(at-progress)').length).to.equal(0);
          await press(el, 'Continue');
          pages++;
        }
        expect(pages).to.be.greaterThan(1);
        await expect(el).to.be.accessible();
        let submitted: AtSubmitEvent | undefined;
        el.addEventListener('at-submit', (e) => (submitted = e));
        await press(el, 'Send my answers');
        expect(screen(el)).to.equal('done');
        await expect(el).to.be.accessible();
        // The fixture's answers arrive in the validated response.
        expect(JSON.stringify(submitted?.response.answers)).to.equal(JSON.stringify(answers));
      });
    }

    it('section-per-page mode and the declined page', async () => {
      const el = await make('pupil-secondary', { mode: 'section' });
      await press(el, 'Start now');
      await expect(el).to.be.accessible();
      await press(el, 'Back');
      await press(el, "I don't want to take part");
      expect(screen(el)).to.equal('declined');
      await expect(el).to.be.accessible();
    });
  });

  describe('A11 keyboard only (sendKeys: Tab, Space, arrows, Enter)', () => {
    async function tabTo(match: (a: Element | null) => boolean, limit = 40): Promise<void> {
      for (let i = 0; i < limit; i++) {
        if (match(deepActive())) return;
        await sendKeys({ press: 'Tab' });
      }
      throw new Error(`Tab never reached the control; focus is on ${deepActive()?.outerHTML}`);
    }

    for (const id of pupilIds) {
      it(`${id}: completes the whole questionnaire by keyboard`, async () => {
        const el = await make(id);
        let submitted: AtSubmitEvent | undefined;
        el.addEventListener('at-submit', (e) => (submitted = e));
        await tabTo((a) => text(a) === 'Start now');
        await sendKeys({ press: 'Enter' });
        await el.updateComplete;
        let pages = 0;
        while (screen(el) === 'question' && pages < 100) {
          pages++;
          await tabTo((a) => a instanceof HTMLInputElement || a instanceof HTMLTextAreaElement);
          const active = deepActive();
          if (active instanceof HTMLTextAreaElement) {
            await sendKeys({ type: 'It was fine' });
          } else if (active instanceof HTMLInputElement && active.type === 'radio') {
            // Arrow keys move and choose within the group (A1); Space chooses the focused one.
            await sendKeys({ press: 'ArrowDown' });
            await sendKeys({ press: 'ArrowUp' });
            await sendKeys({ press: 'Space' });
            expect((deepActive() as HTMLInputElement).checked).to.equal(true);
          } else {
            await sendKeys({ press: 'Space' });
            expect((deepActive() as HTMLInputElement).checked).to.equal(true);
          }
          await el.updateComplete;
          await tabTo((a) => text(a) === 'Continue');
          await sendKeys({ press: 'Enter' });
          await el.updateComplete;
        }
        expect(screen(el)).to.equal('check');
        await tabTo((a) => text(a) === 'Send my answers', 200);
        await sendKeys({ press: 'Enter' });
        await el.updateComplete;
        expect(screen(el)).to.equal('done');
        expect(submitted?.response.definition.id).to.equal(id);
        expect(Object.keys(submitted?.response.answers ?? {}).length).to.equal(pages);
      });
    }
  });

  describe('A1 names and roles', () => {
    it('every question is a fieldset named by its legend; every option a radio or checkbox named by its label', async () => {
      const def = getQuestionnaire('pupil-ks1');
      const el = await make('pupil-ks1');
      await press(el, 'Start now');
      const answers = await completeAnswers('pupil-ks1');
      let checked = 0;
      while (screen(el) === 'question') {
        const fieldset = $(el, 'fieldset')!;
        const item = def.sections
          .flatMap((s) => s.items)
          .find(
            (i) =>
              i.text['en-GB']!.replace('{referencePeriod}', defaultPeriod('pupil-ks1')) ===
              text(fieldset.querySelector('legend')),
          )!;
        expect(item !== undefined, text(fieldset.querySelector('legend'))).to.equal(true);
        const inputs = $$<HTMLInputElement>(el, 'input');
        if (item.type === 'free-text') throw new Error('KS1 has no free text');
        expect(inputs.length).to.equal(item.options.length);
        inputs.forEach((input, i) => {
          expect(input.type).to.equal(item.type === 'multi-select' ? 'checkbox' : 'radio');
          expect(text(input.labels?.[0])).to.equal(item.options[i]!.label['en-GB']);
          expect(input.closest('fieldset') === fieldset).to.equal(true);
        });
        for (const name of ['Exit this page', 'Read aloud', 'Back', 'Continue', 'Skip']) {
          expect(button(el, name)?.tagName, name).to.equal('BUTTON');
        }
        checked++;
        await answerPage(el, answers);
        await press(el, 'Continue');
      }
      expect(checked).to.be.greaterThan(5);
    });

    it('A3 options and faces are at least 44 px high; faces show a decorative pictogram and the text', async () => {
      const el = await make('pupil-ks1');
      await press(el, 'Start now');
      while (!$(el, '.faces')) await press(el, 'Skip');
      const options = $$(el, '.faces .option');
      expect(options.length).to.equal(3);
      for (const o of options) {
        const r = o.getBoundingClientRect();
        expect(r.height).to.be.at.least(44);
        expect(r.width).to.be.at.least(44);
        expect(o.querySelector('svg')?.getAttribute('aria-hidden')).to.equal('true');
        expect(text(o).length).to.be.greaterThan(0);
      }
      await expect(el).to.be.accessible();
    });

    it('P5 Start and "I don\'t want to take part", Continue and Skip are the same size', async () => {
      const el = await make('pupil-ks2');
      const size = (name: string) => {
        const r = button(el, name)!.getBoundingClientRect();
        return `${Math.round(r.width)}x${Math.round(r.height)}`;
      };
      expect(size('Start now')).to.equal(size("I don't want to take part"));
      await press(el, 'Start now');
      expect(size('Continue')).to.equal(size('Skip'));
    });
  });

  describe('A2 errors', () => {
    it('a required question left empty: the error summary takes focus and links to the inline error', async () => {
      const def = variant('pupil-ks2', (d) => {
        (d.sections[0]!.items[0] as { required: boolean }).required = true;
      });
      const el = await make(undefined, { definition: def });
      await press(el, 'Start now');
      const first = $<HTMLInputElement>(el, 'input')!;
      await press(el, 'Continue');
      await el.updateComplete;
      expect(screen(el)).to.equal('question');
      const summary = $(el, '.error-summary')!;
      expect(text(summary.querySelector('h2'))).to.equal('There is a problem');
      expect(deepActive() === summary).to.equal(true);
      const link = summary.querySelector('a')!;
      expect(text(link)).to.equal('Choose an answer');
      const inline = $(el, '.error-message')!;
      expect(text(inline)).to.equal('Error: Choose an answer');
      expect($(el, 'fieldset')!.getAttribute('aria-describedby')).to.include(inline.id);
      // The inputs were not replaced (A1: Tab must still reach them).
      expect($<HTMLInputElement>(el, 'input') === first).to.equal(true);
      link.click();
      expect(deepActive() === first).to.equal(true);
      await sendKeys({ press: 'Space' });
      await press(el, 'Continue');
      expect($(el, '.error-summary')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('A1 after an error, Tab still reaches the radios (the inputs are not replaced)', async () => {
      const def = variant('pupil-ks2', (d) => {
        (d.sections[0]!.items[0] as { required: boolean }).required = true;
      });
      const el = await make(undefined, { definition: def });
      await press(el, 'Start now');
      $<HTMLInputElement>(el, 'input')!.focus();
      await press(el, 'Continue');
      expect(deepActive()?.classList.contains('error-summary')).to.equal(true);
      let reached = false;
      for (let i = 0; i < 6 && !reached; i++) {
        await sendKeys({ press: 'Tab' });
        reached = deepActive() instanceof HTMLInputElement;
      }
      expect(reached).to.equal(true);
      await sendKeys({ press: 'ArrowDown' });
      expect($$<HTMLInputElement>(el, 'input').filter((i) => i.checked).length).to.equal(1);
    });

    it('A2 the document title follows the question, starts with "Error: " while the error summary shows, and is restored after', async () => {
      const before = document.title;
      const host = 'Your school questionnaire';
      document.title = host;
      try {
        const def = variant('pupil-ks2', (d) => {
          (d.sections[0]!.items[0] as { required: boolean }).required = true;
        });
        const el = await make(undefined, { definition: def });
        expect(document.title).to.equal(host);
        await press(el, 'Start now');
        const q1 = heading(el);
        expect(document.title).to.equal(`${q1} — ${host}`);
        await press(el, 'Continue');
        expect(document.title).to.equal(`Error: ${q1} — ${host}`);
        await press(el, 'Continue'); // still wrong: said once, not twice
        expect(document.title).to.equal(`Error: ${q1} — ${host}`);
        $<HTMLInputElement>(el, 'input')!.click();
        await press(el, 'Continue');
        expect($(el, '.error-summary')).to.equal(null);
        expect(document.title).to.equal(`${heading(el)} — ${host}`);
        expect(heading(el)).to.not.equal(q1);

        // Exit and removal restore it too (Exit clears the answers: page 1 is empty again).
        await press(el, 'Exit this page');
        expect(document.title).to.equal(host);
        await press(el, 'Start now');
        await press(el, 'Continue');
        expect(document.title).to.equal(`Error: ${q1} — ${host}`);
        await press(el, 'Exit this page');
        expect(document.title).to.equal(host);
        await press(el, 'Start now');
        await press(el, 'Continue');
        expect(document.title.startsWith('Error: ')).to.equal(true);
        el.remove();
        expect(document.title).to.equal(host);
      } finally {
        document.title = before;
      }
    });

    it('free text over its limit shows the character count and an error', async () => {
      const el = await make('pupil-secondary');
      await press(el, 'Start now');
      while (!$(el, 'textarea')) await press(el, 'Skip');
      const area = $<HTMLTextAreaElement>(el, 'textarea')!;
      const max = Number(/(\d[\d,]*)/.exec(text($(el, '.count')))![1]!.replace(',', ''));
      area.value = 'x'.repeat(max + 3);
      area.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(text($(el, '.count'))).to.equal('You have 3 characters too many');
      await press(el, 'Continue');
      expect(text($(el, '.error-summary a'))).to.equal(
        `Your answer must be ${max.toLocaleString('en-GB')} characters or fewer`,
      );
      expect(area.getAttribute('aria-describedby')).to.include($(el, '.error-message')!.id);
      await expect(el).to.be.accessible();
    });
  });

  describe('W8 drafts: save and resume', () => {
    it('a reload loses no answers and reopens the page the pupil was on', async () => {
      const storage = memoryStorage();
      const el = await make('pupil-ks2', { storage });
      await press(el, 'Start now');
      const firstQuestion = heading(el);
      const radios = $$<HTMLInputElement>(el, 'input');
      radios[1]!.click();
      await press(el, 'Continue');
      const secondQuestion = heading(el);
      $$<HTMLInputElement>(el, 'input')[0]!.click();
      await el.updateComplete;
      el.remove();

      const again = await make('pupil-ks2', { storage });
      expect(heading(again)).to.equal(secondQuestion);
      expect($$<HTMLInputElement>(again, 'input')[0]!.checked).to.equal(true);
      await press(again, 'Back');
      expect(heading(again)).to.equal(firstQuestion);
      expect($$<HTMLInputElement>(again, 'input')[1]!.checked).to.equal(true);
    });

    it('keeps the draft under a key per definition, school, wave and round, and nothing in localStorage', async () => {
      const storage = memoryStorage();
      const before = localStorage.length;
      const el = await make('pupil-ks2', { storage });
      await press(el, 'Start now');
      $<HTMLInputElement>(el, 'input')!.click();
      await el.updateComplete;
      expect(el.draftKey).to.equal(
        `at-questionnaire/draft/pupil-ks2@${getQuestionnaire('pupil-ks2').version}/${SCHOOL}/baseline/`,
      );
      const stored = JSON.parse(String(storage.get(el.draftKey))) as {
        draft: { answers: object };
      };
      expect(Object.keys(stored.draft.answers).length).to.equal(1);
      expect(localStorage.length).to.equal(before);
    });

    it('uses sessionStorage by default', async () => {
      const el = await fixture<AtQuestionnaire>(
        html`<at-questionnaire
          .definition=${getQuestionnaire('pupil-ks2')}
          school=${SCHOOL}
          wave="end"
        ></at-questionnaire>`,
      );
      await press(el, 'Start now');
      $<HTMLInputElement>(el, 'input')!.click();
      await el.updateComplete;
      expect(sessionStorage.getItem(el.draftKey) !== null).to.equal(true);
      await press(el, 'Exit this page');
      expect(sessionStorage.getItem(el.draftKey)).to.equal(null);
    });

    it('P6 declining stores nothing', async () => {
      const storage = memoryStorage();
      const el = await make('pupil-ks2', { storage });
      await press(el, "I don't want to take part");
      expect(storage.get(el.draftKey)).to.equal(null);
      expect(text($(el, '.panel'))).to.include('Nothing has been saved');
      expect(text(el.shadowRoot!.querySelector('.links'))).to.include('0800 1111');
    });
  });

  describe('Exit this page (P8, W8)', () => {
    it('clears the draft, fires at-exit with the exit URL, and Back shows no answer', async () => {
      const storage = memoryStorage();
      const el = await make('pupil-ks2', { storage });
      el.exitUrl = 'https://example.org/safe';
      await press(el, 'Start now');
      $<HTMLInputElement>(el, 'input')!.click();
      await press(el, 'Continue');
      const exits: string[] = [];
      el.addEventListener('at-exit', (e: AtExitEvent) => exits.push(e.url));
      await press(el, 'Exit this page');
      expect(exits).to.deep.equal(['https://example.org/safe']);
      expect(storage.get(el.draftKey)).to.equal(null);
      expect(screen(el)).to.equal('start');
      await press(el, 'Start now');
      expect($$<HTMLInputElement>(el, 'input').some((i) => i.checked)).to.equal(false);
    });

    /** Every key this element keeps in the real sessionStorage (drafts) and localStorage (outbox). */
    const sessionKeys = () =>
      [...Object.keys(sessionStorage), ...Object.keys(localStorage)].filter((k) =>
        k.startsWith('at-questionnaire/'),
      );
    const clearKeys = () => {
      for (const k of sessionKeys()) {
        sessionStorage.removeItem(k);
        localStorage.removeItem(k);
      }
    };
    const ROUND = '2026-27-baseline';
    const pupil = () =>
      fixture<AtQuestionnaire>(
        html`<at-questionnaire
          .definition=${getQuestionnaire('pupil-ks2')}
          school=${SCHOOL}
          wave="baseline"
          round=${ROUND}
          endpoint="/api/responses"
          auto-read="false"
        ></at-questionnaire>`,
      );

    it('W8 pupil A answers 3 → Exit → pupil B in the same profile starts fresh, 0 storage keys for the round, Back shows no answer', async () => {
      clearKeys();
      const fetches = stubFetch(() => false);

      const urlBefore = location.href;
      try {
        const a = await pupil();
        await press(a, 'Start now');
        for (let n = 0; n < 3; n++) {
          $$<HTMLInputElement>(a, 'input')[1]!.click();
          await press(a, 'Continue');
        }
        expect(sessionKeys()).to.deep.equal([a.draftKey]);
        expect(a.draftKey).to.include(ROUND);
        const stored = JSON.parse(sessionStorage.getItem(a.draftKey)!) as {
          draft: { answers: Record<string, string> };
        };
        const answersA = stored.draft.answers;
        expect(Object.keys(answersA).length).to.equal(3);
        await press(a, 'Exit this page');
        expect(sessionKeys()).to.deep.equal([]);
        a.remove();

        // Pupil B, same browser profile and tab (sessionStorage survives location.replace).
        const b = await pupil();
        expect(screen(b)).to.equal('start');
        expect(sessionKeys()).to.deep.equal([]);
        await press(b, 'Start now');
        const seen: string[] = [];
        for (let n = 0; n < 3; n++) {
          seen.push(heading(b));
          expect($$<HTMLInputElement>(b, 'input:checked').length, `page ${n + 1}`).to.equal(0);
          await press(b, 'Continue');
        }
        for (let n = 2; n >= 0; n--) {
          await press(b, 'Back');
          expect(heading(b)).to.equal(seen[n]);
          expect($$<HTMLInputElement>(b, 'input:checked').length, `back to ${n + 1}`).to.equal(0);
        }
        // Nothing went into the URL; the history entries (one per page) hold a page number only,
        // never an answer, an item id or the response id; nothing was sent.
        expect(location.href).to.equal(urlBefore);
        const state = JSON.stringify(history.state);
        expect(state).to.match(/"at-questionnaire":\{"view":"question","page":\d+\}/);
        for (const [item, value] of Object.entries(answersA)) {
          expect(state.includes(item) || state.includes(value), state).to.equal(false);
        }
        expect(fetches.posts.length).to.equal(0);
        await press(b, 'Exit this page');
        expect(sessionKeys()).to.deep.equal([]);
      } finally {
        fetches.restore();
        clearKeys();
      }
    });

    it('W8 submit clears the draft; once sent, 0 storage keys remain (no sent-id list)', async () => {
      clearKeys();
      const fetches = stubFetch(() => false);
      try {
        const el = await pupil();
        await toCheck(el, await completeAnswers('pupil-ks2'));
        expect(sessionKeys()).to.deep.equal([el.draftKey]);
        await press(el, 'Send my answers');
        expect(sessionStorage.getItem(el.draftKey)).to.equal(null);
        await waitUntil(() => text($(el, '.panel')).includes('have been sent'), 'sent');
        expect(fetches.posts.length).to.equal(1);
        expect(sessionKeys()).to.deep.equal([]);
      } finally {
        fetches.restore();
        clearKeys();
      }
    });

    it("W8 Exit keeps another pupil's submitted-but-unsent response (never lost), then 0 keys once it is sent", async () => {
      clearKeys();
      let offline = true;
      const fetches = stubFetch(() => (offline ? 'network' : false));
      try {
        const a = await pupil();
        let idA = '';
        a.addEventListener('at-submit', (e) => (idA = e.responseId));
        await toCheck(a);
        await press(a, 'Send my answers');
        await waitUntil(() => text($(a, '.panel')).includes('back online'), 'queued');
        a.remove();
        expect(sessionKeys()).to.deep.equal([outboxKey('/api/responses')]);

        const b = await pupil();
        await press(b, 'Start now');
        $<HTMLInputElement>(b, 'input')!.click();
        await b.updateComplete;
        expect(sessionKeys().length).to.equal(2);
        offline = false; // Exit tries to send what waits, and the device is back online
        await press(b, 'Exit this page');
        expect(sessionStorage.getItem(b.draftKey)).to.equal(null);
        await waitUntil(() => fetches.posts.some((p) => p.ok), 'A sent on Exit');
        expect(fetches.posts.filter((p) => p.ok).map((p) => p.id)).to.deep.equal([idA]);
        await waitUntil(() => sessionKeys().length === 0, 'outbox key removed');
      } finally {
        fetches.restore();
        clearKeys();
      }
    });

    it('W8 an older outbox with a sent-id list loses the list on the next write', async () => {
      const storage = memoryStorage();
      const fetches = stubFetch(() => false);
      try {
        storage.set(outboxKey('/api/responses'), JSON.stringify({ pending: [], sent: ['x'] }));
        const el = await make('pupil-ks2', { endpoint: '/api/responses', storage });
        await toCheck(el);
        await press(el, 'Send my answers');
        await waitUntil(() => text($(el, '.panel')).includes('have been sent'), 'sent');
        expect(storage.get(outboxKey('/api/responses'))).to.equal(null);
      } finally {
        fetches.restore();
      }
    });

    it('leaves when Shift is pressed three times', async () => {
      const storage = memoryStorage();
      const el = await make('pupil-ks2', { storage });
      await press(el, 'Start now');
      $<HTMLInputElement>(el, 'input')!.click();
      await el.updateComplete;
      let exits = 0;
      el.addEventListener('at-exit', () => exits++);
      await sendKeys({ press: 'Shift' });
      await sendKeys({ press: 'Shift' });
      expect(exits).to.equal(0);
      await sendKeys({ press: 'Shift' });
      expect(exits).to.equal(1);
      expect(storage.get(el.draftKey)).to.equal(null);
    });

    it('defaults to a neutral page', async () => {
      const el = await make('pupil-ks2');
      expect(el.exitUrl).to.equal('https://www.bbc.co.uk/weather');
    });
  });

  describe('submit and the outbox (S13, S15)', () => {
    it('the response validates, and a double submit yields one response and one POST', async () => {
      const fetches = stubFetch(() => false);
      try {
        const el = await make('pupil-ks2', { endpoint: '/api/responses' });
        const submits: AtSubmitEvent[] = [];
        el.addEventListener('at-submit', (e) => submits.push(e));
        await toCheck(el, await completeAnswers('pupil-ks2'));
        const send = button(el, 'Send my answers')!;
        send.click();
        send.click();
        await el.updateComplete;
        await waitUntil(() => text($(el, '.panel')).includes('have been sent'), 'sent');
        expect(submits.length).to.equal(1);
        const r = submits[0]!;
        expect(r.responseId).to.equal(r.response.id);
        expect(r.response.id).to.match(
          /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
        );
        expect(r.response.school).to.equal(SCHOOL);
        expect(r.response.wave).to.equal('baseline');
        expect(r.response.characteristics.yearGroup).to.equal(
          (await completeAnswers('pupil-ks2'))['year-group'],
        );
        expect(fetches.posts.length).to.equal(1);
        expect(fetches.posts[0]!.key).to.equal(r.response.id);
      } finally {
        fetches.restore();
      }
    });

    it('offline: keeps the response in the outbox, says so, and resends once on `online` with the same id', async () => {
      let offline = true;
      const fetches = stubFetch(() => (offline ? 'network' : false));
      const storage = memoryStorage();
      try {
        const el = await make('pupil-ks2', { endpoint: '/api/responses', storage });
        let id = '';
        el.addEventListener('at-submit', (e) => (id = e.responseId));
        await toCheck(el);
        await press(el, 'Send my answers');
        await waitUntil(() => text($(el, '.panel')).includes('back online'), 'queued message');
        const stored = JSON.parse(String(storage.get(outboxKey('/api/responses')))) as {
          pending: { id: string }[];
        };
        expect(stored.pending.map((p) => p.id)).to.deep.equal([id]);
        offline = false;
        window.dispatchEvent(new Event('online'));
        await waitUntil(() => fetches.posts.some((p) => p.ok), 'resent');
        await waitUntil(() => text($(el, '.panel')).includes('have been sent'), 'sent message');
        window.dispatchEvent(new Event('online'));
        await new Promise((r) => setTimeout(r, 50));
        expect(fetches.posts.filter((p) => p.ok).length).to.equal(1);
        expect(new Set(fetches.posts.map((p) => p.key))).to.deep.equal(new Set([id]));
        // W8: an empty outbox removes its key; no sent-id list stays on the device.
        expect(storage.get(outboxKey('/api/responses'))).to.equal(null);
      } finally {
        fetches.restore();
      }
    });

    it('resends on the next load, and stops retrying on a 4xx refusal', async () => {
      let outcome: 'network' | number | false = 'network';
      const fetches = stubFetch(() => outcome);
      const storage = memoryStorage();
      try {
        const el = await make('pupil-ks2', { endpoint: '/api/responses', storage });
        await toCheck(el);
        await press(el, 'Send my answers');
        await waitUntil(() => text($(el, '.panel')).includes('back online'));
        el.remove();
        outcome = false;
        const posted = fetches.posts.length;
        await make('pupil-ks2', { endpoint: '/api/responses', storage });
        await waitUntil(() => fetches.posts.some((p) => p.ok), 'sent on load');
        expect(fetches.posts.length).to.equal(posted + 1);

        outcome = 422;
        const el2 = await make('pupil-ks2', { endpoint: '/api/responses', storage });
        await toCheck(el2);
        await press(el2, 'Send my answers');
        await waitUntil(() => text($(el2, '.panel')).includes('could not be sent'));
        const count = fetches.posts.length;
        window.dispatchEvent(new Event('online'));
        await new Promise((r) => setTimeout(r, 50));
        expect(fetches.posts.length).to.equal(count);
      } finally {
        fetches.restore();
      }
    });

    it('without an endpoint makes no network call and says the answers are saved', async () => {
      const fetches = stubFetch(() => false);
      try {
        const el = await make('pupil-ks1');
        await toCheck(el);
        await press(el, 'Send my answers');
        expect(text($(el, '.panel'))).to.include('saved');
        expect(fetches.posts.length).to.equal(0);
      } finally {
        fetches.restore();
      }
    });

    it('the confirmation page always signposts help: an adult you trust and Childline', async () => {
      const el = await make('perception-staff');
      await toCheck(el);
      await press(el, 'Send my answers');
      const page = text(el.shadowRoot!.querySelector('.base'));
      expect(page).to.include('tell an adult you trust');
      const links = $$<HTMLAnchorElement>(el, '.links a').map((a) => a.getAttribute('href'));
      expect(links).to.include('tel:08001111');
      expect(links).to.include('https://www.childline.org.uk/');
    });
  });

  describe('invalid input (W1, W4)', () => {
    it('an invalid definition shows a kind message and logs the exact path', async () => {
      const errors: string[] = [];
      const real = console.error;
      console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
      try {
        const bad = variant('pupil-ks2', (d) => {
          (d.sections[0]!.items[0] as { options: unknown[] }).options = [];
        });
        const el = await make(undefined, { definition: bad });
        expect(text($(el, '[role="alert"]'))).to.include('cannot be shown');
        expect(text($(el, '[role="alert"]'))).to.not.include('sections');
        expect(errors.join('\n')).to.include('sections.0.items.0.options');
        await expect(el).to.be.accessible();

        const el2 = await make(undefined, { definition: '<img src=x onerror=alert(1)>' });
        expect(text($(el2, '[role="alert"]'))).to.include('cannot be shown');
        expect(el2.shadowRoot!.querySelector('img')).to.equal(null);
      } finally {
        console.error = real;
      }
    });

    it('W1 markup in definition text renders as literal text', async () => {
      const attack = '<img src=x onerror=alert(1)>';
      const def = variant('pupil-ks2', (d) => {
        d.sections[0]!.items[0]!.text = { 'en-GB': attack };
        d.title = { 'en-GB': attack };
      });
      const el = await make(undefined, { definition: def });
      expect(heading(el)).to.equal(attack);
      await press(el, 'Start now');
      expect(heading(el)).to.equal(attack);
      expect($$(el, 'img').length).to.equal(0);
    });

    it('a missing school URN is a set-up problem shown at once, not at the end', async () => {
      const errors: string[] = [];
      const real = console.error;
      console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
      try {
        const el = await fixture<AtQuestionnaire>(
          html`<at-questionnaire
            .definition=${getQuestionnaire('pupil-ks2')}
            wave="baseline"
          ></at-questionnaire>`,
        );
        expect(text($(el, '[role="alert"]'))).to.include('cannot be shown');
        expect(errors.join('\n')).to.include('school:');
      } finally {
        console.error = real;
      }
    });

    it('W4 loads a same-origin src; a 404 shows the message and logs src', async () => {
      const el = await fixture<AtQuestionnaire>(
        html`<at-questionnaire
          src="/packages/questionnaires/definitions/pupil-ks2/1.0.0.json"
          school=${SCHOOL}
          wave="baseline"
          .storage=${memoryStorage()}
        ></at-questionnaire>`,
      );
      await waitUntil(() => button(el, 'Start now') !== undefined, 'loaded');
      expect(heading(el)).to.equal(getQuestionnaire('pupil-ks2').title['en-GB']);

      const errors: string[] = [];
      const real = console.error;
      console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
      try {
        const bad = await fixture<AtQuestionnaire>(
          html`<at-questionnaire
            src="/no/such/definition.json"
            school=${SCHOOL}
            wave="baseline"
          ></at-questionnaire>`,
        );
        await waitUntil(() => $(bad, '[role="alert"]') !== null, 'message');
        expect(errors.join('\n')).to.include('src:');
      } finally {
        console.error = real;
      }
    });
  });

  describe('W4 src loading is hostile input', function () {
    this.timeout(30_000);

    /** Loads `src`, waits for the kind message (or gives up), and collects console errors. */
    async function load(src: string, timeout = 5000) {
      const errors: string[] = [];
      const real = console.error;
      console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
      const t0 = performance.now();
      try {
        const el = await fixture<AtQuestionnaire>(
          html`<at-questionnaire
            src=${src}
            school=${SCHOOL}
            wave="baseline"
            .storage=${memoryStorage()}
          ></at-questionnaire>`,
        );
        await waitUntil(() => $(el, '[role="alert"]') !== null, `no message for ${src}`, {
          timeout,
        });
        return { el, log: errors.join('\n'), ms: Math.round(performance.now() - t0) };
      } finally {
        console.error = real;
      }
    }

    /** The on-screen message is kind and non-technical, and nothing reached Object.prototype. */
    function friendlyAndClean(el: AtQuestionnaire) {
      const shown = text($(el, '[role="alert"]'));
      expect(shown).to.include('cannot be shown');
      expect(shown).to.include('It is not your fault');
      expect(/json|src|proto|mib|404|error/i.test(shown), shown).to.equal(false);
      expect(({} as { polluted?: unknown }).polluted).to.equal(undefined);
      expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).to.equal(false);
      expect(button(el, 'Start now')).to.equal(undefined);
    }

    const cases: [string, string][] = [
      ['404', 'src: Could not load /__at-test__/src/404: the server answered 404.'],
      ['html', 'src: Could not load /__at-test__/src/html: it is not JSON (text/html).'],
      [
        'huge-declared',
        'src: Could not load /__at-test__/src/huge-declared: it is larger than 1 MiB.',
      ],
      ['truncated', 'src: Could not load /__at-test__/src/truncated: it is not valid JSON ('],
      [
        'deep',
        'src: Could not load /__at-test__/src/deep: it is nested 100001 levels deep (at most 64).',
      ],
    ];
    for (const [name, logged] of cases) {
      it(`W4 ${name}: a kind message, the exact problem in the console, no pollution, no hang`, async () => {
        const { el, log, ms } = await load(`/__at-test__/src/${name}`);
        expect(log).to.include(logged);
        friendlyAndClean(el);
        expect(ms).to.be.below(5000);
        await expect(el).to.be.accessible();
      });
    }

    it('W4 50 MB streamed without a length: reading stops at 1 MiB', async () => {
      const { el, log, ms } = await load('/__at-test__/src/huge');
      expect(log).to.include('src: Could not load /__at-test__/src/huge: it is larger than 1 MiB.');
      friendlyAndClean(el);
      const { bytes } = (await (await fetch('/__at-test__/src/huge-sent')).json()) as {
        bytes: number;
      };
      console.log(
        `W4 huge: gave up after ${ms} ms; the server wrote ${(bytes / 2 ** 20).toFixed(1)} MiB of 50`,
      );
      expect(bytes).to.be.below(50 * 2 ** 20);
    });

    it('W4 __proto__ keys: refused with their paths, Object.prototype untouched', async () => {
      const { el, log } = await load('/__at-test__/src/proto');
      expect(log).to.include('src.__proto__: the key "__proto__" is not allowed');
      expect(log).to.include('src.sections.0.__proto__: the key "__proto__" is not allowed');
      friendlyAndClean(el);
    });

    it('W4 a server that stalls: the 10 s timeout ends the wait with a message', async () => {
      const { el, log, ms } = await load('/__at-test__/src/stall', 14_000);
      expect(log).to.include(
        'src: Could not load /__at-test__/src/stall: no answer within 10 seconds.',
      );
      friendlyAndClean(el);
      expect(ms).to.be.within(9_000, 13_000);
    });

    it('W4 another origin is refused before any request', async () => {
      const { el, log } = await load('https://example.org/definition.json');
      expect(log).to.include(
        "src: Could not load https://example.org/definition.json: https://example.org is not this page's origin",
      );
      friendlyAndClean(el);
    });
  });

  describe('W5 events: on user action only, no answers', () => {
    it('setting properties and restoring a draft fire nothing; actions fire at-start, at-page, at-answer', async () => {
      const seen: string[] = [];
      const log = (e: Event) => seen.push(e.type);
      const types = ['at-start', 'at-answer', 'at-page', 'at-submit', 'at-exit'];
      for (const t of types) document.addEventListener(t, log);
      try {
        const storage = memoryStorage();
        const el = await make('pupil-ks2', { storage });
        el.definition = getQuestionnaire('pupil-ks1');
        el.school = '900002';
        await el.updateComplete;
        expect(seen).to.deep.equal([]);
        await press(el, 'Start now');
        expect(seen).to.deep.equal(['at-start', 'at-page']);
        let answer: AtAnswerEvent | undefined;
        el.addEventListener('at-answer', (e) => (answer = e));
        const input = $<HTMLInputElement>(el, 'input')!;
        input.click();
        expect(answer?.itemId).to.equal(input.name);
        expect(answer?.page).to.equal(1);
        expect(JSON.stringify({ ...answer })).to.not.include(input.value);
        let page: AtPageEvent | undefined;
        el.addEventListener('at-page', (e) => (page = e));
        await press(el, 'Continue');
        expect(page?.view).to.equal('question');
        expect(page?.page).to.equal(2);
        seen.length = 0;
        el.remove();
        await make('pupil-ks1', { storage });
        expect(seen).to.deep.equal([]);
      } finally {
        for (const t of types) document.removeEventListener(t, log);
      }
    });
  });

  describe('parameters and read-aloud (A9)', () => {
    interface Spoken {
      text: string;
      lang: string;
    }
    function stubSpeech(voices: { lang: string }[]) {
      const spoken: Spoken[] = [];
      const stub = {
        getVoices: () => voices,
        cancel: () => undefined,
        speak: (u: SpeechSynthesisUtterance) => spoken.push({ text: u.text, lang: u.lang }),
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
      };
      Object.defineProperty(window, 'speechSynthesis', { value: stub, configurable: true });
      // Stubbed voices are plain objects; the utterance accepts only real ones.
      const desc = Object.getOwnPropertyDescriptor(SpeechSynthesisUtterance.prototype, 'voice')!;
      Object.defineProperty(SpeechSynthesisUtterance.prototype, 'voice', {
        configurable: true,
        set: () => undefined,
        get: () => null,
      });
      return {
        spoken,
        restore: () => {
          delete (window as { speechSynthesis?: unknown }).speechSynthesis;
          Object.defineProperty(SpeechSynthesisUtterance.prototype, 'voice', desc);
        },
      };
    }

    it('{referencePeriod} is filled in where text is shown and spoken', async () => {
      const speech = stubSpeech([{ lang: 'en-US' }, { lang: 'en-GB' }]);
      try {
        const el = await make('pupil-ks1');
        await press(el, 'Start now');
        while (!heading(el).startsWith('Has anyone bullied you')) await press(el, 'Skip');
        expect(heading(el)).to.equal(`Has anyone bullied you ${defaultPeriod('pupil-ks1')}?`);
        expect(el.shadowRoot!.textContent).to.not.include('{');
        await press(el, 'Read aloud');
        await waitUntil(() => speech.spoken.length > 0, 'spoken');
        const def = getQuestionnaire('pupil-ks1');
        const item = def.sections[1]!.items[0]!;
        if (item.type === 'free-text') throw new Error('not a choice');
        expect(speech.spoken.map((s) => s.text)).to.deep.equal([
          item.readAloud!['en-GB']!.replace('{referencePeriod}', defaultPeriod('pupil-ks1')),
          ...item.options.map((o) => (o.readAloud ?? o.label)['en-GB']),
        ]);
        expect(speech.spoken[0]!.lang).to.equal('en-GB');

        el.parameters = { referencePeriod: 'this term' };
        await el.updateComplete;
        expect(heading(el)).to.equal('Has anyone bullied you this term?');
      } finally {
        speech.restore();
      }
    });

    it('A9 says beside Read aloud, kindly, when the device cannot read aloud', async () => {
      const speech = stubSpeech([]);
      Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
      try {
        const el = await make('pupil-ks2');
        await press(el, 'Start now');
        await press(el, 'Read aloud');
        await waitUntil(() => text($(el, '.read-note')) !== '');
        // Beside its button, not at the top of the page (A9): the next thing after it.
        const note = $(el, '.read-note')!;
        expect(note.getAttribute('role')).to.equal('status');
        expect(note.previousElementSibling === button(el, 'Read aloud')).to.equal(true);
        expect(text(note)).to.equal(
          'Sorry, this device cannot read out loud. Ask an adult to read it with you.',
        );
        const gap =
          note.getBoundingClientRect().top - button(el, 'Read aloud')!.getBoundingClientRect().top;
        expect(gap).to.be.below(120);
      } finally {
        speech.restore();
      }
    });

    it('auto-read is on by default for KS1 and off for KS2', async () => {
      const speech = stubSpeech([{ lang: 'en-GB' }]);
      try {
        const ks1 = await fixture<AtQuestionnaire>(
          html`<at-questionnaire
            .definition=${getQuestionnaire('pupil-ks1')}
            school=${SCHOOL}
            wave="baseline"
            .storage=${memoryStorage()}
          ></at-questionnaire>`,
        );
        await press(ks1, 'Start now');
        await waitUntil(() => speech.spoken.length > 0, 'KS1 reads the first question');
        expect(speech.spoken[0]!.text).to.equal('What year are you in at school?');
        speech.spoken.length = 0;
        const ks2 = await fixture<AtQuestionnaire>(
          html`<at-questionnaire
            .definition=${getQuestionnaire('pupil-ks2')}
            school=${SCHOOL}
            wave="baseline"
            .storage=${memoryStorage()}
          ></at-questionnaire>`,
        );
        await press(ks2, 'Start now');
        await new Promise((r) => setTimeout(r, 50));
        expect(speech.spoken.length).to.equal(0);
      } finally {
        speech.restore();
      }
    });
  });

  describe('layout', () => {
    it('right-to-left: the layout mirrors and stays accessible', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div dir="rtl" lang="ar">
          <at-questionnaire
            .definition=${getQuestionnaire('pupil-ks2')}
            school=${SCHOOL}
            wave="baseline"
            .storage=${memoryStorage()}
          ></at-questionnaire>
        </div>`,
      );
      const el = wrapper.querySelector('at-questionnaire')!;
      await el.updateComplete;
      await press(el, 'Start now');
      const base = $(el, '.base')!;
      expect(getComputedStyle(base).direction).to.equal('rtl');
      const option = $(el, '.option')!;
      const input = option.querySelector('input')!.getBoundingClientRect();
      const label = option.querySelector('.option-text')!.getBoundingClientRect();
      expect(input.left).to.be.greaterThan(label.left);
      await expect(el).to.be.accessible();
    });

    it('A8 at 320 px wide nothing scrolls sideways (faces, check answers)', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div class="narrow">
          <at-questionnaire
            .definition=${getQuestionnaire('pupil-ks1')}
            school=${SCHOOL}
            wave="baseline"
            auto-read="false"
            .storage=${memoryStorage()}
          ></at-questionnaire>
        </div>`,
      );
      wrapper.style.setProperty('inline-size', '320px');
      const el = wrapper.querySelector('at-questionnaire')!;
      await press(el, 'Start now');
      while (!$(el, '.faces')) await press(el, 'Skip');
      const fits = () => $(el, '.base')!.scrollWidth <= 320 && el.scrollWidth <= 320;
      expect(fits()).to.equal(true);
      await toCheck(el);
      expect(fits()).to.equal(true);
    });

    it('a storage that refuses every write never breaks the questionnaire', async () => {
      const broken: DraftStorage = {
        get: () => {
          throw new Error('denied');
        },
        set: () => Promise.reject(new Error('quota')),
        remove: () => {
          throw new Error('denied');
        },
      };
      const el = await make('pupil-ks2', { storage: broken });
      await press(el, 'Start now');
      $<HTMLInputElement>(el, 'input')!.click();
      await toCheck(el);
      let submitted = 0;
      el.addEventListener('at-submit', () => submitted++);
      await press(el, 'Send my answers');
      expect(submitted).to.equal(1);
      expect(screen(el)).to.equal('done');
    });

    it('section-per-page shows a section with several questions under its title', async () => {
      const el = await make('pupil-ks2', { mode: 'section' });
      await press(el, 'Start now');
      const def = getQuestionnaire('pupil-ks2');
      expect(heading(el)).to.equal(def.sections[0]!.title['en-GB']);
      expect($$(el, 'fieldset').length).to.equal(def.sections[0]!.items.length);
      await toCheck(el);
    });

    it('section-per-page progress says "Section N of M", not "Question N of M"', async () => {
      const label = (el: AtQuestionnaire) =>
        text($(el, 'at-progress')?.shadowRoot?.querySelector('.label'));
      const el = await make('pupil-ks2', { mode: 'section' });
      await press(el, 'Start now');
      const labels: string[] = [];
      while (screen(el) === 'question') {
        await el.updateComplete;
        await $<AtProgress>(el, 'at-progress')!.updateComplete;
        labels.push(label(el));
        await press(el, 'Continue');
      }
      const n = labels.length;
      expect(n).to.be.greaterThan(1);
      expect(labels).to.deep.equal(labels.map((_, i) => `Section ${i + 1} of ${n}`));
      // One question per page keeps "Question N of M".
      const one = await make('pupil-ks2');
      await press(one, 'Start now');
      await $<AtProgress>(one, 'at-progress')!.updateComplete;
      expect(label(one)).to.match(/^Question 1 of \d+$/);
    });

    it('PUPIL_AUDIENCES all have a shipped definition', () => {
      const audiences = questionnaires.map((q) => getQuestionnaire(q.id).audience);
      for (const a of PUPIL_AUDIENCES) expect(audiences).to.include(a);
    });
  });
});

import { html } from 'lit';
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import { getQuestionnaire, syllables, words } from '@all-together/questionnaires';
import type { QuestionnaireDefinition } from '@all-together/model';
import { memoryStorage, sessionDraftStorage } from '../shared/storage.js';
import type { AtProgress } from '../progress/progress.js';
import { exitStrings } from '../exit/exit.strings.js';
import type { AtQuestionnaire } from './questionnaire.js';
import type { AtSubmitEvent } from './questionnaire.events.js';
import { questionnaireStrings } from './questionnaire.strings.js';
import './at-questionnaire.js';
import { $, $$, answerPage, button, heading, press, screen, text } from './test-helpers/drive.js';

/**
 * The pupil journey as the walk-through met it (issue 16): each finding is a test here, and the
 * whole journey is done by keyboard alone, finding controls by role and accessible name only
 * (Chromium's accessibility tree), at 1280 and 375 px.
 */
const SCHOOL = '900001';
const PUPIL = ['pupil-ks1', 'pupil-ks2', 'pupil-secondary'] as const;

document.addEventListener('at-exit', (e) => e.preventDefault());

async function make(
  definition: unknown,
  o: { storage?: 'memory' | 'session'; level?: number } = {},
): Promise<AtQuestionnaire> {
  const storage = o.storage === 'session' ? sessionDraftStorage() : memoryStorage();
  const el = await fixture<AtQuestionnaire>(
    html`<at-questionnaire
      .definition=${definition}
      school=${SCHOOL}
      wave="baseline"
      .storage=${storage}
      .outboxStorage=${memoryStorage()}
      heading-level=${o.level ?? 1}
      auto-read="false"
    ></at-questionnaire>`,
  );
  await el.updateComplete;
  return el;
}

async function completeAnswers(id: string): Promise<Record<string, string | string[]>> {
  const res = await fetch(
    `/packages/questionnaires/fixtures/${id}/${getQuestionnaire(id).version}/complete.json`,
  );
  return ((await res.json()) as { response: { answers: Record<string, string | string[]> } })
    .response.answers;
}

const progressLabel = async (el: AtQuestionnaire) => {
  const p = $<AtProgress>(el, 'at-progress')!;
  await p.updateComplete;
  return text(p.shadowRoot!.querySelector('.label'));
};

describe('<at-questionnaire> the pupil journey (issue 16)', function () {
  this.timeout(120_000);

  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    window.scrollTo(0, 0);
  });

  it('Exit this page stays in reach: still on screen after scrolling to the end of a long page', async () => {
    await setViewport({ width: 375, height: 640 });
    const el = await make(getQuestionnaire('pupil-ks2'));
    await press(el, 'Start now');
    for (let i = 0; i < 100 && screen(el) === 'question'; i++) await press(el, 'Skip');
    expect(screen(el)).to.equal('check');
    expect(document.documentElement.scrollHeight).to.be.greaterThan(1500);
    window.scrollTo(0, document.documentElement.scrollHeight);
    const exit = button(el, 'Exit this page')!.getBoundingClientRect();
    expect(exit.top).to.be.at.least(0);
    expect(exit.bottom).to.be.at.most(window.innerHeight);
  });

  it('browser Back goes to the previous question, and Forward returns (one history entry per page)', async () => {
    const el = await make(getQuestionnaire('pupil-ks2'));
    const length = history.length;
    await press(el, 'Start now');
    const seen = [heading(el)];
    const states: unknown[] = [history.state];
    for (let i = 0; i < 2; i++) {
      await press(el, 'Continue');
      seen.push(heading(el));
      states.push(history.state);
    }
    // One entry per page, at the same URL, holding a page number only. (Chromium keeps at most 50
    // entries a tab, and this test tab is shared by every test file.)
    const MAX = 50;
    expect(history.length).to.equal(Math.min(MAX, length + 3));
    expect(
      states.map((s) => JSON.stringify((s as Record<string, unknown>)['at-questionnaire'])),
    ).to.deep.equal([
      '{"view":"question","page":1}',
      '{"view":"question","page":2}',
      '{"view":"question","page":3}',
    ]);
    // What the browser does on Back and Forward: a popstate with that entry's state. (Real
    // history.back() is not used: in a shared test tab it can leave the test page.)
    const pop = async (state: unknown) => {
      window.dispatchEvent(new PopStateEvent('popstate', { state }));
      await el.updateComplete;
    };
    await pop(states[1]);
    expect(heading(el)).to.equal(seen[1]);
    await pop(states[0]);
    expect(heading(el)).to.equal(seen[0]);
    await pop(states[1]);
    expect(heading(el)).to.equal(seen[1]);
    // Focus goes to the page's heading, as after Continue; Back does not add entries.
    expect(el.shadowRoot!.activeElement?.tagName).to.equal('H1');
    expect(history.length).to.equal(Math.min(MAX, length + 3));
    // A popstate that is not the questionnaire's (the host's own) changes nothing.
    await pop({ route: '/elsewhere' });
    expect(heading(el)).to.equal(seen[1]);
  });

  it('a short help line is visible on every question page (not in a closed disclosure)', async () => {
    const el = await make(getQuestionnaire('pupil-ks1'));
    await press(el, 'Start now');
    let pages = 0;
    while (screen(el) === 'question') {
      const line = $(el, '.help-line')!;
      expect(line.checkVisibility(), `page ${pages + 1}`).to.equal(true);
      expect(text(line)).to.include('0800 1111');
      expect($(el, 'details')).to.equal(null);
      pages++;
      await press(el, 'Skip');
    }
    expect(pages).to.be.greaterThan(5);
  });

  it('"Check your answers" reads well at 320–375 px: one column, 44 px Change buttons, not a tower of text', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    wrapper.style.setProperty('inline-size', '343px'); // 375 px less the page's margins
    const el = document.createElement('at-questionnaire');
    Object.assign(el, {
      definition: getQuestionnaire('pupil-secondary'),
      school: SCHOOL,
      wave: 'baseline',
      storage: memoryStorage(),
      outboxStorage: memoryStorage(),
      autoRead: false,
    });
    wrapper.append(el);
    await el.updateComplete;
    await press(el, 'Start now');
    const answers = await completeAnswers('pupil-secondary');
    while (screen(el) === 'question') {
      await answerPage(el, answers);
      await press(el, 'Continue');
    }
    const rows = $$(el, '.summary .row');
    expect(rows.length).to.be.greaterThan(10);
    for (const row of rows) {
      const [dt, dd] = [row.querySelector('dt')!, row.querySelector('dd')!];
      const r = row.getBoundingClientRect();
      // The question and its answer each use the row's whole width, one under the other.
      expect(dt.getBoundingClientRect().width).to.be.at.least(r.width * 0.9);
      expect(dd.getBoundingClientRect().top).to.be.at.least(dt.getBoundingClientRect().bottom - 1);
      const change = row.querySelector('button')!.getBoundingClientRect();
      expect(change.height).to.be.at.least(44);
    }
    // Rows no taller than the text needs at that width (the old three columns made ~300 px rows).
    const tallest = Math.max(...rows.map((r) => r.getBoundingClientRect().height));
    expect(tallest).to.be.below(260);
  });

  it('a response with every question skipped is named as such before it is sent, and can still be sent', async () => {
    const el = await make(getQuestionnaire('pupil-ks2'));
    await press(el, 'Start now');
    while (screen(el) === 'question') await press(el, 'Skip');
    expect(text($(el, '.nothing-answered'))).to.equal(
      'You skipped all the questions. That is fine. You can still send this. Or go back and answer some.',
    );
    let sent: AtSubmitEvent | undefined;
    el.addEventListener('at-submit', (e) => (sent = e));
    await press(el, 'Send my answers');
    expect(Object.keys(sent!.detail.response.answers)).to.deep.equal([]);
    // One answer given: no such notice.
    const other = await make(getQuestionnaire('pupil-ks2'));
    await press(other, 'Start now');
    $<HTMLInputElement>(other, 'input')!.click();
    while (screen(other) === 'question') await press(other, 'Continue');
    expect($(other, '.nothing-answered')).to.equal(null);
  });

  it('progress is stable, or says why its total changed (a follow-up opened or closed)', async () => {
    const el = await make(getQuestionnaire('pupil-ks2'));
    const answers = await completeAnswers('pupil-ks2');
    await press(el, 'Start now');
    let total = 0;
    let changes = 0;
    while (screen(el) === 'question') {
      const label = await progressLabel(el);
      const now = Number(/of (\d+)/.exec(label)![1]);
      const note = text($(el, '.progress-note'));
      if (total && now !== total) {
        changes++;
        expect(note, label).to.match(/Your answer (added|means)/);
        expect(note).to.include(String(Math.abs(now - total)));
      } else expect(note, label).to.equal('');
      total = now;
      await answerPage(el, answers);
      await press(el, 'Continue');
    }
    expect(changes, 'the fixture opens follow-ups').to.be.greaterThan(0);
  });

  it('heading-level="2" keeps the host page\'s one h1: no h1 on any screen', async () => {
    const el = await make(getQuestionnaire('pupil-ks2'), { level: 2 });
    const screens: string[] = [];
    const check = () => {
      expect($$(el, 'h1').length, screen(el)).to.equal(0);
      expect(text($(el, 'h2')).length, screen(el)).to.be.greaterThan(0);
      screens.push(screen(el));
    };
    check();
    await press(el, 'Start now');
    check();
    while (screen(el) === 'question') await press(el, 'Skip');
    check();
    await press(el, 'Send my answers');
    check();
    expect(screens).to.deep.equal(['start', 'question', 'check', 'done']);
    await expect(el).to.be.accessible();
  });

  it('A10 the words a KS1 pupil reads in the element are short: no sentence over 12 words, no long word not accepted', () => {
    // Strings a pupil never sees in KS1 (free text is off for KS1) or that name a service.
    const notKs1 = /^questionnaire(Chars|ErrorTooLong|ChildlineWebUrl|ChildlinePhoneUrl)/;
    // Words a person has accepted: the button GOV.UK uses on every form, and a name.
    const accepted = new Set(['continue', 'childline', 'childline.org.uk']);
    const table: Record<string, unknown> = { ...questionnaireStrings, ...exitStrings };
    const flagged: string[] = [];
    for (const [key, value] of Object.entries(table)) {
      if (notKs1.test(key)) continue;
      const forms = typeof value === 'string' ? [value] : Object.values(value as object);
      for (const form of forms as string[]) {
        for (const sentence of form.split(/(?<=[.?!])\s+/)) {
          if (words(sentence).length > 12) flagged.push(`${key}: ${words(sentence).length} words`);
        }
        for (const word of words(form)) {
          if (syllables(word) > 2 && !accepted.has(word.toLowerCase()))
            flagged.push(`${key}: "${word}"`);
        }
      }
    }
    expect(flagged).to.deep.equal([]);
  });

  describe('keyboard only, by role and name (Chromium accessibility tree)', () => {
    interface Focused {
      role: string;
      name: string;
    }
    const focused = () => executeServerCommand<Focused, undefined>('at-focused');
    const count = (role: string, name?: string | { prefix: string }) =>
      executeServerCommand<number, { role: string; name?: string | { prefix: string } }>(
        'at-role-count',
        { role, name },
      );

    async function tabTo(match: (f: Focused) => boolean, what: string, limit = 40) {
      for (let i = 0; i < limit; i++) {
        const f = await focused();
        if (f && match(f)) return f;
        await sendKeys({ press: 'Tab' });
      }
      throw new Error(`Tab never reached ${what}; focus is on ${JSON.stringify(await focused())}`);
    }

    /** A copy whose first question is required, so Continue without an answer shows the summary. */
    function withRequiredFirst(id: string): QuestionnaireDefinition {
      const d = structuredClone(getQuestionnaire(id)) as QuestionnaireDefinition;
      (d.sections[0]!.items[0] as { required: boolean }).required = true;
      return d;
    }

    for (const id of PUPIL) {
      for (const width of [1280, 375]) {
        it(`${id} at ${width} px: answers every question, sees the error summary take focus, resumes after a reload, submits once`, async () => {
          await setViewport({ width, height: 800 });
          for (const k of Object.keys(sessionStorage)) sessionStorage.removeItem(k);
          const definition = withRequiredFirst(id);
          let el = await make(definition, { storage: 'session' });
          const submits: AtSubmitEvent[] = [];
          document.addEventListener('at-submit', (e) => submits.push(e));
          try {
            await tabTo((f) => f.role === 'button' && f.name === 'Start now', 'Start now');
            await sendKeys({ press: 'Enter' });
            await el.updateComplete;
            // The first question is required: Continue at once shows the error summary, focused.
            await tabTo((f) => f.role === 'button' && f.name === 'Continue', 'Continue');
            await sendKeys({ press: 'Enter' });
            await el.updateComplete;
            const summary = await focused();
            expect(summary?.role).to.equal('alert');
            expect(summary?.name).to.equal('There is a problem');
            let pages = 0;
            let reloaded = false;
            while ((await count('button', 'Send my answers')) === 0 && pages < 60) {
              pages++;
              const control = await tabTo(
                (f) => ['radio', 'checkbox', 'textbox'].includes(f.role),
                'an answer',
              );
              if (control.role === 'textbox') await sendKeys({ type: 'It was fine' });
              else if (control.role === 'radio') {
                await sendKeys({ press: 'ArrowDown' });
                await sendKeys({ press: 'ArrowUp' });
              } else await sendKeys({ press: 'Space' });
              await el.updateComplete;
              if (pages === 3 && !reloaded) {
                // A reload: the element goes and a new one reads the same sessionStorage.
                reloaded = true;
                const where = heading(el);
                el.remove();
                el = await make(definition, { storage: 'session' });
                expect(await count('heading', where), 'resumed on the same question').to.equal(1);
                await tabTo((f) => ['radio', 'checkbox', 'textbox'].includes(f.role), 'the answer');
              }
              await tabTo((f) => f.role === 'button' && f.name === 'Continue', 'Continue');
              await sendKeys({ press: 'Enter' });
              await el.updateComplete;
            }
            expect(reloaded).to.equal(true);
            expect(await count('heading', 'Check your answers')).to.equal(1);
            await tabTo(
              (f) => f.role === 'button' && f.name === 'Send my answers',
              'Send my answers',
              400,
            );
            await sendKeys({ press: 'Enter' });
            await sendKeys({ press: 'Enter' });
            await el.updateComplete;
            await waitUntil(() => screen(el) === 'done', 'the end page');
            expect(submits.length).to.equal(1);
            const { response, responseId } = submits[0]!.detail;
            expect(responseId).to.equal(response.id);
            expect(Object.keys(response.answers).length).to.equal(pages);
          } finally {
            document.removeEventListener('at-submit', (e) => submits.push(e));
          }
        });
      }
    }
  });
});

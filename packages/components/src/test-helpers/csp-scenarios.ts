/**
 * What the strict-CSP test (reliability.md W3) renders: one scenario per element family, each
 * walking the element through every state it has. `csp-page.ts` runs them inside a page served
 * with the W3 policy as a header; `../csp.test.ts` reads the names and the results.
 *
 * **To cover another element** (`<at-action-plan>`, or more states of `<at-audit>`): append a
 * scenario with `load` (a dynamic import of its registration file: each scenario runs in a fresh
 * page, so violations raised while its modules load count against it) and `run` (render into
 * `root`, drive it through its states, return the names of the states reached). The test fails
 * on any `securitypolicyviolation` event, on a Trusted Types policy other than `lit-html`, and
 * when fewer than 3 states are reported. `known` records a reported defect as the exact
 * violations expected, so the test fails (and the entry must go) once it is fixed.
 *
 * Runs in a page whose policy has no `connect-src`: a scenario that needs `fetch` (a `src`, an
 * endpoint) stubs `window.fetch` in that page, since what is under test is rendering, not the
 * network; a host page adds its own `connect-src` for those URLs.
 *
 * @module
 */
import { html, render } from 'lit';
import type { Item, QuestionnaireDefinition } from '@all-together/model';
import type { AtProgress } from '../progress/progress.js';
import type { AtQuestionnaire } from '../questionnaire/questionnaire.js';
import { memoryStorage } from '../shared/storage.js';
import type { CspContext } from './csp-context.js';
export type { CspContext } from './csp-context.js';
import {
  evidenceStates,
  incidentLogStates,
  incidentFormStates,
  moderationStates,
  trackerStates,
} from './csp-scenarios-area.js';
import {
  $,
  $$,
  answerPage,
  button,
  press,
  screen,
  text,
} from '../questionnaire/test-helpers/drive.js';

/**
 * What a scenario gets besides its root. Definitions come from the test page as JSON text and are
 * parsed here: `@all-together/questionnaires` imports its definitions as JSON modules, which a
 * browser fetches under `connect-src` (blocked by this policy); bundlers inline them.
 */
/** One element family walked through its states. */
export interface CspScenario {
  /** Shown in the test's name. */
  readonly name: string;
  /**
   * Loads the element (its registration file): called in a fresh page, so any violation raised
   * while its modules load (Lit, the model, zod) is counted against this scenario.
   */
  readonly load: () => Promise<unknown>;
  /**
   * A known, reported W3 defect, as the exact violation samples expected (for example zod's
   * `Function` probe). The test then asserts exactly these, so it fails once the defect is fixed
   * and this entry must be removed. Leave unset: 0 violations.
   */
  readonly known?: readonly string[];
  /** Renders into `root` and walks every state; resolves to the states it reached, in order. */
  readonly run: (root: HTMLElement, context: CspContext) => Promise<string[]>;
}

let getQuestionnaire: (id: string) => QuestionnaireDefinition;
let fixtureAnswers: (id: string) => Record<string, string | string[]> = () => ({});

const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));

// ---- <at-progress> ------------------------------------------------------------------------------

async function progressStates(root: HTMLElement): Promise<string[]> {
  const states: string[] = [];
  render(html`<at-progress current="3" total="12"></at-progress>`, root);
  const el = root.querySelector<AtProgress>('at-progress')!;
  const label = () => text(el.shadowRoot!.querySelector('.label'));
  const step = async (name: string) => {
    await el.updateComplete;
    await nextFrame();
    states.push(`${name}: ${label() || '(nothing)'}`);
  };
  await step('attributes');
  el.current = 12;
  await step('last');
  el.label = 'Section 2 of 5';
  el.current = 2;
  el.total = 5;
  await step('label');
  el.label = '';
  el.total = 0;
  await step('no total');
  el.total = 7;
  el.current = 99;
  await step('clamped');
  el.setAttribute('dir', 'rtl');
  await step('rtl');
  return states;
}

// ---- <at-questionnaire> -------------------------------------------------------------------------

const SCHOOL = '900001';

/** Renders a questionnaire with a memory store, read-aloud off and Exit kept on the page. */
async function questionnaire(
  root: HTMLElement,
  definition: unknown,
  o: { mode?: 'question' | 'section'; endpoint?: string; src?: string; wait?: boolean } = {},
): Promise<AtQuestionnaire> {
  render(html``, root); // a fresh element each time
  render(
    html`<at-questionnaire
      .definition=${definition}
      src=${o.src ?? ''}
      school=${SCHOOL}
      wave="baseline"
      endpoint=${o.endpoint ?? ''}
      page-mode=${o.mode ?? 'question'}
      auto-read="false"
      .storage=${memoryStorage()}
      @at-exit=${(e: Event) => e.preventDefault()}
    ></at-questionnaire>`,
    root,
  );
  const el = root.querySelector<AtQuestionnaire>('at-questionnaire')!;
  // `updateComplete` waits for a `src` to load: not when the point is to see it loading.
  if (o.wait === false) await nextFrame();
  else await el.updateComplete;
  return el;
}

/** Answers the page from the fixture, then anything left: the first option, or a sentence. */
async function answerAll(el: AtQuestionnaire, answers: Record<string, string | string[]>) {
  await answerPage(el, answers);
  for (const fieldset of $$(el, 'fieldset')) {
    const first = fieldset.querySelector('input');
    if (first && !fieldset.querySelector('input:checked')) first.click();
  }
  for (const area of $$<HTMLTextAreaElement>(el, 'textarea').filter((a) => !a.value)) {
    area.value = 'It was fine.';
    area.dispatchEvent(new Event('input'));
    area.dispatchEvent(new Event('change'));
  }
  await el.updateComplete;
}

/** The item types on the page shown. */
function typesShown(el: AtQuestionnaire, d: QuestionnaireDefinition): string[] {
  const items = new Map<string, Item>(d.sections.flatMap((s) => s.items.map((i) => [i.id, i])));
  const ids = new Set([
    ...$$<HTMLInputElement>(el, 'input').map((i) => i.name),
    ...$$(el, 'textarea').map((t) => t.id.replace(/^q-/, '').replace(/-0$/, '')),
  ]);
  return [...ids].map((id) => items.get(id)?.type ?? 'unknown');
}

/** Walks a definition from start to the confirmation page, answering everything. */
async function walk(root: HTMLElement, id: string, mode: 'question' | 'section' = 'question') {
  const d = getQuestionnaire(id);
  const el = await questionnaire(root, d, { mode });
  const states = [`${id}: ${screen(el)}`];
  // Help is shown, not behind a disclosure.
  if ($(el, '.help')) states.push(`${id}: help shown`);
  // The element's styles apply (constructable stylesheets, allowed by style-src 'self').
  const start = getComputedStyle(button(el, 'Start now')!).backgroundColor;
  states.push(`${id}: Start button background ${start}`);
  await press(el, 'Start now');
  for (let n = 0; n < 100 && screen(el) === 'question'; n++) {
    await answerAll(el, fixtureAnswers(id));
    await nextFrame();
    for (const type of typesShown(el, d)) states.push(`${id}: question ${type}`);
    await press(el, 'Continue');
  }
  states.push(`${id}: ${screen(el)}`);
  await press(el, 'Send my answers');
  await nextFrame();
  states.push(`${id}: ${screen(el)} (${text($(el, '.panel [role="status"]'))})`);
  return states;
}

/** Replaces `fetch` in this page for the length of `body`. */
async function withFetch<T>(fake: typeof fetch, body: () => Promise<T>): Promise<T> {
  const real = window.fetch;
  window.fetch = fake;
  try {
    return await body();
  } finally {
    window.fetch = real;
  }
}

/** Every page of a definition, one question per page. */
const walkThrough =
  (id: string, answers: Record<string, string> = {}) =>
  (root: HTMLElement, context: CspContext): Promise<string[]> => {
    getQuestionnaire = (d) => context.definition(d) as QuestionnaireDefinition;
    fixtureAnswers = (d) => ({ ...context.answers(d), ...answers });
    return walk(root, id);
  };

async function sectionMode(root: HTMLElement, context: CspContext): Promise<string[]> {
  getQuestionnaire = (d) => context.definition(d) as QuestionnaireDefinition;
  fixtureAnswers = (d) => context.answers(d);
  return (await walk(root, 'pupil-ks2', 'section')).map((s) => `section mode ${s}`);
}

async function questionnaireStates(root: HTMLElement, context: CspContext): Promise<string[]> {
  getQuestionnaire = (id) => context.definition(id) as QuestionnaireDefinition;
  const states: string[] = [];

  // Errors: a required question left empty, free text over its limit.
  const required = structuredClone(getQuestionnaire('pupil-ks2')) as QuestionnaireDefinition;
  (required.sections[0]!.items[0] as { required: boolean }).required = true;
  let el = await questionnaire(root, required);
  await press(el, 'Start now');
  await press(el, 'Continue');
  await nextFrame();
  if ($(el, '.error-summary')) states.push(`error summary: ${text($(el, '.error-summary a'))}`);
  el = await questionnaire(root, getQuestionnaire('pupil-secondary'));
  await press(el, 'Start now');
  while (screen(el) === 'question' && !$(el, 'textarea')) await press(el, 'Skip');
  const area = $<HTMLTextAreaElement>(el, 'textarea')!;
  area.value = 'x'.repeat(5000);
  area.dispatchEvent(new Event('input'));
  await press(el, 'Continue');
  await nextFrame();
  if ($(el, '.count.over') && $(el, '.error-summary')) states.push('error: too long');

  // Exit this page (kept on the page by the test), the declined page.
  await press(el, 'Exit this page');
  states.push(`after exit: ${screen(el)}`);
  await press(el, "I don't want to take part");
  states.push(screen(el));

  // Read aloud on a device that cannot speak: the note in the status region.
  el = await questionnaire(root, getQuestionnaire('pupil-ks2'));
  await press(el, 'Start now');
  const speech = Object.getOwnPropertyDescriptor(window, 'speechSynthesis');
  Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
  try {
    await press(el, 'Read aloud');
    for (let n = 0; n < 50 && !text($(el, '.read-note')); n++) await nextFrame();
    if (text($(el, '.read-note'))) states.push(`note: ${text($(el, '.read-note'))}`);
  } finally {
    if (speech) Object.defineProperty(window, 'speechSynthesis', speech);
    else delete (window as { speechSynthesis?: unknown }).speechSynthesis;
  }

  // An invalid definition; a `src` still loading.
  const errors = console.error;
  console.error = () => undefined; // the path-precise log is tested elsewhere
  try {
    el = await questionnaire(root, { kind: 'questionnaire', id: '<img src=x onerror=alert(1)>' });
    if ($(el, '.invalid')) states.push('invalid definition');
  } finally {
    console.error = errors;
  }
  await withFetch(
    () => new Promise<Response>(() => undefined),
    async () => {
      el = await questionnaire(root, undefined, { src: '/definition.json', wait: false });
      await nextFrame();
      states.push(`loading: ${text($(el, '[role="status"]'))}`);
    },
  );

  // The confirmation page in every sending state (the endpoint's replies stubbed).
  const replies: [string, () => Promise<Response>][] = [
    ['sent', () => Promise.resolve(new Response('{}', { status: 201 }))],
    ['queued', () => Promise.reject(new TypeError('Failed to fetch'))],
    ['rejected', () => Promise.resolve(new Response('{}', { status: 422 }))],
  ];
  for (const [name, reply] of replies) {
    await withFetch(reply, async () => {
      el = await questionnaire(root, getQuestionnaire('perception-staff'), {
        endpoint: '/api/responses',
      });
      await press(el, 'Start now');
      while (screen(el) === 'question') await press(el, 'Skip');
      await press(el, 'Send my answers');
      const wanted = {
        sent: 'have been sent',
        queued: 'back online',
        rejected: 'could not be sent',
      };
      for (let n = 0; n < 100 && !text($(el, '.panel')).includes(wanted[name as 'sent']); n++)
        await nextFrame();
      if (text($(el, '.panel')).includes(wanted[name as 'sent'])) states.push(`done: ${name}`);
      el.remove(); // stops the outbox's retries
    });
  }
  if (button(el, 'Start now')) states.push('unexpected start page');
  return states;
}

// ---- <at-audit> (a first smoke scenario: overview, one statement rated, an error; not every state) --

async function auditStates(root: HTMLElement, context: CspContext): Promise<string[]> {
  const states: string[] = [];
  render(html``, root);
  render(
    html`<at-audit
      .definition=${context.definition('all-together-audit')}
      school=${SCHOOL}
      wave="baseline"
      .storage=${memoryStorage()}
    ></at-audit>`,
    root,
  );
  const el = root.querySelector('at-audit') as HTMLElement & { updateComplete: Promise<unknown> };
  const shadow = el.shadowRoot!;
  const heading = () => text(shadow.querySelector('#page-heading'));
  for (let n = 0; n < 100 && !heading(); n++) await nextFrame();
  states.push(`overview: ${heading()}`);
  shadow.querySelector<HTMLButtonElement>('[aria-describedby^="area-1-hint"]')?.click();
  await el.updateComplete;
  await nextFrame();
  states.push(`statement: ${heading()}`);
  shadow.querySelector('details')?.setAttribute('open', '');
  shadow.querySelector<HTMLInputElement>('input[type="radio"]')?.click();
  await el.updateComplete;
  const save = [...shadow.querySelectorAll('button')].find((b) => text(b) === 'Save and continue');
  save?.click();
  await el.updateComplete;
  await nextFrame();
  states.push(
    `after save: ${heading()}${shadow.querySelector('.error-summary') ? ' (error)' : ''}`,
  );
  return states;
}

// ---- <at-action-plan> (empty plan, a form opened, its error; award panel shown throughout) ----------

async function actionPlanStates(root: HTMLElement, context: CspContext): Promise<string[]> {
  const states: string[] = [];
  render(html``, root);
  render(
    html`<at-action-plan
      .definition=${context.definition('all-together-audit')}
      school=${SCHOOL}
      today="2026-11-23"
      .storage=${memoryStorage()}
    ></at-action-plan>`,
    root,
  );
  const el = root.querySelector('at-action-plan') as HTMLElement & {
    updateComplete: Promise<unknown>;
  };
  await el.updateComplete;
  const shadow = el.shadowRoot!;
  const headings = () => [...shadow.querySelectorAll('h2')].map(text).join(' / ');
  states.push(`plan: ${headings().slice(0, 60)}`);
  // The first button that opens a form (Add …), then its submit with nothing filled in: an error.
  const buttons = [...shadow.querySelectorAll('button')];
  buttons.find((b) => /^Add/.test(text(b)))?.click();
  await el.updateComplete;
  await nextFrame();
  states.push(`form: ${shadow.querySelectorAll('input, textarea, select').length} fields`);
  shadow.querySelector<HTMLButtonElement>('form button[type="submit"], form button')?.click();
  await el.updateComplete;
  await nextFrame();
  states.push(
    `error: ${shadow.querySelector('[part~="error-summary"], .error-summary') ? 'shown' : 'none'}`,
  );
  return states;
}

// ---- <at-results> (every view, a school's published results with the rest of its LA) -------------

interface ResultsData {
  results: unknown;
  audit: unknown;
  cpd: unknown;
  definitions: unknown;
}

async function resultsStates(root: HTMLElement, context: CspContext): Promise<string[]> {
  const d = context.extra('results') as ResultsData;
  const states: string[] = [];
  const { RESULTS_VIEWS } = await import('../results/results.model.js');
  for (const view of RESULTS_VIEWS) {
    render(html``, root);
    render(
      html`<at-results
        view=${view}
        scope="school"
        .results=${d.results}
        .audit=${d.audit}
        .cpd=${d.cpd}
        .definitions=${d.definitions}
      ></at-results>`,
      root,
    );
    const el = root.querySelector('at-results') as HTMLElement & {
      updateComplete: Promise<unknown>;
    };
    await el.updateComplete;
    // Open every table disclosure, so tables render too.
    for (const details of el.shadowRoot!.querySelectorAll('details')) details.open = true;
    await nextFrame();
    const shown = text(el.shadowRoot!.querySelector('h2, h3, [role="alert"]'));
    states.push(`${view}: ${shown.slice(0, 60) || '(empty)'}`);
  }
  return states;
}

const progress = () => import('../progress/at-progress.js');
const questionnaireElement = () => import('../questionnaire/at-questionnaire.js');
/** zod 4's `new Function('')` probe, raised when the model's schemas are built at import. */

/** Every scenario, in order; each runs in a fresh page. Append new elements here. */
export const cspScenarios: readonly CspScenario[] = [
  { name: '<at-progress>', load: progress, run: progressStates },
  // Every input type: KS1 (faces, frequency, single, multi), secondary (agreement, free text),
  // the CPD confidence form (yes/no); section-per-page mode; then every other state.
  {
    name: '<at-questionnaire> pupil-ks1, every page',
    load: questionnaireElement,
    run: walkThrough('pupil-ks1'),
  },
  {
    name: '<at-questionnaire> pupil-secondary, every page',
    load: questionnaireElement,
    run: walkThrough('pupil-secondary'),
  },
  {
    // "after" the training opens its follow-ups, among them the yes/no question.
    name: '<at-questionnaire> cpd-confidence, every page',
    load: questionnaireElement,
    run: walkThrough('cpd-confidence', { timepoint: 'after' }),
  },
  { name: '<at-questionnaire> section per page', load: questionnaireElement, run: sectionMode },
  {
    name: '<at-questionnaire> errors, exit, declined, read-aloud, invalid, loading, sending',
    load: questionnaireElement,
    run: questionnaireStates,
  },
  {
    name: '<at-audit> smoke: overview, a statement, save',
    load: () => import('../audit/at-audit.js'),
    run: auditStates,
  },
  {
    name: '<at-results> every view (school scope)',
    load: () => import('../results/at-results.js'),
    run: resultsStates,
  },
  {
    name: '<at-action-plan> empty plan, a form, its error',
    load: () => import('../action-plan/at-action-plan.js'),
    run: actionPlanStates,
  },
  {
    name: '<at-programme-tracker> waiting, full, filtered, sorted, CSV, nothing found, empty, invalid',
    load: () => import('../tracker/at-programme-tracker.js'),
    run: trackerStates,
  },
  {
    name: '<at-evidence> empty, errors, complete with a refusal, read-only, invalid',
    load: () => import('../evidence/at-evidence.js'),
    run: evidenceStates,
  },
  {
    name: '<at-moderation> to decide, errors, decided',
    load: () => import('../moderation/at-moderation.js'),
    run: moderationStates,
  },
  {
    name: '<at-incident-log> empty, records, filtered, invalid',
    load: () => import('../incident/at-incident-log.js'),
    run: incidentLogStates,
  },
  {
    name: '<at-incident-form> errors, an incident with a concern, a record, invalid',
    load: () => import('../incident/at-incident-form.js'),
    run: incidentFormStates,
  },
];

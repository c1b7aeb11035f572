import { html } from 'lit';
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AuditResponse, statementsOf, type Rating } from '@all-together/model';
import {
  agreementGapsPublished,
  compareAudits,
  publishPerception,
  scoreAudit,
} from '@all-together/scoring';
import { registerTranslation } from '../shared/i18n.js';
import { memoryStorage, type DraftStorage } from '../shared/storage.js';
import {
  audit,
  generateAuditResponse,
  generatePerception,
  generatePublishedPerception,
  SCHOOL,
} from '../test-helpers/audit-data.js';
import { AtAudit, AtAuditChangeEvent, AtAuditCompleteEvent } from './audit.js';
import { round1 } from '../shared/text.js';
import './at-audit.js';

const root = (el: AtAudit) => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(el: AtAudit, selector: string) =>
  root(el).querySelector<E>(selector);
const $$ = <E extends Element = HTMLElement>(el: AtAudit, selector: string) => [
  ...root(el).querySelectorAll<E>(selector),
];
const text = (node: Element | null | undefined) =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const heading = (el: AtAudit) => text($(el, '#page-heading'));
const focused = (el: AtAudit) => root(el).activeElement?.id ?? '';
const buttonByText = (el: AtAudit, words: string) =>
  $$<HTMLButtonElement>(el, 'button').find((b) => text(b) === words);
const click = async (el: AtAudit, words: string) => {
  const button = buttonByText(el, words);
  if (!button) throw new Error(`No button "${words}"`);
  button.click();
  await el.updateComplete;
};
const radio = (el: AtAudit, rating: Rating) => $<HTMLInputElement>(el, `#rating-${rating}`)!;
const pct = (x: number | null) => (x === null ? 'No score yet' : `${round1(x)}%`);

interface Options {
  storage?: DraftStorage;
  wave?: 'baseline' | 'end';
  baseline?: AuditResponse;
  response?: AuditResponse;
  perception?: unknown;
  definition?: unknown;
}

async function make(options: Options = {}): Promise<AtAudit> {
  const el = await fixture<AtAudit>(
    html`<at-audit
      .definition=${'definition' in options ? options.definition : audit}
      school=${SCHOOL}
      wave=${options.wave ?? 'baseline'}
      .storage=${options.storage ?? memoryStorage()}
      .baseline=${options.baseline}
      .response=${options.response}
      .perception=${options.perception}
    ></at-audit>`,
  );
  await waitUntil(() => $(el, '#page-heading') || $(el, '.problem'), 'rendered');
  return el;
}

async function openStatement(el: AtAudit, id: string) {
  const area = Number(id.split('.')[0]);
  const button = $<HTMLButtonElement>(el, `[aria-describedby^="area-${area}-hint"]`)!;
  button.click();
  await el.updateComplete;
  while (!heading(el).startsWith(`${id} `)) {
    await click(el, 'Save and continue');
  }
}

/** Rates every statement through the UI, page by page, as a keyboard-free user would click. */
async function rateAll(el: AtAudit, ratings: Readonly<Record<string, Rating>>) {
  await openStatement(el, '1.1');
  for (const s of statementsOf(audit)) {
    expect(heading(el).startsWith(`${s.id} `), `on ${s.id}`).to.equal(true);
    radio(el, ratings[s.id]!).click();
    await el.updateComplete;
    await click(
      el,
      statementsOf(audit).at(-1)!.id === s.id ? 'Save and check your ratings' : 'Save and continue',
    );
  }
}

describe('<at-audit>', () => {
  afterEach(() => sessionStorage.clear());

  it('A11 has no axe violations on the overview', async () => {
    const el = await make();
    await expect(el).to.be.accessible();
  });

  it('is registered as <at-audit> by its registration file', () => {
    expect(customElements.get('at-audit') === AtAudit).to.equal(true);
  });

  describe('overview (task list)', () => {
    it('lists the six areas with status and progress from scoreAudit', async () => {
      const response = generateAuditResponse(audit, {
        seed: 3,
        wave: 'baseline',
        rated: 10,
        completed: false,
      });
      const el = await make({ response });
      const tasks = $$(el, '.task');
      expect(tasks.length).to.equal(6);
      const scores = scoreAudit(audit, response);
      tasks.forEach((task, i) => {
        const a = scores.areas[i]!;
        const rated = a.answered + a.dontKnow;
        const status = a.unrated === 0 ? 'Completed' : rated === 0 ? 'Not started' : 'In progress';
        expect(text(task.querySelector('.task__status')), `area ${a.area}`).to.equal(status);
        expect(text(task.querySelector('.hint'))).to.equal(
          `${rated} of ${rated + a.unrated} statements rated`,
        );
      });
      // 10 statements: area 1 (7) complete, area 2 in progress, the rest not started.
      expect(tasks.map((t) => text(t.querySelector('.task__status')))).to.deep.equal([
        'Completed',
        'In progress',
        'Not started',
        'Not started',
        'Not started',
        'Not started',
      ]);
      expect(text($(el, '.overview'))).to.contain('You have completed 1 of 6 areas.');
      await expect(el).to.be.accessible();
    });
  });

  describe('statement page', () => {
    it('A1 shows the three descriptors and Don’t know as radios in one fieldset, named by their labels', async () => {
      const el = await make();
      await openStatement(el, '1.1');
      const statement = statementsOf(audit)[0]!;
      expect(heading(el)).to.equal(`1.1 ${statement.text['en-GB']}`);
      const radios = $$<HTMLInputElement>(el, 'fieldset input[type=radio]');
      expect(radios.map((r) => r.value)).to.deep.equal([
        'fully-met',
        'partially-met',
        'not-yet-met',
        'dont-know',
      ]);
      expect(radios.map((r) => text(r.labels![0]!))).to.deep.equal([
        'Fully met',
        'Partially met',
        'Not yet met',
        "Don't know",
      ]);
      const hint = $(el, `#${radios[0]!.getAttribute('aria-describedby')}`);
      expect(text(hint)).to.equal(statement.descriptors['fully-met']['en-GB']);
      expect(new Set(radios.map((r) => r.name)).size).to.equal(1);
      await expect(el).to.be.accessible();
    });

    it('A4 choosing a rating saves it, fires at-audit-change with a valid draft and stays on the page', async () => {
      const storage = memoryStorage();
      const el = await make({ storage });
      await openStatement(el, '1.1');
      const events: AtAuditChangeEvent[] = [];
      el.addEventListener('at-audit-change', (e) => events.push(e));
      radio(el, 'partially-met').click();
      await el.updateComplete;
      expect(events.length).to.equal(1);
      expect(events[0] instanceof AtAuditChangeEvent).to.equal(true);
      expect(AuditResponse.safeParse(events[0]!.response).success).to.equal(true);
      expect(events[0]!.response.ratings['1.1']).to.equal('partially-met');
      expect(heading(el).startsWith('1.1 ')).to.equal(true);
      expect(text($(el, '.status'))).to.equal('Saved');
      const saved = JSON.parse((await storage.get(el.storageKey!))!) as {
        draft: { response: AuditResponse };
      };
      expect(saved.draft.response.ratings['1.1']).to.equal('partially-met');
    });

    it('guidance is disclosed on demand in <details>, with why, tips and resources', async () => {
      const el = await make();
      await openStatement(el, '1.1');
      const details = $<HTMLDetailsElement>(el, 'details')!;
      expect(details.open).to.equal(false);
      $(el, 'details summary')!.click();
      await el.updateComplete;
      expect(details.open).to.equal(true);
      const guidance = audit.areas[0]!.statements[0]!.guidance;
      expect(text(details)).to.contain(guidance.why['en-GB']);
      expect($$(el, 'details a').map((a) => a.getAttribute('href'))).to.deep.equal(
        guidance.resources.map((r) => r.url),
      );
      await expect(el).to.be.accessible();
    });
  });

  describe('evidence', () => {
    it('A2 bad input: an error summary takes focus, inline errors, and nothing typed is lost', async () => {
      const el = await make();
      await openStatement(el, '1.2');
      const note = $<HTMLTextAreaElement>(el, '#evidence-note')!;
      const url = $<HTMLInputElement>(el, '#evidence-url')!;
      url.focus();
      await sendKeys({ type: 'javascript:alert(1)' });
      await click(el, 'Add evidence');
      expect(focused(el)).to.equal('error-summary');
      expect(text($(el, '#error-summary h2'))).to.equal('There is a problem');
      expect($$(el, '#error-summary a').map(text)).to.deep.equal([
        'Enter an evidence note',
        'Enter a link that starts with https://, mailto: or tel:, or a path on your site',
      ]);
      expect(text($(el, '#evidence-note-error'))).to.equal('Error: Enter an evidence note');
      expect(note.getAttribute('aria-invalid')).to.equal('true');
      expect(url.value).to.equal('javascript:alert(1)');
      await expect(el).to.be.accessible();

      // The summary links to the field.
      $<HTMLAnchorElement>(el, '#error-summary a')!.click();
      expect(focused(el)).to.equal('evidence-note');

      await sendKeys({ type: 'Governors’ minutes, spring term' });
      url.select();
      await sendKeys({ type: 'https://school.example/minutes' });
      const events: AtAuditChangeEvent[] = [];
      el.addEventListener('at-audit-change', (e) => events.push(e));
      await click(el, 'Add evidence');
      expect($(el, '#error-summary')).to.equal(null);
      expect(events.length).to.equal(1);
      expect(events[0]!.response.evidence['1.2']).to.deep.equal([
        { note: 'Governors’ minutes, spring term', url: 'https://school.example/minutes' },
      ]);
      expect(note.value).to.equal('');
      expect(text($(el, '.evidence__list'))).to.contain('Governors’ minutes, spring term');
    });

    it('the kind of evidence is a choice from a list, kept with the note; the hint says what the award needs', async () => {
      const el = await make();
      await openStatement(el, '2.1');
      const kinds = $$<HTMLOptionElement>(el, '#evidence-kind option').map(text);
      expect(kinds).to.deep.equal([
        'Choose a kind',
        'A document',
        'An observation',
        'A survey',
        'Minutes of a meeting',
        'Something else',
      ]);
      expect(text($(el, '#evidence-note-hint'))).to.contain(
        'For the award, evidence needs a kind and a description of at least 5 words.',
      );
      const select = $<HTMLSelectElement>(el, '#evidence-kind')!;
      select.value = 'minutes';
      select.dispatchEvent(new Event('change'));
      $<HTMLTextAreaElement>(el, '#evidence-note')!.focus();
      await sendKeys({ type: 'Minutes of the policy review with pupils' });
      const events: AtAuditChangeEvent[] = [];
      el.addEventListener('at-audit-change', (e) => events.push(e));
      await click(el, 'Add evidence');
      expect(events[0]!.detail.response.evidence['2.1']).to.deep.equal([
        { kind: 'minutes', note: 'Minutes of the policy review with pupils' },
      ]);
      expect(text($(el, '.evidence__kind'))).to.equal('Minutes of a meeting');
      await expect(el).to.be.accessible();
    });

    it('W1 a note with markup is stored and shown as text', async () => {
      const el = await make();
      await openStatement(el, '1.1');
      $<HTMLTextAreaElement>(el, '#evidence-note')!.focus();
      await sendKeys({ type: '<img src=x onerror=alert(1)>' });
      await click(el, 'Add evidence');
      expect($(el, '.evidence__list img')).to.equal(null);
      expect(text($(el, '.evidence__note'))).to.equal('<img src=x onerror=alert(1)>');
    });
  });

  describe('keyboard', () => {
    it('opens an area with Enter, moves focus to the statement and rates it with the arrow keys', async () => {
      const el = await make();
      $<HTMLButtonElement>(el, '.task button')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(focused(el)).to.equal('page-heading');
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal('rating-fully-met');
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(focused(el)).to.equal('rating-partially-met');
      expect(radio(el, 'partially-met').checked).to.equal(true);
      // A4: still on the same statement.
      expect(heading(el).startsWith('1.1 ')).to.equal(true);
    });

    it('A11 keyboard only: rate, then Tab to Save and continue and press Enter', async () => {
      const el = await make();
      const events: AtAuditChangeEvent[] = [];
      el.addEventListener('at-audit-change', (e) => events.push(e));
      $<HTMLButtonElement>(el, '.task button')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      for (const id of ['1.1', '1.2', '1.3']) {
        expect(heading(el).startsWith(`${id} `)).to.equal(true);
        expect(focused(el)).to.equal('page-heading');
        await sendKeys({ press: 'Tab' });
        await sendKeys({ press: 'Space' });
        for (let i = 0; i < 30 && text(root(el).activeElement) !== 'Save and continue'; i++) {
          await sendKeys({ press: 'Tab' });
        }
        expect(text(root(el).activeElement)).to.equal('Save and continue');
        await sendKeys({ press: 'Enter' });
        await el.updateComplete;
      }
      expect(events.map((e) => Object.keys(e.response.ratings).length)).to.deep.equal([1, 2, 3]);
      expect(heading(el).startsWith('1.4 ')).to.equal(true);
    });

    it('A3 radios and buttons are at least 44 by 44 pixels', async () => {
      const el = await make();
      await openStatement(el, '1.1');
      for (const input of $$<HTMLInputElement>(el, 'input[type=radio]')) {
        const box = input.getBoundingClientRect();
        expect(Math.min(box.width, box.height), input.id).to.be.at.least(44);
      }
      for (const button of $$<HTMLButtonElement>(el, '.actions button')) {
        expect(button.getBoundingClientRect().height, text(button)).to.be.at.least(44);
      }
    });

    it('A1 Tab still reaches the radios after an evidence error', async () => {
      const el = await make();
      await openStatement(el, '1.1');
      await click(el, 'Add evidence');
      expect(focused(el)).to.equal('error-summary');
      // Summary link, then the radios.
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal('rating-fully-met');
    });
  });

  describe('baseline and end', () => {
    it('the end audit shows the baseline rating beside each statement', async () => {
      const baseline = generateAuditResponse(audit, { seed: 11, wave: 'baseline' });
      const el = await make({ wave: 'end', baseline });
      expect(text($(el, '.caption'))).to.equal('End-of-programme audit');
      await openStatement(el, '2.3');
      const level = {
        'fully-met': 'Fully met',
        'partially-met': 'Partially met',
        'not-yet-met': 'Not yet met',
        'dont-know': "Don't know",
      };
      expect(text($(el, '[part~=baseline]'))).to.equal(
        `At the baseline audit you rated this: ${level[baseline.ratings['2.3']!]}`,
      );
      await expect(el).to.be.accessible();
    });

    it('a full baseline → end walkthrough through the UI shows scoreAudit and compareAudits figures', async () => {
      const plannedBaseline = generateAuditResponse(audit, { seed: 21, wave: 'baseline' });
      const plannedEnd = generateAuditResponse(audit, { seed: 22, wave: 'end' });

      // Baseline.
      const first = await make();
      await rateAll(first, plannedBaseline.ratings);
      expect(heading(first)).to.equal('Check your ratings');
      const expected = scoreAudit(audit, plannedBaseline);
      const shown = $$(first, '#area-scores tbody tr').map((r) =>
        text(r.querySelector('[data-score]')),
      );
      expect(shown).to.deep.equal([
        ...expected.areas.map((a) => pct(a.percent)),
        pct(expected.overall),
      ]);
      expect($$(first, '#rating-counts td').map(text)).to.deep.equal(
        [
          expected.counts['fully-met'],
          expected.counts['partially-met'],
          expected.counts['not-yet-met'],
          expected.counts['dont-know'],
          expected.counts.unrated,
        ].map(String),
      );
      await expect(first).to.be.accessible();
      const completed: AtAuditCompleteEvent[] = [];
      first.addEventListener('at-audit-complete', (e) => completed.push(e));
      await click(first, 'Complete the audit');
      expect(completed.length).to.equal(1);
      const baseline = completed[0]!.response;
      expect(AuditResponse.safeParse(baseline).success).to.equal(true);
      expect(baseline.completedAt).to.be.a('string');
      expect(baseline.ratings).to.deep.equal(plannedBaseline.ratings);
      expect(completed[0]!.scores.overall).to.equal(expected.overall);
      expect(completed[0]!.comparison).to.equal(null);

      // End, with the baseline just completed.
      const end = await make({ wave: 'end', baseline });
      await rateAll(end, plannedEnd.ratings);
      const comparison = compareAudits(audit, baseline, plannedEnd);
      const rows = $$(end, '#area-scores tbody tr');
      expect(rows.map((r) => text(r.querySelector('[data-score]')))).to.deep.equal([
        ...comparison.areas.map((a) => pct(a.end)),
        pct(comparison.overall.end),
      ]);
      const signed = (x: number | null) =>
        x === null
          ? 'No score yet'
          : `${new Intl.NumberFormat('en-GB', { signDisplay: 'exceptZero', maximumFractionDigits: 1 }).format(round1(x))} points`;
      expect(rows.map((r) => text(r.querySelector('[data-change]')))).to.deep.equal([
        ...comparison.areas.map((a) => signed(a.change)),
        signed(comparison.overall.change),
      ]);
      const d = comparison.directions;
      expect(text($(end, '#directions'))).to.equal(
        `Since the baseline: ${d.improved} improved, ${d.same} the same, ${d.worse} worse, ${d['not-comparable']} cannot be compared.`,
      );
      await expect(end).to.be.accessible();
      const done: AtAuditCompleteEvent[] = [];
      end.addEventListener('at-audit-complete', (e) => done.push(e));
      await click(end, 'Complete the audit');
      expect(done[0]!.comparison!.overall.change).to.equal(comparison.overall.change);
    });

    it('completing with statements unrated shows an error that links to the first one', async () => {
      const response = generateAuditResponse(audit, {
        seed: 5,
        wave: 'baseline',
        rated: 40,
        completed: false,
      });
      const el = await make({ response });
      await click(el, 'Check your ratings and see the scores');
      const events: Event[] = [];
      el.addEventListener('at-audit-complete', (e) => events.push(e));
      await click(el, 'Complete the audit');
      expect(events.length).to.equal(0);
      expect(focused(el)).to.equal('error-summary');
      expect(text($(el, '#error-summary a'))).to.equal(
        '3 statements are not rated yet. Rate each one, or choose Don’t know.',
      );
      await expect(el).to.be.accessible();
      $<HTMLAnchorElement>(el, '#error-summary a')!.click();
      await el.updateComplete;
      expect(heading(el).startsWith(`${statementsOf(audit)[40]!.id} `)).to.equal(true);
    });
  });

  describe('360° view', () => {
    it('shows each group’s published agreement, people counted, and flags a gap in plain words', async () => {
      const perception = generatePublishedPerception(7);
      const el = await make({ perception });
      // A statement where staff agree less than 60%: found by scoring, not by hand.
      const ratings = Object.fromEntries(
        statementsOf(audit).map((s) => [s.id, 'fully-met' as const]),
      );
      const staffGap = agreementGapsPublished(audit, { ratings }, perception).find(
        (g) => g.gap && g.below.includes('staff'),
      )!;
      expect(staffGap, 'the seed gives a staff gap').to.not.equal(undefined);
      await openStatement(el, staffGap.statement);
      expect($(el, '[part~=perception] .flag')).to.equal(null);
      radio(el, 'fully-met').click();
      await el.updateComplete;
      const flags = $$(el, '[part~=perception] .flag').map(text);
      expect(flags).to.include('Staff rate this lower than you did.');
      const staff = perception.statements
        .find((x) => x.statement === staffGap.statement)!
        .groups.find((g) => g.stakeholder === 'staff')!;
      expect(text($(el, '[part~=perception]'))).to.contain(
        `Staff: ${(staff.agree as { value: number }).value}% agree (${(staff.people as { value: number }).value} people answered)`,
      );
      await expect(el).to.be.accessible();
    });

    it('D1 a group of fewer than 10 people is [c]: no percentage, no count, and never a gap', async () => {
      // 4 governors who all disagree: a gap if their answers counted.
      const summaries = generatePerception(
        7,
        { 'perception-governor': 0 },
        { 'perception-governor': 4 },
      );
      const perception = publishPerception(summaries);
      const el = await make({ perception });
      const ratings = Object.fromEntries(
        statementsOf(audit).map((s) => [s.id, 'fully-met' as const]),
      );
      const governed = perception.statements.find((x) =>
        x.groups.some((g) => g.stakeholder === 'governor'),
      )!;
      await openStatement(el, governed.statement);
      radio(el, 'fully-met').click();
      await el.updateComplete;
      const section = text($(el, '[part~=perception]'));
      expect(section).to.contain(
        'Governors: [c] — fewer than 10 people answered, so their answers are hidden to protect privacy',
      );
      const governors = $$(el, '[part~=perception] li').find((li) =>
        text(li).startsWith('Governors'),
      )!;
      expect(text(governors)).to.not.match(/\d+%|\b4\b/);
      expect(governors.querySelector('.flag')).to.equal(null);
      const gap = agreementGapsPublished(audit, { ratings }, perception).find(
        (g) => g.statement === governed.statement,
      )!;
      expect(gap.below).to.not.include('governor');
    });
  });

  describe('invalid input', () => {
    it('before a definition is given it waits quietly, then renders when it arrives', async () => {
      const logged: string[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
      try {
        const el = await fixture<AtAudit>(
          html`<at-audit school=${SCHOOL} .storage=${memoryStorage()}></at-audit>`,
        );
        expect(text($(el, '[part~=base]'))).to.equal('');
        expect(logged.length).to.equal(0);
        el.definition = audit;
        await waitUntil(() => $(el, '#page-heading'));
        expect($$(el, '.task').length).to.equal(6);
      } finally {
        console.error = original;
      }
    });

    it('an invalid definition shows a clear message and logs the exact path', async () => {
      const logged: string[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
      try {
        const broken = structuredClone(audit) as unknown as {
          areas: { statements: { id: string }[] }[];
        };
        broken.areas[1]!.statements[2]!.id = '7.1';
        const el = await make({ definition: broken });
        expect(text($(el, '.problem h2'))).to.equal('This audit cannot be shown');
        expect($(el, '.problem')!.getAttribute('role')).to.equal('alert');
        expect(logged.join('\n')).to.contain('areas.1.statements.2.id');
        await expect(el).to.be.accessible();
      } finally {
        console.error = original;
      }
    });

    it('an invalid baseline: a notice, the end audit still works, the path on the console', async () => {
      const logged: string[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
      try {
        const baseline = {
          ...generateAuditResponse(audit, { seed: 11, wave: 'baseline' }),
          school: '12',
        };
        const el = await make({ wave: 'end', baseline: baseline as AuditResponse });
        expect(text($(el, '.notice'))).to.contain('baseline audit could not be read');
        expect(logged.join('\n')).to.contain('school');
        await openStatement(el, '1.1');
        expect($(el, '[part~=baseline]')).to.equal(null);
      } finally {
        console.error = original;
      }
    });

    it('invalid perception results: a notice, the audit still works, the path on the console', async () => {
      const logged: string[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
      try {
        const perception = structuredClone(generatePublishedPerception(7));
        Object.assign(perception.statements[2]!.groups[0]!, { agree: { value: 140 } });
        const el = await make({ perception });
        expect(text($(el, '.notice'))).to.contain('could not be read');
        expect(logged.join('\n')).to.contain('statements.2.groups.0.agree');
        expect($$(el, '.task').length).to.equal(6);
      } finally {
        console.error = original;
      }
    });
  });

  describe('content and language', () => {
    it('W1 a definition with a javascript: resource link is refused with its path', async () => {
      const logged: string[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
      try {
        const hostile = structuredClone(audit) as unknown as {
          areas: { statements: { guidance: { resources: { url: string }[] } }[] }[];
        };
        hostile.areas[0]!.statements[0]!.guidance.resources[0]!.url = 'javascript:alert(1)';
        const el = await make({ definition: hostile });
        expect(text($(el, '.problem h2'))).to.equal('This audit cannot be shown');
        expect(logged.join('\n')).to.contain('areas.0.statements.0.guidance.resources.0.url');
        expect(root(el).querySelector('a[href^="javascript"]')).to.equal(null);
      } finally {
        console.error = original;
      }
    });

    it('UI strings come from the translation table of the nearest lang', async () => {
      registerTranslation('cy', { auditLevelFullyMet: 'Wedi’i fodloni’n llawn' });
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="cy">
          <at-audit .definition=${audit} school=${SCHOOL} .storage=${memoryStorage()}></at-audit>
        </div>`,
      );
      const el = wrapper.querySelector('at-audit')!;
      await waitUntil(() => $(el, '#page-heading'));
      await openStatement(el, '1.1');
      expect(text(radio(el, 'fully-met').labels![0]!)).to.equal('Wedi’i fodloni’n llawn');
      // A string the Welsh table lacks falls back to English; the statement text to the definition's default locale.
      expect(text(radio(el, 'partially-met').labels![0]!)).to.equal('Partially met');
      expect(heading(el)).to.contain(statementsOf(audit)[0]!.text['en-GB']);
    });

    it('an invalid lang never breaks the summary', async () => {
      const baseline = generateAuditResponse(audit, { seed: 11, wave: 'baseline' });
      const response = generateAuditResponse(audit, { seed: 12, wave: 'end' });
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="not a tag!">
          <at-audit
            .definition=${audit}
            school=${SCHOOL}
            wave="end"
            .baseline=${baseline}
            .response=${response}
            .storage=${memoryStorage()}
          ></at-audit>
        </div>`,
      );
      const el = wrapper.querySelector('at-audit')!;
      await waitUntil(() => $(el, '#page-heading'));
      await click(el, 'Check your ratings and see the scores');
      expect($$(el, '#area-scores [data-change]').length).to.equal(7);
      expect(heading(el)).to.equal('Check your ratings');
    });

    it('the summary links each Don’t know statement back to its page', async () => {
      const response = generateAuditResponse(audit, { seed: 11, wave: 'baseline' });
      const el = await make({ response });
      await click(el, 'Check your ratings and see the scores');
      const expected = scoreAudit(audit, response).dontKnow;
      const links = $$(el, '#dont-know button');
      expect(links.map((b) => text(b).split(' ')[0])).to.deep.equal(expected);
      expect(expected.length, 'the seed gives a Don’t know').to.be.greaterThan(0);
      links[0]!.click();
      await el.updateComplete;
      expect(heading(el).startsWith(`${expected[0]} `)).to.equal(true);
    });
  });

  describe('autosave', () => {
    it('W8 a reload mid-audit loses nothing: answers, page and typing are restored', async () => {
      const storage = memoryStorage();
      const el = await make({ storage });
      await openStatement(el, '1.1');
      radio(el, 'fully-met').click();
      await click(el, 'Save and continue');
      radio(el, 'dont-know').click();
      await click(el, 'Save and continue');
      radio(el, 'not-yet-met').click();
      await el.updateComplete;
      $<HTMLTextAreaElement>(el, '#evidence-note')!.focus();
      await sendKeys({ type: 'Half-typed note' });
      el.remove();

      const again = await make({ storage });
      await waitUntil(() => heading(again).startsWith('1.3 '), 'page restored');
      expect(radio(again, 'not-yet-met').checked).to.equal(true);
      expect($<HTMLTextAreaElement>(again, '#evidence-note')!.value).to.equal('Half-typed note');
      await click(again, 'Previous statement');
      expect(radio(again, 'dont-know').checked).to.equal(true);
    });

    it('the default storage is sessionStorage, never localStorage', async () => {
      localStorage.clear();
      const el = await fixture<AtAudit>(
        html`<at-audit .definition=${audit} school=${SCHOOL}></at-audit>`,
      );
      await waitUntil(() => $(el, '#page-heading'));
      await openStatement(el, '1.1');
      radio(el, 'fully-met').click();
      await el.updateComplete;
      expect(sessionStorage.getItem(el.storageKey!)).to.be.a('string');
      expect(localStorage.length).to.equal(0);
    });
  });

  describe('events', () => {
    it('fire on user action only, never when code sets properties', async () => {
      const events: string[] = [];
      const el = await make();
      for (const type of ['at-audit-change', 'at-audit-complete'] as const) {
        el.addEventListener(type, (e) => events.push(e.type));
      }
      el.response = generateAuditResponse(audit, { seed: 1, wave: 'baseline' });
      el.baseline = generateAuditResponse(audit, { seed: 2, wave: 'baseline' });
      el.perception = generatePublishedPerception(3);
      el.wave = 'end';
      el.wave = 'baseline';
      await el.updateComplete;
      await waitUntil(() => $(el, '#page-heading'));
      expect(events).to.deep.equal([]);
      expect(
        new AtAuditCompleteEvent(
          el.response as AuditResponse,
          scoreAudit(audit, el.response as AuditResponse),
          null,
        ).composed,
      ).to.equal(true);
    });
  });
});

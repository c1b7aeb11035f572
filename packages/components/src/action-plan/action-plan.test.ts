import { html } from 'lit';
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ActionPlan, AuditResponse, type AwardRecommendation } from '@all-together/model';
import { planProgress, priorities } from '@all-together/scoring';
import { memoryStorage, type DraftStorage } from '../shared/storage.js';
import {
  addDays,
  audit,
  generateAuditResponse,
  generateAward,
  generatePlan,
  generatePupilResults,
  SCHOOL,
} from '../test-helpers/audit-data.js';
import { getQuestionnaire } from '@all-together/questionnaires';
import { registerTranslation } from '../shared/i18n.js';
import { AtActionPlan, AtPlanChangeEvent } from './action-plan.js';
import { measuresFrom } from './measures.js';
import './at-action-plan.js';

const TODAY = '2027-03-15';
const root = (el: AtActionPlan) => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(el: AtActionPlan, selector: string) =>
  root(el).querySelector<E>(selector);
const $$ = <E extends Element = HTMLElement>(el: AtActionPlan, selector: string) => [
  ...root(el).querySelectorAll<E>(selector),
];
const text = (node: Element | null | undefined) =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** The award panel's shadow root: `<at-award-readiness>` inside the plan. */
const awardRoot = (el: AtActionPlan) => root(el).querySelector('at-award-readiness')!.shadowRoot!;
const $a = <E extends Element = HTMLElement>(el: AtActionPlan, selector: string) =>
  awardRoot(el).querySelector<E>(selector);
const $$a = <E extends Element = HTMLElement>(el: AtActionPlan, selector: string) => [
  ...awardRoot(el).querySelectorAll<E>(selector),
];
const focused = (el: AtActionPlan) => root(el).activeElement?.id ?? '';
const setField = async (el: AtActionPlan, id: string, value: string) => {
  const field = $<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(el, `#${id}`);
  if (!field) throw new Error(`No field #${id}`);
  field.value = value;
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input'));
  await el.updateComplete;
};
const submit = async (el: AtActionPlan, formOf: string) => {
  const button = $(el, `#${formOf}`)!
    .closest('form')!
    .querySelector<HTMLButtonElement>('button[type=submit]')!;
  button.click();
  await el.updateComplete;
};

const baseline = generateAuditResponse(audit, { seed: 31, wave: 'baseline' });
const end = generateAuditResponse(audit, { seed: 32, wave: 'end' });

interface Options {
  plan?: unknown;
  definition?: unknown;
  baseline?: AuditResponse;
  auditResponse?: AuditResponse;
  storage?: DraftStorage;
  today?: string;
  award?: unknown;
}

async function make(options: Options = {}): Promise<AtActionPlan> {
  const el = await fixture<AtActionPlan>(
    html`<at-action-plan
      .definition=${'definition' in options ? options.definition : audit}
      .plan=${options.plan}
      .baseline=${options.baseline}
      .auditResponse=${options.auditResponse}
      .storage=${options.storage ?? memoryStorage()}
      .award=${options.award}
      school=${SCHOOL}
      today=${options.today ?? TODAY}
    ></at-action-plan>`,
  );
  await waitUntil(() => $(el, 'h2'), 'rendered');
  return el;
}

describe('<at-action-plan>', () => {
  afterEach(() => sessionStorage.clear());

  it('A11 has no axe violations with an empty plan', async () => {
    const el = await make();
    await expect(el).to.be.accessible();
    expect(text($(el, '[part~=priorities]'))).to.contain('There are no priorities yet');
  });

  it('is registered as <at-action-plan> by its registration file', () => {
    expect(customElements.get('at-action-plan') === AtActionPlan).to.equal(true);
  });

  it('a new plan is seeded with priorities from the weakest statements (scoring.priorities)', async () => {
    const el = await make({ baseline });
    const expected = priorities(audit, baseline, { limit: 10 });
    expect($$(el, '#priorities tbody tr').map((r) => r.dataset['statement'])).to.deep.equal(
      expected.map((p) => p.statement),
    );
    const firstRow = $(el, '#priorities tbody tr')!;
    expect(text(firstRow.querySelector('button'))).to.equal(
      `Add an objective for ${expected[0]!.statement}`,
    );
    await expect(el).to.be.accessible();
  });

  it('an existing plan without priorities can be seeded from the audit on request', async () => {
    const plan = { ...generatePlan(audit, baseline, { seed: 5, today: TODAY }), priorities: [] };
    const el = await make({ plan, baseline });
    const events: AtPlanChangeEvent[] = [];
    el.addEventListener('at-plan-change', (e) => events.push(e));
    [...root(el).querySelectorAll<HTMLButtonElement>('button')]
      .find((b) => text(b) === 'Add priorities from the audit')!
      .click();
    await el.updateComplete;
    expect(events.length).to.equal(1);
    expect(events[0]!.plan.priorities).to.deep.equal(priorities(audit, baseline, { limit: 10 }));
    expect($$(el, '#priorities tbody tr').length).to.equal(events[0]!.plan.priorities.length);
  });

  it('shows progress and overdue actions as planProgress computes them on `today`', async () => {
    const plan = generatePlan(audit, baseline, { seed: 5, today: TODAY });
    const el = await make({ plan, baseline });
    const progress = planProgress(plan, { today: TODAY });
    expect(progress.actions.overdue.length, 'the seed gives overdue actions').to.be.greaterThan(0);
    const items = $$(el, '#overdue li');
    expect(items.length).to.equal(progress.actions.overdue.length);
    items.forEach((item, i) => {
      const o = progress.actions.overdue[i]!;
      expect(text(item)).to.contain(o.description);
      expect(text(item.querySelector('.days'))).to.equal(
        `${o.daysOverdue} day${o.daysOverdue === 1 ? '' : 's'} overdue`,
      );
    });
    const counted = progress.actions.total - progress.actions.byStatus.dropped;
    expect(text($(el, '#progress-summary'))).to.contain(
      `${progress.actions.byStatus.done} of ${counted} actions done (${Math.round(progress.actions.percentDone! * 10) / 10}%)`,
    );
    await expect(el).to.be.accessible();

    // Time is an input: a later `today` shows more overdue, and fires nothing.
    const events: Event[] = [];
    el.addEventListener('at-plan-change', (e) => events.push(e));
    el.today = addDays(TODAY, 400);
    await el.updateComplete;
    const later = planProgress(plan, { today: el.today });
    expect($$(el, '#overdue li').length).to.equal(later.actions.overdue.length);
    expect(events.length).to.equal(0);
  });

  it('the award panel shows the recommendation it is given, made by scoring from the same plan', async () => {
    const endWithEvidence = generateAuditResponse(audit, {
      seed: 32,
      wave: 'end',
      evidencePerArea: 2,
    });
    const plan = generatePlan(audit, baseline, {
      seed: 6,
      today: TODAY,
      statusWeights: [0, 0.1, 0.9, 0],
    });
    const award = generateAward({
      baseline,
      end: endWithEvidence,
      plan,
      pupils: generatePupilResults(41),
    });
    const el = await make({ plan, baseline, auditResponse: endWithEvidence, award });
    const rows = $$a(el, '[part~=criterion]');
    expect(rows.map((r) => r.dataset['criterion'])).to.deep.equal(award.criteria.map((c) => c.id));
    const done = award.criteria.find((c) => c.id === 'silver.min-actions-done')!.message;
    expect(done.key).to.equal('actionsDone');
    const p = done.params as { done: number; count: number; percent: number };
    expect(text($a(el, '[data-criterion="silver.min-actions-done"] td:last-child'))).to.equal(
      `${p.done} of ${p.count} actions done (${p.percent}%; dropped actions are not counted); it needs at least 75%.`,
    );
    await expect(el).to.be.accessible();
  });

  it('without a recommendation there is no award panel: the element never computes one', async () => {
    const el = await make({
      plan: generatePlan(audit, baseline, { seed: 6, today: TODAY }),
      baseline,
      auditResponse: end,
    });
    expect($(el, 'at-award-readiness')).to.equal(null);
    expect('baselineQuestionnaire' in el || 'pupilOutcomes' in el || 'awardRules' in el).to.equal(
      false,
    );
  });

  it('evidence: a kind chosen from a list, the award’s word count in the hint, saved with the note', async () => {
    const plan = generatePlan(audit, baseline, { seed: 5, today: TODAY });
    const el = await make({ plan, baseline });
    const events: AtPlanChangeEvent[] = [];
    el.addEventListener('at-plan-change', (e) => events.push(e));
    const id = plan.actions[0]!.id;
    const form = `notes-${id}`;
    const kinds = $$<HTMLOptionElement>(el, `#${form}-evidence-kind option`).map((o) => text(o));
    expect(kinds).to.deep.equal([
      'Choose a kind',
      'A document',
      'An observation',
      'A survey',
      'Minutes of a meeting',
      'Something else',
    ]);
    expect(text($(el, `#${form}-evidence-note-hint`))).to.equal(
      'For the award, evidence needs a kind and a description of at least 5 words.',
    );
    await setField(el, `${form}-evidence-kind`, 'observation');
    await setField(el, `${form}-evidence-note`, 'Lunchtime supervision observed on the field');
    await submit(el, `${form}-evidence-note`);
    expect(events.at(-1)!.detail.plan.actions[0]!.evidence.at(-1)).to.deep.equal({
      kind: 'observation',
      note: 'Lunchtime supervision observed on the field',
    });
    expect(text($(el, `tr[data-action="${id}"] + tr, [part~=objective]`))).to.contain(
      'An observation',
    );
    // The hint follows the tenant's rules when a recommendation carries them.
    const award = generateAward({ baseline, end, plan, pupils: generatePupilResults(41) });
    el.award = {
      ...award,
      rules: { ...award.rules, eligibility: { ...award.rules.eligibility, minEvidenceWords: 8 } },
    } satisfies AwardRecommendation;
    await el.updateComplete;
    expect(text($(el, `#${form}-evidence-note-hint`))).to.contain('at least 8 words');
    await expect(el).to.be.accessible();
  });

  describe('editing', () => {
    it('A2 adding an objective: errors take focus and keep what was typed; then at-plan-change', async () => {
      const el = await make({ baseline });
      const events: AtPlanChangeEvent[] = [];
      el.addEventListener('at-plan-change', (e) => events.push(e));
      const statement = priorities(audit, baseline, { limit: 10 })[0]!.statement;
      // Start from the priority: the form opens with the statement ticked and the title focused.
      $<HTMLButtonElement>(el, '#priorities tbody tr button')!.click();
      await el.updateComplete;
      await el.updateComplete;
      expect($<HTMLDetailsElement>(el, '#add-objective')!.open).to.equal(true);
      expect(focused(el)).to.equal('objective-title');
      expect($<HTMLInputElement>(el, '#objective-statements')!.checked).to.equal(true);
      await setField(el, 'objective-achievable', 'Within a term');
      await submit(el, 'objective-title');
      expect(focused(el)).to.equal('objective-error-summary');
      expect($$(el, '#objective-error-summary a').map(text)).to.deep.equal([
        'Enter the objective',
        'Enter what will change',
        'Enter how it will be measured',
        'Enter a real date',
      ]);
      // The summary links to each field by its id; what was typed is kept.
      expect(
        $$<HTMLAnchorElement>(el, '#objective-error-summary a')[0]!.getAttribute('href'),
      ).to.equal('#objective-title');
      expect($<HTMLInputElement>(el, '#objective-achievable')!.value).to.equal('Within a term');
      expect(events.length).to.equal(0);
      await expect(el).to.be.accessible();

      await setField(el, 'objective-title', 'Every pupil knows how to report bullying');
      await setField(el, 'objective-specific', 'Pupils can name two ways to report.');
      await setField(el, 'objective-measurable', 'Pupil perception survey, spring term.');
      await setField(el, 'objective-time-bound', '2027-07-20');
      await submit(el, 'objective-title');
      expect(events.length).to.equal(1);
      const plan = events[0]!.detail.plan;
      expect(ActionPlan.safeParse(plan).success).to.equal(true);
      expect(plan.objectives[0]!.statements).to.deep.equal([statement]);
      expect(plan.objectives[0]!.measure).to.equal(undefined);
      expect(text($(el, '[part~=priorities]'))).to.contain('Has an objective');
    });

    it('adding an action: a deadline before the start is refused in plain words', async () => {
      const plan = generatePlan(audit, baseline, {
        seed: 5,
        today: TODAY,
        objectives: 1,
        actionsPerObjective: 0,
      });
      const el = await make({ plan });
      const o = plan.objectives[0]!.id;
      const events: AtPlanChangeEvent[] = [];
      el.addEventListener('at-plan-change', (e) => events.push(e));
      await setField(el, `action-${o}-description`, 'Train lunchtime staff on reporting');
      await setField(el, `action-${o}-owner`, 'lunchtime-staff');
      await setField(el, `action-${o}-start`, '2027-04-01');
      await setField(el, `action-${o}-deadline`, '2027-03-01');
      await setField(el, `action-${o}-evidence-url`, 'javascript:alert(1)');
      await submit(el, `action-${o}-description`);
      expect($$(el, `#action-${o}-error-summary a`).map(text)).to.deep.equal([
        'The deadline must be the same as or after the start date',
        'Enter an evidence note',
        'Enter a link that starts with https://, mailto: or tel:, or a path on your site',
      ]);
      await setField(el, `action-${o}-evidence-url`, '');
      await submit(el, `action-${o}-description`);
      expect($$(el, `#action-${o}-error-summary a`).map(text)).to.deep.equal([
        'The deadline must be the same as or after the start date',
      ]);
      expect(focused(el)).to.equal(`action-${o}-error-summary`);
      await setField(el, `action-${o}-deadline`, '2027-06-30');
      await submit(el, `action-${o}-description`);
      expect(events.length).to.equal(1);
      expect(events[0]!.plan.actions[0]).to.deep.include({
        description: 'Train lunchtime staff on reporting',
        ownerRole: 'lunchtime-staff',
        startDate: '2027-04-01',
        deadline: '2027-06-30',
        status: 'not-started',
      });
    });

    it('keyboard: an action’s status changes from its select and progress follows', async () => {
      const plan = generatePlan(audit, baseline, { seed: 5, today: TODAY });
      const el = await make({ plan });
      const events: AtPlanChangeEvent[] = [];
      el.addEventListener('at-plan-change', (e) => events.push(e));
      const target = plan.actions.find((a) => a.status !== 'done' && a.status !== 'dropped')!;
      const select = $<HTMLSelectElement>(el, `tr[data-action="${target.id}"] select`)!;
      expect(select.getAttribute('aria-label')).to.equal(`Status of “${target.description}”`);
      select.focus();
      // Chromium: Alt+ArrowDown opens, but selecting by typing works on a closed select.
      await sendKeys({ type: 'Done' });
      await el.updateComplete;
      expect(events.length).to.be.greaterThan(0);
      const last = events.at(-1)!.plan;
      expect(last.actions.find((a) => a.id === target.id)!.status).to.equal('done');
      const progress = planProgress(last, { today: TODAY });
      expect($$(el, '#overdue li').length).to.equal(progress.actions.overdue.length);
    });

    it('keyboard: the review form opens with Enter and a review is logged', async () => {
      const el = await make({ plan: generatePlan(audit, baseline, { seed: 5, today: TODAY }) });
      const events: AtPlanChangeEvent[] = [];
      el.addEventListener('at-plan-change', (e) => events.push(e));
      const summary = $$(el, '[part~=reviews] summary')[0]!;
      summary.focus();
      await sendKeys({ press: 'Enter' });
      expect($<HTMLDetailsElement>(el, '[part~=reviews] details')!.open).to.equal(true);
      await setField(el, 'review-date', TODAY);
      await setField(el, 'review-reviewer', 'governors');
      $<HTMLTextAreaElement>(el, '#review-summary')!.focus();
      await sendKeys({ type: 'Spring review: two actions moved to next term.' });
      await submit(el, 'review-summary');
      expect(events.length).to.equal(1);
      expect(events[0]!.plan.reviews.at(-1)).to.deep.include({
        date: TODAY,
        reviewerRole: 'governors',
        summary: 'Spring review: two actions moved to next term.',
      });
      expect(text($(el, '#reviews li'))).to.contain('Spring review');
    });
  });

  describe('dates', () => {
    it('under lang="en" (no region) dates are British, day first, as the language the strings are in', async () => {
      const plan = generatePlan(audit, baseline, { seed: 5, today: TODAY });
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="en">
          <at-action-plan
            .definition=${audit}
            .plan=${plan}
            .baseline=${baseline}
            .storage=${memoryStorage()}
            school=${SCHOOL}
            today=${TODAY}
          ></at-action-plan>
        </div>`,
      );
      const el = wrapper.querySelector<AtActionPlan>('at-action-plan')!;
      await el.updateComplete;
      const all = text(root(el) as unknown as Element);
      // en-US would write "Mar 15, 2027"; en-GB writes "15 Mar 2027".
      const us = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}/.exec(all);
      expect(us?.[0], 'a US-style date').to.equal(undefined);
      expect(
        /\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec) \d{4}/.test(all),
      ).to.equal(true);
    });
  });

  describe('award reasons', () => {
    it('are translated from the criterion’s message key: a registered language is used, en-GB fills gaps', async () => {
      registerTranslation('cy', {
        awardReasonAuditDone: 'Archwiliad {wave}: {overall}% yn gyffredinol.',
        awardReasonWaveBaseline: 'sylfaenol',
      });
      const plan = generatePlan(audit, baseline, { seed: 5, today: TODAY });
      const award = generateAward({ baseline, end, plan, pupils: generatePupilResults(41) });
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="cy">
          <at-action-plan
            .definition=${audit}
            .plan=${plan}
            .baseline=${baseline}
            .auditResponse=${end}
            .award=${award}
            .storage=${memoryStorage()}
            school=${SCHOOL}
            today=${TODAY}
          ></at-action-plan>
        </div>`,
      );
      const el = wrapper.querySelector<AtActionPlan>('at-action-plan')!;
      await waitUntil(() => $a(el, '[data-criterion]'), 'award rendered');
      const audited = award.criteria.find((c) => c.id === 'eligibility.baseline-audit')!;
      const overall = (audited.message.params as { overall: number }).overall;
      expect(text($a(el, '[data-criterion="eligibility.baseline-audit"] td:last-child'))).to.equal(
        `Archwiliad sylfaenol: ${overall}% yn gyffredinol.`,
      );
      // Not in the Welsh table: the en-GB word, still from the key.
      expect(text($a(el, '[data-criterion="eligibility.end-audit"] td:last-child'))).to.match(
        /^Archwiliad end: [\d.]+% yn gyffredinol\.$/,
      );
    });
  });

  describe('measures', () => {
    const ks2 = getQuestionnaire('pupil-ks2');
    const measures = measuresFrom(ks2, {
      labels: { 'victimisation.frequent': 'Pupils bullied often (KS2)' },
    });

    it('measuresFrom lists the indicators the definition’s declared scoring produces', () => {
      const keys = measures.map((m) => m.indicator);
      expect(keys).to.include('victimisation.frequent');
      expect(measures.every((m) => m.questionnaire === 'pupil-ks2')).to.equal(true);
      expect(measures.find((m) => m.indicator === 'victimisation.frequent')!.label).to.equal(
        'Pupils bullied often (KS2)',
      );
      expect(measuresFrom(ks2, { only: ['victimisation.frequent'] }).length).to.equal(1);
    });

    it('with a list, the measure is a choice (real indicator keys with dots), saved on the objective', async () => {
      const el = await fixture<AtActionPlan>(
        html`<at-action-plan
          .definition=${audit}
          .baseline=${baseline}
          .measures=${measures}
          .storage=${memoryStorage()}
          school=${SCHOOL}
          today=${TODAY}
        ></at-action-plan>`,
      );
      await waitUntil(() => $(el, 'h2'), 'rendered');
      const events: AtPlanChangeEvent[] = [];
      el.addEventListener('at-plan-change', (e) => events.push(e));
      expect($(el, '#objective-measure-definition')).to.equal(null);
      const select = $<HTMLSelectElement>(el, '#objective-measure')!;
      expect([...select.options].map((o) => o.textContent!.trim())).to.include(
        'Pupils bullied often (KS2)',
      );
      $<HTMLDetailsElement>(el, '#add-objective')!.open = true;
      await expect(el).to.be.accessible();
      $<HTMLInputElement>(el, '#objective-statements')!.click();
      await setField(el, 'objective-title', 'Fewer pupils bullied often');
      await setField(el, 'objective-specific', 'Fewer pupils say they are bullied often.');
      await setField(el, 'objective-measurable', 'The KS2 questionnaire.');
      await setField(el, 'objective-time-bound', '2027-07-20');
      await setField(el, 'objective-measure', 'pupil-ks2 victimisation.frequent');
      await setField(el, 'objective-measure-target', 'Below 15%');
      await submit(el, 'objective-title');
      expect(events.length).to.equal(1);
      expect(events[0]!.plan.objectives[0]!.measure).to.deep.equal({
        definition: 'pupil-ks2',
        indicator: 'victimisation.frequent',
        target: 'Below 15%',
      });
      expect(text($(el, '[part~=objective] .summary-list'))).to.contain(
        'Pupils bullied often (KS2) — Below 15%',
      );
    });

    it('without a list, no measure field (nobody types an indicator key); an invalid list is reported and ignored', async () => {
      const errors: string[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
      try {
        const el = await make({ baseline });
        el.measures = [{ questionnaire: 'Pupil KS2', indicator: 'x', label: '' }];
        await el.updateComplete;
        expect(errors.join('\n')).to.contain('measures');
        expect($(el, '#objective-measure')).to.equal(null);
        expect($(el, '#objective-measure-indicator')).to.equal(null);
        expect($(el, '#objective-measure-definition')).to.equal(null);
      } finally {
        console.error = original;
      }
    });
  });

  it('choices come from labelled lists: any audit statement by its text, area by area; no text box asks for an id', async () => {
    const el = await make({ baseline });
    const events: AtPlanChangeEvent[] = [];
    el.addEventListener('at-plan-change', (e) => events.push(e));
    $<HTMLDetailsElement>(el, '#add-objective')!.open = true;
    await el.updateComplete;
    const seeded = new Set(priorities(audit, baseline, { limit: 10 }).map((p) => p.statement));
    const other = audit.areas.flatMap((a) => a.statements).find((st) => !seeded.has(st.id))!;
    const form = $(el, '#add-objective form')!;
    const labels = [...form.querySelectorAll('label')].map(text);
    // Every statement of the audit can be ticked by its words; no field asks for a number or a key.
    expect(labels).to.include(`${other.id} ${other.text['en-GB']}`);
    expect(labels.some((l) => /number|key|id\b|questionnaire/i.test(l))).to.equal(false);
    const box = [...form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].find(
      (b) => text(b.labels?.[0]) === `${other.id} ${other.text['en-GB']}`,
    )!;
    box.click();
    await setField(el, 'objective-title', 'Staff model respectful conduct');
    await setField(el, 'objective-specific', 'Staff challenge unkind words every time.');
    await setField(el, 'objective-measurable', 'Learning walks, termly.');
    await setField(el, 'objective-time-bound', '2027-07-20');
    await submit(el, 'objective-title');
    expect(events.length).to.equal(1);
    expect(events[0]!.detail.plan.objectives[0]!.statements).to.deep.equal([other.id]);
    await expect(el).to.be.accessible();
  });

  describe('change and delete (GOV.UK: Change opens the form filled in; Delete asks in the page)', () => {
    const fullPlan = () => generatePlan(audit, baseline, { seed: 5, today: TODAY });

    it('A11 keyboard: Change an objective with Enter; the form is filled in; axe passes; Save keeps its id', async () => {
      const plan = fullPlan();
      const el = await make({ plan, baseline });
      const events: AtPlanChangeEvent[] = [];
      el.addEventListener('at-plan-change', (e) => events.push(e));
      const o = plan.objectives[0]!;
      const change = $<HTMLButtonElement>(el, `#change-objective-${o.id}`)!;
      expect(text(change)).to.equal(`Change the objective “${o.title}”`);
      change.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const form = `edit-objective-${o.id}`;
      expect(focused(el)).to.equal(`${form}-title`);
      expect($<HTMLInputElement>(el, `#${form}-title`)!.value).to.equal(o.title);
      expect($<HTMLTextAreaElement>(el, `#${form}-specific`)!.value).to.equal(o.success.specific);
      expect($<HTMLInputElement>(el, `#${form}-time-bound`)!.value).to.equal(o.success.timeBound);
      await expect(el).to.be.accessible();
      // An emptied title is refused like on the Add form.
      await setField(el, `${form}-title`, '');
      await submit(el, `${form}-title`);
      expect(focused(el)).to.equal(`${form}-error-summary`);
      expect(events.length).to.equal(0);
      $<HTMLInputElement>(el, `#${form}-title`)!.focus();
      await sendKeys({ type: 'Every pupil knows two ways to report' });
      $<HTMLButtonElement>(el, `#${form}-title`)!
        .closest('form')!
        .querySelector<HTMLButtonElement>('button[type=submit]')!
        .focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(events.length).to.equal(1);
      const saved = events[0]!.plan;
      expect(ActionPlan.safeParse(saved).success).to.equal(true);
      expect(saved.objectives.length).to.equal(plan.objectives.length);
      expect(saved.objectives[0]!.id).to.equal(o.id);
      expect(saved.objectives[0]!.title).to.equal('Every pupil knows two ways to report');
      expect(saved.objectives[0]!.statements).to.deep.equal(o.statements);
      expect(focused(el)).to.equal(`objective-${o.id}`);
      expect($(el, `#${form}-title`)).to.equal(null);
    });

    it('Cancel closes a Change form without an event and returns focus to its Change button', async () => {
      const plan = fullPlan();
      const el = await make({ plan });
      const events: AtPlanChangeEvent[] = [];
      el.addEventListener('at-plan-change', (e) => events.push(e));
      const a = plan.actions[0]!;
      $<HTMLButtonElement>(el, `#change-action-${a.id}`)!.click();
      await el.updateComplete;
      expect(focused(el)).to.equal(`edit-action-${a.id}-description`);
      await setField(el, `edit-action-${a.id}-description`, 'Something else');
      const cancel = [
        ...$(el, `#edit-action-${a.id}-description`)!.closest('form')!.querySelectorAll('button'),
      ].find((b) => text(b) === 'Cancel')!;
      cancel.click();
      await el.updateComplete;
      expect(events.length).to.equal(0);
      expect(focused(el)).to.equal(`change-action-${a.id}`);
      expect(text($(el, `tr[data-action="${a.id}"] td`))).to.equal(a.description);
    });

    it('Change an action: a deadline before the start is refused; a valid change keeps its evidence', async () => {
      const plan = fullPlan();
      const a = plan.actions.find((x) => x.evidence.length > 0) ?? plan.actions[0]!;
      const el = await make({ plan });
      const events: AtPlanChangeEvent[] = [];
      el.addEventListener('at-plan-change', (e) => events.push(e));
      $<HTMLButtonElement>(el, `#change-action-${a.id}`)!.click();
      await el.updateComplete;
      const form = `edit-action-${a.id}`;
      expect($<HTMLSelectElement>(el, `#${form}-owner`)!.value).to.equal(a.ownerRole);
      expect($<HTMLSelectElement>(el, `#${form}-status`)!.value).to.equal(a.status);
      await setField(el, `${form}-deadline`, '2000-01-01');
      await submit(el, `${form}-description`);
      expect($$(el, `#${form}-error-summary a`).map(text)).to.deep.equal([
        'The deadline must be the same as or after the start date',
      ]);
      await expect(el).to.be.accessible();
      await setField(el, `${form}-deadline`, '2027-07-01');
      await setField(el, `${form}-owner`, 'governors');
      await submit(el, `${form}-description`);
      expect(events.length).to.equal(1);
      const saved = events[0]!.plan.actions.find((x) => x.id === a.id)!;
      expect(saved).to.deep.include({ deadline: '2027-07-01', ownerRole: 'governors' });
      expect(saved.evidence).to.deep.equal(a.evidence);
      expect(saved.reviewNotes).to.equal(a.reviewNotes);
      expect(focused(el)).to.equal(`change-action-${a.id}`);
    });

    it('A11 keyboard: Delete an action asks in the page (axe passes); “No” keeps it, “Yes” deletes it', async () => {
      const plan = fullPlan();
      const a = plan.actions[0]!;
      const el = await make({ plan });
      const events: AtPlanChangeEvent[] = [];
      el.addEventListener('at-plan-change', (e) => events.push(e));
      const del = $<HTMLButtonElement>(el, `#delete-action-${a.id}`)!;
      expect(text(del)).to.equal(`Delete the action “${a.description}”`);
      del.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(focused(el)).to.equal('confirm-delete-title');
      expect(text($(el, '#confirm-delete-title'))).to.equal(
        `Delete the action “${a.description}” and its evidence?`,
      );
      await expect(el).to.be.accessible();
      // Tab reaches "Yes, delete it" then "No, keep it".
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal('confirm-delete-yes');
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal('confirm-delete-no');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(events.length).to.equal(0);
      expect($(el, '#confirm-delete')).to.equal(null);
      expect(focused(el)).to.equal(`delete-action-${a.id}`);

      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      $<HTMLButtonElement>(el, '#confirm-delete-yes')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(events.length).to.equal(1);
      const saved = events[0]!.plan;
      expect(ActionPlan.safeParse(saved).success).to.equal(true);
      expect(saved.actions.map((x) => x.id)).not.to.include(a.id);
      expect(saved.actions.length).to.equal(plan.actions.length - 1);
      expect($(el, `tr[data-action="${a.id}"]`)).to.equal(null);
      expect(focused(el)).to.equal(`objective-${a.objective}`);
      expect(text($(el, '[role=status]'))).to.equal('Deleted');
    });

    it('deleting an objective deletes its actions too (the question says how many); focus goes to the list heading', async () => {
      const plan = fullPlan();
      const o = plan.objectives[0]!;
      const own = plan.actions.filter((x) => x.objective === o.id).length;
      const el = await make({ plan });
      const events: AtPlanChangeEvent[] = [];
      el.addEventListener('at-plan-change', (e) => events.push(e));
      $<HTMLButtonElement>(el, `#delete-objective-${o.id}`)!.click();
      await el.updateComplete;
      expect(text($(el, '#confirm-delete'))).to.contain(
        own === 1 ? 'Its 1 action' : `Its ${own} actions`,
      );
      $<HTMLButtonElement>(el, '#confirm-delete-yes')!.click();
      await el.updateComplete;
      const saved = events[0]!.plan;
      expect(saved.objectives.map((x) => x.id)).not.to.include(o.id);
      expect(saved.actions.some((x) => x.objective === o.id)).to.equal(false);
      expect(saved.actions.length).to.equal(plan.actions.length - own);
      expect(focused(el)).to.equal('objectives-heading');
    });

    it('a review can be changed and deleted; focus goes back to the review list', async () => {
      const el = await make({ plan: fullPlan() });
      const events: AtPlanChangeEvent[] = [];
      el.addEventListener('at-plan-change', (e) => events.push(e));
      // Log one review, then change it and delete it.
      $<HTMLDetailsElement>(el, '[part~=reviews] details')!.open = true;
      await setField(el, 'review-date', TODAY);
      await setField(el, 'review-reviewer', 'governors');
      await setField(el, 'review-summary', 'Spring review.');
      await submit(el, 'review-summary');
      const review = events.at(-1)!.plan.reviews.at(-1)!;
      $<HTMLButtonElement>(el, `#change-review-${review.id}`)!.click();
      await el.updateComplete;
      const form = `edit-review-${review.id}`;
      expect($<HTMLTextAreaElement>(el, `#${form}-summary`)!.value).to.equal('Spring review.');
      await expect(el).to.be.accessible();
      await setField(el, `${form}-summary`, 'Spring review: posters done.');
      await submit(el, `${form}-summary`);
      const changed = events.at(-1)!.plan.reviews.find((r) => r.id === review.id)!;
      expect(changed.summary).to.equal('Spring review: posters done.');
      expect(focused(el)).to.equal(`change-review-${review.id}`);
      $<HTMLButtonElement>(el, `#delete-review-${review.id}`)!.click();
      await el.updateComplete;
      $<HTMLButtonElement>(el, '#confirm-delete-yes')!.click();
      await el.updateComplete;
      expect(events.at(-1)!.plan.reviews.some((r) => r.id === review.id)).to.equal(false);
      expect(focused(el)).to.equal('reviews-heading');
    });
  });

  it('evidence and review notes are added to an action, validated', async () => {
    const plan = generatePlan(audit, baseline, { seed: 5, today: TODAY });
    const el = await make({ plan });
    const action = plan.actions[0]!;
    const events: AtPlanChangeEvent[] = [];
    el.addEventListener('at-plan-change', (e) => events.push(e));
    const form = `notes-${action.id}`;
    await setField(el, `${form}-evidence-note`, 'Lunchtime rota signed by the team');
    await setField(el, `${form}-evidence-url`, 'ftp://files.example/rota');
    await submit(el, `${form}-evidence-note`);
    expect(events.length).to.equal(0);
    expect(text($(el, `#${form}-evidence-url-error`))).to.equal(
      'Error: Enter a link that starts with https://, mailto: or tel:, or a path on your site',
    );
    await setField(el, `${form}-evidence-url`, '/files/rota.pdf');
    await submit(el, `${form}-evidence-note`);
    expect(events.length).to.equal(1);
    expect(events[0]!.plan.actions[0]!.evidence.at(-1)).to.deep.equal({
      note: 'Lunchtime rota signed by the team',
      url: '/files/rota.pdf',
    });
    await setField(el, `${form}-review-notes`, 'On track after the spring review.');
    [...root(el).querySelectorAll<HTMLButtonElement>('button')]
      .find((b) => text(b) === 'Save review notes')!
      .click();
    await el.updateComplete;
    expect(events.length).to.equal(2);
    expect(events[1]!.plan.actions[0]!.reviewNotes).to.equal('On track after the spring review.');
  });

  it('W8 the default storage is sessionStorage, never localStorage', async () => {
    localStorage.clear();
    const el = await fixture<AtActionPlan>(
      html`<at-action-plan
        .definition=${audit}
        .baseline=${baseline}
        school=${SCHOOL}
        today=${TODAY}
      ></at-action-plan>`,
    );
    await waitUntil(() => $(el, 'h2'));
    await setField(el, 'objective-title', 'Typed');
    expect(sessionStorage.getItem(el.storageKey)).to.be.a('string');
    expect(localStorage.length).to.equal(0);
  });

  describe('invalid input', () => {
    it('an invalid definition shows a clear message and logs the exact path', async () => {
      const logged: string[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
      try {
        const broken = structuredClone(audit) as unknown as { areas: unknown[] };
        broken.areas = [];
        const el = await make({ definition: broken });
        expect(text($(el, '.problem h2'))).to.equal('This action plan cannot be shown');
        expect(logged.join('\n')).to.contain('areas');
        await expect(el).to.be.accessible();
      } finally {
        console.error = original;
      }
    });

    it('an invalid award: a notice, no panel, the path on the console', async () => {
      const logged: string[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
      try {
        const award = generateAward({
          baseline,
          end,
          plan: null,
          pupils: generatePupilResults(41),
        });
        const el = await make({
          baseline,
          auditResponse: end,
          award: { ...award, level: 'platinum' },
        });
        expect(text($(el, '.notice'))).to.contain('could not be read');
        expect(logged.join('\n')).to.contain('level');
        expect($(el, 'at-award-readiness')).to.equal(null);
      } finally {
        console.error = original;
      }
    });

    it('an invalid plan shows a clear message and logs the exact path', async () => {
      const logged: string[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
      try {
        const plan = structuredClone(generatePlan(audit, baseline, { seed: 5, today: TODAY }));
        (plan.actions[1] as { ownerRole: string }).ownerRole = 'Mrs Smith';
        const el = await make({ plan });
        expect(text($(el, '.problem p'))).to.contain('saved action plan');
        expect(logged.join('\n')).to.contain('actions.1.ownerRole');
      } finally {
        console.error = original;
      }
    });
  });

  it('a reload keeps the plan and half-typed text (same storage)', async () => {
    const storage = memoryStorage();
    const el = await make({ baseline, storage });
    await setField(el, 'objective-title', 'Half-typed objective');
    el.remove();
    const again = await make({ baseline, storage });
    await waitUntil(
      () => $<HTMLInputElement>(again, '#objective-title')?.value === 'Half-typed objective',
      'restored',
    );
    expect($<HTMLDetailsElement>(again, '#add-objective')!.open).to.equal(true);
  });

  it('events fire on user action only, never when code sets properties', async () => {
    const el = await make();
    const events: Event[] = [];
    el.addEventListener('at-plan-change', (e) => events.push(e));
    el.baseline = baseline;
    el.auditResponse = end;
    el.plan = generatePlan(audit, baseline, { seed: 9, today: TODAY });
    el.today = '2027-09-01';
    await el.updateComplete;
    await waitUntil(() => $$(el, '[part~=objective]').length > 0);
    expect(events.length).to.equal(0);
  });
});

import { html } from 'lit';
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ActionPlan, AuditResponse } from '@all-together/model';
import { planProgress, priorities, recommendAward, scoreAudit } from '@all-together/scoring';
import { memoryStorage, type DraftStorage } from '../shared/storage.js';
import {
  addDays,
  audit,
  generateAuditResponse,
  generatePlan,
  generatePupilInputs,
  SCHOOL,
} from '../test-helpers/audit-data.js';
import { AtActionPlan, AtPlanChangeEvent } from './action-plan.js';
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
  award?: boolean;
}

async function make(options: Options = {}): Promise<AtActionPlan> {
  const pupils = options.award ? generatePupilInputs(41) : undefined;
  const el = await fixture<AtActionPlan>(
    html`<at-action-plan
      .definition=${'definition' in options ? options.definition : audit}
      .plan=${options.plan}
      .baseline=${options.baseline}
      .auditResponse=${options.auditResponse}
      .storage=${options.storage ?? memoryStorage()}
      .baselineQuestionnaire=${pupils?.baselineQuestionnaire ?? null}
      .endQuestionnaire=${pupils?.endQuestionnaire ?? null}
      .pupilOutcomes=${pupils?.pupilOutcomes ?? []}
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

  it('the award panel lists every criterion met or not, and why, from recommendAward', async () => {
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
    const el = await make({ plan, baseline, auditResponse: endWithEvidence, award: true });
    const pupils = generatePupilInputs(41);
    const evidencePerArea = Object.fromEntries(
      audit.areas.map((a) => [
        a.number,
        a.statements.reduce((n, s) => n + (endWithEvidence.evidence[s.id]?.length ?? 0), 0),
      ]),
    );
    const expected = recommendAward({
      baselineAudit: scoreAudit(audit, baseline),
      endAudit: scoreAudit(audit, endWithEvidence),
      plan,
      evidencePerArea,
      ...pupils,
    });
    const rows = $$(el, '[part~=criterion]');
    expect(rows.map((r) => r.dataset['criterion'])).to.deep.equal(
      expected.criteria.map((c) => c.id),
    );
    rows.forEach((row, i) => {
      const c = expected.criteria[i]!;
      expect(text(row.querySelector('.tag')), c.id).to.equal(c.met ? 'Met' : 'Not met');
      expect(text(row.querySelector('td:last-child'))).to.equal(c.reason);
    });
    const levels = {
      participation: 'A certificate of participation',
      bronze: 'Bronze',
      silver: 'Silver',
      gold: 'Gold',
    };
    expect(text($(el, '#award-level strong'))).to.equal(levels[expected.level]);
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
      await setField(el, 'objective-measure-indicator', 'Victimisation.Frequent');
      await submit(el, 'objective-title');
      expect(focused(el)).to.equal('objective-error-summary');
      expect($$(el, '#objective-error-summary a').map(text)).to.deep.equal([
        'Enter the objective',
        'Enter what will change',
        'Enter how it will be measured',
        'Enter a real date',
        'Enter the questionnaire in lower-case words joined by hyphens, for example pupil-ks2',
        'Enter the indicator in lower-case words joined by hyphens, for example victimisation',
      ]);
      expect($<HTMLInputElement>(el, '#objective-measure-indicator')!.value).to.equal(
        'Victimisation.Frequent',
      );
      expect(events.length).to.equal(0);
      await expect(el).to.be.accessible();

      await setField(el, 'objective-title', 'Every pupil knows how to report bullying');
      await setField(el, 'objective-specific', 'Pupils can name two ways to report.');
      await setField(el, 'objective-measurable', 'Pupil perception survey, spring term.');
      await setField(el, 'objective-time-bound', '2027-07-20');
      await setField(el, 'objective-measure-definition', 'pupil-ks2');
      await setField(el, 'objective-measure-indicator', 'victimisation');
      await submit(el, 'objective-title');
      expect(events.length).to.equal(1);
      const plan = events[0]!.plan;
      expect(ActionPlan.safeParse(plan).success).to.equal(true);
      expect(plan.objectives[0]!.statements).to.deep.equal([statement]);
      expect(plan.objectives[0]!.measure).to.deep.equal({
        definition: 'pupil-ks2',
        indicator: 'victimisation',
      });
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

    it('invalid award inputs: a notice, the rest of the award still shown, the path on the console', async () => {
      const logged: string[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
      try {
        const el = await make({ baseline, auditResponse: end });
        el.pupilOutcomes = [
          { group: 'all', baseline: { count: 30, base: 20 }, end: { count: 1, base: 20 } },
        ];
        await el.updateComplete;
        expect(text($(el, '[part~=award] .notice'))).to.contain('could not be read');
        expect(logged.join('\n')).to.contain('0.baseline.count');
        expect($$(el, '[part~=criterion]').length).to.be.greaterThan(0);
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

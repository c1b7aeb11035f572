/**
 * Stories of `<at-action-plan>`, built from package data: the shipped audit definition, audits and
 * a plan generated from seeds, and the award recommendation made by scoring's `awardInputs` and
 * `recommendAward` from them and the seeded cohort's published results (see
 * `test-helpers/audit-data.ts`). No hand-typed figures.
 */
import { html } from 'lit';
import { getQuestionnaire } from '@all-together/questionnaires';
import { memoryStorage } from '../shared/storage.js';
import { measuresFrom } from './measures.js';
import {
  audit,
  generateAuditResponse,
  generateAward,
  generatePlan,
  generatePupilResults,
  SCHOOL,
} from '../test-helpers/audit-data.js';
import './at-action-plan.js';

const TODAY = '2027-03-15';
const baseline = generateAuditResponse(audit, { seed: 31, wave: 'baseline' });
const end = generateAuditResponse(audit, { seed: 32, wave: 'end', evidencePerArea: 2 });
const plan = generatePlan(audit, baseline, { seed: 5, today: TODAY });
const award = generateAward({ baseline, end, plan, pupils: generatePupilResults(41) });

const meta = {
  title: 'Elements/at-action-plan',
  component: 'at-action-plan',
  parameters: { a11y: { test: 'error' } },
};
export default meta;

/** No audit and no plan yet. */
export const Empty = {
  render: () =>
    html`<at-action-plan
      .definition=${audit}
      school=${SCHOOL}
      today=${TODAY}
      .storage=${memoryStorage()}
    ></at-action-plan>`,
};

/** A new plan seeded with priorities from the baseline audit's weakest statements. */
export const Seeded = {
  render: () =>
    html`<at-action-plan
      .definition=${audit}
      .baseline=${baseline}
      school=${SCHOOL}
      today=${TODAY}
      .storage=${memoryStorage()}
    ></at-action-plan>`,
};

/** A plan under way, with overdue actions, and the award-readiness panel after the end audit. */
export const OverdueAndAward = {
  render: () =>
    html`<at-action-plan
      .definition=${audit}
      .plan=${plan}
      .baseline=${baseline}
      .auditResponse=${end}
      .award=${award}
      school=${SCHOOL}
      today=${TODAY}
      .storage=${memoryStorage()}
    ></at-action-plan>`,
};

/** An invalid plan: a clear message on screen, the exact path in the console. */
export const InvalidPlan = {
  render: () =>
    html`<at-action-plan
      .definition=${audit}
      .plan=${{ ...plan, school: 'not a URN' }}
      school=${SCHOOL}
      today=${TODAY}
      .storage=${memoryStorage()}
    ></at-action-plan>`,
};

/** Right to left. */
export const RightToLeft = {
  render: () =>
    html`<div dir="rtl">
      <at-action-plan
        .definition=${audit}
        .plan=${plan}
        .baseline=${baseline}
        .auditResponse=${end}
        .award=${award}
        school=${SCHOOL}
        today=${TODAY}
        .storage=${memoryStorage()}
      ></at-action-plan>
    </div>`,
};

/** Objectives measured by a choice of indicators from the KS2 pupil questionnaire's declared scoring. */
export const WithMeasures = {
  render: () =>
    html`<at-action-plan
      .definition=${audit}
      .baseline=${baseline}
      .measures=${measuresFrom(getQuestionnaire('pupil-ks2'))}
      school=${SCHOOL}
      today=${TODAY}
      .storage=${memoryStorage()}
    ></at-action-plan>`,
};

/** Opens the first action's Change (or Delete) button once the element has rendered. */
const press = (which: 'change' | 'delete') =>
  async function play({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
    const el = canvasElement.querySelector('at-action-plan')!;
    await customElements.whenDefined('at-action-plan');
    for (let i = 0; i < 50 && !el.shadowRoot?.querySelector(`[id^="${which}-action-"]`); i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    el.shadowRoot?.querySelector<HTMLButtonElement>(`[id^="${which}-action-"]`)?.click();
  };

const planUnderWay = () =>
  html`<at-action-plan
    .definition=${audit}
    .plan=${plan}
    .baseline=${baseline}
    school=${SCHOOL}
    today=${TODAY}
    .storage=${memoryStorage()}
  ></at-action-plan>`;

/** An action's Change form, filled in with what the action holds. */
export const ChangingAnAction = { render: planUnderWay, play: press('change') };

/** The in-page question before an action is deleted. */
export const ConfirmingADelete = { render: planUnderWay, play: press('delete') };

// Journeys › One school: one synthetic school through the programme — its audit, the action plan
// that follows, its pupils' questionnaire and their results — with the four elements fed the same
// school's data (one-school.data.ts). Drafts are kept in memory, so stories never share storage.
import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { memoryStorage } from '@all-together/components';
import '@all-together/components/at-audit.js';
import '@all-together/components/at-action-plan.js';
import '@all-together/components/at-questionnaire.js';
import '@all-together/components/at-results.js';
import {
  actionPlan,
  audit,
  auditComparison,
  auditPriorities,
  auditResponses,
  auditScores,
  award,
  awardEarly,
  COHORT_SEED,
  questionnaire,
  responsesOf,
  resultDefinitions,
  results,
  school,
} from './one-school.data.js';

const meta = {
  title: 'Journeys/One school',
  // The journey's page is one-school.mdx, which walks through these stories in order.
  tags: ['!autodocs'],
  parameters: {
    layout: 'padded',
    // The events each step fires appear in the Actions panel.
    actions: {
      handles: [
        'at-audit-change',
        'at-audit-complete',
        'at-plan-change',
        'at-start',
        'at-answer',
        'at-page',
        'at-submit',
        'at-exit',
        'at-breakdown-change',
        'at-pool-change',
      ],
    },
  },
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** The school this journey follows, from the seeded synthetic cohort. */
export const TheSchool: Story = {
  name: '0. The school',
  render: () => html`
    <section aria-labelledby="journey-school">
      <h2 id="journey-school">${school.name}</h2>
      <dl>
        <dt>Phase</dt>
        <dd>${school.phase}</dd>
        <dt>URN (synthetic)</dt>
        <dd>${school.urn}</dd>
        <dt>Pupils who answered at Time 1 and Time 2</dt>
        <dd>${responsesOf('baseline').length} and ${responsesOf('end').length}</dd>
        <dt>Audit statements rated at baseline</dt>
        <dd>
          ${
            Object.values(auditScores.counts).reduce((a, b) => a + b, 0) -
            auditScores.counts.unrated
          }
        </dd>
        <dt>Priorities from the audit</dt>
        <dd>${auditPriorities.map((p) => p.statement).join(', ')}</dd>
      </dl>
      <p>Synthetic data: cohort seed ${COHORT_SEED}. No real pupil or school.</p>
    </section>
  `,
};

/** Step 1: the school lead completes the 360° audit at the start of the programme. */
export const Audit: Story = {
  name: '1. Audit (baseline)',
  render: () => html`
    <at-audit
      .definition=${audit}
      .response=${auditResponses.baseline}
      .storage=${memoryStorage()}
      school=${school.urn}
      wave="baseline"
    ></at-audit>
  `,
};

/** Step 2: the action plan, seeded from the audit's weakest statements, a term in. */
export const ActionPlan: Story = {
  name: '2. Action plan',
  render: () => html`
    <at-action-plan
      .plan=${actionPlan}
      .definition=${audit}
      .auditResponse=${auditResponses.baseline}
      .baseline=${auditResponses.baseline}
      .award=${awardEarly}
      .storage=${memoryStorage()}
      school=${school.urn}
      today=${actionPlan.updatedAt.slice(0, 10)}
    ></at-action-plan>
  `,
};

/** Step 3: a pupil at the school answers the questionnaire for their key stage. */
export const Questionnaire: Story = {
  name: '3. Pupil questionnaire',
  render: () => html`
    <at-questionnaire
      .definition=${questionnaire}
      .storage=${memoryStorage()}
      school=${school.urn}
      wave="baseline"
    ></at-questionnaire>
  `,
};

/** Step 4: the school's results at Time 2, with disclosure control, against the rest of the area. */
export const Results: Story = {
  name: '4. Results',
  render: () => html`
    <at-results
      .results=${results}
      comparator-name="the rest of the local authority"
      .audit=${auditComparison}
      .definitions=${resultDefinitions}
      scope="school"
      view="headline"
    ></at-results>
  `,
};

/** Step 4b: the change since Time 1, by SEN status. */
export const ResultsChange: Story = {
  name: '4b. Results: change since Time 1',
  render: () => html`
    <at-results
      .results=${results}
      pool="pupil-ks2-secondary"
      .definitions=${resultDefinitions}
      scope="school"
      view="change"
      dimension="sen"
    ></at-results>
  `,
};

/** Step 5: the end audit beside the baseline, and the award readiness it leads to. */
export const EndAudit: Story = {
  name: '5. Audit (end) and the award',
  render: () => html`
    <at-audit
      .definition=${audit}
      .response=${auditResponses.end}
      .baseline=${auditResponses.baseline}
      .storage=${memoryStorage()}
      school=${school.urn}
      wave="end"
    ></at-audit>
    <at-action-plan
      .plan=${actionPlan}
      .definition=${audit}
      .auditResponse=${auditResponses.end}
      .baseline=${auditResponses.baseline}
      .award=${award}
      .storage=${memoryStorage()}
      school=${school.urn}
      today=${auditResponses.end.updatedAt.slice(0, 10)}
    ></at-action-plan>
  `,
};

// Journeys › One school: audit → action plan → questionnaire → results, for one synthetic school.
import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import {
  auditPriorities,
  auditScores,
  COHORT_SEED,
  responsesOf,
  school,
} from './one-school.data.js';

const meta = {
  title: 'Journeys/One school',
  parameters: { layout: 'padded' },
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
          ${Object.values(auditScores.counts).reduce((a, b) => a + b, 0) - auditScores.counts.unrated}
        </dd>
        <dt>Priorities from the audit</dt>
        <dd>${auditPriorities.map((p) => p.statement).join(', ')}</dd>
      </dl>
      <p>Synthetic data: cohort seed ${COHORT_SEED}. No real pupil or school.</p>
    </section>
  `,
};

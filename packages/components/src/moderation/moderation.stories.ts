/**
 * Stories of `<at-moderation>`: a recommendation made by scoring's `awardInputs` and
 * `recommendAward` from the package's generated data (no hand-typed figures), the shared evidence
 * fixtures, and decisions with their reasons.
 */
import { html } from 'lit';
import { openRecommendation } from './test-helpers/moderation-data.js';
import { areas, completeItems, decisions } from '../evidence/test-helpers/evidence-data.js';
import './at-moderation.js';

const meta = {
  title: 'Elements/at-moderation',
  component: 'at-moderation',
  parameters: { a11y: { test: 'error' } },
};
export default meta;

/** Waiting for a decision: the recommendation, the evidence, and the decision form. */
export const ToDecide = {
  render: () =>
    html`<at-moderation
      school="Oakfield Primary (synthetic)"
      .recommendation=${openRecommendation}
      .evidence=${completeItems}
      .areas=${areas}
      file-href="#file-{id}"
      can-decide
      ><p slot="outcomes">The host puts its &lt;at-results&gt; here.</p></at-moderation
    >`,
};

/** Decided, waiting for a second moderator: the decisions with their reasons, no form. */
export const Decided = {
  render: () =>
    html`<at-moderation
      school="Oakfield Primary (synthetic)"
      .recommendation=${openRecommendation}
      .evidence=${completeItems}
      .areas=${areas}
      .decisions=${decisions}
    ></at-moderation>`,
};

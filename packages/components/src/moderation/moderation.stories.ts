/**
 * Stories of `<at-moderation>`: a recommendation made by scoring's `awardInputs` and
 * `recommendAward` from the package's generated data (no hand-typed figures), the shared evidence
 * fixtures, and decisions with their reasons.
 */
import { html } from 'lit';
import {
  audit,
  generateAuditResponse,
  generateAward,
  generatePerception,
  generatePlan,
  generatePupilResults,
  SEED_OPEN,
} from '../test-helpers/audit-data.js';
import { areas, completeItems, decisions } from '../evidence/test-helpers/evidence-data.js';
import './at-moderation.js';

const TODAY = '2027-03-15';
const baseline = generateAuditResponse(audit, { seed: 31, wave: 'baseline' });
const end = generateAuditResponse(audit, { seed: 32, wave: 'end', evidencePerArea: 2 });
const plan = generatePlan(audit, baseline, {
  seed: 6,
  today: TODAY,
  statusWeights: [0, 0.1, 0.9, 0],
});
/** A school whose SEND figure is hidden: criteria for the moderator's judgement. */
export const openRecommendation = generateAward({
  baseline,
  end,
  plan,
  pupils: generatePupilResults(SEED_OPEN),
  perception: { baseline: generatePerception(7), end: generatePerception(8) },
});

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

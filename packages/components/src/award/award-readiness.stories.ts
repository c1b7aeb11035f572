/**
 * Stories of `<at-award-readiness>`: recommendations made by scoring's `awardInputs` and
 * `recommendAward` from the package's generated audits, plan, published pupil results and
 * perception surveys (no hand-typed figures): the same two functions the demo server calls.
 */
import { html } from 'lit';
import {
  audit,
  generateAuditResponse,
  generateAward,
  generatePerception,
  generatePlan,
  generatePupilResults,
  SEED_DECIDED,
  SEED_OPEN,
} from '../test-helpers/audit-data.js';
import './at-award-readiness.js';

const TODAY = '2027-03-15';
const baseline = generateAuditResponse(audit, { seed: 31, wave: 'baseline' });
const end = generateAuditResponse(audit, { seed: 32, wave: 'end', evidencePerArea: 2 });
const plan = generatePlan(audit, baseline, {
  seed: 6,
  today: TODAY,
  statusWeights: [0, 0.1, 0.9, 0],
});
const pupils = generatePupilResults(SEED_DECIDED);

const meta = {
  title: 'Elements/at-award-readiness',
  component: 'at-award-readiness',
  parameters: { a11y: { test: 'error' } },
};
export default meta;

/** Both audits, a plan well under way, pupil results and the 360°: every criterion with its reason. */
export const Recommendation = {
  render: () =>
    html`<at-award-readiness
      .recommendation=${generateAward({
        baseline,
        end,
        plan,
        pupils,
        perception: { baseline: generatePerception(7), end: generatePerception(8) },
      })}
    ></at-award-readiness>`,
};

/**
 * A school whose figure for pupils with SEND is hidden and whose rise is too small to test: those
 * criteria need the moderator's judgement, and the level says what judging them met would give.
 */
export const NeedsJudgement = {
  render: () =>
    html`<at-award-readiness
      .recommendation=${generateAward({
        baseline,
        end,
        plan,
        pupils: generatePupilResults(SEED_OPEN),
        perception: { baseline: generatePerception(7), end: generatePerception(8) },
      })}
    ></at-award-readiness>`,
};

/** No perception surveys: the 360° criteria are not met, and the level says so. */
export const WithoutThe360 = {
  render: () =>
    html`<at-award-readiness
      .recommendation=${generateAward({ baseline, end, plan, pupils })}
    ></at-award-readiness>`,
};

/** Only the baseline so far: the certificate of participation, and what is still missing. */
export const EarlyInTheYear = {
  render: () =>
    html`<at-award-readiness
      .recommendation=${generateAward({
        baseline,
        end: null,
        plan: null,
        pupils: { ...pupils, pools: pupils.pools.map((p) => ({ ...p, end: null, changes: [] })) },
      })}
    ></at-award-readiness>`,
};

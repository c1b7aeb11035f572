/**
 * Stories of `<at-award-readiness>`: recommendations made by scoring's `recommendAward` from the
 * package's generated audits, plan and synthetic cohort (no hand-typed figures).
 */
import { html } from 'lit';
import { recommendAward, scoreAudit } from '@all-together/scoring';
import {
  audit,
  generateAuditResponse,
  generatePlan,
  generatePupilInputs,
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

const meta = {
  title: 'Elements/at-award-readiness',
  component: 'at-award-readiness',
  parameters: { a11y: { test: 'error' } },
};
export default meta;

/** Both audits, a plan well under way and pupil figures: every criterion with its reason. */
export const Recommendation = {
  render: () =>
    html`<at-award-readiness
      .recommendation=${recommendAward({
        baselineAudit: scoreAudit(audit, baseline),
        endAudit: scoreAudit(audit, end),
        plan,
        evidencePerArea: { 1: 2, 2: 2, 3: 2, 4: 2, 5: 2, 6: 2 },
        ...generatePupilInputs(41),
      })}
    ></at-award-readiness>`,
};

/** Only the baseline so far: the certificate of participation, and what is still missing. */
export const EarlyInTheYear = {
  render: () =>
    html`<at-award-readiness
      .recommendation=${recommendAward({
        baselineAudit: scoreAudit(audit, baseline),
        endAudit: null,
        baselineQuestionnaire: null,
        endQuestionnaire: null,
        plan: null,
        evidencePerArea: {},
        pupilOutcomes: [],
      })}
    ></at-award-readiness>`,
};

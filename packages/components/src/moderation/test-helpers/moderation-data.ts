/**
 * The recommendation `<at-moderation>`'s stories, tests and strict-CSP scenario share: made by
 * scoring's `awardInputs` and `recommendAward` from the package's generated data (no hand-typed
 * figures), for a school whose SEND figure is hidden, so some criteria need the moderator's
 * judgement.
 */
import {
  audit,
  generateAuditResponse,
  generateAward,
  generatePerception,
  generatePlan,
  generatePupilResults,
  SEED_OPEN,
} from '../../test-helpers/audit-data.js';

const TODAY = '2027-03-15';
const baseline = generateAuditResponse(audit, { seed: 31, wave: 'baseline' });
const end = generateAuditResponse(audit, { seed: 32, wave: 'end', evidencePerArea: 2 });
const plan = generatePlan(audit, baseline, {
  seed: 6,
  today: TODAY,
  statusWeights: [0, 0.1, 0.9, 0],
});

export const openRecommendation = generateAward({
  baseline,
  end,
  plan,
  pupils: generatePupilResults(SEED_OPEN),
  perception: { baseline: generatePerception(7), end: generatePerception(8) },
});

/**
 * The complete British English table: every element's strings in one object, for translators (a
 * list of every key to translate) and tests. Elements do not import it: each registers its own
 * strings when it loads, so a page pays only for the elements it uses.
 *
 * @module
 */
import { actionPlanStrings } from './action-plan/action-plan.strings.js';
import { evidenceStrings } from './evidence/evidence.strings.js';
import { incidentFormStrings } from './incident/incident-form.strings.js';
import { incidentLogStrings } from './incident/incident-log.strings.js';
import { exitStrings } from './exit/exit.strings.js';
import { moderationStrings } from './moderation/moderation.strings.js';
import { auditStrings } from './audit/audit.strings.js';
import { awardStrings } from './award/award.strings.js';
import { progressStrings } from './progress/progress.strings.js';
import { questionnaireStrings } from './questionnaire/questionnaire.strings.js';
import { resultsStrings } from './results/results.strings.js';
import { trackerStrings } from './tracker/programme-tracker.strings.js';
import type { Translation } from './shared/i18n.js';

/** The complete British English table. */
export const enGB: Translation = {
  ...progressStrings,
  ...exitStrings,
  ...questionnaireStrings,
  ...auditStrings,
  ...actionPlanStrings,
  ...awardStrings,
  ...resultsStrings,
  ...trackerStrings,
  ...evidenceStrings,
  ...moderationStrings,
  ...incidentLogStrings,
  ...incidentFormStrings,
};

/**
 * `@all-together/components`: the element classes and shared helpers.
 *
 * Importing this module registers no element. Register each one through its own entry point, for
 * example `import '@all-together/components/at-progress.js'`.
 *
 * @module
 */
export { AtProgress } from './progress/progress.js';
export { AtQuestionnaire } from './questionnaire/questionnaire.js';
export {
  AtAnswerEvent,
  AtPageEvent,
  AtStartEvent,
  AtSubmitEvent,
  type AtAnswerDetail,
  type AtPageDetail,
  type AtStartDetail,
  type AtSubmitDetail,
  type QuestionnaireView,
} from './questionnaire/questionnaire.events.js';
export { AtExitThisPage, DEFAULT_EXIT_URL } from './exit/exit-this-page.js';
export { AtExitEvent, type AtExitDetail } from './exit/exit-this-page.events.js';
export { ExitShortcutController } from './exit/exit-controller.js';
export { outboxKey } from './questionnaire/outbox.js';
export {
  AtAudit,
  AtAuditChangeEvent,
  AtAuditCompleteEvent,
  type AtAuditChangeDetail,
  type AtAuditCompleteDetail,
} from './audit/audit.js';
export {
  AtActionPlan,
  AtPlanChangeEvent,
  type AtPlanChangeDetail,
} from './action-plan/action-plan.js';
export {
  AtBreakdownChangeEvent,
  type AtBreakdownChangeDetail,
  AtResults,
  RESULTS_DIMENSIONS,
  RESULTS_ROLES,
  RESULTS_SCOPES,
  RESULTS_VIEWS,
  type ResultsDimension,
  type ResultsRole,
  type ResultsScope,
  type ResultsView,
} from './results/results.js';
export { AtProgrammeTracker } from './tracker/programme-tracker.js';
export {
  AtSchoolSelectEvent,
  AtTrackerDownloadEvent,
  type AtSchoolSelectDetail,
  type AtTrackerDownloadDetail,
} from './tracker/programme-tracker.events.js';
export { AtEvidence, type EvidenceAction, type EvidenceArea } from './evidence/evidence.js';
export {
  AtEvidenceAddEvent,
  AtEvidenceRemoveEvent,
  type AtEvidenceAddDetail,
  type AtEvidenceRemoveDetail,
} from './evidence/evidence.events.js';
export { AtModeration, type ModerationArea } from './moderation/moderation.js';
export {
  AtModerationDecisionEvent,
  type AtModerationDecisionDetail,
} from './moderation/moderation.events.js';
export { AtIncidentLog } from './incident/incident-log.js';
export {
  AtIncidentSelectEvent,
  type AtIncidentSelectDetail,
} from './incident/incident-log.events.js';
export {
  filterIncidents,
  termOf,
  trendsByTerm,
  type IncidentLogFilter,
  type TermTrend,
} from './incident/incident-log.model.js';
export { AtIncidentForm } from './incident/incident-form.js';
export {
  AtIncidentChangeEvent,
  AtIncidentInvalidEvent,
  AtIncidentSaveEvent,
  type AtIncidentChangeDetail,
  type AtIncidentInvalidDetail,
  type AtIncidentSaveDetail,
} from './incident/incident-form.events.js';
export {
  checkValues as checkIncidentForm,
  updateOf as incidentUpdateOf,
  valuesOf as incidentFormValues,
  type FormProblem as IncidentFormProblem,
  type IncidentFormValues,
} from './incident/incident-form.model.js';
export { measuresFrom, MeasureOptions, type MeasureOption } from './action-plan/measures.js';

export { AtElement } from './shared/at-element.js';
export { defineElement } from './shared/define.js';
export { AtEvent, type AtEventInit, type AtEventType } from './shared/events.js';
export {
  defaultLang,
  defineDefaultStrings,
  format,
  matchLang,
  registerTranslation,
  resolveLang,
  translate,
  type Message,
  type MessageParams,
  type PluralMessage,
  type Translation,
  type TranslationKey,
  type TranslationParams,
} from './shared/i18n.js';
export { enGB } from './en-gb.js';
export { DESIGN_TOKENS } from './shared/tokens.js';
export { LocalizeController } from './shared/localize-controller.js';
export { DraftController, type DraftOptions } from './shared/controllers/draft-controller.js';
export { FocusController } from './shared/controllers/focus-controller.js';
export { LoadController, type LoadState } from './shared/controllers/load-controller.js';
export { TitleController, type TitleState } from './shared/controllers/title-controller.js';
export { LoadError, loadJson, type LoadLimits } from './shared/load-json.js';
export { csvCell } from './shared/csv.js';
export {
  localDraftStorage,
  memoryStorage,
  sessionDraftStorage,
  type DraftStorage,
} from './shared/storage.js';

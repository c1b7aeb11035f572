/**
 * `@all-together/components`: the element classes and shared helpers.
 *
 * Importing this module registers no element. Register each one through its own entry point, for
 * example `import '@all-together/components/at-progress.js'`.
 *
 * @module
 */
export { AtProgress } from './progress/progress.js';
export { AtQuestionnaire, DEFAULT_EXIT_URL } from './questionnaire/questionnaire.js';
export {
  AtAnswerEvent,
  AtExitEvent,
  AtPageEvent,
  AtStartEvent,
  AtSubmitEvent,
  type QuestionnaireView,
} from './questionnaire/questionnaire.events.js';
export { outboxKey } from './questionnaire/outbox.js';
export { AtAudit, AtAuditChangeEvent, AtAuditCompleteEvent } from './audit/audit.js';
export { AtActionPlan, AtPlanChangeEvent } from './action-plan/action-plan.js';
export {
  AtBreakdownChangeEvent,
  AtResults,
  RESULTS_DIMENSIONS,
  RESULTS_ROLES,
  RESULTS_SCOPES,
  RESULTS_VIEWS,
  csvCell,
  type ResultsDimension,
  type ResultsRole,
  type ResultsScope,
  type ResultsView,
} from './results/results.js';
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
export {
  localDraftStorage,
  memoryStorage,
  sessionDraftStorage,
  type DraftStorage,
} from './shared/storage.js';

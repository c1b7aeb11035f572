/**
 * @all-together/model — the All Together programme as zod schemas. Each export is a schema and the
 * type it parses to, under one name.
 * @packageDocumentation
 */
export * from './ids.js';
export * from './text.js';
export * from './organisations.js';
export * from './round.js';
export * from './characteristics.js';
export * from './conditions.js';
export * from './questionnaire.js';
export * from './audit.js';
export * from './response.js';
export * from './action-plan.js';
export * from './award.js';
export * from './moderation.js';
export * from './disclosure.js';
export * from './summary.js';
export * from './published.js';
export * from './tracker.js';
export * from './targeting.js';
export * from './incident.js';
export * from './problems.js';
export * from './validate.js';
export {
  evaluateCondition,
  isRoundId,
  isUrn,
  isWave,
  type AnswerValue,
  type ConditionContext,
} from './rules.js';
export * from './json-schema.js';
export { checkLocales, type Path } from './checks.js';

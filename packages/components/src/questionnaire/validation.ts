/**
 * The parts of `@all-together/model` that `<at-questionnaire>` runs: the definition and response
 * schemas (zod) and the visibility rules. The element loads this module with `import()`, so Lit and
 * the element itself arrive first and zod follows in a second request, started as soon as a
 * definition is given. Nothing is skipped: every definition is parsed before it is shown.
 *
 * @module
 */
export {
  check,
  checkAnswer,
  QuestionnaireDefinition,
  RoundId,
  Urn,
  validateResponse,
  visibleItems,
  Wave,
} from '@all-together/model';

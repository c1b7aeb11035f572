/**
 * The parts of `@all-together/model` that `<at-questionnaire>` runs: the definition and response
 * schemas (zod) and the visibility rules. The element loads this module with `import()`, so Lit and
 * the element itself arrive first and zod follows in a second request, started as soon as a
 * definition is given. Every definition is parsed before it is shown, unless the host vouches for it
 * by its hash (`rules.ts` is loaded instead).
 *
 * @module
 */
export {
  check,
  checkAnswer,
  isRoundId,
  isUrn,
  isWave,
  QuestionnaireDefinition,
  validateResponse,
  visibleItems,
} from '@all-together/model';

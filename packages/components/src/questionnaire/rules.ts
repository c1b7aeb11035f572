/**
 * The model's rules without zod, for a definition the host vouches for by its hash (the element's
 * `definitionHash`): which items are shown, whether an answer is allowed, and a response's
 * cross-field rules. The element loads this module with `import()` in place of `validation.ts`, so
 * a page whose definitions were checked where they were published never downloads zod.
 *
 * @module
 */
import type { Checked, QuestionnaireDefinition, QuestionnaireResponse } from '@all-together/model';
import { responseProblems } from '@all-together/model/rules.js';

export { checkAnswer, isRoundId, isUrn, isWave, visibleItems } from '@all-together/model/rules.js';

/**
 * The response's rules, for a response the element built itself from a trusted definition (its
 * shape is right by construction; the server parses it in full again).
 */
export function validateResponse(
  definition: QuestionnaireDefinition,
  input: unknown,
): Checked<QuestionnaireResponse> {
  const response = input as QuestionnaireResponse;
  const problems = responseProblems(definition, response);
  return problems.length ? { ok: false, problems } : { ok: true, value: response };
}

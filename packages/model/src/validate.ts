import { type QuestionnaireDefinition } from './questionnaire.js';
import { QuestionnaireResponse } from './response.js';
import { check, type Checked } from './problems.js';
import { responseProblems } from './rules.js';

export { checkAnswer, conditionContext, responseProblems, visibleItems } from './rules.js';

/**
 * Checks a response against its definition and returns **every** problem with its path, not just the
 * first: the shape (schema), then the cross-field rules — the definition and version match, every
 * answered item exists and is shown given the other answers, each option exists, text is within its
 * limit, and every shown required item is answered.
 *
 * @example
 * const result = validateResponse(definition, JSON.parse(body));
 * if (!result.ok) return reply(422, result.problems); // [{ at: 'answers.bullied-online', message: … }]
 */
export function validateResponse(
  definition: QuestionnaireDefinition,
  input: unknown,
): Checked<QuestionnaireResponse> {
  const parsed = check(QuestionnaireResponse, input);
  if (!parsed.ok) return parsed;
  const problems = responseProblems(definition, parsed.value);
  return problems.length ? { ok: false, problems } : { ok: true, value: parsed.value };
}

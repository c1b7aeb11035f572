import { evaluateCondition, type AnswerValue, type ConditionContext } from './conditions.js';
import { itemsOf, type Item, type QuestionnaireDefinition } from './questionnaire.js';
import { QuestionnaireResponse } from './response.js';
import { check, problem, type Checked, type Problem } from './problems.js';

/** A condition context over a definition and a set of answers. */
export function conditionContext(
  definition: Pick<QuestionnaireDefinition, 'sections'>,
  answers: Readonly<Record<string, AnswerValue | undefined>>,
): ConditionContext {
  const items = new Map(itemsOf(definition).map((i) => [i.id as string, i]));
  return {
    answers,
    score: (item, value) => items.get(item)?.scoring.values?.[value],
    isMissing: (item, value) => items.get(item)?.scoring.missing.includes(value as never) ?? false,
  };
}

/**
 * Which items are shown, given the answers so far: an item is shown when its section's and its own
 * `visibleIf` hold. Conditions only read earlier items, so one pass in order is enough.
 */
export function visibleItems(
  definition: Pick<QuestionnaireDefinition, 'sections'>,
  answers: Readonly<Record<string, AnswerValue | undefined>>,
): Item[] {
  const ctx = conditionContext(definition, answers);
  const shown: Item[] = [];
  for (const section of definition.sections) {
    if (section.visibleIf && !evaluateCondition(section.visibleIf, ctx)) continue;
    for (const item of section.items) {
      if (!item.visibleIf || evaluateCondition(item.visibleIf, ctx)) shown.push(item);
    }
  }
  return shown;
}

/** The problems with one answer to one item (empty when it is fine). */
export function checkAnswer(item: Item, answer: AnswerValue, path: (string | number)[]): Problem[] {
  const problems: Problem[] = [];
  if (item.type === 'free-text') {
    if (typeof answer !== 'string') return [problem(path, 'This question takes text, not a list.')];
    if (answer.length > item.maxLength) {
      problems.push(
        problem(path, `The answer is ${answer.length} characters; the limit is ${item.maxLength}.`),
      );
    }
    return problems;
  }
  const allowed = item.options.map((o) => o.value as string);
  const list = (values: readonly string[]) => `one of ${values.map((v) => `"${v}"`).join(', ')}`;
  if (item.type === 'multi-select') {
    if (!Array.isArray(answer)) return [problem(path, 'This question takes a list of options.')];
    const chosen = answer as readonly string[];
    chosen.forEach((v, i) => {
      if (!allowed.includes(v))
        problems.push(problem([...path, i], `"${v}" is not an option; use ${list(allowed)}.`));
      else if (chosen.indexOf(v) !== i)
        problems.push(problem([...path, i], `"${v}" is chosen twice.`));
    });
    const exclusive = item.options
      .filter((o) => o.exclusive && chosen.includes(o.value))
      .map((o) => o.value);
    if (exclusive.length > 0 && chosen.length > 1) {
      problems.push(problem(path, `"${exclusive[0]}" cannot be chosen with other options.`));
    }
    if (chosen.length < item.minSelected) {
      problems.push(problem(path, `Choose at least ${item.minSelected}.`));
    }
    if (item.maxSelected !== undefined && chosen.length > item.maxSelected) {
      problems.push(problem(path, `Choose at most ${item.maxSelected}.`));
    }
    return problems;
  }
  if (typeof answer !== 'string')
    return [problem(path, 'This question takes one option, not a list.')];
  if (!allowed.includes(answer))
    problems.push(problem(path, `"${answer}" is not an option; use ${list(allowed)}.`));
  return problems;
}

function isEmpty(answer: AnswerValue | undefined): boolean {
  return (
    answer === undefined ||
    (typeof answer === 'string' ? answer.trim() === '' : answer.length === 0)
  );
}

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
  const response = parsed.value;
  const problems: Problem[] = [];

  if (response.definition.id !== definition.id) {
    problems.push(
      problem(
        ['definition', 'id'],
        `This response answers "${response.definition.id}", not "${definition.id}".`,
      ),
    );
  }
  if (response.definition.version !== definition.version) {
    problems.push(
      problem(
        ['definition', 'version'],
        `This response answers version ${response.definition.version}; the questionnaire is version ${definition.version}.`,
      ),
    );
  }
  if (response.submittedAt < response.startedAt) {
    problems.push(problem(['submittedAt'], 'The response was submitted before it was started.'));
  }

  const all = new Map(itemsOf(definition).map((i) => [i.id as string, i]));
  const shown = new Set(visibleItems(definition, response.answers).map((i) => i.id as string));

  for (const [id, answer] of Object.entries(response.answers)) {
    const path = ['answers', id];
    const item = all.get(id);
    if (!item) {
      problems.push(problem(path, `There is no question "${id}" in this questionnaire.`));
      continue;
    }
    if (!shown.has(id)) {
      problems.push(
        problem(
          path,
          'This question is not shown for the other answers given, so it cannot have an answer.',
        ),
      );
      continue;
    }
    problems.push(...checkAnswer(item, answer, path));
  }
  // A characteristic asked in the questionnaire and carried in `characteristics` must agree, or
  // breakdowns would count the pupil in two groups.
  for (const item of all.values()) {
    const c = item.scoring.characteristic;
    const answer = response.answers[item.id];
    if (item.scoring.kind !== 'characteristic' || !c || typeof answer !== 'string') continue;
    const carried = response.characteristics[c];
    if (carried !== undefined && carried !== answer) {
      problems.push(
        problem(
          ['characteristics', c],
          `This says "${carried}" but the answer to "${item.id}" is "${answer}".`,
        ),
      );
    }
  }
  for (const id of shown) {
    const item = all.get(id)!;
    if (item.required && isEmpty(response.answers[id])) {
      problems.push(problem(['answers', id], 'This question needs an answer.'));
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: response };
}

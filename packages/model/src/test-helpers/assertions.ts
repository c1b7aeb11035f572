import assert from 'node:assert/strict';
import type { z } from 'zod';
import { check, type Checked, type Problem } from '../problems.js';

/** Asserts the result failed with a problem at exactly `at` whose message matches `message`. */
export function assertProblem(result: Checked<unknown>, at: string, message?: RegExp): Problem {
  assert.equal(result.ok, false, `expected a problem at ${at}, but the input was accepted`);
  const problems = (result as { problems: Problem[] }).problems;
  const found = problems.find((p) => p.at === at && (!message || message.test(p.message)));
  assert.ok(
    found,
    `expected a problem at "${at}"${message ? ` matching ${message}` : ''}; got:\n` +
      problems.map((p) => `  ${p.at}: ${p.message}`).join('\n'),
  );
  return found;
}

/** Asserts the input parses with the schema and returns the value. */
export function assertParses<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = check(schema, input);
  if (!result.ok) assert.fail(result.problems.map((p) => `${p.at}: ${p.message}`).join('\n'));
  return result.value;
}

/**
 * Inputs that tests deliberately break: arbitrary JSON reached by any path. Typing them would defeat
 * the point of the test, which is to hand the schema something it does not expect.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Untyped = any;

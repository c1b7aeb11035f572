import * as z from 'zod';
import {
  AuditDefinition,
  QuestionnaireDefinition,
  check,
  problem,
  type Checked,
} from '@all-together/model';

/** Any definition this package ships: a questionnaire or an audit, told apart by `kind`. */
export const Definition = z.discriminatedUnion('kind', [QuestionnaireDefinition, AuditDefinition]);
export type Definition = z.infer<typeof Definition>;

/**
 * Parses a definition from JSON text or an already-parsed value, never throwing. Problems carry
 * their path inside the definition; `source` (a file name or URL) is prefixed to each message so a
 * content author knows which file to open.
 *
 * @example
 * const result = parseDefinition(await readFile(path, 'utf8'), path);
 * if (!result.ok) console.error(describeProblems(result.problems));
 */
export function parseDefinition(input: unknown, source?: string): Checked<Definition> {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        problems: [problem([], `${source ? `${source}: ` : ''}not valid JSON (${reason}).`)],
      };
    }
  }
  const result = check(Definition, value);
  if (result.ok || !source) return result;
  return {
    ok: false,
    problems: result.problems.map((p) => ({ ...p, message: `${source}: ${p.message}` })),
  };
}

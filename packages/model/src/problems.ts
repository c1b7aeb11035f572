import type { z } from 'zod';
import type { Path } from './checks.js';

/** One thing wrong with an input: where (a path into it) and what, in plain words. */
export interface Problem {
  /** Where, as keys and indexes: `["answers", "bullied-online"]`. */
  path: Path;
  /** The path as text, `answers["bullied-online"]` style is avoided for readability: `answers.bullied-online`. */
  at: string;
  message: string;
}

/** The result of checking an input: the parsed value, or every problem with its path. */
export type Checked<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** Writes a path as `sections.0.items.3.options`, or `(top level)` for the root. */
export function pathText(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(top level)' : path.map((p) => String(p)).join('.');
}

/** Makes a Problem from a path and message. */
export function problem(path: Path, message: string): Problem {
  return { path, at: pathText(path), message };
}

/** Turns zod's issues into Problems, one each, keeping zod's own path. */
export function fromZodError(error: z.ZodError): Problem[] {
  return error.issues.map((issue) =>
    problem(
      issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
      issue.message,
    ),
  );
}

/** Parses `input` with `schema` and returns every problem, never throwing. */
export function check<S extends z.ZodType>(schema: S, input: unknown): Checked<z.output<S>> {
  const result = schema.safeParse(input);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, problems: fromZodError(result.error) };
}

/** One line per problem, for consoles and error messages. */
export function describeProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `${p.at}: ${p.message}`).join('\n');
}

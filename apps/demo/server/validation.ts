/** Parse at the boundary, once (S4): JSON bodies only, then a schema, with every problem's path. */
import type { Context, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { fromZodError, problem, type Problem } from '@all-together/model';
import type { Env } from './context.js';
import { HttpError, invalid } from './middleware/errors.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What no body may hold, wherever it sits (S4): a `__proto__` key (JSON.parse makes it an own
 * property that a schema would drop without a word), a NUL character or a broken surrogate (the
 * database cannot store either). Each is named by its path; nothing is dropped silently.
 */
export function hostileProblems(value: unknown): Problem[] {
  const problems: Problem[] = [];
  const text = (s: string, path: (string | number)[], what: string) => {
    if (s.includes('\u0000'))
      problems.push(
        problem(path, `The ${what} contains a NUL character (\\u0000), which cannot be stored.`),
      );
    else if (LONE_SURROGATE.test(s))
      problems.push(problem(path, `The ${what} contains a broken character (a lone surrogate).`));
  };
  // Iterative: a deeply nested body must not overflow the stack.
  const stack: [unknown, (string | number)[]][] = [[value, []]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') text(v, path, 'text');
    else if (Array.isArray(v)) v.forEach((x, i) => stack.push([x, [...path, i]]));
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === '__proto__')
          problems.push(problem([...path, k], 'A key called "__proto__" is not allowed.'));
        else text(k, [...path, k], 'name');
        stack.push([x, [...path, k]]);
      }
    }
  }
  return problems;
}

/**
 * Reads a JSON body: JSON only (415 otherwise), parsed, and refused with every hostile part named
 * (`status`: 400 by default; pupils' responses use 422 as every other problem with them).
 */
export async function jsonBody(c: Context, o: { status?: 400 | 422 } = {}): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type))
    throw new HttpError(415, 'Send JSON (Content-Type: application/json).');
  const text = await c.req.text();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw invalid([problem([], `The body is not valid JSON: ${(e as Error).message}`)], o.status);
  }
  const hostile = hostileProblems(value);
  if (hostile.length) throw invalid(hostile, o.status);
  return value;
}

export function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw invalid(fromZodError(r.error));
  return r.data;
}

/** Reads a JSON body and parses it with `schema`. */
export const body = async <S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> =>
  parse(schema, await jsonBody(c));

type Validated<T extends 'json' | 'query', S extends z.ZodType> = MiddlewareHandler<
  Env,
  string,
  { in: { [K in T]: z.input<S> }; out: { [K in T]: z.output<S> } }
>;

/**
 * A route's JSON body, parsed by `schema` after the route's guard (so a caller without access gets
 * 401/403, never a validation error). Its input type reaches the typed client (`hono/client`).
 */
export const jsonOf =
  <S extends z.ZodType>(schema: S | ((c: Context<Env>) => S)): Validated<'json', S> =>
  async (c, next) => {
    // A function makes the schema per request (rules that depend on the day, for example).
    const s = schema instanceof z.ZodType ? schema : schema(c);
    c.req.addValidatedData('json', parse(s, await jsonBody(c)) as object);
    await next();
  };

/** A route's query string, parsed by `schema` (every value a string). */
export const queryOf =
  <S extends z.ZodType>(schema: S): Validated<'query', S> =>
  async (c, next) => {
    c.req.addValidatedData('query', parse(schema, c.req.query()) as object);
    await next();
  };

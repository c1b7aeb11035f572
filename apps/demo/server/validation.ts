/** Parse at the boundary, once (S4): JSON bodies only, then a schema, with every problem's path. */
import type { Context, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { fromZodError, problem } from '@all-together/model';
import type { Env } from './context.js';
import { HttpError, invalid } from './middleware/errors.js';

export async function jsonBody(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type))
    throw new HttpError(415, 'Send JSON (Content-Type: application/json).');
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch (e) {
    throw invalid([problem([], `The body is not valid JSON: ${(e as Error).message}`)]);
  }
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

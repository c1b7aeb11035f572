/**
 * Loading JSON from a URL as hostile input (reliability.md W4): same origin only, no credentials,
 * JSON content types only, a size cap read in chunks, a time limit, a nesting limit before
 * parsing, and no `__proto__`, `constructor` or `prototype` keys after. Every refusal is an
 * `Error` whose message says why in plain words (logged by the element, never shown to a pupil).
 *
 * @module
 */
import type { Problem } from '@all-together/model';

/** The limits of {@link loadJson}. */
export interface LoadLimits {
  /** The largest body, in bytes. Default 1 MiB. */
  readonly maxBytes?: number;
  /** The deepest nesting of arrays and objects. Default 64. */
  readonly maxDepth?: number;
  /** How long the whole load may take, in milliseconds. Default 10 s. */
  readonly timeoutMs?: number;
}

/** A refusal: `problems` holds the paths of forbidden keys, when that was the reason. */
export class LoadError extends Error {
  constructor(
    message: string,
    readonly problems: readonly Problem[] = [],
  ) {
    super(message);
  }
}

const problem = (path: (string | number)[], message: string): Problem => ({
  path,
  at: path.join('.'),
  message,
});

/**
 * A response body as text, read in chunks and abandoned as soon as it passes `max` bytes, so a
 * huge or endless body is never held in memory. A declared `Content-Length` over the cap fails
 * before any byte is read.
 */
async function readCapped(res: Response, max: number): Promise<string> {
  const tooBig = () => new LoadError(`it is larger than ${max / 1024 / 1024} MiB`);
  if (Number(res.headers.get('content-length') ?? 0) > max) {
    await res.body?.cancel();
    throw tooBig();
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw tooBig();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/** Keys that reach an object's prototype machinery. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Paths of forbidden keys in parsed JSON (depth already capped, so recursion is safe). */
export function forbiddenKeys(
  value: unknown,
  path: (string | number)[] = [],
  out: Problem[] = [],
): Problem[] {
  if (out.length >= 10 || typeof value !== 'object' || value === null) return out;
  if (Array.isArray(value)) {
    value.forEach((v, i) => forbiddenKeys(v, [...path, i], out));
    return out;
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key))
      out.push(problem([...path, key], `the key "${key}" is not allowed`));
    else forbiddenKeys((value as Record<string, unknown>)[key], [...path, key], out);
  }
  return out;
}

/** The deepest nesting of `[` and `{` in JSON text (outside strings), counted without parsing. */
export function nesting(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) max = Math.max(max, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

/**
 * Loads JSON from `src` as hostile input. Rejects with a {@link LoadError} saying why, or with
 * the `signal`'s reason when the caller aborted (a newer `src`, the element left the page).
 *
 * @param src - A URL on the page's origin.
 * @param signal - Aborts the request and the reading of its body.
 * @param limits - Size, depth and time limits.
 * @param name - The name paths start with in a forbidden-key problem (for example `src`).
 */
export async function loadJson(
  src: string,
  signal: AbortSignal,
  limits: LoadLimits = {},
  name = 'src',
): Promise<unknown> {
  const maxBytes = limits.maxBytes ?? 1024 * 1024;
  const maxDepth = limits.maxDepth ?? 64;
  const timeoutMs = limits.timeoutMs ?? 10_000;
  const url = new URL(src, location.href);
  if (url.origin !== location.origin) {
    throw new LoadError(
      `${url.origin} is not this page's origin; pass the definition as .definition`,
    );
  }
  // One signal for the caller's abort and the time limit (AbortSignal.any is too new for Safari 16).
  const both = new AbortController();
  const timeout = { aborted: false };
  const timer = setTimeout(() => {
    timeout.aborted = true;
    both.abort(new DOMException('timed out', 'TimeoutError'));
  }, timeoutMs);
  const onAbort = () => both.abort(signal.reason);
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  let data: unknown;
  try {
    const res = await fetch(url, {
      credentials: 'omit',
      headers: { Accept: 'application/json' },
      signal: both.signal,
    });
    if (!res.ok) throw new LoadError(`the server answered ${res.status}`);
    const type = res.headers.get('content-type') ?? '';
    if (!/^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i.test(type)) {
      throw new LoadError(`it is not JSON (${type.split(';')[0] || 'no content type'})`);
    }
    const text = await readCapped(res, maxBytes);
    const depth = nesting(text);
    if (depth > maxDepth) {
      throw new LoadError(`it is nested ${depth} levels deep (at most ${maxDepth})`);
    }
    data = JSON.parse(text);
  } catch (e) {
    if (signal.aborted) throw signal.reason;
    if (e instanceof LoadError) throw e;
    if (e instanceof SyntaxError) throw new LoadError(`it is not valid JSON (${e.message})`);
    if (timeout.aborted) {
      throw new LoadError(`no answer within ${Math.round(timeoutMs / 1000)} seconds`);
    }
    throw new LoadError((e as Error).message);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
  const keys = forbiddenKeys(data, [name]);
  if (keys.length) throw new LoadError('it has forbidden keys', keys);
  return data;
}

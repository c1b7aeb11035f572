/**
 * The portal's API, typed from the server's routes (`hono/client` over `AppType`): request and
 * response types come from the route definitions, so nothing here retypes a response by hand. The
 * CSRF token rides on every request (S9); refusals become an `ApiError` with the server's plain
 * message, the problems with their paths, and a `reason` for pupils.
 */
import { hc, type ClientResponse, type InferResponseType } from 'hono/client';
import type { AppType } from '../server/app.js';

export interface Problem {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems: Problem[] = [],
    /** A stable word for pupils' messages (`closed`, `full`, `sent`, `revoked`, …). */
    readonly reason?: string,
  ) {
    super(message);
  }
}

let csrf = '';
export const setCsrf = (token: string): void => {
  csrf = token;
};

export const client = hc<AppType>(location.origin, {
  headers: (): Record<string, string> => (csrf ? { 'x-csrf-token': csrf } : {}),
  init: { credentials: 'same-origin' },
}).api;

/** Awaits a typed request: its JSON body when it succeeded, an `ApiError` when it did not. */
export async function call<T>(request: Promise<ClientResponse<T>>): Promise<T> {
  const res = await request;
  if (res.ok) return (await res.json()) as T;
  const data = (await res.json().catch(() => ({}))) as {
    error?: string;
    problems?: Problem[];
    reason?: string;
  };
  // The exact problem for developers; the page shows the plain words.
  if (data.problems?.length)
    console.error(data.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  throw new ApiError(
    res.status,
    data.error ?? `The request failed (${res.status}).`,
    data.problems ?? [],
    data.reason,
  );
}

export type Me = InferResponseType<typeof client.me.$get, 200>;

export async function currentUser(): Promise<Me | null> {
  try {
    const me = await call(client.me.$get());
    setCsrf(me.csrf);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

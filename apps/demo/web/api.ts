/** Calls the portal's API: JSON in and out, the CSRF token on every state change (S9). */
export interface Problem {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
  }
}

let csrf = '';
export const setCsrf = (token: string): void => {
  csrf = token;
};

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
  const res = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  const data = (await res.json().catch(() => ({}))) as { error?: string; problems?: Problem[] };
  if (!res.ok) {
    // The exact problem for developers; the page shows the plain words.
    if (data.problems?.length)
      console.error(data.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    throw new ApiError(
      res.status,
      data.error ?? `The request failed (${res.status}).`,
      data.problems ?? [],
    );
  }
  return data as T;
}

export interface Me {
  user: {
    email: string;
    name: string;
    role: 'trust-admin' | 'school-lead';
    school: string | null;
    trust: string;
  };
  school: { urn: string; name: string; phase: string } | null;
  schools: { urn: string; name: string }[];
  csrf: string;
}

export async function currentUser(): Promise<Me | null> {
  try {
    const me = await api<Me>('GET', '/api/me');
    setCsrf(me.csrf);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

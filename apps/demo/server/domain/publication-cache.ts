/**
 * Published figures, made once per distinct input. Publishing protects every figure published
 * together (scoring's complementary suppression), which takes seconds for a trust of eight
 * schools, and the inputs change only when a round's snapshot moves (D5): a closed round's figures
 * never change again. So the portal keeps what it published, keyed by a hash of everything the
 * publication was made from (the summaries and the options), never by a URL or a session.
 *
 * Why this is safe: publishing is a pure function of its input, so the same input always gives the
 * same output, and a changed input is a different key; nothing here decides who may see what (the
 * routes' guards still do, on every request). Each server process keeps its own entries; several
 * servers behind one proxy stay correct, each simply publishes once itself.
 */
import { createHash } from 'node:crypto';

/** A bounded map from an input's hash to what was published from it, least recently used first out. */
export interface PublicationCache {
  /** What `make` publishes from `input`, made at most once while it stays in the cache. */
  get<T>(kind: string, input: unknown, make: () => T): T;
  /**
   * The key `get` files `input` under. A publication made from another one can be keyed by the
   * other's key (plus what else it depends on) instead of by the other's bytes.
   */
  keyOf(kind: string, input: unknown): string;
  /** `get` with the key already made by `keyOf`. */
  getKeyed<T>(key: string, make: () => T): T;
  /** Entries held now (for tests and the health page). */
  readonly size: number;
}

/**
 * A cache of at most `max` publications. A trust's published results are about 1.5 MB in memory,
 * so the default (48) holds a few trusts' pages for well under 100 MB.
 */
export function createPublicationCache(max = 48): PublicationCache {
  if (!Number.isInteger(max) || max < 1)
    throw new RangeError(`A publication cache holds at least 1 entry (got ${max}).`);
  const entries = new Map<string, unknown>();
  const keyOf = (kind: string, input: unknown): string => {
    const hash = createHash('sha256');
    canonical(input, (part) => hash.update(part));
    return `${kind}:${hash.digest('base64url')}`;
  };
  const getKeyed = <T>(key: string, make: () => T): T => {
    if (entries.has(key)) {
      const hit = entries.get(key) as T;
      // Most recently used last, so the first key is the one to drop.
      entries.delete(key);
      entries.set(key, hit);
      return hit;
    }
    const made = make();
    entries.set(key, made);
    if (entries.size > max) entries.delete(entries.keys().next().value!);
    return made;
  };
  return {
    get: (kind, input, make) => getKeyed(keyOf(kind, input), make),
    keyOf,
    getKeyed,
    get size() {
      return entries.size;
    },
  };
}

/**
 * Writes `value` as JSON with every object's keys in sorted order, so equal data gives equal bytes
 * whatever order its keys were built or stored in (PostgreSQL's jsonb, for one, reorders them).
 * Keys whose value is `undefined` are left out, as JSON.stringify does.
 */
export function canonical(value: unknown, write: (part: string) => void): void {
  if (Array.isArray(value)) {
    write('[');
    value.forEach((v, i) => {
      if (i > 0) write(',');
      canonical(v === undefined ? null : v, write);
    });
    write(']');
  } else if (value !== null && typeof value === 'object') {
    write('{');
    let first = true;
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v === undefined) continue;
      write(`${first ? '' : ','}${JSON.stringify(key)}:`);
      first = false;
      canonical(v, write);
    }
    write('}');
  } else {
    write(JSON.stringify(value) ?? 'null');
  }
}

/** The portal's one cache of published figures. */
export const publications = createPublicationCache();

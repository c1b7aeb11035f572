/**
 * Where elements keep drafts: a small, pluggable key–value adapter, so a host decides whether a
 * pupil's unfinished answers live in `sessionStorage` (the default: gone when the tab closes, so a
 * shared device keeps nothing), in memory, or in its own store. Nothing goes to `localStorage`
 * unless the host opts in (reliability: pupil data on shared devices).
 *
 * @module
 */

/**
 * A draft store. Methods may return promises, so a host can back it with IndexedDB or a server.
 * Values are strings (elements serialise their drafts as JSON); keys are namespaced by the element.
 */
export interface DraftStorage {
  /** The stored value, or `null` when there is none. */
  get(key: string): string | null | Promise<string | null>;
  /** Stores a value, replacing any before it. */
  set(key: string, value: string): void | Promise<void>;
  /** Removes a value; removing a missing key is not an error. */
  remove(key: string): void | Promise<void>;
}

/** The `Storage` object, or `undefined` where it is missing or refused (privacy modes, sandboxes). */
function webStorage(kind: 'sessionStorage' | 'localStorage'): Storage | undefined {
  try {
    const storage = globalThis[kind];
    // Touching it can throw (a sandboxed iframe); a full quota shows up on `set`.
    void storage.length;
    return storage;
  } catch {
    return undefined;
  }
}

/**
 * An adapter over a Web Storage object, falling back to memory when the browser refuses it, so a
 * draft still survives moving between pages even where it cannot survive a reload.
 */
function webStorageAdapter(kind: 'sessionStorage' | 'localStorage'): DraftStorage {
  const fallback = memoryStorage();
  return {
    get(key) {
      const storage = webStorage(kind);
      if (!storage) return fallback.get(key);
      try {
        // A value refused by a full storage was kept in memory instead.
        return storage.getItem(key) ?? fallback.get(key);
      } catch {
        return fallback.get(key);
      }
    },
    set(key, value) {
      const storage = webStorage(kind);
      try {
        if (storage) {
          storage.setItem(key, value);
          void fallback.remove(key);
          return;
        }
      } catch {
        // Quota or a refusal: keep the draft in memory rather than lose it.
      }
      return fallback.set(key, value);
    },
    remove(key) {
      try {
        webStorage(kind)?.removeItem(key);
      } catch {
        // Nothing to remove where storage is refused.
      }
      return fallback.remove(key);
    },
  };
}

/** The default: `sessionStorage`, which the browser clears when the tab closes. */
export function sessionDraftStorage(): DraftStorage {
  return webStorageAdapter('sessionStorage');
}

/**
 * `localStorage`: drafts survive closing the browser. Only for devices a single person uses; a
 * host must opt in explicitly.
 */
export function localDraftStorage(): DraftStorage {
  return webStorageAdapter('localStorage');
}

/** Memory only: nothing survives a reload. For tests and for hosts that must store nothing. */
export function memoryStorage(): DraftStorage {
  const values = new Map<string, string>();
  return {
    get: (key) => values.get(key) ?? null,
    set: (key, value) => void values.set(key, value),
    remove: (key) => void values.delete(key),
  };
}

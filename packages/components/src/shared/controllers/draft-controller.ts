import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DraftStorage } from '../storage.js';

/** What a {@link DraftController} needs from its element. */
export interface DraftOptions<T> {
  /** The storage the element was given (read at each call, so a new adapter takes effect). */
  readonly storage: () => DraftStorage;
  /** The key of the draft now, or `''` while the element cannot name one (not set up yet). */
  readonly key: () => string;
  /** Checks a stored value: the draft, or `undefined` when it is not one (then it is ignored). */
  readonly parse: (value: unknown) => T | undefined;
  /** A draft saved longer ago than this many minutes is discarded and removed (W8). Optional. */
  readonly maxAgeMinutes?: () => number;
}

/** The stored envelope: the draft and when it was saved. */
interface Envelope {
  readonly savedAt: number;
  readonly draft: unknown;
}

/**
 * Draft storage for an element: reads, writes and removes one JSON draft under a key in the host's
 * {@link DraftStorage}, and guards a restore against a newer one (only the latest `load()` call
 * resolves with a draft: an older read that finishes late resolves with `stale`). Storage that
 * throws or rejects (private mode, quota, a broken adapter) never breaks the element: a refused
 * write loses the draft, never the page.
 *
 * Drafts are stored as `{ savedAt, draft }`; a draft older than `maxAgeMinutes` is removed on
 * load (a lesson on a shared device, reliability.md W8).
 */
export class DraftController<T> implements ReactiveController {
  private run = 0;

  /**
   * @param host - The element; the controller adds itself to it.
   * @param options - How to find, check and age the draft.
   */
  constructor(
    host: ReactiveControllerHost,
    private readonly options: DraftOptions<T>,
  ) {
    host.addController(this);
  }

  /** @internal */
  hostConnected(): void {}

  /**
   * Reads the draft. Resolves with the draft, with `undefined` when there is none (or it was
   * unreadable, invalid or too old), or with `'stale'` when a later `load()` or `forget()` has
   * superseded this one: the caller then does nothing.
   */
  async load(): Promise<T | undefined | 'stale'> {
    const run = ++this.run;
    const key = this.options.key();
    if (!key) return undefined;
    let raw: string | null = null;
    try {
      raw = await this.options.storage().get(key);
    } catch {
      // A refused storage: start afresh.
    }
    if (run !== this.run) return 'stale';
    if (raw === null) return undefined;
    let envelope: Envelope | undefined;
    try {
      envelope = JSON.parse(raw) as Envelope;
    } catch {
      envelope = undefined;
    }
    const max = this.options.maxAgeMinutes?.();
    const expired =
      max !== undefined &&
      (typeof envelope?.savedAt !== 'number' || Date.now() - envelope.savedAt > max * 60_000);
    // A draft written before the envelope (an earlier release) is the whole stored value.
    const value =
      envelope && typeof envelope === 'object' && 'draft' in envelope ? envelope.draft : envelope;
    const draft = envelope && !expired ? this.options.parse(value) : undefined;
    if (draft === undefined) this.remove(key);
    return draft;
  }

  /** Saves the draft under the current key (nothing while there is no key). */
  save(draft: T): void {
    const key = this.options.key();
    if (!key) return;
    const envelope: Envelope = { savedAt: Date.now(), draft };
    this.write(() => this.options.storage().set(key, JSON.stringify(envelope)));
  }

  /** Removes the draft and makes any restore still reading it stale. */
  clear(): void {
    this.run++;
    const key = this.options.key();
    if (key) this.remove(key);
  }

  private remove(key: string): void {
    this.write(() => this.options.storage().remove(key));
  }

  private write(op: () => void | Promise<void>): void {
    try {
      const done = op();
      if (done instanceof Promise) done.catch(() => undefined);
    } catch {
      // Private mode, quota, a broken adapter: the person carries on without a draft.
    }
  }
}

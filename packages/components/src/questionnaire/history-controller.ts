import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The key of this element's entry in `history.state` (the host's own state is kept beside it). */
export const HISTORY_KEY = 'at-questionnaire';

/** What a history entry holds: which screen, and a page number. Never an answer, an id or a URL. */
export interface HistoryEntry {
  readonly view: 'start' | 'question' | 'check';
  /** The question page, from 1 (0 on other screens). */
  readonly page: number;
}

const entryOf = (state: unknown): HistoryEntry | undefined => {
  const value =
    typeof state === 'object' && state !== null
      ? (state as Record<string, unknown>)[HISTORY_KEY]
      : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  const { view, page } = value as Record<string, unknown>;
  return (view === 'start' || view === 'question' || view === 'check') &&
    typeof page === 'number' &&
    Number.isInteger(page)
    ? { view, page }
    : undefined;
};

/**
 * One browser history entry per questionnaire page (GOV.UK: each question is a page), so the
 * browser's Back button goes to the previous page instead of leaving the questionnaire. Entries
 * are added with `pushState` at the same URL: nothing goes into the address bar, and an entry
 * holds only the screen and a page number, never an answer or an id (W8). The host's own
 * `history.state` is kept beside it.
 *
 * A host router that listens to `popstate` should ignore events whose `state` has the
 * `at-questionnaire` key.
 */
export class HistoryController implements ReactiveController {
  /**
   * @param host - The element; the controller adds itself to it.
   * @param onPop - Called when Back or Forward reaches one of this element's entries.
   */
  constructor(
    host: ReactiveControllerHost,
    private readonly onPop: (entry: HistoryEntry) => void,
  ) {
    host.addController(this);
  }

  /** @internal */
  hostConnected(): void {
    window.addEventListener('popstate', this.onPopState);
  }

  /** @internal */
  hostDisconnected(): void {
    window.removeEventListener('popstate', this.onPopState);
  }

  /** Marks the current entry as the start page (before the first question is pushed). */
  markStart(): void {
    this.write('replaceState', { view: 'start', page: 0 });
  }

  /** Adds an entry for a page the person moved to. */
  push(entry: HistoryEntry): void {
    const current = entryOf(history.state);
    if (current?.view === entry.view && current.page === entry.page) return;
    this.write('pushState', entry);
  }

  private write(method: 'pushState' | 'replaceState', entry: HistoryEntry): void {
    try {
      const state: unknown = history.state;
      const base = typeof state === 'object' && state !== null ? state : {};
      history[method]({ ...base, [HISTORY_KEY]: entry }, '');
    } catch {
      // A sandboxed frame may refuse history: the element's own Back button still works.
    }
  }

  private readonly onPopState = (event: PopStateEvent) => {
    const entry = entryOf(event.state);
    if (entry) this.onPop(entry);
  };
}

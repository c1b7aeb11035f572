import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LoadError, loadJson, type LoadLimits } from '../load-json.js';

/** Where a load stands. */
export type LoadState =
  | { readonly status: 'idle' }
  | { readonly status: 'loading'; readonly src: string }
  | { readonly status: 'done'; readonly src: string; readonly value: unknown }
  | { readonly status: 'failed'; readonly src: string; readonly error: LoadError };

/**
 * Loads an element's `src` as hostile JSON ({@link loadJson}, reliability.md W4), the way lit's
 * `Task` runs async work: each run has an `AbortController`, and a new `src`, `cancel()` or the
 * element leaving the page aborts the run before it (the request and the reading of its body stop;
 * its result is never applied). The element reads {@link LoadController.state} and re-renders
 * when it changes.
 */
export class LoadController implements ReactiveController {
  /** Where the latest load stands. */
  state: LoadState = { status: 'idle' };
  private abort: AbortController | undefined;
  private done: Promise<void> = Promise.resolve();

  /**
   * @param host - The element; the controller adds itself to it.
   * @param limits - Size, depth and time limits (defaults: 1 MiB, 64 levels, 10 s).
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly limits: LoadLimits = {},
  ) {
    host.addController(this);
  }

  /** Resolves when the latest load has settled (for `getUpdateComplete`). */
  get settled(): Promise<void> {
    return this.done;
  }

  /**
   * Starts loading `src`, aborting any load before it.
   *
   * @param src - A URL on the page's origin.
   */
  load(src: string): Promise<void> {
    this.cancel();
    const abort = new AbortController();
    this.abort = abort;
    this.set({ status: 'loading', src });
    this.done = loadJson(src, abort.signal, this.limits).then(
      (value) => {
        if (!abort.signal.aborted) this.set({ status: 'done', src, value });
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        const e = error instanceof LoadError ? error : new LoadError(String(error));
        this.set({ status: 'failed', src, error: e });
      },
    );
    return this.done;
  }

  /** Aborts the current load, if any; its result is never applied. */
  cancel(): void {
    this.abort?.abort(new DOMException('superseded', 'AbortError'));
    this.abort = undefined;
    if (this.state.status === 'loading') this.set({ status: 'idle' });
  }

  /** @internal */
  hostDisconnected(): void {
    this.cancel();
  }

  private set(state: LoadState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}

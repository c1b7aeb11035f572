import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the document title should say, worked out by the element at each update. */
export interface TitleState {
  /** The page's own title, for example the question text; `''` leaves the host's title alone. */
  readonly page: string;
  /** Whether an error summary shows: the title then starts with `prefix` (A2). */
  readonly error: boolean;
  /** The translated "Error:" prefix. */
  readonly prefix: string;
}

/**
 * Keeps `document.title` in step with what the element shows (A2, WCAG 2.4.2): "<page> — <the
 * host's title>" while a page of the element has its own title (a question, "Check your
 * answers"), prefixed "Error: " while an error summary shows. The host's own title is remembered
 * and put back when the element has nothing to say and when it leaves the page. A title the host
 * changed meanwhile is taken as the host's new title, never overwritten with a stale one.
 */
export class TitleController implements ReactiveController {
  /** The host's title, without anything this controller added. */
  private base: string | undefined;
  /** The last title this controller wrote, to notice the host changing it. */
  private written: string | undefined;

  /**
   * @param host - The element; the controller adds itself to it.
   * @param state - Read after every update.
   */
  constructor(
    host: ReactiveControllerHost,
    private readonly state: () => TitleState,
  ) {
    host.addController(this);
  }

  /** @internal */
  hostUpdated(): void {
    const { page, error, prefix } = this.state();
    if (this.written !== undefined && document.title !== this.written) {
      // The host set its own title since: that is the base from now on.
      this.base = document.title;
      this.written = undefined;
    }
    const base = this.base ?? document.title;
    if (!page && !error) return this.restore();
    this.base = base;
    const title = page ? `${page} — ${base}` : base;
    this.written = error ? `${prefix} ${title}` : title;
    document.title = this.written;
  }

  /** @internal */
  hostDisconnected(): void {
    this.restore();
  }

  private restore(): void {
    if (this.base !== undefined && document.title === this.written) document.title = this.base;
    this.base = undefined;
    this.written = undefined;
  }
}

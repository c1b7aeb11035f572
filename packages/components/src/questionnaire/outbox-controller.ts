import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DraftStorage } from '../shared/storage.js';
import { Outbox, type SendState } from './outbox.js';

/** What the {@link OutboxController} reads from its element. */
export interface OutboxOptions {
  /** The endpoint (`''`: no outbox). */
  readonly endpoint: () => string;
  /** Where submitted, unsent responses wait. */
  readonly storage: () => DraftStorage;
  /** Told how each response stands. */
  readonly report: (id: string, state: SendState) => void;
}

/**
 * The element's side of the outbox (reliability.md S13, S15; decision 0015): sends what waits when
 * the element connects (a reopened tab), when the window comes back `online`, and on request;
 * stops its retry timer when the element leaves. A new endpoint or storage gets a new outbox.
 */
export class OutboxController implements ReactiveController {
  private box: Outbox | undefined;
  private for: [string, DraftStorage] | undefined;

  /**
   * @param host - The element; the controller adds itself to it.
   * @param options - The endpoint, the storage and where to report.
   */
  constructor(
    host: ReactiveControllerHost,
    private readonly options: OutboxOptions,
  ) {
    host.addController(this);
  }

  /** The outbox for the current endpoint and storage, or undefined without an endpoint. */
  private outbox(): Outbox | undefined {
    const endpoint = this.options.endpoint();
    if (!endpoint) return undefined;
    const storage = this.options.storage();
    if (!this.box || this.for?.[0] !== endpoint || this.for[1] !== storage) {
      this.box?.stop();
      this.box = new Outbox(storage, endpoint, this.options.report);
      this.for = [endpoint, storage];
    }
    return this.box;
  }

  /** Queues a submitted response (once per id) and starts sending it. */
  add(id: string, body: string): Promise<void> {
    return this.outbox()?.add(id, body) ?? Promise.resolve();
  }

  /** Sends whatever waits (single flight). */
  flush(): Promise<void> {
    return this.outbox()?.flush() ?? Promise.resolve();
  }

  /** @internal */
  hostConnected(): void {
    window.addEventListener('online', this.onOnline);
    void this.flush();
  }

  /** @internal */
  hostDisconnected(): void {
    window.removeEventListener('online', this.onOnline);
    this.box?.stop();
  }

  private readonly onOnline = () => void this.flush();
}

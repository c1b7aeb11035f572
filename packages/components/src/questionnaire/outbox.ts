/**
 * The offline outbox: submitted responses wait here, in the host's draft storage, until the
 * endpoint has accepted them (reliability.md S13, S15). One flight at a time; retries with capped
 * exponential backoff and jitter on network errors, 5xx, 408 and 429; a 4xx refusal stops
 * retrying but keeps the answers. Each response is sent with `Idempotency-Key: <id>`, is stored
 * once, and is never sent again after the endpoint accepted it.
 *
 * @module
 */
import type { DraftStorage } from '../shared/storage.js';

/** Where a response stands. */
export type SendState = 'sending' | 'sent' | 'queued' | 'rejected';

interface Entry {
  id: string;
  body: string;
  /** HTTP status of a refusal (4xx): not retried automatically. */
  rejected?: number;
}

interface Stored {
  pending: Entry[];
  /** Ids the endpoint accepted (ids only, never answers), so a replay is never queued again. */
  sent: string[];
}

const MAX_SENT = 100;
const MAX_ATTEMPTS = 6;

/** The storage key of the outbox for an endpoint. */
export function outboxKey(endpoint: string): string {
  return `at-questionnaire/outbox/${endpoint}`;
}

async function read(storage: DraftStorage, key: string): Promise<Stored> {
  try {
    const parsed = JSON.parse((await storage.get(key)) ?? 'null') as Partial<Stored> | null;
    return {
      pending: Array.isArray(parsed?.pending) ? parsed.pending : [],
      sent: Array.isArray(parsed?.sent) ? parsed.sent : [],
    };
  } catch {
    return { pending: [], sent: [] };
  }
}

/** An outbox for one endpoint over one storage adapter. */
export class Outbox {
  private flight: Promise<void> | undefined;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private attempts = 0;
  private readonly key: string;

  constructor(
    private readonly storage: DraftStorage,
    private readonly endpoint: string,
    /** Told how each response stands. */
    private readonly report: (id: string, state: SendState) => void,
    /** Base delay of the backoff, in milliseconds. */
    private readonly baseDelay = 1000,
  ) {
    this.key = outboxKey(endpoint);
  }

  /** Queues a response (once per id; never one the endpoint already accepted) and sends. */
  async add(id: string, body: string): Promise<void> {
    const stored = await read(this.storage, this.key);
    if (stored.sent.includes(id)) return this.report(id, 'sent');
    if (!stored.pending.some((e) => e.id === id)) {
      stored.pending.push({ id, body });
      await this.storage.set(this.key, JSON.stringify(stored));
    }
    return this.flush();
  }

  /**
   * Sends what is waiting. Single flight: a call during a flight runs once more after it, so a
   * reconnect racing a retry never sends an id twice at once.
   */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.flight) {
      this.again = true;
      return this.flight;
    }
    this.flight = this.run().finally(() => {
      this.flight = undefined;
      if (this.again) {
        this.again = false;
        void this.flush();
      }
    });
    return this.flight;
  }

  /** Stops pending retries (the element left the page). */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async run(): Promise<void> {
    const { pending } = await read(this.storage, this.key);
    let retry = false;
    for (const entry of pending) {
      if (entry.rejected) {
        this.report(entry.id, 'rejected');
        continue;
      }
      if (globalThis.navigator?.onLine === false) {
        this.report(entry.id, 'queued');
        continue;
      }
      this.report(entry.id, 'sending');
      let status = 0;
      try {
        const res = await fetch(this.endpoint, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': entry.id },
          body: entry.body,
          credentials: 'same-origin',
          keepalive: true,
        });
        status = res.status;
      } catch {
        status = 0; // network error: offline, DNS, CORS
      }
      const now = await read(this.storage, this.key);
      if (status >= 200 && status < 300) {
        now.pending = now.pending.filter((e) => e.id !== entry.id);
        now.sent = [...now.sent.filter((s) => s !== entry.id), entry.id].slice(-MAX_SENT);
        await this.storage.set(this.key, JSON.stringify(now));
        this.attempts = 0;
        this.report(entry.id, 'sent');
      } else if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
        now.pending = now.pending.map((e) => (e.id === entry.id ? { ...e, rejected: status } : e));
        await this.storage.set(this.key, JSON.stringify(now));
        this.report(entry.id, 'rejected');
      } else {
        this.report(entry.id, 'queued');
        retry = true;
      }
    }
    if (retry && this.attempts < MAX_ATTEMPTS) {
      // Capped exponential backoff with full jitter; `online` or the next load tries again too.
      const delay =
        Math.min(30_000, this.baseDelay * 2 ** this.attempts++) * (0.5 + Math.random() / 2);
      this.timer = setTimeout(() => void this.flush(), delay);
    }
  }
}

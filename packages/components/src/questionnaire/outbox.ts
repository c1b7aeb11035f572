/**
 * The offline outbox: submitted responses wait here, in the host's draft storage, until the
 * endpoint has accepted them (reliability.md S13, S15). One flight at a time; retries with capped
 * exponential backoff and jitter on network errors, 5xx, 408 and 429; a 4xx refusal stops
 * retrying but keeps the answers. Each response is sent with `Idempotency-Key: <id>` and is stored
 * once.
 *
 * Shared devices (W8, decisions 0006 and 0015): the outbox holds only submitted-but-unsent
 * responses, in storage that survives a closed tab (`localStorage` by default), so "they will send
 * when you are back online" is true. Its storage key is removed as soon as nothing is pending, and
 * it keeps no record of sent responses on the device (not even their ids): within a page, accepted
 * ids are remembered in memory; across loads the endpoint's idempotency (S13) makes a replay
 * harmless. A response the endpoint refused (4xx) is never retried, and is dropped after
 * `rejectedMinutes` (a lesson) so a shared device does not keep it.
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
  /** When it was refused (ms since the epoch): dropped `rejectedMinutes` later. */
  rejectedAt?: number;
}

interface Stored {
  pending: Entry[];
}

const MAX_ATTEMPTS = 6;

/** The storage key of the outbox for an endpoint. */
export function outboxKey(endpoint: string): string {
  return `at-questionnaire/outbox/${endpoint}`;
}

const isEntry = (e: unknown): e is Entry =>
  typeof e === 'object' &&
  e !== null &&
  typeof (e as Entry).id === 'string' &&
  typeof (e as Entry).body === 'string';

async function read(storage: DraftStorage, key: string): Promise<Stored> {
  try {
    const parsed = JSON.parse((await storage.get(key)) ?? 'null') as Partial<Stored> | null;
    // An older outbox also kept a `sent` id list: it is dropped on the next write.
    return { pending: Array.isArray(parsed?.pending) ? parsed.pending.filter(isEntry) : [] };
  } catch {
    return { pending: [] };
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
    /** How long a refused response stays on the device, in minutes (a lesson). */
    private readonly rejectedMinutes = 120,
  ) {
    this.key = outboxKey(endpoint);
  }

  /** Entries the storage refused to keep: still sent from memory while the page stays open. */
  private readonly volatile: Entry[] = [];

  /** Ids the endpoint accepted while this page was open (memory only, never stored). */
  private readonly sent = new Set<string>();

  /** Queues a response (once per id; never one the endpoint already accepted) and sends. */
  async add(id: string, body: string): Promise<void> {
    if (this.sent.has(id)) return this.report(id, 'sent');
    const stored = await this.read();
    if (!stored.pending.some((e) => e.id === id)) {
      stored.pending.push({ id, body });
      if (!(await this.write(stored))) this.volatile.push({ id, body });
    }
    return this.flush();
  }

  private async read(): Promise<Stored> {
    const stored = await read(this.storage, this.key);
    const cutoff = Date.now() - this.rejectedMinutes * 60_000;
    const kept = stored.pending.filter((e) => !e.rejected || (e.rejectedAt ?? 0) > cutoff);
    if (kept.length !== stored.pending.length) {
      stored.pending = kept;
      await this.write(stored);
    }
    for (const e of this.volatile) {
      if (!stored.pending.some((p) => p.id === e.id)) stored.pending.push(e);
    }
    return stored;
  }

  /**
   * Writes the outbox; `false` when the host's storage refused it. An empty outbox removes its
   * key, so a device keeps nothing once every response is sent (W8).
   */
  private async write(stored: Stored): Promise<boolean> {
    try {
      if (stored.pending.length) {
        await this.storage.set(this.key, JSON.stringify({ pending: stored.pending }));
      } else await this.storage.remove(this.key);
      return true;
    } catch {
      return false;
    }
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
    const { pending } = await this.read();
    let retry = false;
    for (const entry of pending) {
      if (this.sent.has(entry.id)) continue; // accepted; the storage refused to forget it
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
      const now = await this.read();
      if (status >= 200 && status < 300) {
        now.pending = now.pending.filter((e) => e.id !== entry.id);
        this.sent.add(entry.id);
        const v = this.volatile.findIndex((e) => e.id === entry.id);
        if (v >= 0) this.volatile.splice(v, 1);
        await this.write(now);
        this.attempts = 0;
        this.report(entry.id, 'sent');
      } else if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
        const at = Date.now();
        now.pending = now.pending.map((e) =>
          e.id === entry.id ? { ...e, rejected: status, rejectedAt: at } : e,
        );
        for (const e of this.volatile) {
          if (e.id === entry.id) Object.assign(e, { rejected: status, rejectedAt: at });
        }
        await this.write(now);
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

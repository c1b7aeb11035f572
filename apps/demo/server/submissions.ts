/**
 * Idempotent, durable submission (reliability.md S13, S14). The primary key is the response id made
 * on the pupil's device: `INSERT … ON CONFLICT DO NOTHING`, so a retry or a double click stores one
 * row; a replay with the same answers is acknowledged again, the same id with other answers is a
 * conflict. Nothing is acknowledged before it is durable: submissions arriving together are
 * committed in one transaction (group commit), followed on PGlite by an explicit sync, then all
 * answered; PostgreSQL's commit is itself durable (synchronous_commit = on).
 */
import type { Db, Queryable } from './db.js';

export interface Submission {
  id: string;
  schoolUrn: string;
  roundId: string;
  wave: string;
  definitionId: string;
  definitionVersion: string;
  bodyHash: string;
  body: unknown;
  submittedOn: string;
}

export type Outcome = 'created' | 'replayed' | 'conflict';

/** JSON with object keys sorted, so the same answers always hash the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

async function insertOne(q: Queryable, s: Submission): Promise<Outcome> {
  const r = await q.query(
    `INSERT INTO responses (id, school_urn, round_id, wave, definition_id, definition_version, body_hash, body, submitted_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      s.id,
      s.schoolUrn,
      s.roundId,
      s.wave,
      s.definitionId,
      s.definitionVersion,
      s.bodyHash,
      JSON.stringify(s.body),
      s.submittedOn,
    ],
  );
  if (r.rows.length > 0) return 'created';
  const existing = await q.query<{ body_hash: string; school_urn: string }>(
    'SELECT body_hash, school_urn FROM responses WHERE id = $1',
    [s.id],
  );
  const row = existing.rows[0];
  return row && row.body_hash === s.bodyHash && row.school_urn === s.schoolUrn
    ? 'replayed'
    : 'conflict';
}

/** One multi-row insert for a batch; ids that were already there are then checked in one query. */
async function insertMany(q: Queryable, subs: Submission[]): Promise<Outcome[]> {
  const params: unknown[] = [];
  const values = subs.map((s) => {
    const at = params.length;
    params.push(
      s.id,
      s.schoolUrn,
      s.roundId,
      s.wave,
      s.definitionId,
      s.definitionVersion,
      s.bodyHash,
      JSON.stringify(s.body),
      s.submittedOn,
    );
    return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6}, $${at + 7}, $${at + 8}::jsonb, $${at + 9})`;
  });
  const inserted = await q.query<{ id: string }>(
    `INSERT INTO responses (id, school_urn, round_id, wave, definition_id, definition_version, body_hash, body, submitted_on)
     VALUES ${values.join(', ')} ON CONFLICT (id) DO NOTHING RETURNING id::text AS id`,
    params,
  );
  const created = new Set(inserted.rows.map((r) => r.id));
  const rest = [...new Set(subs.map((s) => s.id).filter((id) => !created.has(id)))];
  const existing = new Map<string, { body_hash: string; school_urn: string }>();
  if (rest.length) {
    const r = await q.query<{ id: string; body_hash: string; school_urn: string }>(
      'SELECT id::text AS id, body_hash, school_urn FROM responses WHERE id = ANY($1::uuid[])',
      [rest],
    );
    for (const row of r.rows) existing.set(row.id, row);
  }
  // The same id twice in one batch: the first is created, the later ones are replays or conflicts.
  const first = new Map<string, Submission>();
  return subs.map((s) => {
    if (created.has(s.id) && !first.has(s.id)) {
      first.set(s.id, s);
      return 'created';
    }
    const row =
      existing.get(s.id) ??
      (first.has(s.id)
        ? { body_hash: first.get(s.id)!.bodyHash, school_urn: first.get(s.id)!.schoolUrn }
        : undefined);
    return row && row.body_hash === s.bodyHash && row.school_urn === s.schoolUrn
      ? 'replayed'
      : 'conflict';
  });
}

interface Pending {
  submission: Submission;
  resolve: (o: Outcome) => void;
  reject: (e: unknown) => void;
}

export class SubmissionStore {
  private queue: Pending[] = [];
  private flushing = false;
  /** Acknowledged ids, counted for the benchmarks' fault run. */
  acknowledged = 0;

  constructor(private readonly db: Db) {}

  async submit(s: Submission): Promise<Outcome> {
    // Both backends: one transaction and one sync for every submission waiting (group commit).
    const outcome = await new Promise<Outcome>((resolve, reject) => {
      this.queue.push({ submission: s, resolve, reject });
      void this.flush();
    });
    this.acknowledged++;
    return outcome;
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        // PGlite answers through microtasks only: yield to the event loop once so that requests
        // already on their sockets join this batch (group commit) instead of waiting behind it.
        await new Promise((resolve) => setImmediate(resolve));
        const batch = this.queue.splice(0, 250);
        try {
          const outcomes = await this.db.transaction((tx) =>
            insertMany(
              tx,
              batch.map((p) => p.submission),
            ),
          );
          await this.db.durable();
          batch.forEach((p, i) => p.resolve(outcomes[i]!));
        } catch (e) {
          // One bad row must not fail the others: retry each alone, then answer each.
          if (batch.length === 1) {
            batch[0]!.reject(e);
            continue;
          }
          for (const p of batch) {
            try {
              const o = await this.db.transaction((tx) => insertOne(tx, p.submission));
              await this.db.durable();
              p.resolve(o);
            } catch (err) {
              p.reject(err);
            }
          }
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}

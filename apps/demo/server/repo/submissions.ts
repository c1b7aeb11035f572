/**
 * Idempotent, durable, gated submission (reliability.md S13, S14; docs/decisions/0011). The primary
 * key is the response id made on the pupil's device, so a retry or a double click stores one row: a
 * replay with the same answers is acknowledged again, the same id with other answers is a conflict.
 *
 * A submission from a pupil session passes three gates in the same transaction as its insert, so
 * none can be raced: the round is open (its row is held FOR SHARE, so a concurrent close waits), the
 * session has not stored a response yet (one response per session), and the class code has a seat
 * left (its declared class size). A replay of a stored response skips the gates: it gets its
 * original 201 even after the round closed.
 *
 * Nothing is acknowledged before it is durable: submissions arriving together are handled in one
 * transaction (group commit), followed on PGlite by an explicit sync, then all answered. Within it,
 * each submission's statements run as its own school (row-level security), and a stored response's
 * session loses its class code's hash at once (P2).
 */
import { SYSTEM, narrow, withScope, type Db, type Queryable } from '../db.js';

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
  /** The pupil session it comes from; without one (tests, imports) no gate applies. */
  gate?: {
    sessionIdHash: string;
    codeHash: string | null;
    /** Linked mode: the pupil's single-use token, used by this submission (P2). */
    tokenHash?: string | null;
  };
}

/**
 * `created` and `replayed` are acknowledged (201); `conflict` is the same id with other answers;
 * `closed`, `sent` (this session already stored its one response) and `full` (the class size is
 * reached) are refusals the pupil is told about kindly.
 */
export type Outcome = 'created' | 'replayed' | 'conflict' | 'closed' | 'sent' | 'full';

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

async function existing(q: Queryable, s: Submission): Promise<Outcome | undefined> {
  const r = await q.query<{ body_hash: string; school_urn: string }>(
    'SELECT body_hash, school_urn FROM responses WHERE id = $1',
    [s.id],
  );
  const row = r.rows[0];
  if (!row) return undefined;
  return row.body_hash === s.bodyHash && row.school_urn === s.schoolUrn ? 'replayed' : 'conflict';
}

/** The gates; on a refusal, whatever this submission took is given back. */
async function admit(q: Queryable, s: Submission, today: string): Promise<Outcome | undefined> {
  const g = s.gate;
  if (!g) return undefined;
  const round = (
    await q.query<{ state: string; opens_on: string; closes_on: string }>(
      `SELECT state, opens_on::text AS opens_on, closes_on::text AS closes_on
         FROM rounds WHERE school_urn = $1 AND id = $2 FOR SHARE`,
      [s.schoolUrn, s.roundId],
    )
  ).rows[0];
  if (!round || round.state !== 'open' || today < round.opens_on || today > round.closes_on)
    return 'closed';
  const claimed = await q.query(
    `UPDATE sessions SET submitted = true
      WHERE id_hash = $1 AND kind = 'pupil' AND NOT submitted RETURNING 1`,
    [g.sessionIdHash],
  );
  if (claimed.rows.length === 0) return 'sent';
  const seat = await q.query(
    `UPDATE class_codes SET responses = responses + 1
      WHERE code_hash = $1 AND responses < class_size RETURNING 1`,
    [g.codeHash ?? ''],
  );
  if (seat.rows.length === 0) {
    await release(q, s, { seat: false, token: false });
    return 'full';
  }
  if (g.tokenHash) {
    const token = await q.query(
      'UPDATE pupil_tokens SET used = true WHERE token_hash = $1 AND NOT used RETURNING 1',
      [g.tokenHash],
    );
    if (token.rows.length === 0) {
      await release(q, s, { seat: true, token: false });
      return 'sent';
    }
  }
  return undefined;
}

async function release(
  q: Queryable,
  s: Submission,
  what: { seat: boolean; token: boolean },
): Promise<void> {
  const g = s.gate!;
  await q.query('UPDATE sessions SET submitted = false WHERE id_hash = $1', [g.sessionIdHash]);
  if (what.seat)
    await q.query('UPDATE class_codes SET responses = responses - 1 WHERE code_hash = $1', [
      g.codeHash ?? '',
    ]);
  if (what.token && g.tokenHash)
    await q.query('UPDATE pupil_tokens SET used = false WHERE token_hash = $1', [g.tokenHash]);
}

async function submitOne(q: Queryable, s: Submission, today: string): Promise<Outcome> {
  await narrow(q, { kind: 'school', trust: '', school: s.schoolUrn });
  const known = await existing(q, s);
  if (known) return known;
  const refused = await admit(q, s, today);
  // A gate that waited for another server's transaction may have waited for this very response.
  if (refused) return (await existing(q, s)) ?? refused;
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
  if (r.rows.length > 0) {
    // Stored: the session keeps no link to its class (P2); it can still replay this response.
    // In linked mode the token is used and no longer names the pupil's record either.
    if (s.gate) {
      await q.query('UPDATE sessions SET code_hash = NULL, token_hash = NULL WHERE id_hash = $1', [
        s.gate.sessionIdHash,
      ]);
      if (s.gate.tokenHash)
        await q.query('UPDATE pupil_tokens SET reference = NULL WHERE token_hash = $1', [
          s.gate.tokenHash,
        ]);
    }
    return 'created';
  }
  // Another server stored the same id meanwhile: give the gates back and answer as for a replay.
  if (s.gate) await release(q, s, { seat: true, token: true });
  return (await existing(q, s)) ?? 'conflict';
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

  /**
   * @param today the portal's day, read when a batch is stored (not when a request arrived), so an
   *   answer stored after a round's last day is refused like any other late answer.
   */
  constructor(
    private readonly db: Db,
    private readonly today: () => string = () => new Date().toISOString().slice(0, 10),
  ) {}

  async submit(s: Submission): Promise<Outcome> {
    // Both backends: one transaction and one sync for every submission waiting (group commit).
    const outcome = await new Promise<Outcome>((resolve, reject) => {
      this.queue.push({ submission: s, resolve, reject });
      void this.flush();
    });
    if (outcome === 'created' || outcome === 'replayed') this.acknowledged++;
    return outcome;
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    // A batch holds many schools' pupils: it runs in the system scope, and each submission narrows
    // it to its own school (submitOne), whatever request happened to start the flush.
    return withScope(SYSTEM, () => this.flushAll());
  }

  private async flushAll(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        // PGlite answers through microtasks only: yield to the event loop once so that requests
        // already on their sockets join this batch (group commit) instead of waiting behind it.
        await new Promise((resolve) => setImmediate(resolve));
        const batch = this.queue.splice(0, 250);
        try {
          // In order, in one transaction: a later submission sees the earlier ones' rows, seats
          // and sessions, so two copies of one response in a batch store one row.
          const today = this.today();
          const outcomes = await this.db.transaction(async (tx) => {
            const out: Outcome[] = [];
            for (const p of batch) out.push(await submitOne(tx, p.submission, today));
            return out;
          });
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
              const o = await this.db.transaction((tx) =>
                submitOne(tx, p.submission, this.today()),
              );
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

/**
 * Demo incidents (synthetic, plausible, no names): every school lead of the demo gets the
 * `incidents` permission (in the demo the lead is also the anti-bullying lead); five schools of the
 * LA get a year of records, and three of them a submitted return for last term. Idempotent: does
 * nothing when incidents exist already. Run as the system (seeding).
 */
import { randomUUID } from 'node:crypto';
import {
  IncidentAction,
  IncidentLocation,
  IncidentType,
  PrejudiceCharacteristic,
  StaffRole,
  type Allegation,
  type IncidentDetails,
} from '@all-together/model';
import type { Db } from './db.js';
import { protectReturn, termCounts, termDates, termOf } from './domain/incidents.js';
import { repos } from './repo/index.js';

const ALLEGED = [
  'Pushed repeatedly in the lunch queue over two weeks.',
  'Name-calling about appearance in the changing room.',
  'Left out of group work and mocked in a class group chat.',
  'Messages sent at night after a falling-out.',
  'Comments about religion made at break on several days.',
  'Belongings hidden and a bag damaged.',
];

/** The term before `term`. */
export function previousTerm(term: string): string {
  const { startsOn } = termDates(term);
  const d = new Date(`${startsOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return termOf(d.toISOString().slice(0, 10));
}

export async function seedIncidents(
  db: Db,
  today: string,
): Promise<{ incidents: number; returns: number; schools: string[] }> {
  const repo = repos(db);
  const existing = await db.query<{ n: string }>('SELECT count(*) AS n FROM incidents');
  // Every school lead may record incidents in the demo.
  await db.query(
    `INSERT INTO staff_permissions (user_id, school_urn, permission, granted_on)
     SELECT id, school_urn, 'incidents', $1 FROM users WHERE role = 'school-lead' AND school_urn IS NOT NULL
     ON CONFLICT DO NOTHING`,
    [today],
  );
  if (Number(existing.rows[0]!.n) > 0) return { incidents: 0, returns: 0, schools: [] };
  const schools = (
    await db.query<{ urn: string }>(
      "SELECT urn FROM schools WHERE trust_id IS NULL AND local_authority = '999' ORDER BY urn LIMIT 5",
    )
  ).rows.map((r) => r.urn);
  let seedNo = 20;
  const rand = () => {
    seedNo = (seedNo * 1103515245 + 12345) % 2 ** 31;
    return seedNo / 2 ** 31;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const last = previousTerm(termOf(today));
  let incidents = 0;
  let returns = 0;
  for (const [s, urn] of schools.entries()) {
    const lead = await db.query<{ id: string }>(
      "SELECT id FROM users WHERE school_urn = $1 AND role = 'school-lead' LIMIT 1",
      [urn],
    );
    const by = lead.rows[0]?.id ?? randomUUID();
    // Larger schools record more: 14 to 40 records across last term and this one.
    const n = 14 + s * 6 + Math.floor(rand() * 6);
    for (let i = 0; i < n; i++) {
      const { startsOn } = termDates(i % 3 === 0 ? termOf(today) : last);
      const start = Date.parse(`${startsOn}T00:00:00Z`);
      const span = Math.max(1, Math.min(Date.parse(`${today}T00:00:00Z`) - start, 80 * 86_400_000));
      const day = new Date(start + Math.floor(rand() * span)).toISOString().slice(0, 10);
      const allegation: Allegation = {
        occurredOn: day,
        occurredAt: `${String(8 + Math.floor(rand() * 8)).padStart(2, '0')}:${pick(['05', '20', '35', '50'])}`,
        location: pick(IncidentLocation.options),
        reportedBy: pick(['target', 'pupil-witness', 'parent', 'staff'] as const),
        alleged: pick(ALLEGED),
        people: [
          {
            involvement: 'target',
            role: 'pupil',
            reference: `P-${1000 + Math.floor(rand() * 900)}`,
          },
          {
            involvement: 'alleged-perpetrator',
            role: 'pupil',
            reference: `P-${1000 + Math.floor(rand() * 900)}`,
          },
        ],
      };
      const id = randomUUID();
      await repo.incidents.insert(urn, id, allegation, day, by);
      incidents++;
      const r = rand();
      const status = r < 0.65 ? 'substantiated' : r < 0.9 ? 'not-substantiated' : 'allegation';
      if (status === 'allegation') continue;
      const prejudice = rand() < 0.3;
      const details: IncidentDetails | null =
        status === 'substantiated'
          ? {
              types: [
                ...new Set([pick(IncidentType.options), pick(['verbal', 'relational'] as const)]),
              ],
              setting: pick(['offline', 'offline', 'online', 'both'] as const),
              prejudiceRelated: prejudice,
              characteristics: prejudice ? [pick(PrejudiceCharacteristic.options)] : [],
              safeguarding: rand() < 0.1,
              whatHappened: 'Looked into with both pupils and two witnesses.',
              impact: 'Anxious about coming to school; attendance dipped for a week.',
              targetWishes: 'Wants it to stop and to stay in the same form group.',
              actions: [
                { action: pick(IncidentAction.options), by: pick(StaffRole.options) },
                { action: 'parents-informed', by: 'head-of-year' },
              ],
              outcome: pick(['resolved', 'resolved', 'ongoing', 'escalated'] as const),
              reviewOn: day,
            }
          : null;
      await repo.incidents.update(urn, id, {
        allegation,
        status,
        details,
        decidedOn: day,
        today: day,
      });
    }
    if (s < 3) {
      const rows = await repo.incidents.list(urn);
      const counts = termCounts(rows, last);
      const { endsOn } = termDates(last);
      await repo.incidents.submit(
        urn,
        last,
        protectReturn(counts).return,
        counts,
        endsOn < today ? endsOn : today,
        by,
      );
      returns++;
    }
  }
  return { incidents, returns, schools };
}

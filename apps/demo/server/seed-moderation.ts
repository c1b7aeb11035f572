/**
 * Seeds moderation for the demo (issue 19): two moderators of the sample LA (a second one signs
 * off when a decision asks for it), one with a declared interest in a school it may not moderate,
 * and the sample trust's second school already submitted for moderation, with a portfolio of
 * evidence in every audit area and its rounds locked. Idempotent, like the other seeds.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from './db.js';
import { DEMO_PASSWORD, END_ROUND, BASELINE_ROUND } from './seed.js';
import { DEMO_LA } from './seed-area.js';
import { hashPassword } from './security.js';

export const MODERATOR = 'moderator@northshire.example';
export const SECOND_MODERATOR = 'moderator2@northshire.example';

/** Synthetic evidence, one item per audit area: descriptions a moderator can judge. */
const ITEMS: [string, 'document' | 'minutes' | 'observation' | 'survey' | 'other', string][] = [
  ['1', 'document', 'Anti-bullying policy reviewed with pupils and governors in March'],
  ['2', 'minutes', 'Minutes of the school council meeting that agreed the playground charter'],
  ['3', 'observation', 'Lunchtime observation notes by the SENCo over two weeks in May'],
  ['4', 'survey', 'Parent and carer survey summary shared in the summer newsletter'],
  ['5', 'document', 'Training register for the whole staff session on recording incidents'],
  ['6', 'other', 'Photographs of the friendship bench and buddy rota display boards'],
];

export async function seedModeration(
  db: Db,
  o: { submittedSchool: string; interestSchool?: string },
): Promise<{ created: boolean }> {
  const have = new Set(
    (
      await db.query<{ email: string }>('SELECT email FROM users WHERE email = ANY($1)', [
        [MODERATOR, SECOND_MODERATOR],
      ])
    ).rows.map((r) => r.email),
  );
  const hash = have.size < 2 ? await hashPassword(DEMO_PASSWORD) : '';
  let created = false;
  await db.transaction(async (tx) => {
    for (const [email, name] of [
      [MODERATOR, 'Moderator (demo)'],
      [SECOND_MODERATOR, 'Second moderator (demo)'],
    ] as const) {
      if (have.has(email)) continue;
      const id = randomUUID();
      await tx.query(
        `INSERT INTO users (id, email, display_name, role, la_code, password_hash)
         VALUES ($1, $2, $3, 'moderator', $4, $5)`,
        [id, email, name, DEMO_LA.code, hash],
      );
      if (email === SECOND_MODERATOR && o.interestSchool)
        await tx.query(
          'INSERT INTO moderator_interests (user_id, school_urn) VALUES ($1, $2) ON CONFLICT DO NOTHING',
          [id, o.interestSchool],
        );
    }
    const urn = o.submittedSchool;
    const year = (
      await tx.query<{ programme_year: string }>(
        'SELECT programme_year FROM rounds WHERE school_urn = $1 AND id = $2',
        [urn, END_ROUND],
      )
    ).rows[0]?.programme_year;
    if (!year) return;
    const exists = await tx.query('SELECT 1 FROM moderations WHERE school_urn = $1', [urn]);
    if (exists.rows.length) return;
    created = true;
    for (const [area, kind, description] of ITEMS)
      await tx.query(
        `INSERT INTO evidence_items (id, school_urn, programme_year, area, kind, description, evidenced_on)
         VALUES ($1, $2, $3, $4, $5, $6, '2026-05-20')`,
        [randomUUID(), urn, year, area, kind, description],
      );
    await tx.query(
      `UPDATE rounds SET state = 'locked', locked_on = current_date,
              closed_on = coalesce(closed_on, closes_on)
        WHERE school_urn = $1 AND id = ANY($2) AND state <> 'locked'`,
      [urn, [BASELINE_ROUND, END_ROUND]],
    );
    await tx.query(
      `INSERT INTO moderations (id, school_urn, programme_year, baseline_round, end_round,
         recommended_level, level_if_judged, state)
       VALUES ($1, $2, $3, $4, $5, 'participation', 'participation', 'submitted')`,
      [randomUUID(), urn, year, BASELINE_ROUND, END_ROUND],
    );
  });
  return { created };
}

/**
 * Demo training (synthetic, no names): Northshire's LA runs a course with an original session and
 * a "train the trainer" cascade of it. The original has enough delegates for its results to show,
 * linked before, after and at follow-up; the cascade has too few, so its figures are hidden. Both
 * session codes are published for the demo (like the sample class code). Idempotent: does nothing
 * when the course is there. Run as the system (seeding).
 */
import { randomUUID } from 'node:crypto';
import type { Db } from './db.js';
import { DEMO_LA } from './seed-area.js';
import { currentCpd, timepointItem, type CpdOwner } from './domain/cpd.js';
import { repos } from './repo/index.js';
import { sha256 } from './security.js';

export const DEMO_CPD_COURSE = 'Bullying, SEND and the whole school (synthetic)';
/** The original session's code, and the cascade's (demo only: real codes are shown once). */
export const DEMO_CPD_CODE = 'CPDK7WXY';
export const DEMO_CPD_CASCADE_CODE = 'CPDM3RTV';

const LEVELS = ['not-at-all-confident', 'not-very-confident', 'quite-confident', 'very-confident'];

export async function seedCpd(
  db: Db,
  today: string,
): Promise<{ sessions: number; answers: number }> {
  const existing = await db.query<{ n: string }>(
    'SELECT count(*) AS n FROM cpd_courses WHERE la_code = $1 AND title = $2',
    [DEMO_LA.code, DEMO_CPD_COURSE],
  );
  if (Number(existing.rows[0]!.n) > 0) return { sessions: 0, answers: 0 };
  const owner: CpdOwner = { la: DEMO_LA.code, trust: null, school: null };
  const def = currentCpd();
  const when = timepointItem(def).id;
  const confidence = def.sections
    .flatMap((s) => s.items)
    .filter((i) => i.scoring.cutoffs.confident !== undefined)
    .map((i) => i.id);
  const day = (offset: number) =>
    new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  let seed = 18;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  let answers = 0;
  await db.transaction(async (q) => {
    const tx = repos(q);
    const course = await tx.cpd.insertCourse({
      id: randomUUID(),
      owner,
      title: DEMO_CPD_COURSE,
      on: day(-150),
      by: '00000000-0000-0000-0000-000000000000',
    });
    const session = async (o: {
      heldOn: string;
      trainerRole: string;
      audience: string;
      cascadeOf: string | null;
      code: string;
    }) =>
      tx.cpd.insertSession({
        id: randomUUID(),
        course: course.id,
        owner,
        heldOn: o.heldOn,
        trainerRole: o.trainerRole,
        audience: o.audience,
        cascadeOf: o.cascadeOf,
        codeHash: sha256(o.code),
        on: day(-150),
        by: '00000000-0000-0000-0000-000000000000',
      });
    const original = await session({
      heldOn: day(-140),
      trainerRole: 'programme-trainer',
      audience: 'whole-school-staff',
      cascadeOf: null,
      code: DEMO_CPD_CODE,
    });
    const cascade = await session({
      heldOn: day(-100),
      trainerRole: 'cascade-trainer',
      audience: 'support-and-lunchtime-staff',
      cascadeOf: original.id,
      code: DEMO_CPD_CASCADE_CODE,
    });
    /** `delegates` answer before; the first `after` of them after, the first `followUp` later. */
    const answer = async (
      s: { id: string; held_on: string },
      counts: { delegates: number; after: number; followUp: number },
    ) => {
      for (let d = 0; d < counts.delegates; d++) {
        const delegate = sha256(`seed-delegate:${s.id}:${d}`);
        const points: [string, number, number][] = [
          ['before', -3, 0.35],
          ...(d < counts.after ? ([['after', 0, 0.9]] as [string, number, number][]) : []),
          ...(d < counts.followUp
            ? ([['follow-up', 100, 0.75]] as [string, number, number][])
            : []),
        ];
        for (const [timepoint, offset, confident] of points) {
          const levels = Object.fromEntries(
            confidence.map((id) => [
              id,
              rand() < confident
                ? LEVELS[2 + Math.floor(rand() * 2)]!
                : LEVELS[Math.floor(rand() * 2)]!,
            ]),
          );
          await tx.cpd.insertAnswer({
            id: randomUUID(),
            session: s.id,
            owner,
            delegateHash: delegate,
            timepoint,
            setting: d % 5 === 0 ? 'youth-or-community' : 'school-teaching',
            definition: def,
            answers: { [when]: timepoint, ...levels },
            on: new Date(Date.parse(`${s.held_on}T00:00:00Z`) + offset * 86_400_000)
              .toISOString()
              .slice(0, 10),
          });
          answers++;
        }
      }
    };
    await answer(original, { delegates: 26, after: 24, followUp: 21 });
    await answer(cascade, { delegates: 6, after: 5, followUp: 0 });
  });
  return { sessions: 2, answers };
}

/**
 * The demo school's 360° (docs/decisions/0046): perception answers from staff and parents and
 * carers at the baseline and end rounds, enough for the 360° view to show, and from 6 governors at
 * the end, fewer than 10, so the view shows a hidden group. Parents and staff agree less with a few
 * statements the lead's audits rate Fully met, so the view shows agreement gaps. Deterministic and
 * idempotent (fixed ids; `ON CONFLICT DO NOTHING`).
 */
import { createHash } from 'node:crypto';
import { itemsOf, type QuestionnaireDefinition } from '@all-together/model';
import { getQuestionnaire } from '@all-together/questionnaires';
import type { Queryable } from './db.js';
import { insertMany } from './seed.js';
import { canonicalJson } from './repo/submissions.js';
import { sha256 } from './security.js';

/** People per audience and round, and the share agreeing with the items of chosen statements. */
export const DEMO_PERCEPTION = {
  baseline: {
    staff: { people: 18, agree: 0.8, low: { '3.2': 0.4 } },
    'parent-carer': { people: 22, agree: 0.75, low: { '3.4': 0.4 } },
  },
  end: {
    staff: { people: 24, agree: 0.85, low: { '3.2': 0.5 } },
    'parent-carer': { people: 31, agree: 0.8, low: { '2.9': 0.45 } },
    governor: { people: 6, agree: 0.5, low: {} },
  },
} as const;

/** A version 4 UUID made from a name, so the seed's rows keep their ids on every run. */
function stableUuid(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16]!, 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function answersFor(
  def: QuestionnaireDefinition,
  person: number,
  share: number,
  low: Readonly<Record<string, number>>,
): Record<string, string> {
  const answers: Record<string, string> = {};
  itemsOf(def).forEach((item, j) => {
    if (item.statements.length === 0 || item.type !== 'agreement') return;
    const p = Math.min(...item.statements.map((s) => low[s] ?? share));
    // Spread agreement across people by a fixed stride, so each item's share is close to p.
    const spot = ((person * 37 + j * 11) % 100) / 100;
    answers[item.id] =
      spot < p
        ? spot < p / 2
          ? 'strongly-agree'
          : 'agree'
        : spot > 0.95
          ? 'dont-know'
          : 'disagree';
  });
  return answers;
}

/** Seeds the 360° answers of `urn` at its baseline and end rounds. */
export async function seedPerception(
  q: Queryable,
  urn: string,
  rounds: { baseline: string; end: string },
  day: { baseline: string; end: string },
): Promise<void> {
  const rows: unknown[][] = [];
  for (const wave of ['baseline', 'end'] as const) {
    for (const [audience, plan] of Object.entries(DEMO_PERCEPTION[wave])) {
      const def = getQuestionnaire(`perception-${audience}`);
      for (let i = 0; i < plan.people; i++) {
        const id = stableUuid(`${urn}/${rounds[wave]}/${audience}/${i}`);
        const body = {
          id,
          definition: { id: def.id, version: def.version },
          wave,
          school: urn,
          round: rounds[wave],
          mode: 'anonymous',
          characteristics: { source: 'self-report' },
          answers: answersFor(def, i, plan.agree, plan.low),
          startedAt: `${day[wave]}T00:00:00Z`,
          submittedAt: `${day[wave]}T00:00:00Z`,
        };
        rows.push([
          id,
          urn,
          rounds[wave],
          audience,
          def.id,
          def.version,
          sha256(canonicalJson(body)),
          JSON.stringify(body),
          day[wave],
        ]);
      }
    }
  }
  await insertMany(
    q,
    'perception_responses',
    [
      'id',
      'school_urn',
      'round_id',
      'audience',
      'definition_id',
      'definition_version',
      'body_hash',
      'body',
      'submitted_on',
    ],
    rows,
    { body: '::jsonb', submitted_on: '::date' },
  );
}

/**
 * The 360° perception surveys (docs/decisions/0046): what the lead's browser receives, made on the
 * server from published figures only (D8). Adults are counted as people and a group of fewer than
 * k people is hidden (scoring's `publishPerception`); the gaps between the lead's ratings and what
 * each group says are scoring's `agreementGapsPublished`, said here in plain words.
 *
 * What a lead sees changes only at a snapshot (D5): per audience, once at least k more people have
 * answered since the last one, and once more, finally, when the round closes.
 */
import type { AuditDefinition, QuestionnaireDefinition } from '@all-together/model';
import { getQuestionnaire } from '@all-together/questionnaires';
import {
  agreementGapsPublished,
  publishPerception,
  STAKEHOLDER_NAMES,
  summarisePerception,
  type AuditRatings,
  type PerceptionSummary,
  type PublishedGap,
  type PublishedPerception,
} from '@all-together/scoring';
import {
  PERCEPTION_AUDIENCES,
  type PerceptionAudience,
  type PerceptionSnapshotRow,
} from '../repo/perception.js';
import type { RoundRow } from '../repo/rounds.js';
import type { SchoolRow } from '../repo/schools.js';
import { definitionFor } from './definitions.js';
import { K, stateOf } from './lifecycle.js';
import type { DomainContext } from './snapshots.js';

/** The survey an audience answers now (the newest version of its definition). */
export const perceptionDefinition = (audience: PerceptionAudience): QuestionnaireDefinition =>
  getQuestionnaire(`perception-${audience}`);

/** How the portal names each audience to a lead. */
export const AUDIENCE_LABELS: Readonly<Record<PerceptionAudience, string>> = {
  staff: 'Staff',
  'parent-carer': 'Parents and carers',
  governor: 'Governors',
};

/**
 * One audience's stored answers summarised: each response read with the version it answered, the
 * versions' summaries added item by item (an item's agreement counts the people who answered it).
 */
export function summariseAudience(
  audience: PerceptionAudience,
  rows: readonly { definition_id: string; definition_version: string; body: unknown }[],
): PerceptionSummary {
  const byVersion = new Map<string, { def: QuestionnaireDefinition; bodies: unknown[] }>();
  for (const r of rows) {
    const key = `${r.definition_id}@${r.definition_version}`;
    const def = definitionFor(r.definition_id, r.definition_version);
    if (!def) continue;
    const entry = byVersion.get(key) ?? { def, bodies: [] };
    entry.bodies.push(r.body);
    byVersion.set(key, entry);
  }
  const parts = [...byVersion.values()].map(({ def, bodies }) =>
    summarisePerception(
      def,
      bodies.map((b) => ({ answers: (b as { answers: Record<string, string> }).answers })),
    ),
  );
  const items = new Map<string, PerceptionSummary['items'][number]>();
  for (const part of parts)
    for (const item of part.items) {
      const key = `${item.item}|${item.statements.join(',')}`;
      const seen = items.get(key);
      items.set(
        key,
        seen
          ? {
              ...seen,
              agree: {
                count: seen.agree.count + item.agree.count,
                base: seen.agree.base + item.agree.base,
              },
              missing: seen.missing + item.missing,
            }
          : { ...item, agree: { ...item.agree } },
      );
    }
  return {
    stakeholder: audience,
    definition: `perception-${audience}`,
    people: parts.reduce((n, p) => n + p.people, 0),
    items: [...items.values()],
  };
}

const parsedSnapshot = (row: PerceptionSnapshotRow | undefined): PerceptionSummary | undefined =>
  row && typeof row.summary === 'object' && row.summary !== null
    ? (row.summary as PerceptionSummary)
    : undefined;

/**
 * A round's perception summaries as of their latest snapshots, one per audience that anyone has
 * answered (D5): an open round's audience is re-summarised only once at least `k` more people have
 * answered since its last snapshot; a closed round's is summarised once more, finally, after any
 * answer still being stored has committed, and then never again.
 */
export async function perceptionSummaries(
  ctx: DomainContext,
  school: SchoolRow,
  round: RoundRow,
  k = K,
): Promise<PerceptionSummary[]> {
  const snaps = new Map(
    (await ctx.repo.perception.snapshots(school.urn, round.id)).map((s) => [s.audience, s]),
  );
  const open = stateOf(round, ctx.today) === 'open';
  if (!open && PERCEPTION_AUDIENCES.every((a) => snaps.get(a)?.final)) return present(snaps);
  if (!open)
    return ctx.transaction(async (tx) => {
      // FOR UPDATE waits for every answer being stored (each holds the round FOR SHARE).
      await tx.rounds.getForUpdate(school.urn, round.id);
      const again = new Map(
        (await tx.perception.snapshots(school.urn, round.id)).map((s) => [s.audience, s]),
      );
      for (const audience of PERCEPTION_AUDIENCES) {
        if (again.get(audience)?.final) continue;
        const summary = summariseAudience(
          audience,
          await tx.perception.bodies(school.urn, round.id, audience),
        );
        const row = { audience, people: summary.people, final: true, summary };
        await tx.perception.putSnapshot(school.urn, round.id, row);
        again.set(audience, row);
      }
      return present(again);
    });
  const counts = await ctx.repo.perception.counts(school.urn, round.id);
  for (const audience of PERCEPTION_AUDIENCES) {
    const count = counts.get(audience) ?? 0;
    const last = snaps.get(audience)?.people ?? 0;
    if (count - last < k) continue;
    const summary = summariseAudience(
      audience,
      await ctx.repo.perception.bodies(school.urn, round.id, audience),
    );
    const row = { audience, people: summary.people, final: false, summary };
    await ctx.repo.perception.putSnapshot(school.urn, round.id, row);
    snaps.set(audience, row);
  }
  return present(snaps);
}

/** The audiences' summaries in a fixed order, leaving out audiences nobody has answered. */
function present(snaps: Map<PerceptionAudience, PerceptionSnapshotRow>): PerceptionSummary[] {
  return PERCEPTION_AUDIENCES.flatMap((a) => {
    const s = parsedSnapshot(snaps.get(a));
    return s && s.people > 0 ? [s] : [];
  });
}

/** A gap in plain words, for the lead. */
export function gapSentence(g: PublishedGap, published: PublishedPerception): string {
  const groups = published.statements.find((s) => s.statement === g.statement)?.groups ?? [];
  const below = g.below.map((a) => {
    const shown = groups.find((x) => x.stakeholder === a);
    const pct = shown && 'value' in shown.agree ? `${shown.agree.value}%` : '';
    return `${pct ? `only ${pct} of ` : ''}${STAKEHOLDER_NAMES[a]}`;
  });
  const who = below.length > 1 ? `${below.slice(0, -1).join(', ')} and ${below.at(-1)}` : below[0];
  return `You rated ${g.statement} Fully met, but ${who} agree. Ask them what would make it true for them.`;
}

/**
 * The agreement gaps of a round: the lead's ratings against each group's published agreement
 * (people counted, groups under 10 hidden and never making a gap). What the 360° view says in
 * words and what the action plan's priorities take.
 */
export const gapsOf = (
  summaries: readonly PerceptionSummary[],
  audit: AuditDefinition,
  ratings: AuditRatings,
): PublishedGap[] => agreementGapsPublished(audit, ratings, publishPerception(summaries));

/**
 * Everything the lead's 360° view shows for a round: the published perception figures, and the
 * agreement gaps against the lead's own audit ratings for the round (none without an audit).
 * Pure: the same summaries and ratings always give the same JSON.
 */
export function perceptionView(
  summaries: readonly PerceptionSummary[],
  audit: AuditDefinition,
  ratings: AuditRatings | null,
) {
  const published = publishPerception(summaries);
  const gaps = ratings ? gapsOf(summaries, audit, ratings) : [];
  return {
    published,
    gaps: gaps
      .filter((g) => g.gap)
      .map((g) => ({ statement: g.statement, below: g.below, words: gapSentence(g, published) })),
    /** Statements rated Fully met that no shown group could check (its groups hidden or absent). */
    unjudged: gaps.filter((g) => g.rating === 'fully-met' && !g.judged).map((g) => g.statement),
  };
}

/**
 * Everything about the 360° that reaches the lead's browser for a round, from its people counted
 * per audience and its snapshot summaries: how many have answered (never a small group's number),
 * the published figures and the gaps in words. Pure, so a property test can check that nothing in
 * it depends on how many people a small group holds, or what they said.
 */
export function leadPerception(input: {
  counts: ReadonlyMap<PerceptionAudience, number>;
  summaries: readonly PerceptionSummary[];
  closed: boolean;
  audit: AuditDefinition;
  ratings: AuditRatings | null;
}) {
  return {
    audiences: PERCEPTION_AUDIENCES.map((a) => ({
      audience: a,
      label: AUDIENCE_LABELS[a],
      answered: answeredShown(input.counts.get(a) ?? 0, input.closed),
    })),
    rated: input.ratings !== null,
    /** The lead's own ratings for the round (their own words, beside the others'). */
    ratings: { ...(input.ratings?.ratings ?? {}) } as Record<string, string>,
    ...perceptionView(input.summaries, input.audit, input.ratings),
  };
}

/**
 * How many people of an audience have answered, as a lead may see it: "none yet"; "fewer than k"
 * for any smaller group (never its number, open or closed); then in bands of 5 while the round is
 * open, and the exact number once it has closed.
 */
export function answeredShown(n: number, closed: boolean, k = K): string {
  if (n === 0) return 'none yet';
  if (n < k) return `fewer than ${k}`;
  return closed ? String(n) : `${Math.floor(n / 5) * 5} or more`;
}

/**
 * The audit's scores (domain.md §2): area and overall scores, and the Time 1 → Time 2 comparison.
 * Pure functions: no DOM, no clock, no locale; every threshold is an option with a default. The
 * 360° (how far stakeholders agree, its gaps) is in `perception.ts`, the action plan's priorities
 * in `priorities.ts`; the rating helpers all three read are in `ratings.ts`.
 */
import {
  RatingLevel,
  type AuditDefinition,
  type AuditScoring,
  type Rating,
  type StatementId,
} from '@all-together/model';
import {} from '@all-together/model';
import type { AreaScore, AuditScores } from './types.js';
import { isLevel, LEVELS, ratingOf, type AuditRatings } from './ratings.js';

export type { AuditRatings } from './ratings.js';

function assertPoints(points: AuditScoring['points'], where: string): void {
  const [fully, partially, notYet] = LEVELS.map((l) => points[l]) as [number, number, number];
  const finite = [fully, partially, notYet].every(Number.isFinite);
  if (!(finite && notYet >= 0 && fully > partially && partially > notYet)) {
    throw new RangeError(
      `${where}: points must be finite, not below 0, and rise from Not yet met to Fully met; ` +
        `got fully-met=${fully}, partially-met=${partially}, not-yet-met=${notYet}.`,
    );
  }
}

function weightOf(scoring: AuditScoring, area: number, where: string): number {
  const key = String(area);
  const weight = Object.hasOwn(scoring.areaWeights, key) ? scoring.areaWeights[key]! : 1;
  if (!(Number.isFinite(weight) && weight > 0)) {
    throw new RangeError(`${where}: the weight of area ${area} must be above 0, got ${weight}.`);
  }
  return weight;
}

const clamp = (x: number, low: number, high: number) => Math.min(high, Math.max(low, x));

/** Options for {@link scoreAudit}. */
export interface ScoreAuditOptions {
  /**
   * How "Don't know" and unrated statements count: `excluded` (default, the school's own view:
   * left out of the score and listed) or `not-met` (the award: scored as Not yet met, so that
   * "Don't know" can never raise a score).
   */
  unsure?: 'excluded' | 'not-met';
}

/**
 * Scores a school's audit with the definition's own scoring (`definition.scoring`; defaults Fully
 * met 2, Partially met 1, Not yet met 0, every area weighing 1):
 *
 * - **area %** = points ÷ (Fully met points × answered statements) × 100, or `null` when nothing in
 *   the area is answered;
 * - **overall %** = the weighted mean of the area percentages of the areas that have one (an area
 *   missing from `areaWeights` weighs 1), or `null` when no area has one;
 * - **counts** of each rating, of "Don't know" and of unrated statements, per area and in total;
 * - "Don't know" is never scored (not as 0 either): it is counted and its statements listed in
 *   `dontKnow`, in definition order, so the school lead can follow them up.
 *
 * Only the definition's statements are scored: a rating for a statement the definition does not have
 * (another version's, a typo) is ignored, because there are no points or area to give it. A value
 * that is not a rating at all (unparsed input) counts as unrated. Parse responses at the boundary
 * with `AuditResponse` to catch both.
 *
 * @throws RangeError when the points are negative or do not rise from Not yet met to Fully met, or
 *   an area weight is not above 0 (a parsed definition never has these).
 * @example
 * import { getAudit } from '@all-together/questionnaires';
 * const scores = scoreAudit(getAudit(), { ratings: { '1.1': 'fully-met', '1.2': 'partially-met' } });
 * scores.areas[0]!.percent; // 75: (2 + 1) points ÷ (2 × 2 answered) × 100
 * scores.overall; //          75: the only area with a score
 * scores.counts.unrated; //   41 of the 43 statements
 */
export function scoreAudit(
  definition: AuditDefinition,
  response: AuditRatings,
  options: ScoreAuditOptions = {},
): AuditScores {
  const strict = options.unsure === 'not-met';
  const { scoring } = definition;
  assertPoints(scoring.points, 'scoreAudit');
  const best = scoring.points['fully-met'];
  const counts: AuditScores['counts'] = {
    'fully-met': 0,
    'partially-met': 0,
    'not-yet-met': 0,
    'dont-know': 0,
    unrated: 0,
  };
  const dontKnow: string[] = [];

  const areas = definition.areas.map((area): AreaScore => {
    const levels: Record<RatingLevel, number> = {
      'fully-met': 0,
      'partially-met': 0,
      'not-yet-met': 0,
    };
    let dk = 0;
    let unrated = 0;
    for (const statement of area.statements) {
      const rating = ratingOf(response, statement.id);
      if (rating === undefined) unrated++;
      else if (rating === 'dont-know') {
        dk++;
        dontKnow.push(statement.id);
      } else levels[rating]++;
    }
    const definite = LEVELS.reduce((n, l) => n + levels[l], 0);
    // For the award, "Don't know" and unrated statements are answered and not met (0 points).
    const answered = strict ? area.statements.length : definite;
    const points =
      LEVELS.reduce((sum, l) => sum + levels[l] * scoring.points[l], 0) +
      (strict ? (dk + unrated) * scoring.points['not-yet-met'] : 0);
    const maxPoints = best * answered;
    for (const l of LEVELS) counts[l] += levels[l];
    counts['dont-know'] += dk;
    counts.unrated += unrated;
    return {
      area: area.number,
      answered,
      dontKnow: dk,
      unrated,
      counts: levels,
      points,
      maxPoints,
      // The clamp only removes floating-point dust when points are not whole numbers.
      percent: answered === 0 ? null : clamp((points / maxPoints) * 100, 0, 100),
    };
  });

  let weighted = 0;
  let weights = 0;
  const scored: number[] = [];
  for (const a of areas) {
    if (a.percent === null) continue;
    const w = weightOf(scoring, a.area, 'scoreAudit');
    weighted += w * a.percent;
    weights += w;
    scored.push(a.percent);
  }
  // A weighted mean lies between the smallest and largest area; the clamp keeps rounding there too.
  const overall =
    scored.length === 0
      ? null
      : clamp(weighted / weights, Math.min(...scored), Math.max(...scored));

  return { areas, overall, counts, dontKnow };
}

/** How a statement's rating moved from the baseline audit to the end audit. */
export type StatementDirection = 'improved' | 'same' | 'worse' | 'not-comparable';

/** The directions, for loops in tests and displays. */
export const STATEMENT_DIRECTIONS: readonly StatementDirection[] = [
  'improved',
  'same',
  'worse',
  'not-comparable',
];

/** A percentage at baseline and at the end, and the change in percentage points. */
export interface ScoreChange {
  baseline: number | null;
  end: number | null;
  /** end − baseline in percentage points; null when either is null. */
  change: number | null;
}

/** One area's change. */
export interface AreaChange extends ScoreChange {
  area: number;
}

/** One statement's ratings at baseline and at the end, and which way it moved. */
export interface StatementChange {
  statement: StatementId;
  area: number;
  /** The baseline rating, or null when unrated. */
  baseline: Rating | null;
  /** The end rating, or null when unrated. */
  end: Rating | null;
  /** Compared by the levels' points; `not-comparable` when either side is Don't know or unrated. */
  direction: StatementDirection;
}

/** The baseline audit against the end audit (domain.md §2: change per area and per statement). */
export interface AuditComparison {
  baseline: AuditScores;
  end: AuditScores;
  areas: AreaChange[];
  overall: ScoreChange;
  /** Every statement of the definition, in order. */
  statements: StatementChange[];
  /** How many statements moved each way. */
  directions: Record<StatementDirection, number>;
}

const change = (baseline: number | null, end: number | null): ScoreChange => ({
  baseline,
  end,
  change: baseline === null || end === null ? null : end - baseline,
});

/**
 * Compares a baseline audit with an end audit of the same definition: per area and overall, the
 * baseline %, the end % and the change (end − baseline, in percentage points; null when either is
 * null); per statement, both ratings and whether it `improved`, stayed the `same` or got `worse`,
 * judged by the definition's points for each level. A statement rated "Don't know" or left unrated
 * on either side is `not-comparable`, never "same". Both audits are scored by {@link scoreAudit}, so
 * the same rules (and errors) apply.
 *
 * @example
 * const audit = getAudit();
 * const c = compareAudits(audit, { ratings: { '1.1': 'partially-met' } }, { ratings: { '1.1': 'fully-met' } });
 * c.areas[0]; // { area: 1, baseline: 50, end: 100, change: 50 }
 * c.statements[0]; // { statement: '1.1', area: 1, baseline: 'partially-met', end: 'fully-met', direction: 'improved' }
 * c.statements[1]!.direction; // 'not-comparable' (1.2 is unrated in both)
 */
export function compareAudits(
  definition: AuditDefinition,
  baseline: AuditRatings,
  end: AuditRatings,
): AuditComparison {
  const before = scoreAudit(definition, baseline);
  const after = scoreAudit(definition, end);
  const points = definition.scoring.points;
  const directions: Record<StatementDirection, number> = {
    improved: 0,
    same: 0,
    worse: 0,
    'not-comparable': 0,
  };
  const statements = definition.areas.flatMap((area) =>
    area.statements.map((s): StatementChange => {
      const b = ratingOf(baseline, s.id) ?? null;
      const e = ratingOf(end, s.id) ?? null;
      let direction: StatementDirection = 'not-comparable';
      if (isLevel(b) && isLevel(e)) {
        const diff = points[e] - points[b];
        direction = diff > 0 ? 'improved' : diff < 0 ? 'worse' : 'same';
      }
      directions[direction]++;
      return { statement: s.id, area: area.number, baseline: b, end: e, direction };
    }),
  );
  return {
    baseline: before,
    end: after,
    areas: before.areas.map((a, i) => ({
      area: a.area,
      ...change(a.percent, after.areas[i]!.percent),
    })),
    overall: change(before.overall, after.overall),
    statements,
    directions,
  };
}

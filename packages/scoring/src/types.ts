/**
 * The shapes the scoring functions share. Everything is counts: a summary never holds a pupil's row.
 */
import type { Audience, RatingLevel } from '@all-together/model';

/** "count of base": how many of the pupils (or adults) asked had the outcome. */
export interface Proportion {
  count: number;
  base: number;
}

/** A mean with what it rests on, kept as sums so that it merges exactly. */
export interface MeanStat {
  /** How many scores. */
  n: number;
  /** Sum of the scores. */
  sum: number;
  /** Sum of the squared scores (for the standard deviation and tests). */
  sumSquares: number;
}

/** One area of a scored audit. */
export interface AreaScore {
  area: number;
  /** Statements rated at a level (Don't know and unrated excluded). */
  answered: number;
  /** Statements rated "Don't know": excluded from the score and flagged. */
  dontKnow: number;
  /** Statements not rated yet. */
  unrated: number;
  counts: Record<RatingLevel, number>;
  points: number;
  maxPoints: number;
  /** points ÷ maxPoints × 100, or null when nothing is answered. */
  percent: number | null;
}

/** A scored audit: area percentages, the overall percentage and every count. */
export interface AuditScores {
  areas: AreaScore[];
  /** The (weighted) mean of the area percentages, or null when no area has a score. */
  overall: number | null;
  counts: Record<RatingLevel | 'dont-know' | 'unrated', number>;
  /** Statement ids rated "Don't know", flagged for the school lead. */
  dontKnow: string[];
}

/** How much one stakeholder group agrees with the perception items linked to audit statements. */
export interface PerceptionAgreement {
  /** Who answered: staff, parent-carer, governor, pupil-ks2, pupil-secondary. */
  stakeholder: Audience;
  definition: string;
  item: string;
  /** The audit statements the item gives evidence on. */
  statements: string[];
  /** Agreeing (at or above the item's `agree` cut-off) of those who answered (Don't know excluded). */
  agree: Proportion;
  /** "Don't know" and unanswered, reported, never dropped. */
  missing: number;
}

/** Frequent victimisation at Time 1 and Time 2 for one group, for the award's pupil-outcome rule. */
export interface OutcomeComparison {
  group: 'all' | 'send' | 'fsm';
  baseline: Proportion;
  end: Proportion;
}

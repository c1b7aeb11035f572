/**
 * The action plan's priorities, seeded from the audit (domain.md §3) and the 360°'s agreement gaps.
 */
import {
  RatingLevel,
  statementsOf,
  type AuditDefinition,
  type AuditStatement,
  type Priority,
} from '@all-together/model';
import { ratingOf, type AuditRatings } from './ratings.js';
import type { PublishedGap } from './perception.js';

/** Options for {@link priorities}. */
export interface PriorityOptions {
  /** At most this many priorities (the first ones); default all. */
  limit?: number;
  /**
   * The 360°'s agreement gaps ({@link agreementGapsPublished}): a statement the lead rated Fully met
   * that a stakeholder group agrees with less than the threshold becomes a priority too, after
   * Partially met (with its rating, Fully met, so the plan can say why).
   */
  gaps?: readonly PublishedGap[];
}

/**
 * The action plan's priorities, seeded from the audit (domain.md §3): statements rated Not yet met
 * first, then Partially met; within a rating, statements tagged with vulnerable groups first (they
 * matter most to a SEND-focused programme), then definition order. Each carries its rating and
 * groups. Fully met is not a priority unless `options.gaps` shows an agreement gap on it (then it
 * comes last), nor is Don't know (it is flagged in
 * {@link AuditScores.dontKnow} for the lead to find out, not planned for).
 *
 * @throws RangeError when `limit` is negative or not a whole number.
 * @example
 * priorities(getAudit(), { ratings: { '1.1': 'partially-met', '1.4': 'partially-met', '2.1': 'not-yet-met' } });
 * // [ { statement: '2.1', rating: 'not-yet-met', groups: [] },
 * //   { statement: '1.4', rating: 'partially-met', groups: ['send'] },
 * //   { statement: '1.1', rating: 'partially-met', groups: [] } ]
 */
export function priorities(
  definition: AuditDefinition,
  response: AuditRatings,
  options: PriorityOptions = {},
): Priority[] {
  const { limit } = options;
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) {
    throw new RangeError(`priorities: limit must be a whole number ≥ 0, got ${limit}.`);
  }
  const statements = statementsOf(definition);
  const pick = (rating: RatingLevel, tagged: boolean) =>
    statements
      .filter((s) => ratingOf(response, s.id) === rating && s.groups.length > 0 === tagged)
      .map((s: AuditStatement): Priority => ({ statement: s.id, rating, groups: [...s.groups] }));
  // Only a gap the lead's rating still calls Fully met: the gap is between that rating and others.
  const gapped = new Set((options.gaps ?? []).filter((g) => g.gap).map((g) => g.statement));
  const gap = (tagged: boolean) =>
    pick('fully-met', tagged).filter((p) => gapped.has(p.statement as string));
  const ordered = [
    ...pick('not-yet-met', true),
    ...pick('not-yet-met', false),
    ...pick('partially-met', true),
    ...pick('partially-met', false),
    ...gap(true),
    ...gap(false),
  ];
  return limit === undefined ? ordered : ordered.slice(0, limit);
}

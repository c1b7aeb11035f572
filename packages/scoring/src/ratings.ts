/**
 * A school's ratings of the audit's statements, read safely: shared by the audit's scores, the
 * 360° and the plan's priorities. Internal (not exported from the package, except the type).
 */
import { RatingLevel, type Rating } from '@all-together/model';

/** A school's ratings keyed by statement id: an `AuditResponse`, or anything with its `ratings`. */
export interface AuditRatings {
  ratings: Readonly<Record<string, Rating>>;
}

export const LEVELS = RatingLevel.options;

/** The rating given to a statement, or undefined when it is unrated (or not a rating at all). */
export function ratingOf(response: AuditRatings, statement: string): Rating | undefined {
  // Own keys only: a key inherited from Object.prototype is never a rating.
  if (!Object.hasOwn(response.ratings, statement)) return undefined;
  const rating = response.ratings[statement];
  return rating === 'dont-know' || isLevel(rating) ? rating : undefined;
}

export function isLevel(value: unknown): value is RatingLevel {
  return (LEVELS as readonly unknown[]).includes(value);
}

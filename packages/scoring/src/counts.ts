// Internal (not re-exported): the one check behind every function that takes "x of n".

/**
 * Throws a RangeError unless `count` and `base` are whole numbers with 0 ≤ count ≤ base, saying
 * where, what, and the values found. `names` words the message in the caller's own terms.
 */
export function assertCounts(
  count: number,
  base: number,
  where: string,
  what = 'the counts',
  names: readonly [string, string] = ['count', 'base'],
): void {
  if (!Number.isSafeInteger(count) || !Number.isSafeInteger(base) || count < 0 || count > base) {
    const [c, b] = names;
    throw new RangeError(
      `${where}: ${what} must be whole numbers with 0 ≤ ${c} ≤ ${b}, got ${c}=${count}, ${b}=${base}.`,
    );
  }
}

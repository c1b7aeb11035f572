/**
 * Semantic versions (https://semver.org, 2.0.0), as definitions and fragments carry them.
 *
 * @module
 */

// The spec's own regular expression (semver.org, "Is there a suggested regular expression").
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

interface Parsed {
  readonly core: readonly [bigint, bigint, bigint];
  readonly pre: readonly string[];
}

function parse(version: string): Parsed {
  const match = SEMVER.exec(version);
  if (!match) throw new Error(`"${version}" is not a semantic version (for example "1.0.0").`);
  return {
    // BigInt: the spec puts no limit on a number's size.
    core: [BigInt(match[1]!), BigInt(match[2]!), BigInt(match[3]!)],
    pre: match[4] === undefined ? [] : match[4].split('.'),
  };
}

const NUMERIC = /^\d+$/;
const cmp = <T>(a: T, b: T) => (a < b ? -1 : a > b ? 1 : 0);

/** §11.4: numeric identifiers compare as numbers and sort before alphanumeric ones. */
function compareIdentifiers(a: string, b: string): number {
  const aNumeric = NUMERIC.test(a);
  const bNumeric = NUMERIC.test(b);
  if (aNumeric && bNumeric) return cmp(BigInt(a), BigInt(b));
  if (aNumeric !== bNumeric) return aNumeric ? -1 : 1;
  return cmp(a, b); // ASCII order, as the spec says ("lexically in ASCII sort order")
}

/**
 * Compares two semantic versions by SemVer 2.0.0 precedence (§11): major, minor and patch as
 * numbers; a pre-release sorts before its release; pre-release identifiers compare one by one,
 * numbers as numbers (`1.0.0-la873.10` is after `1.0.0-la873.2`); build metadata is ignored.
 *
 * @returns a negative number if `a` comes first, positive if `b` does, 0 if they are equal.
 * @throws Error naming the value when either is not a semantic version.
 *
 * @example
 * ['1.0.0', '1.0.0-la873.10', '1.0.0-la873.2'].sort(compareVersions);
 * // ['1.0.0-la873.2', '1.0.0-la873.10', '1.0.0']
 */
export function compareVersions(a: string, b: string): number {
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) {
    const c = cmp(x.core[i]!, y.core[i]!);
    if (c !== 0) return c;
  }
  if (x.pre.length === 0 || y.pre.length === 0) return cmp(y.pre.length, x.pre.length);
  for (let i = 0; i < Math.min(x.pre.length, y.pre.length); i++) {
    const c = compareIdentifiers(x.pre[i]!, y.pre[i]!);
    if (c !== 0) return c;
  }
  return cmp(x.pre.length, y.pre.length);
}

/**
 * Disclosure control (reliability.md D1, D2, D4, D6, D9; domain.md §7): which figures of a table may
 * be published, and how each one is shown. The pupils are children answering questions about being
 * hurt, many with SEND: a published figure must never let anyone work out a child's answer. Pure
 * functions: no DOM, no clock, no locale; every threshold comes from `DisclosureControl`.
 *
 * The adversary these functions are built against knows every published figure, every published
 * symbol and reason (so "fewer than k" and "hidden so that a small group cannot be worked out" are
 * bounds they can use), and the rules themselves (for instance that an empty group is shown as 0, so
 * a hidden group is never empty).
 *
 * Over the 400-line aim (style.md): the table's tree, what an adversary can work out from it and
 * the pattern that defeats them are one algorithm over one data structure; split, each part would
 * reach into the others' internals. The words for each reason are in `notes.ts`.
 */
import { assertCounts } from './counts.js';
import { plural } from './notes.js';
import {
  DEFAULT_DISCLOSURE_CONTROL,
  type DisclosureControl,
  type Shown as ModelShown,
  type SuppressionReason as ModelSuppressionReason,
  type SuppressionSymbol,
  type ViewerLevel,
} from '@all-together/model';
import type { MeanStat, Proportion } from './types.js';

// ─────────────────────────────────────── types ───────────────────────────────────────

/**
 * Why a cell of a table is hidden: `base` it rests on fewer than k pupils (D1); `complementary` it
 * is hidden so that a small group cannot be worked out from a total (D2); `total` the whole table
 * rests on fewer than k pupils.
 *
 * @example
 * const why: VisibilityReason = 'complementary';
 */
export type VisibilityReason = 'base' | 'complementary' | 'total';

/**
 * Whether one cell of a table (a group, a derived group or the total) may be published.
 *
 * @example
 * const boys: Visibility = { shown: false, reason: 'base' };
 * const girls: Visibility = { shown: true };
 */
export type Visibility = { shown: true } | { shown: false; reason: VisibilityReason };

/**
 * Why a figure is not shown as a number: the model's `SuppressionReason` (the table reasons, plus
 * `small-base`, `rounds-to-zero`, `no-pupils`, `not-both-waves` and `no-comparator`).
 */
export type SuppressionReason = ModelSuppressionReason;

/**
 * A published figure: its value, or a GSS symbol with the reason (D9: never 0, never empty).
 *
 * @example
 * const shown: Shown<number> = { value: 45 };
 * const hidden: Shown<number> = { symbol: '[c]', reason: 'base' };
 */
export type Shown<T> = ModelShown<T>;

/**
 * One breakdown's pupil bases, before disclosure control. `groups` partition `total` exhaustively
 * (they include "Prefer not to say" and "Not known"); `derived` groups are sums of groups that are
 * published beside them (any SEN = E + K). Derived groups must be nested or disjoint: each pair is
 * either one inside the other or without a group in common.
 *
 * @example
 * const sen: SuppressionTable = {
 *   total: 50,
 *   groups: [
 *     { key: 'E', base: 3 },
 *     { key: 'K', base: 12 },
 *     { key: 'N', base: 30 },
 *     { key: 'unknown', base: 5 },
 *   ],
 *   derived: [{ key: 'any-sen', of: ['E', 'K'] }],
 * };
 */
export interface SuppressionTable {
  total: number;
  groups: readonly { key: string; base: number }[];
  derived?: readonly { key: string; of: readonly string[] }[];
}

/**
 * Which cells of a table may be published. `groups` has an entry for every group and every derived
 * group, by key.
 *
 * @example
 * const pattern: SuppressionPattern = {
 *   total: { shown: true },
 *   groups: { girls: { shown: false, reason: 'complementary' }, boys: { shown: false, reason: 'base' } },
 * };
 */
export interface SuppressionPattern {
  total: Visibility;
  groups: Record<string, Visibility>;
}

/**
 * A proportion ready to publish.
 *
 * @example
 * const p: PublishedProportion = {
 *   count: { value: 10 },
 *   base: { value: 40 },
 *   percent: { value: 27.5 },
 * };
 */
export interface PublishedProportion {
  count: Shown<number>;
  base: Shown<number>;
  /** The exact fraction × 100 from the unrounded figures: round it for display (see `publishProportion`). */
  percent: Shown<number>;
}

/**
 * A mean ready to publish.
 *
 * @example
 * const m: PublishedMean = { n: { value: 25 }, mean: { value: 7.2 }, sd: { value: 3.1 } };
 */
export interface PublishedMean {
  n: Shown<number>;
  mean: Shown<number>;
  /** The sample standard deviation (divisor n − 1). */
  sd: Shown<number>;
}

/**
 * Whether an LA or MAT comparator may be shown beside a school (D6), and why, in plain English.
 *
 * @example
 * const check: ComparatorCheck = { allowed: false, reason: 'Fewer than 3 schools …' };
 */
export interface ComparatorCheck {
  allowed: boolean;
  reason: string;
}

// ─────────────────────────────────── the table's tree ───────────────────────────────────

/** One cell: index 0 is the total, then the groups in input order, then the derived groups. */
interface Cell {
  key: string;
  base: number;
  kind: 'total' | 'group' | 'derived';
  /** Indices of the groups this cell adds up. */
  members: ReadonlySet<number>;
  /** The smallest node (total or derived) that contains this cell; -1 for the total. */
  parent: number;
  /** Nodes only: the cells whose parent this is, in key order. */
  children: number[];
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function assertCount(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a whole number of pupils (0 or more), got ${value}.`);
  }
}

function buildCells(table: SuppressionTable): Cell[] {
  assertCount(table.total, 'suppressionPattern: total');
  const groups = table.groups;
  const derived = table.derived ?? [];
  const seen = new Set<string>();
  const index = new Map<string, number>();
  let sum = 0;
  groups.forEach((g, i) => {
    assertCount(g.base, `suppressionPattern: the base of group "${g.key}"`);
    if (seen.has(g.key))
      throw new RangeError(`suppressionPattern: the key "${g.key}" is used twice.`);
    seen.add(g.key);
    index.set(g.key, i + 1);
    sum += g.base;
  });
  if (sum !== table.total) {
    throw new RangeError(
      `suppressionPattern: the groups must partition the total (include "Prefer not to say" and "Not known"): they add up to ${sum}, the total is ${table.total}.`,
    );
  }
  const cells: Cell[] = [
    {
      key: '',
      base: table.total,
      kind: 'total',
      members: new Set(groups.map((_, i) => i + 1)),
      parent: -1,
      children: [],
    },
    ...groups.map((g, i): Cell => ({
      key: g.key,
      base: g.base,
      kind: 'group',
      members: new Set([i + 1]),
      parent: 0,
      children: [],
    })),
  ];
  for (const d of derived) {
    if (seen.has(d.key))
      throw new RangeError(`suppressionPattern: the key "${d.key}" is used twice.`);
    seen.add(d.key);
    if (d.of.length === 0) {
      throw new RangeError(`suppressionPattern: the derived group "${d.key}" adds up no groups.`);
    }
    const members = new Set<number>();
    for (const key of d.of) {
      const i = index.get(key);
      if (i === undefined) {
        throw new RangeError(
          `suppressionPattern: the derived group "${d.key}" names "${key}", which is not a group.`,
        );
      }
      if (members.has(i)) {
        throw new RangeError(
          `suppressionPattern: the derived group "${d.key}" names "${key}" twice.`,
        );
      }
      members.add(i);
    }
    let base = 0;
    for (const i of members) base += cells[i]!.base;
    cells.push({ key: d.key, base, kind: 'derived', members, parent: 0, children: [] });
  }

  // Nodes from the largest down (the total first, equal sets in key order): each node's parent is
  // the last earlier node that contains it, which for a nested-or-disjoint family is the smallest.
  const nodes = cells
    .map((_, i) => i)
    .filter((i) => cells[i]!.kind !== 'group')
    .sort((a, b) => {
      const ca = cells[a]!;
      const cb = cells[b]!;
      if (ca.members.size !== cb.members.size) return cb.members.size - ca.members.size;
      if (ca.kind !== cb.kind) return ca.kind === 'total' ? -1 : 1;
      return byKey(ca.key, cb.key);
    });
  const contains = (outer: Cell, inner: Cell) =>
    [...inner.members].every((m) => outer.members.has(m));
  for (let a = 1; a < nodes.length; a++) {
    for (let b = 1; b < a; b++) {
      const x = cells[nodes[a]!]!;
      const y = cells[nodes[b]!]!;
      const overlap = [...x.members].some((m) => y.members.has(m));
      if (overlap && !contains(y, x)) {
        throw new RangeError(
          `suppressionPattern: the derived groups "${y.key}" and "${x.key}" overlap without one containing the other; derived groups must be nested or disjoint.`,
        );
      }
    }
  }
  const containing = (cell: Cell, before: number) => {
    for (let b = before - 1; b >= 0; b--) if (contains(cells[nodes[b]!]!, cell)) return nodes[b]!;
    return 0;
  };
  nodes.forEach((n, a) => {
    if (a > 0) cells[n]!.parent = containing(cells[n]!, a);
  });
  for (let i = 1; i <= groups.length; i++) cells[i]!.parent = containing(cells[i]!, nodes.length);
  for (let i = 1; i < cells.length; i++) cells[cells[i]!.parent]!.children.push(i);
  for (const c of cells) c.children.sort((a, b) => byKey(cells[a]!.key, cells[b]!.key));
  return cells;
}

// ───────────────────────────────── what an adversary can work out ─────────────────────────────────

interface Range {
  lo: number;
  hi: number;
}

/**
 * The exact range of values each cell can take, given everything published: shown cells are exact;
 * a cell hidden for its base holds 1 to k − 1 pupils (empty groups are shown, so never 0); a cell
 * hidden as a complement was shown before, so it holds at least k. Every node is the sum of its
 * children. On a tree of sums of intervals the ranges are exact: bottom-up, each subtree's achievable
 * sum is an interval; top-down, each child takes exactly the values its parent's range leaves room for.
 */
function feasibleRanges(
  cells: Cell[],
  hidden: (VisibilityReason | undefined)[],
  k: number,
): Range[] {
  const total = cells[0]!.base;
  const domain = (i: number): Range => {
    const reason = hidden[i];
    if (reason === undefined) return { lo: cells[i]!.base, hi: cells[i]!.base };
    if (reason === 'base') return { lo: 1, hi: Math.min(k - 1, total) };
    if (reason === 'complementary') return { lo: k, hi: total };
    return { lo: 0, hi: total };
  };
  const up: Range[] = cells.map((_, i) => domain(i));
  const bottomUp = (i: number): Range => {
    const c = cells[i]!;
    if (c.kind === 'group') return up[i]!;
    let lo = 0;
    let hi = 0;
    for (const child of c.children) {
      const r = bottomUp(child);
      lo += r.lo;
      hi += r.hi;
    }
    up[i] = { lo: Math.max(up[i]!.lo, lo), hi: Math.min(up[i]!.hi, hi) };
    return up[i]!;
  };
  bottomUp(0);
  const down: Range[] = up.map((r) => ({ ...r }));
  const topDown = (i: number) => {
    const c = cells[i]!;
    let lo = 0;
    let hi = 0;
    for (const child of c.children) {
      lo += up[child]!.lo;
      hi += up[child]!.hi;
    }
    for (const child of c.children) {
      const sibLo = lo - up[child]!.lo;
      const sibHi = hi - up[child]!.hi;
      down[child] = {
        lo: Math.max(up[child]!.lo, down[i]!.lo - sibHi),
        hi: Math.min(up[child]!.hi, down[i]!.hi - sibLo),
      };
      topDown(child);
    }
  };
  topDown(0);
  return down;
}

/** Nodes in post-order (children before their parent, siblings in key order), the total last. */
function postOrder(cells: Cell[]): number[] {
  const order: number[] = [];
  const visit = (i: number) => {
    for (const child of cells[i]!.children) if (cells[child]!.kind !== 'group') visit(child);
    order.push(i);
  };
  visit(0);
  return order;
}

/**
 * The equation of a shown node as the adversary sees it: the node = its shown sub-nodes + its groups,
 * looking through hidden sub-nodes (a hidden sub-node's pupils are part of the node's residual).
 */
function equationOf(cells: Cell[], hidden: (VisibilityReason | undefined)[], node: number) {
  const hiddenGroups: number[] = [];
  const hiddenNodes: number[] = [];
  const shown: number[] = [node];
  const walk = (i: number) => {
    for (const child of cells[i]!.children) {
      const isGroup = cells[child]!.kind === 'group';
      if (hidden[child] === undefined) shown.push(child);
      else if (isGroup) hiddenGroups.push(child);
      else {
        hiddenNodes.push(child);
        walk(child);
      }
    }
  };
  walk(node);
  return { hiddenGroups, hiddenNodes, shown };
}

// ─────────────────────────────────────── the pattern ───────────────────────────────────────

/**
 * Which cells of a breakdown may be published (D1 base rule, D2 residual rule).
 *
 * The algorithm, in order:
 *
 * 1. **Total.** If the total is below k (`minCellSize`), every cell is hidden (reason `total`).
 * 2. **D1.** A group or derived group with 1 to k − 1 pupils is hidden (`base`). An empty group is
 *    shown as 0: it holds no child whose answer could be revealed, GSS shows true zeros, and hiding
 *    it would either read as "1 to k − 1 pupils" or cost a real figure to protect nobody. Zeros never
 *    count as protection: a complementary cell always holds pupils.
 * 3. **D2**, unless `complementarySuppression` is off. The published figures form a system of
 *    equations: total = Σ groups and, for each derived group, derived = Σ its groups. For each shown
 *    node (the total or a derived group), its equation is read as the adversary reads it, looking
 *    through hidden derived groups (their pupils join the node's residual). Nodes are taken deepest
 *    first, siblings in key order. An equation is unsafe when its hidden groups together hold fewer
 *    than k pupils (they are never empty, see 2), or when any hidden cell in it is pinned: its exact
 *    range, worked out from every published figure, symbol and reason, is a single value. That
 *    covers "exactly one hidden cell and the rest shown", a derived group whose groups are all shown,
 *    and bounds the reasons give away (a `base` cell holds 1 to k − 1, a `complementary` cell at
 *    least k). An unsafe equation gets one more cell hidden (`complementary`): the smallest shown
 *    cell of the equation that holds pupils, ties broken by key (code-unit order), the node itself
 *    last. When the node itself is the smallest, everything in the equation is already hidden, so
 *    hiding the node merges its equation into its parent's; when that node is the total, the equation
 *    cannot be fixed and every cell of the table is hidden. Repeat until no equation is unsafe: each
 *    step hides one more cell, so it ends.
 *
 * The result depends only on the table's contents, not on the order of its groups. The pattern is
 * the same for every viewer (rounding outside the school's own view is not relied on for
 * protection); `viewer` is accepted so that one viewer can be passed through every call.
 *
 * For a breakdown of an indicator, run it on the bases (pupils who answered), then publish the
 * counts and percentages from a second pattern with `minCellSize: minBaseForPercentage`; see
 * docs/disclosure.md "Publishing a breakdown".
 *
 * @param table The bases: groups partitioning the total, and derived groups (nested or disjoint).
 * @param control Disclosure settings; default `DEFAULT_DISCLOSURE_CONTROL`.
 * @param _viewer Who is looking; the pattern does not depend on it.
 * @throws RangeError when a base is not a whole number, the groups do not add up to the total, a key
 *   repeats, or a derived group names an unknown group or overlaps another without nesting.
 *
 * @example
 * // The worked example of reliability.md D: 20 respondents split by sex.
 * suppressionPattern({
 *   total: 20,
 *   groups: [
 *     { key: 'female', base: 11 },
 *     { key: 'male', base: 8 },
 *     { key: 'prefer-not-to-say', base: 1 },
 *   ],
 * });
 * // {
 * //   total: { shown: true },
 * //   groups: {
 * //     female: { shown: false, reason: 'complementary' },
 * //     male: { shown: false, reason: 'base' },
 * //     'prefer-not-to-say': { shown: false, reason: 'base' },
 * //   },
 * // }
 */
export function suppressionPattern(
  table: SuppressionTable,
  control: DisclosureControl = DEFAULT_DISCLOSURE_CONTROL,
  _viewer: ViewerLevel = 'national',
): SuppressionPattern {
  const cells = buildCells(table);
  const k = control.minCellSize;
  const hidden: (VisibilityReason | undefined)[] = cells.map(() => undefined);

  if (table.total < k) hidden.fill('total');
  else {
    cells.forEach((c, i) => {
      if (c.base > 0 && c.base < k) hidden[i] = 'base';
    });
    if (control.complementarySuppression) protectResiduals(cells, hidden, k);
  }

  const visibility = (i: number): Visibility => {
    const reason = hidden[i];
    return reason === undefined ? { shown: true } : { shown: false, reason };
  };
  const groups: Record<string, Visibility> = {};
  for (let i = 1; i < cells.length; i++) groups[cells[i]!.key] = visibility(i);
  return { total: visibility(0), groups };
}

/** D2: hide complementary cells until no equation is unsafe (see `suppressionPattern`). */
function protectResiduals(
  cells: Cell[],
  hidden: (VisibilityReason | undefined)[],
  k: number,
): void {
  const order = postOrder(cells);
  const rank = (i: number) => (cells[i]!.kind === 'total' ? 1 : 0);
  for (;;) {
    const ranges = feasibleRanges(cells, hidden, k);
    const pinned = (i: number) => ranges[i]!.lo === ranges[i]!.hi;
    let fix: number | undefined;
    for (const node of order) {
      if (hidden[node] !== undefined) continue;
      const eq = equationOf(cells, hidden, node);
      const held = eq.hiddenGroups.reduce((s, i) => s + cells[i]!.base, 0);
      const unsafe =
        (eq.hiddenGroups.length > 0 && held < k) ||
        eq.hiddenGroups.some(pinned) ||
        eq.hiddenNodes.some(pinned);
      if (!unsafe) continue;
      const candidates = eq.shown.filter((i) => cells[i]!.base > 0);
      candidates.sort(
        (a, b) =>
          cells[a]!.base - cells[b]!.base ||
          rank(a) - rank(b) ||
          (a === node ? 1 : b === node ? -1 : 0) ||
          byKey(cells[a]!.key, cells[b]!.key),
      );
      fix = candidates[0] ?? node;
      break;
    }
    if (fix === undefined) return;
    if (cells[fix]!.kind === 'total') {
      for (let i = 0; i < cells.length; i++) hidden[i] ??= 'complementary';
      return;
    }
    hidden[fix] = 'complementary';
  }
}

// ─────────────────────────────────────── publishing ───────────────────────────────────────

const hide = (symbol: SuppressionSymbol, reason: SuppressionReason) => ({ symbol, reason });

/** A count as published: exact in the school's own view, else rounded to `roundTo` (`[low]` if > 0 → 0). */
function publishCount(n: number, control: DisclosureControl, viewer: ViewerLevel): Shown<number> {
  if (viewer === 'school' || control.roundTo === 1) return { value: n };
  const rounded = Math.round(n / control.roundTo) * control.roundTo;
  // GSS [low]: a figure above zero that would show as 0 once rounded; a 0 there would be untrue.
  return rounded === 0 && n > 0 ? hide('[low]', 'rounds-to-zero') : { value: rounded };
}

/**
 * Publishes one proportion ("count of base") under its cell's visibility.
 *
 * - Hidden visibility: count, base and percent are `[c]` with the cell's reason.
 * - An empty group (base 0, shown): base 0, count and percent `[z]` (not applicable: nobody to count).
 * - Base 1 to k − 1 although shown: everything `[c]` (`base`). The pattern should have hidden it;
 *   this is a second gate, not the only one (D8).
 * - Base k up to `minBaseForPercentage` − 1: the base is shown, count and percent `[c]`
 *   (`small-base`) **whatever the count**. D4 asks for `[c]` at 0% and 100%; hiding only those would
 *   make the `[c]` itself say "all or none of this group", and a shown count beside a shown base is
 *   the percentage by division. The symbol is `[c]`, not `[low]`: GSS `[low]` means "a low figure
 *   that shows as 0 when rounded", a statement about the value; this figure is withheld to protect
 *   confidentiality, whatever its value.
 * - Otherwise count, base and percent are shown. Outside the school's own view (`viewer` other than
 *   `'school'`) the count and base are rounded to the nearest `roundTo` (halves up); a count above 0
 *   that rounds to 0 is `[low]` (`rounds-to-zero`).
 *
 * The percent is the exact fraction × 100 of the unrounded figures (GSS: compute from unrounded
 * data). Round it to a whole number before it leaves the server (D8): unrounded, it gives away the
 * count that rounding protects.
 *
 * A count hidden here can still be worked out from a shown total minus the other groups' shown
 * counts: protect a breakdown's counts with a second pattern (docs/disclosure.md).
 *
 * @param p The count and base (`count ≤ base`, whole numbers).
 * @param visibility The cell's visibility from `suppressionPattern`.
 * @param control Disclosure settings; default `DEFAULT_DISCLOSURE_CONTROL`.
 * @param viewer Who is looking; default `'national'` (rounded), the most protective.
 * @throws RangeError when the counts are not whole numbers with 0 ≤ count ≤ base.
 *
 * @example
 * publishProportion({ count: 11, base: 42 }, { shown: true }, undefined, 'school');
 * // { count: { value: 11 }, base: { value: 42 }, percent: { value: 26.19… } }
 * publishProportion({ count: 11, base: 42 }, { shown: true }, undefined, 'local-authority');
 * // { count: { value: 10 }, base: { value: 40 }, percent: { value: 26.19… } }
 * publishProportion({ count: 0, base: 15 }, { shown: true });
 * // { count: { symbol: '[c]', reason: 'small-base' }, base: { value: 15 },
 * //   percent: { symbol: '[c]', reason: 'small-base' } }
 */
export function publishProportion(
  p: Proportion,
  visibility: Visibility,
  control: DisclosureControl = DEFAULT_DISCLOSURE_CONTROL,
  viewer: ViewerLevel = 'national',
): PublishedProportion {
  assertCounts(p.count, p.base, 'publishProportion');
  if (!visibility.shown) {
    const c = hide('[c]', visibility.reason);
    return { count: c, base: c, percent: c };
  }
  if (p.base === 0) {
    const z = hide('[z]', 'no-pupils');
    return { count: z, base: { value: 0 }, percent: z };
  }
  if (p.base < control.minCellSize) {
    const c = hide('[c]', 'base');
    return { count: c, base: c, percent: c };
  }
  const base = publishCount(p.base, control, viewer);
  if (p.base < control.minBaseForPercentage) {
    const c = hide('[c]', 'small-base');
    return { count: c, base, percent: c };
  }
  return {
    count: publishCount(p.count, control, viewer),
    base,
    percent: { value: (p.count / p.base) * 100 },
  };
}

/**
 * Publishes a mean and its standard deviation under the cell's visibility.
 *
 * - Hidden visibility: n, mean and sd `[c]` with the cell's reason.
 * - n = 0 (shown): n 0, mean and sd `[z]` (`no-pupils`).
 * - n of 1 to k − 1: everything `[c]` (`base`, D1).
 * - n of k up to `minBaseForPercentage` − 1: n is shown, mean and sd `[c]` (`small-base`). A mean
 *   at either end of its scale, or a standard deviation of 0, tells every member's score, just as 0%
 *   or 100% tells every member's answer (D4); hiding only those cases would make the `[c]` say so,
 *   so the mean and sd are hidden on every small base.
 * - Otherwise n (rounded to `roundTo` outside the school's own view), the mean and the sample
 *   standard deviation (divisor n − 1; `[z]` when n is 1) from the unrounded sums. Round them for
 *   display before they leave the server.
 *
 * @param m The mean's sums: n, Σx and Σx².
 * @param visibility The cell's visibility from `suppressionPattern`.
 * @param control Disclosure settings; default `DEFAULT_DISCLOSURE_CONTROL`.
 * @param viewer Who is looking; default `'national'` (rounded), the most protective.
 * @throws RangeError when n is not a whole number or the sums are not finite.
 *
 * @example
 * // 25 wellbeing scores: Σx = 180, Σx² = 1530.
 * publishMean({ n: 25, sum: 180, sumSquares: 1530 }, { shown: true }, undefined, 'school');
 * // { n: { value: 25 }, mean: { value: 7.2 }, sd: { value: 3.1225 } }  (√(234 / 24))
 * publishMean({ n: 9, sum: 40, sumSquares: 200 }, { shown: true });
 * // { n: { symbol: '[c]', reason: 'base' }, mean: { symbol: '[c]', … }, sd: { symbol: '[c]', … } }
 */
export function publishMean(
  m: MeanStat,
  visibility: Visibility,
  control: DisclosureControl = DEFAULT_DISCLOSURE_CONTROL,
  viewer: ViewerLevel = 'national',
): PublishedMean {
  if (
    !Number.isSafeInteger(m.n) ||
    m.n < 0 ||
    !Number.isFinite(m.sum) ||
    !Number.isFinite(m.sumSquares) ||
    m.sumSquares < 0
  ) {
    throw new RangeError(
      `publishMean: expected a whole n ≥ 0 and finite sums, got n=${m.n}, sum=${m.sum}, sumSquares=${m.sumSquares}.`,
    );
  }
  if (!visibility.shown) {
    const c = hide('[c]', visibility.reason);
    return { n: c, mean: c, sd: c };
  }
  if (m.n === 0) {
    const z = hide('[z]', 'no-pupils');
    return { n: { value: 0 }, mean: z, sd: z };
  }
  if (m.n < control.minCellSize) {
    const c = hide('[c]', 'base');
    return { n: c, mean: c, sd: c };
  }
  const n = publishCount(m.n, control, viewer);
  if (m.n < control.minBaseForPercentage) {
    const c = hide('[c]', 'small-base');
    return { n, mean: c, sd: c };
  }
  if (m.n === 1) return { n, mean: { value: m.sum }, sd: hide('[z]', 'no-pupils') };
  // Clamp: rounding in Σx² − (Σx)²/n can dip a hair below 0 when every score is equal.
  const variance = Math.max(0, (m.sumSquares - (m.sum * m.sum) / m.n) / (m.n - 1));
  return { n, mean: { value: m.sum / m.n }, sd: { value: Math.sqrt(variance) } };
}

/**
 * Whether an LA or MAT comparator may be shown beside a school's figure (D6): the area figure must
 * cover at least `minSchoolsForComparator` schools (counting this school), and the pupils in it
 * outside this school, the part a school can work out by subtracting its own figure, must number at
 * least k. Apply it to each figure compared (the base outside the school differs by group and
 * indicator). The reason never states a small number of pupils.
 *
 * @param input `schools`: how many schools the area figure covers, this one included (the length
 *   of a merged summary's `schools`); `restOfAreaBase`: the area base minus this school's base.
 * @param control Disclosure settings; default `DEFAULT_DISCLOSURE_CONTROL`.
 * @throws RangeError when either number is not a whole number of 0 or more.
 *
 * @example
 * comparatorAllowed({ schools: 2, restOfAreaBase: 400 });
 * // { allowed: false, reason: 'Fewer than 3 schools are in the area figure, so it is not shown beside this school.' }
 * comparatorAllowed({ schools: 12, restOfAreaBase: 1480 });
 * // { allowed: true, reason: 'At least 3 schools and at least 10 pupils outside this school are in the area figure.' }
 */
export function comparatorAllowed(
  input: { schools: number; restOfAreaBase: number },
  control: DisclosureControl = DEFAULT_DISCLOSURE_CONTROL,
): ComparatorCheck {
  assertCount(input.schools, 'comparatorAllowed: schools');
  assertCount(input.restOfAreaBase, 'comparatorAllowed: restOfAreaBase');
  const schools = control.minSchoolsForComparator;
  const k = control.minCellSize;
  if (input.schools < schools) {
    return {
      allowed: false,
      reason: `Fewer than ${plural(schools, 'school')} are in the area figure, so it is not shown beside this school.`,
    };
  }
  if (input.restOfAreaBase < k) {
    return {
      allowed: false,
      reason: `Fewer than ${plural(k, 'pupil')} outside this school are in the area figure, so it is not shown beside this school.`,
    };
  }
  return {
    allowed: true,
    reason: `At least ${plural(schools, 'school')} and at least ${plural(k, 'pupil')} outside this school are in the area figure.`,
  };
}

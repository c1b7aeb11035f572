/**
 * Disclosure control for plain count tables: figures that are counts of events or people (a
 * school's termly incident return, an area's totals beside its schools) with the additive relations
 * between them. It reuses the exact auditor the pupil-summary publisher runs (`auditor.ts`): a
 * hidden figure is safe only when another value fits everything published with it.
 *
 * @module
 */
import {
  DEFAULT_DISCLOSURE_CONTROL,
  DisclosureControl,
  type Hidden,
  type Shown,
  type ViewerLevel,
} from '@all-together/model';
import { workedOut, type Constraint, type IntegerSystem, type Question } from './auditor.js';
import { roundHalfUpTo } from './publish.js';

/**
 * One count to publish. `published` marks a figure that has already been published elsewhere
 * (a school's locked return beside its area): it keeps that form, and a reader is assumed to know it.
 *
 * @example
 * const f: CountFigure = { id: 'substantiated', count: 12 };
 */
export interface CountFigure {
  id: string;
  count: number;
  published?: Shown<number>;
}

/**
 * How figures relate: `sum` — `total` is the sum of `parts` (a partition: substantiated + not +
 * still open = allegations); `at-most` — each part is at most `total` (an incident can be of several
 * types, so the types need not add up to the incidents).
 *
 * @example
 * const r: CountRelation = { kind: 'sum', total: 'allegations', parts: ['yes', 'no', 'open'] };
 */
export interface CountRelation {
  kind: 'sum' | 'at-most';
  total: string;
  parts: readonly string[];
}

/** What `protectCounts` publishes from. */
export interface ProtectCountsInput {
  figures: readonly CountFigure[];
  relations: readonly CountRelation[];
  /** Who reads it: counts are exact in the school's own view and rounded (to 5) outside it. */
  viewer: ViewerLevel;
  /** Thresholds (default: the programme's, a count of fewer than 10 is hidden). */
  control?: Partial<DisclosureControl>;
  /** Search budget per question (the default is generous; a search that runs out hides more). */
  budget?: number;
}

/** Every figure in its published form, by id, and how many were hidden to protect others. */
export interface ProtectedCounts {
  figures: Record<string, Shown<number>>;
  /** Figures hidden so that a small count cannot be worked out from the others. */
  complements: number;
}

const BIG = 10_000_000;

function check(input: ProtectCountsInput): Map<string, CountFigure> {
  const byId = new Map<string, CountFigure>();
  for (const f of input.figures) {
    if (byId.has(f.id)) throw new RangeError(`protectCounts: the id "${f.id}" is used twice.`);
    if (!Number.isSafeInteger(f.count) || f.count < 0)
      throw new RangeError(
        `protectCounts: "${f.id}" must be a whole number (0 or more), got ${f.count}.`,
      );
    byId.set(f.id, f);
  }
  for (const r of input.relations) {
    for (const id of [r.total, ...r.parts])
      if (!byId.has(id)) throw new RangeError(`protectCounts: a relation names "${id}", unknown.`);
    const total = byId.get(r.total)!.count;
    const parts = r.parts.map((p) => byId.get(p)!.count);
    if (r.kind === 'sum' && parts.reduce((a, b) => a + b, 0) !== total)
      throw new RangeError(
        `protectCounts: the parts of "${r.total}" add up to ${parts.reduce((a, b) => a + b, 0)}, not ${total}.`,
      );
    if (r.kind === 'at-most' && parts.some((p) => p > total))
      throw new RangeError(`protectCounts: a part of "${r.total}" is above it.`);
  }
  return byId;
}

/**
 * Decides how each count is published. The rules, in words:
 *
 * - A count of 1 to 9 (fewer than `minCellSize`) is hidden (`[c]`, reason `base`); 0 is shown as 0.
 * - A hidden count must keep at least two possible values given every published figure, its
 *   symbol and reason, and the relations; while one could be worked out, one more figure next to it
 *   is hidden (`complementary`): a part before a total, the smallest first.
 * - Outside the school's own view every shown count is rounded to `roundTo` (5, half up), and the
 *   same check runs on what a reader of rounded figures knows.
 *
 * @example
 * protectCounts({
 *   viewer: 'local-authority',
 *   figures: [{ id: 'all', count: 23 }, { id: 'yes', count: 19 }, { id: 'no', count: 4 }],
 *   relations: [{ kind: 'sum', total: 'all', parts: ['yes', 'no'] }],
 * }).figures;
 * // { all: { value: 25 }, yes: { symbol: '[c]', reason: 'complementary' }, no: { symbol: '[c]', reason: 'base' } }
 */
export function protectCounts(input: ProtectCountsInput): ProtectedCounts {
  const byId = check(input);
  const control = DisclosureControl.parse({ ...DEFAULT_DISCLOSURE_CONTROL, ...input.control });
  const k = control.minCellSize;
  const roundTo = input.viewer === 'school' ? 1 : control.roundTo;
  const ids = [...byId.keys()];
  const index = new Map(ids.map((id, i) => [id, i]));
  const truth = ids.map((id) => byId.get(id)!.count);

  // Each figure's form: its value, or why it is hidden.
  const form = new Map<string, Shown<number>>();
  const fixed = new Set<string>();
  for (const f of byId.values()) {
    if (f.published) {
      form.set(f.id, f.published);
      fixed.add(f.id);
    } else if (f.count > 0 && f.count < k) form.set(f.id, { symbol: '[c]', reason: 'base' });
    else form.set(f.id, { value: roundHalfUpTo(f.count, roundTo) });
  }

  const constraints: Constraint[] = [];
  const neighbours = new Map<string, Set<string>>(ids.map((id) => [id, new Set()]));
  for (const r of input.relations) {
    const t = index.get(r.total)!;
    const parts = r.parts.map((p) => index.get(p)!);
    if (r.kind === 'sum') constraints.push({ plus: parts, minus: [t], kind: 'eq', rhs: 0 });
    else for (const p of parts) constraints.push({ plus: [p], minus: [t], kind: 'le', rhs: 0 });
    for (const id of [r.total, ...r.parts])
      for (const other of [r.total, ...r.parts]) if (other !== id) neighbours.get(id)!.add(other);
  }
  const parts = new Set(input.relations.flatMap((r) => r.parts));

  /** What a reader knows of one figure: the range of values it may hold. */
  const range = (id: string): [number, number] => {
    const s = form.get(id)!;
    if ('value' in s) {
      if (s.value === 0) return [0, 0];
      const step = fixed.has(id) || roundTo > 1 ? roundTo : 1;
      const lo = s.value - Math.floor(step / 2);
      const hi = s.value + Math.ceil(step / 2) - 1;
      // A shown figure other than 0 is at least k: smaller ones are hidden.
      return [Math.max(lo, k), Math.max(hi, k)];
    }
    if (s.symbol === '[z]') return [0, 0];
    if (s.symbol === '[low]') return [1, 2];
    if (s.reason === 'complementary') return [k, BIG];
    if (s.reason === 'base' || s.reason === 'total') return [1, k - 1];
    return [0, BIG];
  };

  let complements = 0;
  const stuck = new Set<string>();
  for (;;) {
    const system: IntegerSystem = { lo: [], hi: [], constraints };
    for (const id of ids) {
      const [lo, hi] = range(id);
      system.lo.push(lo);
      system.hi.push(hi);
    }
    const questions: Question[] = ids
      .filter((id) => !('value' in form.get(id)!) && !stuck.has(id))
      .map((id) => ({ variable: index.get(id)! }));
    if (questions.length === 0) break;
    const failing = workedOut(system, truth, questions, input.budget);
    if (failing.length === 0) break;
    const pinned = ids[failing[0]!.variable]!;
    // One more figure near it: the nearest by relations first; among those a shown part before a
    // total, the smallest first, never 0 (a total can be implied by others: c0 + c1 = all).
    const usable = (id: string) =>
      !fixed.has(id) && 'value' in form.get(id)! && byId.get(id)!.count > 0;
    let candidates: string[] = [];
    const seen = new Set([pinned]);
    for (let level = [pinned]; level.length && !candidates.length;) {
      const nextLevel = [...new Set(level.flatMap((id) => [...neighbours.get(id)!]))].filter(
        (id) => !seen.has(id),
      );
      nextLevel.forEach((id) => seen.add(id));
      candidates = nextLevel.filter(usable);
      level = nextLevel;
    }
    candidates.sort(
      (a, b) =>
        Number(parts.has(b)) - Number(parts.has(a)) ||
        byId.get(a)!.count - byId.get(b)!.count ||
        (a < b ? -1 : 1),
    );
    const next = candidates[0];
    if (next === undefined) {
      // Only already-published figures surround it: nothing this publication adds can help, and
      // nothing it adds made it worse (any figure it added next to it is hidden already).
      stuck.add(pinned);
      continue;
    }
    form.set(next, { symbol: '[c]', reason: 'complementary' } satisfies Hidden);
    complements++;
  }
  return { figures: Object.fromEntries(ids.map((id) => [id, form.get(id)!])), complements };
}

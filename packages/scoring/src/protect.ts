/**
 * Disclosure control for everything published together (reliability.md D1–D4; domain.md §7): which
 * figures of a set of pupil-summary tables may be shown, and which must be hidden, so that nobody
 * who reads all of them — every breakdown of every indicator, the totals they share, the schools of
 * an area and the area itself — can work out a hidden figure, or learn that every pupil of a small
 * group answered alike.
 *
 * How it decides:
 *
 * 1. **The rules.** A table whose pupils number fewer than k is hidden whole (`total`); a group of 1
 *    to k − 1 pupils is hidden (`base`); a group of k to P − 1 (P, default 20, the least base for a
 *    percentage) shows how many answered but not how many said yes (`small-base`); an empty group
 *    is `[z]`, never hidden as if it held pupils.
 * 2. **The adversary.** Every published figure becomes what it tells: a shown figure its value, a
 *    hidden one the range its reason states (`base`: 1 to k − 1; `complementary` group: at least k,
 *    since only shown groups are ever hidden as complements; a count: 0 to its base). Constraints:
 *    each total is the sum of its groups (and any SEND the sum of EHC plan and SEN support), a count
 *    is at most its base, "frequently" at most "at least once", the options of a single choice add
 *    up to who answered, an exclusive option ("no one") excludes the others, a combination
 *    (bully-victim) is within each of its parts, and an area's figure is the sum of its schools'.
 * 3. **The test.** A hidden figure is safe when another value fits everything published; a hidden
 *    count is also unsafe when every solution has it at 0 or at its (hidden) base, which would tell
 *    every member's answer. The search is exact (`auditor.ts`); one that runs out of budget counts
 *    as unsafe.
 * 4. **The fix.** While something is unsafe, one more figure next to it is hidden
 *    (`complementary`), chosen by the groups' declared roles: "Prefer not to say" and "Not known"
 *    first, then the largest complement (no SEND, not FSM), then ordinary groups (smallest first),
 *    and the focus groups — SEND and FSM, the programme's reason for being — last; never a total
 *    while anything else would do.
 * 5. **Outside the school's own view** figures are rounded to 5 (`roundTo`), a count of 1 or 2 is
 *    `[low]`, and the same test runs again with each shown figure standing for the five values it may
 *    round from: neither a `[low]` nor a rounded figure's exact value may be worked out.
 *
 * The pattern of step 1–4 is decided as if every shown figure were exact, so it does not depend on
 * rounding, and a figure hidden from a school is hidden from its trust and LA too.
 *
 * @module
 * @internal
 */
import {
  DERIVED_GROUPS,
  DIMENSION_GROUPS,
  GROUP_ROLES,
  type Dimension,
  type DisclosureControl,
  type Hidden,
  type PupilSummary,
  type SuppressionReason,
  type ViewerLevel,
} from '@all-together/model';
import {
  checkComponent,
  componentOf,
  indexConstraints,
  type Constraint,
  type IntegerSystem,
  type Question,
} from './auditor.js';

/** The cells of one table: its groups, derived groups and the total (`all`). */
export type TableDimension = Dimension | 'all';

/** What is published: summaries (one per school) and, for an area, their sum as its own row. */
export interface ProtectionInput {
  /** One summary per school (or a single summary: a school, a trust, the rest of an area). */
  rows: readonly PupilSummary[];
  /** Publish the sum of `rows` as a row of its own (an area beside its schools). */
  area: boolean;
  /** The breakdowns published for the area (or for the single row). `all` is always published. */
  dimensions: readonly Dimension[];
  /** The breakdowns published for each school when `area` is set (default: only `all`). */
  rowDimensions?: readonly Dimension[];
  /** Which indicators to publish (default: every binary and score indicator of the rows). */
  indicators?: readonly string[];
  control: DisclosureControl;
  viewer: ViewerLevel;
  /** Search budget per question (tests lower it to see the conservative path). */
  budget?: number;
}

/** How one figure is published: shown (as its value, rounded outside the school), or hidden. */
export type Decision = { shown: true; low?: boolean } | { shown: false; hidden: Hidden };

/** The decisions for one cell: its base (how many answered) and its count (how many said yes). */
export interface CellDecision {
  base: Decision;
  count: Decision;
}

/** The key under which a score's band is protected like a count: `scale.x#elevated`. */
export const bandKey = (score: string, band: string) => `${score}#${band}`;

/** The row index of the area (the sum of the rows) in a `Protection`. */
export const AREA = -1;

/** The result: a decision for every cell, and how many figures complementary suppression hid. */
export interface Protection {
  decide(row: number, indicator: string, dimension: TableDimension, group: string): CellDecision;
  /** How many answered (a binary indicator) or have a score (a score indicator), by itself. */
  base(row: number, indicator: string, dimension: TableDimension, group: string): Decision;
  /** Figures hidden to protect others (for reports and benchmarks). */
  complements: number;
  /** Searches that ran out of budget and were treated as worked out (should be 0). */
  givenUp: number;
}

const hidden = (reason: SuppressionReason, symbol: Hidden['symbol'] = '[c]'): Decision => ({
  shown: false,
  hidden: { symbol, reason },
});
const SHOWN: Decision = { shown: true };
const BIG = 10_000_000;

/** A cell's key: row, family or indicator, base or count, dimension, group. */
const key = (row: number, what: string, d: TableDimension, g: string) => `${row}|${what}|${d}|${g}`;

interface Family {
  id: string;
  kind: 'cut-off' | 'option' | 'any-of' | 'all-of' | 'score';
  members: string[];
  /**
   * False when the item's indicators were split by who answered (pooled versions offering
   * different options): these options then need not add up to who answered them.
   */
  whole?: boolean;
}

/** The groups of a dimension's table, derived groups after them; `all` for the total. */
function groupsOf(d: TableDimension): { key: string; of?: readonly string[] }[] {
  if (d === 'all') return [{ key: 'all' }];
  return [...DIMENSION_GROUPS[d].map((g) => ({ key: g })), ...(DERIVED_GROUPS[d] ?? [])];
}

const ROLE_TIER = { expendable: 0, complement: 1, ordinary: 2, focus: 3 } as const;

/** Whether `a` sorts before `b`, element by element. */
const lexLess = (a: readonly number[], b: readonly number[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
};

/**
 * Decides what may be published of `rows` (and their sum, for an area) under disclosure control.
 * See the module's documentation for the rules, the adversary and the fix.
 */
export function protect(input: ProtectionInput): Protection {
  const { control, viewer } = input;
  const k = control.minCellSize;
  const P = Math.max(control.minBaseForPercentage, k);
  const rows = input.rows;
  const rowIndexes = [...rows.keys()];
  const allRows = input.area ? [...rowIndexes, AREA] : rowIndexes;
  const dimsOf = (row: number): TableDimension[] => [
    'all',
    ...(row === AREA || !input.area ? input.dimensions : (input.rowDimensions ?? [])),
  ];

  // ── the indicators and their families ──
  const info = Object.assign({}, ...rows.map((r) => r.info)) as PupilSummary['info'];
  const wanted = new Set(input.indicators ?? Object.keys(info));
  const families = new Map<string, Family>();
  const familyKey = new Map<string, string>();
  const signatures = new Map<string, string>();
  for (const [indicator, i] of Object.entries(info)) {
    if (!wanted.has(indicator)) continue;
    if (i.kind === 'score') {
      // A score's "base" is how many pupils have a score; its members are its bands.
      const bands = new Set(rows.flatMap((r) => Object.keys(r.scores[indicator]?.bands ?? {})));
      families.set(indicator, {
        id: indicator,
        kind: 'score',
        members: [...bands].sort().map((b) => bandKey(indicator, b)),
      });
      continue;
    }
    // Indicators of one item share who answered, unless the pooled questionnaires differ (an option
    // only secondary pupils are offered is answered by fewer): group them by who answered.
    const answered = JSON.stringify(rows.map((r) => r.binary[indicator]?.answered ?? null));
    const signature = `${i.family.id}|${answered}`;
    let id = signatures.get(signature);
    if (id === undefined) {
      id = `${i.family.id}~${signatures.size}`;
      signatures.set(signature, id);
    }
    const f = families.get(id) ?? { id, kind: i.family.kind, members: [] };
    f.members.push(indicator);
    families.set(id, f);
    familyKey.set(indicator, id);
  }
  // A family split by who answered holds only some of its item's options.
  const declared = new Map<string, number>();
  for (const i of Object.values(info))
    if (i.kind !== 'score') declared.set(i.family.id, (declared.get(i.family.id) ?? 0) + 1);
  for (const f of families.values()) {
    if (f.kind === 'score') continue;
    f.whole = f.members.length === declared.get(info[f.members[0]!]!.family.id);
  }
  /** A binary indicator's family; a score's (and its bands', `score#band`) is the score itself. */
  const familyOf = (indicator: string) =>
    familyKey.get(indicator) ??
    (indicator.includes('#') ? indicator.slice(0, indicator.indexOf('#')) : indicator);

  // ── the true figures ──
  const marginal = (m: PupilSummary['respondents'] | undefined, d: TableDimension, g: string) =>
    !m ? 0 : d === 'all' ? m.all : (m[d][g] ?? 0);
  const trueValue = (
    row: number,
    what: 'base' | string,
    family: Family,
    d: TableDimension,
    g: string,
  ): number => {
    if (row === AREA) return rowIndexes.reduce((s, r) => s + trueValue(r, what, family, d, g), 0);
    let m: PupilSummary['respondents'] | undefined;
    if (family.kind === 'score') {
      const score = rows[row]!.scores[family.id];
      m = what === 'base' ? score?.n : score?.bands[what.slice(what.indexOf('#') + 1)];
    } else {
      const counts = rows[row]!.binary[what === 'base' ? family.members[0]! : what];
      m = what === 'base' ? counts?.answered : counts?.yes;
    }
    const of = groupsOf(d).find((x) => x.key === g)?.of;
    return of ? of.reduce((s, x) => s + marginal(m, d, x), 0) : marginal(m, d, g);
  };

  // ── variables ──
  const index = new Map<string, number>();
  const truth: number[] = [];
  const meta: { row: number; family: Family; what: string; d: TableDimension; g: string }[] = [];
  const variable = (row: number, family: Family, what: string, d: TableDimension, g: string) => {
    // The total is one figure, whichever breakdown it heads.
    const dd = g === 'all' ? 'all' : d;
    const id = key(row, what === 'base' ? `${family.id}:base` : what, dd, g);
    let v = index.get(id);
    if (v === undefined) {
      v = truth.length;
      index.set(id, v);
      truth.push(trueValue(row, what, family, dd, g));
      meta.push({ row, family, what, d: dd, g });
    }
    return v;
  };

  // ── decisions by the rules (step 1) ──
  const decisions = new Map<number, Decision>();
  const ruleFor = (v: number): Decision => {
    const { row, family, what, d, g } = meta[v]!;
    const total = truth[variable(row, family, 'base', 'all', 'all')]!;
    const base = truth[variable(row, family, 'base', d, g)]!;
    // An empty group (or table) holds nobody: its base is a true 0, its counts [z].
    if (base === 0) return what === 'base' ? SHOWN : hidden('no-pupils', '[z]');
    if (total < k) return hidden('total');
    if (base < k) return hidden('base');
    if (what !== 'base' && base < P) return hidden('small-base');
    return SHOWN;
  };

  // Bands that cover every score add up to n in every school's total (the definition says so).
  const coversAll = (family: Family) =>
    rowIndexes.every((r) => {
      const score = rows[r]!.scores[family.id];
      if (!score) return true;
      return Object.values(score.bands).reduce((t, m) => t + m.all, 0) === score.n.all;
    });

  // Build every variable and constraint of the publication.
  const constraints: Constraint[] = [];
  const eq = (plus: number[], minus: number[]) =>
    constraints.push({ plus, minus, kind: 'eq', rhs: 0 });
  const le = (plus: number[], minus: number[], rhs = 0) =>
    constraints.push({ plus, minus, kind: 'le', rhs });
  const counted = (f: Family) => ['base', ...f.members];
  for (const family of families.values()) {
    for (const row of allRows) {
      for (const d of dimsOf(row)) {
        const groups = groupsOf(d);
        for (const what of counted(family)) {
          const total = variable(row, family, what, d, 'all');
          if (d !== 'all') {
            const own = groups
              .filter((g) => !g.of)
              .map((g) => variable(row, family, what, d, g.key));
            eq([total], own);
            for (const g of groups.filter((g) => g.of)) {
              eq(
                [variable(row, family, what, d, g.key)],
                g.of!.map((x) => variable(row, family, what, d, x)),
              );
            }
          }
          // An area's figure is the sum of its schools' (for the breakdowns the schools publish).
          if (row === AREA) {
            for (const g of groups) {
              const parts = rowIndexes.filter((r) => dimsOf(r).includes(d) || g.key === 'all');
              if (parts.length === rowIndexes.length)
                eq(
                  [variable(AREA, family, what, d, g.key)],
                  parts.map((r) => variable(r, family, what, d, g.key)),
                );
            }
          }
        }
        for (const g of groups) {
          const b = variable(row, family, 'base', d, g.key);
          const cs = family.members.map((m) => variable(row, family, m, d, g.key));
          for (const c of cs) le([c], [b]);
          if (family.kind === 'cut-off' && cs.length > 1) {
            const order = family.members
              .map((m, i) => ({ at: info[m]!.family.at ?? 0, v: cs[i]! }))
              .sort((a, b) => a.at - b.at);
            for (let i = 1; i < order.length; i++) le([order[i]!.v], [order[i - 1]!.v]);
          } else if (family.kind === 'option' || (family.kind === 'score' && cs.length > 0)) {
            // The options of a single choice, and a score's bands (when they cover every score),
            // add up to who answered.
            const adds = family.kind === 'option' ? family.whole : coversAll(family);
            if (adds) eq([b], cs);
            else le(cs, [b]);
          } else if (family.kind === 'any-of') {
            family.members.forEach((m, i) => {
              if (!info[m]!.family.exclusive) return;
              cs.forEach((other, j) => {
                if (j !== i) le([cs[i]!, other], [b]);
              });
            });
          } else if (family.kind === 'all-of') {
            for (const part of info[family.members[0]!]!.family.of ?? []) {
              const pf = families.get(familyOf(part));
              if (!pf) continue;
              le([b], [variable(row, pf, 'base', d, g.key)]);
              le([cs[0]!], [variable(row, pf, part, d, g.key)]);
            }
          }
        }
      }
    }
  }
  const n = truth.length;
  for (let v = 0; v < n; v++) decisions.set(v, ruleFor(v));

  // ── the adversary's ranges (step 2) ──
  const countOf = (v: number) => meta[v]!.what !== 'base';
  const baseVarOf = (v: number) => {
    const { row, family, d, g } = meta[v]!;
    return variable(row, family, 'base', d, g);
  };
  const roundTo = viewer === 'school' ? 1 : control.roundTo;
  const lowMax = Math.floor((roundTo - 1) / 2);
  const rounded = (x: number) => Math.floor((2 * x + roundTo) / (2 * roundTo)) * roundTo;
  /** The range the adversary gives variable `v`, from its decision. */
  const rangeOf = (v: number, roundedView: boolean): [number, number] => {
    const dec = decisions.get(v)!;
    const t = truth[v]!;
    if (dec.shown) {
      if (!roundedView || t === 0) return [t, t];
      if (dec.low) return [1, lowMax];
      const r = rounded(t);
      return [Math.max(0, r - Math.floor(roundTo / 2)), r + Math.floor((roundTo - 1) / 2)];
    }
    const reason = dec.hidden.reason;
    if (reason === 'no-pupils') return [0, 0];
    if (countOf(v)) return [0, BIG];
    if (reason === 'base' || reason === 'total') return [1, k - 1];
    // A complementary group was shown before it was hidden: at least k pupils.
    return [k, BIG];
  };
  const ranges = (roundedView: boolean): IntegerSystem => {
    const lo: number[] = [];
    const hi: number[] = [];
    for (let v = 0; v < n; v++) {
      const [l, h] = rangeOf(v, roundedView);
      lo.push(l);
      hi.push(h);
    }
    return { lo, hi, constraints };
  };
  const questionsFor = (
    system: IntegerSystem,
    roundedView: boolean,
    vars: readonly number[],
  ): Question[] => {
    const qs: Question[] = [];
    for (const v of vars) {
      const dec = decisions.get(v)!;
      if (system.lo[v] === system.hi[v]) continue;
      if (dec.shown && !roundedView) continue;
      qs.push({ variable: v });
      if (!dec.shown && countOf(v)) {
        const b = baseVarOf(v);
        if (truth[v]! === truth[b]! && truth[b]! > 0 && !decisions.get(b)!.shown)
          qs.push({ variable: v, below: b });
      }
    }
    return qs;
  };

  // ── the fix (step 4) ──
  let complements = 0;
  let givenUp = 0;
  const tierOf = (v: number): number[] => {
    const { row, d, g } = meta[v]!;
    const size = truth[countOf(v) ? baseVarOf(v) : v]!;
    if (g === 'all') return [9, 0, 0];
    // A group that holds the whole table is the total by another name: hiding it protects nothing.
    const { family } = meta[v]!;
    if (
      truth[variable(row, family, 'base', d, g)]! ===
      truth[variable(row, family, 'base', 'all', 'all')]!
    )
      return [8, 0, 0];
    const role = d === 'all' ? 'ordinary' : (GROUP_ROLES[d][g] ?? 'ordinary');
    const tier = ROLE_TIER[role] + (row === AREA ? 4 : 0);
    // The largest complement first; otherwise the smallest figure first.
    return [tier, role === 'complement' ? -size : size, 0];
  };
  const compare = (a: number, b: number) => {
    const x = tierOf(a);
    const y = tierOf(b);
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
    const ka = `${meta[a]!.d}|${meta[a]!.g}|${meta[a]!.what}`;
    const kb = `${meta[b]!.d}|${meta[b]!.g}|${meta[b]!.what}`;
    return ka < kb ? -1 : ka > kb ? 1 : a - b;
  };
  const byVar = indexConstraints(n, constraints);
  /** A figure that can be hidden as a complement: its group holds pupils (a count of 0 may be hidden). */
  const holdsPupils = (w: number) => truth[countOf(w) ? baseVarOf(w) : w]! > 0;
  /**
   * Shown figures that share a constraint with `v`, or with anything hidden connected to it, with
   * how many constraints away each is (1: in one of `v`'s own equations).
   */
  const neighbours = (v: number, system: IntegerSystem): Map<number, number> => {
    const depth = new Map<number, number>([[v, 0]]);
    const queue = [v];
    const found = new Map<number, number>();
    for (let q = 0; q < queue.length; q++) {
      const at = queue[q]!;
      for (const c of byVar[at]!) {
        const con = constraints[c]!;
        for (const w of [...con.plus, ...con.minus]) {
          if (depth.has(w)) continue;
          depth.set(w, depth.get(at)! + 1);
          if (decisions.get(w)!.shown && holdsPupils(w)) found.set(w, depth.get(w)!);
          else if (system.lo[w]! < system.hi[w]!) queue.push(w);
        }
      }
    }
    return found;
  };
  /**
   * The figure to hide next for a failing question: beside it, the lowest-tier group first, then the
   * nearest, then by size; counts before bases when the failing figure is a count.
   */
  const choose = (q: Question, system: IntegerSystem, roundedView: boolean) => {
    const v = q.variable;
    const near = neighbours(v, system);
    // A rounded figure whose exact value can be worked out may simply be hidden itself.
    if (roundedView && decisions.get(v)!.shown) near.set(v, 0);
    let candidates = [...near.keys()];
    if (countOf(v)) {
      const countsOnly = candidates.filter(countOf);
      if (countsOnly.length > 0) candidates = countsOnly;
    }
    const keyOf = (w: number) => {
      const [tier, size] = tierOf(w);
      return [tier!, near.get(w)!, size!];
    };
    let best: number | undefined;
    let bestKey: number[] | undefined;
    for (const w of candidates) {
      const key = keyOf(w);
      if (!bestKey || lexLess(key, bestKey) || (!lexLess(bestKey, key) && compare(w, best!) < 0)) {
        best = w;
        bestKey = key;
      }
    }
    return { pick: best, key: bestKey };
  };
  /** Hides `v` as a complement (a base hides its cell's counts too); returns what changed. */
  const hide = (v: number): number[] => {
    complements++;
    decisions.set(v, hidden('complementary'));
    const changed = [v];
    if (!countOf(v)) {
      const { row, family, d, g } = meta[v]!;
      for (const m of family.members) {
        const c = variable(row, family, m, d, g);
        if (decisions.get(c)!.shown) {
          decisions.set(c, hidden('complementary'));
          changed.push(c);
        }
      }
    }
    return changed;
  };
  /**
   * Checks each component of the system in turn; while one has a figure that can be worked out,
   * hides one more figure beside it and checks the (possibly larger) component again. Components
   * that pass are never looked at again unless a later fix joins them to another.
   */
  const settle = (roundedView: boolean) => {
    const system = ranges(roundedView);
    const done = new Uint8Array(n);
    for (let start = 0; start < n; start++) {
      if (done[start] || system.lo[start] === system.hi[start]) continue;
      let group = componentOf(system, byVar, [start]);
      for (;;) {
        const qs = questionsFor(system, roundedView, group);
        const failing = qs.length
          ? checkComponent(system, byVar, group, truth, qs, input.budget)
          : [];
        if (failing.length === 0) {
          for (const w of group) done[w] = 1;
          break;
        }
        // Fix the failure that the most expendable figure can fix: a combination (bully-victim)
        // worked out through its parts is fixed in the parts.
        let choice = choose(failing[0]!, system, roundedView);
        let v = failing[0]!.variable;
        for (const q of failing.slice(1, 12)) {
          const other = choose(q, system, roundedView);
          if (other.key && (!choice.key || lexLess(other.key, choice.key))) {
            choice = other;
            v = q.variable;
          }
        }
        let changed: number[] = [];
        const candidates = choice.pick === undefined ? [] : [choice.pick];
        if (candidates[0] !== undefined) changed = hide(candidates[0]);
        else {
          // Nothing shown is left beside it: hide the whole table it belongs to; failing that,
          // every breakdown of its indicators in that scope; failing that, everything shown that
          // the check could connect to it. (A search that ran out of budget counts as a figure
          // that can be worked out, so this also ends a search too large to finish.)
          givenUp++;
          const { row, family, d } = meta[v]!;
          const widen: ((m: (typeof meta)[number], w: number) => boolean)[] = [
            (m) => m.row === row && m.family === family && (m.d === d || m.d === 'all'),
            (m) => m.row === row && m.family === family,
            (_, w) => group.includes(w),
          ];
          for (const within of widen) {
            for (let w = 0; w < n; w++) {
              if (within(meta[w]!, w) && decisions.get(w)!.shown && holdsPupils(w))
                changed.push(...hide(w));
            }
            if (changed.length > 0) break;
          }
          if (changed.length === 0)
            throw new Error('Disclosure control could not protect a figure.');
        }
        for (const w of changed) [system.lo[w], system.hi[w]] = rangeOf(w, roundedView);
        group = componentOf(system, byVar, [...group, ...changed]);
      }
    }
  };
  // With complementary suppression off only the rules apply (for analysts who know the risk).
  if (control.complementarySuppression) settle(false);
  if (roundTo > 1) {
    for (let v = 0; v < n; v++) {
      const t = truth[v]!;
      const dec = decisions.get(v)!;
      if (dec.shown && t > 0 && t <= lowMax && countOf(v))
        decisions.set(v, { shown: true, low: true });
    }
    if (control.complementarySuppression) settle(true);
  }

  return {
    complements,
    givenUp,
    base(row, indicator, dimension, group) {
      const family = families.get(familyOf(indicator));
      if (!family) throw new Error(`Indicator "${indicator}" was not published.`);
      const d = group === 'all' ? 'all' : dimension;
      const b = index.get(key(row, `${family.id}:base`, d, group));
      if (b === undefined)
        throw new Error(
          `No figure for ${indicator} by ${dimension}, group ${group}, was published.`,
        );
      return decisions.get(b)!;
    },
    decide(row, indicator, dimension, group) {
      const family = families.get(familyOf(indicator));
      if (!family) throw new Error(`Indicator "${indicator}" was not published.`);
      const d = group === 'all' ? 'all' : dimension;
      const b = index.get(key(row, `${family.id}:base`, d, group));
      const c = index.get(key(row, indicator, d, group));
      if (b === undefined || c === undefined)
        throw new Error(
          `No figure for ${indicator} by ${dimension}, group ${group}, was published.`,
        );
      return { base: decisions.get(b)!, count: decisions.get(c)! };
    },
  };
}

/**
 * The adversary of the disclosure tests, written apart from the publisher: it reads only published
 * JSON (`PublishedResults`) and the documented meaning of every symbol and reason, and builds the
 * integer system anyone holding those figures could write down. Tests then ask, with the exact
 * auditor or with an independent integer-programming solver (HiGHS), whether any hidden figure is
 * pinned to one value, or a hidden count to none or all of its group.
 *
 * What it knows: a shown figure is its value (outside the school's own view, one of the five values
 * that round to it, half up); `[low]` is 1 or 2 (when rounding to 5); `[z]` is 0; a hidden base is 1
 * to k − 1 (`base`, `total`) or at least k (`complementary`, since only shown groups are hidden as
 * complements); a hidden count is 0 to its base. Every total is the sum of its groups (across every
 * breakdown), any SEND is E + K, counts are at most bases, "frequently" is within "at least once",
 * single-choice options add up to who answered, an exclusive option excludes the others, a
 * combination is within its parts, a score's bands add up to the pupils scored, and an area is the
 * sum of its schools. Percentages, intervals and changes add nothing: they are functions of the
 * figures above (checked separately).
 */
import {
  componentOf,
  indexConstraints,
  restrict,
  search,
  workedOut,
  type Constraint,
  type IntegerSystem,
} from '../auditor.js';
import { mergeSummaries } from '../summary.js';
import {
  DERIVED_GROUPS,
  DIMENSION_GROUPS,
  type PupilSummary,
  type PublishedCell,
  type PublishedPool,
  type PublishedResults,
  type Shown,
} from '@all-together/model';

export interface Adversary {
  system: IntegerSystem;
  names: string[];
  /** Figures that are not exactly known: hidden, `[low]`, or (outside the school) rounded. */
  unknown: { variable: number; name: string; kind: 'hidden' | 'low' | 'rounded' }[];
  /** Hidden counts whose base is hidden too: neither none nor all of the group may be pinned. */
  countBase: { count: number; base: number; name: string }[];
}

const BIG = 1_000_000;

/** One published entity (a school, or an area) with the results it publishes. */
export interface Entity {
  id: string;
  results: PublishedResults;
}

/**
 * The adversary's system for entities published together; with `area`, the area's figures are
 * the sums of the schools' (for every table the schools publish).
 */
export function adversary(entities: readonly Entity[], area?: Entity): Adversary {
  const lo: number[] = [];
  const hi: number[] = [];
  const names: string[] = [];
  const index = new Map<string, number>();
  const constraints: Constraint[] = [];
  const unknown: Adversary['unknown'] = [];
  const countBase: Adversary['countBase'] = [];
  const domains = new Map<number, [number, number][]>();
  /** Each published cell's variables, by entity, pool, wave, indicator, breakdown, group, b or c. */
  const byCell = new Map<string, number>();

  const v = (name: string) => {
    let i = index.get(name);
    if (i === undefined) {
      i = names.length;
      index.set(name, i);
      names.push(name);
      lo.push(0);
      hi.push(BIG);
    }
    return i;
  };
  const narrow = (i: number, l: number, h: number) => {
    domains.set(i, [...(domains.get(i) ?? []), [l, h]]);
    lo[i] = Math.max(lo[i]!, l);
    hi[i] = Math.min(hi[i]!, h);
  };
  const eq = (plus: number[], minus: number[]) =>
    constraints.push({ plus, minus, kind: 'eq', rhs: 0 });
  const le = (plus: number[], minus: number[]) =>
    constraints.push({ plus, minus, kind: 'le', rhs: 0 });

  const read = (
    results: PublishedResults,
    i: number,
    shown: Shown<number>,
    what: 'base' | 'count',
    name: string,
  ) => {
    const k = results.control.minCellSize;
    const roundTo = results.viewer === 'school' ? 1 : results.control.roundTo;
    if ('value' in shown) {
      if (roundTo === 1 || shown.value === 0) narrow(i, shown.value, shown.value);
      else {
        narrow(
          i,
          Math.max(0, shown.value - Math.floor(roundTo / 2)),
          shown.value + Math.floor((roundTo - 1) / 2),
        );
        unknown.push({ variable: i, name, kind: 'rounded' });
      }
      return;
    }
    if (shown.symbol === '[z]') return narrow(i, 0, 0);
    if (shown.symbol === '[low]') {
      narrow(i, 1, Math.floor((roundTo - 1) / 2));
      unknown.push({ variable: i, name, kind: 'low' });
      return;
    }
    unknown.push({ variable: i, name, kind: 'hidden' });
    if (what === 'count') return; // 0 to its base
    if (shown.reason === 'base' || shown.reason === 'total') narrow(i, 1, k - 1);
    else if (shown.reason === 'complementary') narrow(i, k, BIG);
  };

  const addEntity = (entity: Entity) => {
    const { results } = entity;
    for (const pool of results.pools) {
      for (const wave of ['baseline', 'end'] as const) {
        const w = pool[wave];
        if (!w) continue;
        const prefix = `${entity.id}|${pool.comparableAs}|${wave}`;
        const familyOf = (indicator: string) => pool.indicators[indicator]!.family;
        // Indicators of one item count the same pupils as answering when their published totals
        // agree (an option offered to fewer pupils shows a smaller total); otherwise each has its own.
        const totals = new Map(
          w.binary
            .filter((t) => t.dimension === 'all')
            .map((t) => [t.indicator, 'value' in t.total.base ? t.total.base.value : undefined]),
        );
        const sharedTotal = new Map<string, number>();
        for (const [k, total] of totals) {
          const f = familyOf(k);
          if (total === undefined) continue;
          const first = sharedTotal.get(f.id);
          if (first === undefined) sharedTotal.set(f.id, total);
        }
        const baseName = (indicator: string, d: string, g: string) => {
          const f = familyOf(indicator);
          const total = totals.get(indicator);
          const fid =
            f.kind === 'score'
              ? indicator
              : total !== undefined && sharedTotal.get(f.id) === total
                ? f.id
                : `${f.id}~${indicator}`;
          return g === 'all' ? `${prefix}|${fid}|b|all|all` : `${prefix}|${fid}|b|${d}|${g}`;
        };
        const countName = (indicator: string, d: string, g: string) =>
          g === 'all' ? `${prefix}|${indicator}|c|all|all` : `${prefix}|${indicator}|c|${d}|${g}`;
        for (const t of w.binary) {
          const cells: PublishedCell[] = [t.total, ...t.groups, ...t.derived];
          for (const c of cells) {
            const b = v(baseName(t.indicator, t.dimension, c.key));
            const n = v(countName(t.indicator, t.dimension, c.key));
            const cellKey = `${pool.comparableAs}|${wave}|${t.indicator}|${t.dimension}|${c.key}`;
            byCell.set(`${entity.id}|${cellKey}|b`, b);
            byCell.set(`${entity.id}|${cellKey}|c`, n);
            read(results, b, c.base, 'base', names[b]!);
            read(results, n, c.count, 'count', names[n]!);
            le([n], [b]);
            if (!('value' in c.count) && c.count.symbol !== '[z]' && !('value' in c.base))
              countBase.push({ count: n, base: b, name: names[n]! });
          }
          if (t.dimension !== 'all') {
            // Every group of the dimension (an unlisted year group holds nobody).
            for (const what of ['b', 'c'] as const) {
              const name = what === 'b' ? baseName : countName;
              const own = DIMENSION_GROUPS[t.dimension].map((g) => {
                const i = v(name(t.indicator, t.dimension, g));
                if (!cells.some((c) => c.key === g)) narrow(i, 0, 0);
                return i;
              });
              eq([v(name(t.indicator, t.dimension, 'all'))], own);
              for (const d of DERIVED_GROUPS[t.dimension] ?? [])
                eq(
                  [v(name(t.indicator, t.dimension, d.key))],
                  d.of.map((g) => v(name(t.indicator, t.dimension, g))),
                );
            }
          }
        }
        relations(pool, w.binary, baseName, countName);
        for (const t of w.scores) {
          const cells = [t.total, ...t.groups, ...t.derived];
          for (const c of cells) {
            const b = v(baseName(t.indicator, t.dimension, c.key));
            read(results, b, c.n, 'base', names[b]!);
            byCell.set(
              `${entity.id}|${pool.comparableAs}|${wave}|${t.indicator}|${t.dimension}|${c.key}|b`,
              b,
            );
          }
          if (t.dimension !== 'all') {
            const own = DIMENSION_GROUPS[t.dimension].map((g) => {
              const i = v(baseName(t.indicator, t.dimension, g));
              if (!cells.some((c) => c.key === g)) narrow(i, 0, 0);
              return i;
            });
            eq([v(baseName(t.indicator, t.dimension, 'all'))], own);
            for (const d of DERIVED_GROUPS[t.dimension] ?? [])
              eq(
                [v(baseName(t.indicator, t.dimension, d.key))],
                d.of.map((g) => v(baseName(t.indicator, t.dimension, g))),
              );
          }
        }
      }
    }
  };

  /** The relations between indicators of the same answers (declared in `indicators[].family`). */
  const relations = (
    pool: PublishedPool,
    tables: PublishedPool['baseline'] extends infer W
      ? W extends { binary: infer B }
        ? B
        : never
      : never,
    baseName: (i: string, d: string, g: string) => string,
    countName: (i: string, d: string, g: string) => string,
  ) => {
    const byFamily = new Map<string, string[]>();
    for (const [key, info] of Object.entries(pool.indicators)) {
      if (info.kind !== 'binary') continue;
      byFamily.set(info.family.id, [...(byFamily.get(info.family.id) ?? []), key]);
    }
    const cellsOf = new Map<string, string[]>();
    for (const t of tables) {
      const keys = [t.total, ...t.groups, ...t.derived].map((c) => `${t.dimension}|${c.key}`);
      cellsOf.set(t.indicator, [...(cellsOf.get(t.indicator) ?? []), ...keys]);
    }
    for (const [, members] of byFamily) {
      const info = pool.indicators[members[0]!]!;
      for (const cell of new Set(members.flatMap((m) => cellsOf.get(m) ?? []))) {
        const [d, g] = cell.split('|') as [string, string];
        const b = v(baseName(members[0]!, d, g));
        const cs = members.map((m) => v(countName(m, d, g)));
        if (info.family.kind === 'cut-off' && members.length > 1) {
          const order = members
            .map((m, i) => ({ at: pool.indicators[m]!.family.at ?? 0, c: cs[i]! }))
            .sort((x, y) => x.at - y.at);
          for (let i = 1; i < order.length; i++) le([order[i]!.c], [order[i - 1]!.c]);
        } else if (info.family.kind === 'option') eq([b], cs);
        else if (info.family.kind === 'any-of') {
          members.forEach((m, i) => {
            if (!pool.indicators[m]!.family.exclusive) return;
            cs.forEach((o, j) => {
              if (j !== i) le([cs[i]!, o], [b]);
            });
          });
        } else if (info.family.kind === 'all-of') {
          for (const part of info.family.of ?? []) {
            if (!pool.indicators[part]) continue;
            le([b], [v(baseName(part, d, g))]);
            le([cs[0]!], [v(countName(part, d, g))]);
          }
        }
      }
    }
  };

  for (const e of entities) addEntity(e);
  if (area) {
    addEntity(area);
    // The area is the sum of its schools, for every figure the schools publish (each school that
    // publishes the pool and wave must publish the figure, or nothing is assumed).
    const publishing = (school: string, pool: string, wave: string) =>
      [...byCell.keys()].some((k) => k.startsWith(`${school}|${pool}|${wave}|`));
    for (const [key, areaVar] of byCell) {
      if (!key.startsWith(`${area.id}|`)) continue;
      const rest = key.slice(area.id.length + 1);
      const [pool, wave] = rest.split('|') as [string, string];
      const parts = entities
        .filter((e) => publishing(e.id, pool, wave))
        .map((e) => byCell.get(`${e.id}|${rest}`));
      if (parts.every((p) => p !== undefined)) eq([areaVar], parts as number[]);
    }
  }
  return { system: { lo, hi, constraints }, names, unknown, countBase };
}

/** What the adversary can work out: figures pinned to one value, and hidden groups all alike. */
export interface Findings {
  pinned: string[];
  allAlike: string[];
}

/**
 * Every unknown figure that can take only one value, and every hidden count that must be none or
 * all of its hidden group, by the exact auditor. The true figures (`truthOf`, from the summaries)
 * are checked to be one solution of what the adversary knows — if not, something published is
 * untrue or misread — and the searches start from them.
 */
export function audit(
  adv: Adversary,
  truthOf: (name: string) => number,
  kinds: ReadonlySet<string> = new Set(['hidden', 'low', 'rounded']),
): Findings {
  const { system } = adv;
  const truth = adv.names.map(truthOf);
  const broken = truth.findIndex((t, i) => t < system.lo[i]! || t > system.hi[i]!);
  if (broken >= 0)
    throw new Error(
      `${adv.names[broken]} is ${truth[broken]}, outside what is published for it (${system.lo[broken]}–${system.hi[broken]}).`,
    );
  for (const c of system.constraints) {
    const value =
      c.plus.reduce((n, i) => n + truth[i]!, 0) - c.minus.reduce((n, i) => n + truth[i]!, 0);
    if (c.kind === 'eq' ? value !== c.rhs : value > c.rhs)
      throw new Error(
        `The truth breaks a relation the adversary assumes: ${c.plus.map((i) => adv.names[i]).join(' + ')} − ${c.minus.map((i) => adv.names[i]).join(' − ')} ${c.kind} ${c.rhs}.`,
      );
  }
  const byVar = indexConstraints(system.lo.length, system.constraints);
  const questions = adv.unknown
    .filter((u) => kinds.has(u.kind))
    .map((u) => ({ variable: u.variable }));
  const failing = workedOut(system, truth, questions, 200_000);
  const allAlike: string[] = [];
  for (const { count, base, name } of adv.countBase) {
    const some = withConstraint(system, byVar, truth, {
      plus: [],
      minus: [count],
      kind: 'le',
      rhs: -1,
    }); // count ≥ 1
    const notAll = withConstraint(system, byVar, truth, {
      plus: [count],
      minus: [base],
      kind: 'le',
      rhs: -1,
    }); // count < base
    if (!some || !notAll) allAlike.push(`${name} (${!some ? 'none' : 'all'})`);
  }
  return { pinned: failing.map((q) => adv.names[q.variable]!), allAlike };
}

/** Whether the system, with one more constraint, has a solution (searched in its component). */
function withConstraint(
  system: IntegerSystem,
  byVar: readonly number[][],
  truth: readonly number[],
  extra: Constraint,
): boolean {
  const group = componentOf(system, byVar, [...extra.plus, ...extra.minus]);
  const sub = restrict(system, group, truth, byVar);
  const local = (i: number) => sub.local.get(i);
  const plus = extra.plus.map(local);
  const minus = extra.minus.map(local);
  let rhs = extra.rhs;
  // A variable outside the component is fixed: fold it into the right-hand side.
  extra.plus.forEach((v, i) => plus[i] === undefined && (rhs -= system.lo[v]!));
  extra.minus.forEach((v, i) => minus[i] === undefined && (rhs += system.lo[v]!));
  const constraints = [
    ...sub.constraints,
    {
      plus: plus.filter((x) => x !== undefined),
      minus: minus.filter((x) => x !== undefined),
      kind: extra.kind,
      rhs,
    } as Constraint,
  ];
  return search(
    constraints,
    indexConstraints(sub.vars.length, constraints),
    sub.lo,
    sub.hi,
    sub.target,
    2_000_000,
  ).found;
}

/** Each entity's summaries, by pool and wave, for the truth behind the adversary's variables. */
export interface Truths {
  [entity: string]: { baseline?: readonly PupilSummary[]; end?: readonly PupilSummary[] };
}

/**
 * The true value of each of the adversary's variables, read from the summaries (the searches'
 * starting point, and a check that the adversary's reading is true). An area is the sum of its
 * schools: pass `area` with the schools' ids.
 */
export function truthFrom(truths: Truths, area?: { id: string; of: readonly string[] }) {
  const summaryOf = (
    entity: string,
    pool: string,
    wave: 'baseline' | 'end',
  ): PupilSummary | undefined => {
    if (area && entity === area.id) {
      const parts = area.of.flatMap((id) => summaryOf(id, pool, wave) ?? []);
      return parts.length ? mergeSummaries(parts) : undefined;
    }
    return truths[entity]?.[wave]?.find((s) => s.comparableAs === pool);
  };
  const at = (m: PupilSummary['respondents'] | undefined, d: string, g: string): number => {
    if (!m) return 0;
    if (g === 'all') return m.all;
    const derived = DERIVED_GROUPS[d as keyof typeof DERIVED_GROUPS]?.find((x) => x.key === g);
    const rec = m[d as keyof Omit<typeof m, 'all'>] as Record<string, number>;
    return derived ? derived.of.reduce((n, x) => n + (rec[x] ?? 0), 0) : (rec[g] ?? 0);
  };
  return (name: string): number => {
    const [entity, pool, wave, key, what, d, g] = name.split('|') as [
      string,
      string,
      'baseline' | 'end',
      string,
      string,
      string,
      string,
    ];
    const s = summaryOf(entity, pool, wave);
    if (!s) return 0;
    if (what === 'c') return at(s.binary[key]?.yes, d, g);
    if (s.scores[key]) return at(s.scores[key]!.n, d, g);
    if (key.includes('~')) return at(s.binary[key.slice(key.indexOf('~') + 1)]?.answered, d, g);
    const member = Object.keys(s.info).find((k) => s.info[k]!.family.id === key && s.binary[k]);
    return at(member ? s.binary[member]!.answered : undefined, d, g);
  };
}

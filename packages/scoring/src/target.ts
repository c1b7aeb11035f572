/**
 * Where an LA or trust should target support (domain.md §8 "Compare and target"; Oxfordshire's
 * county plan: target anti-bullying support "to schools with highest proportions of vulnerable
 * students"): its schools ranked by how far, and how significantly, their figures for pupils with
 * SEND, pupils on free school meals and all pupils are worse than the rest of the area's, weighted
 * by the school's share of those pupils (from its census figures), each with its reasons in words.
 *
 * It reads **published figures only** — what `publishArea` (or `publishResults` with the rest of
 * the area) gives an LA or trust viewer, counts rounded to 5 — and refuses figures published for a
 * school's own view or not rounded, so it cannot show a number the viewer could not already see or
 * work out. A figure hidden to protect privacy is never ranked on, and its reason says so in words,
 * without a number. KS1 and KS2/secondary pools are compared apart, never added together.
 *
 * @module
 */
import {
  SchoolCensus,
  type OutcomeGroup,
  type PublishedBreakdown,
  type PublishedCell,
  type PublishedPool,
  type PublishedResults,
  type SupportTarget,
  type SuppressionReason,
  type TargetFigure,
  type TargetFigureValue,
  type TargetSupport,
  type UnrankedSchool,
  type Wave,
} from '@all-together/model';
import { compareWithComparator } from './compare.js';
import { percentHalfUp } from './publish.js';

export type { SchoolCensus, SupportTarget, TargetFigure, TargetSupport, UnrankedSchool };

/**
 * What `targetSupport` reads: the area's publication as `publishArea` returns it (`area` and
 * `schools`), plus each school's census figures. Call it as `targetSupport({ ...publishArea(…),
 * census })`.
 *
 * Publish with `viewer: 'local-authority'` or `'trust'` and `schoolDimensions: ['sen', 'fsm']`
 * (the schools' SEND and free-school-meals tables); the area's own `dimensions` must include `sen`
 * and `fsm` too (the default, every dimension, does). A school's `results` may instead be its
 * `publishResults({ …, others }, { viewer: 'local-authority' })`: its comparison tables with the
 * rest of the area are then used as published.
 */
export interface TargetSupportInput {
  /** The area's published results (the sum of its schools), as the LA or trust sees them. */
  area: PublishedResults;
  /** Each school's published results, published together with `area`. */
  schools: readonly { id: string; results: PublishedResults }[];
  /**
   * Each school's census figures (public data). A school without a row, or with a share `null`,
   * is weighted as if at the area's average share; rows for schools not in `schools` are ignored.
   */
  census: readonly SchoolCensus[];
}

/** The rule's settings; every default is the programme's. */
export interface TargetSupportOptions {
  /** The headline indicator compared; default `victimisation.frequent` (bullied frequently). */
  indicator?: string;
  /** Confidence level for "significantly worse"; default 0.95. */
  confidence?: number;
  /** Confidence level for strong evidence ("very unlikely to be chance"); default 0.998. */
  strongConfidence?: number;
  /**
   * How much a difference significant at `confidence` but not at `strongConfidence` counts,
   * against 1 for a strong one; default 0.5. A difference that is not significant counts 0.
   */
  significantFactor?: number;
}

const WAVES: readonly Wave[] = ['end', 'baseline'];

/** The groups compared, in the order their reasons are given. */
const GROUPS: readonly {
  id: OutcomeGroup;
  dimension: 'sen' | 'fsm' | 'all';
  key: string;
  name: string;
  share: 'sendPercent' | 'fsmPercent' | null;
  has: string;
}[] = [
  {
    id: 'send',
    dimension: 'sen',
    key: 'any-sen',
    name: 'Pupils with SEND',
    share: 'sendPercent',
    has: 'have SEND',
  },
  {
    id: 'fsm',
    dimension: 'fsm',
    key: 'yes',
    name: 'Pupils on free school meals',
    share: 'fsmPercent',
    has: 'are on free school meals',
  },
  { id: 'all', dimension: 'all', key: 'all', name: 'All pupils', share: null, has: '' },
];

const POOL_NAMES: Readonly<Record<string, string>> = {
  'pupil-ks1': 'key stage 1',
  'pupil-ks2-secondary': 'key stage 2 and secondary',
};
const WAVE_NAMES: Readonly<Record<Wave, string>> = { baseline: 'Time 1', end: 'Time 2' };

/** Why a figure is hidden, in words and without a number (its reason's note has thresholds). */
const HIDDEN_WHY: Readonly<Partial<Record<SuppressionReason, string>>> = {
  base: 'too few pupils to publish',
  total: 'too few pupils to publish',
  'small-base': 'too few pupils to show a percentage',
  complementary: 'hidden so that another hidden figure cannot be worked out',
  'rounds-to-zero': 'too few to show',
};

function fail(message: string): never {
  throw new Error(`targetSupport: ${message}`);
}

const cellOf = (t: PublishedBreakdown, key: string): PublishedCell | undefined =>
  key === 'all' ? t.total : [...t.groups, ...t.derived].find((c) => c.key === key);

const tableOf = (pool: PublishedPool | undefined, wave: Wave, indicator: string, dim: string) =>
  pool?.[wave]?.binary.find((t) => t.indicator === indicator && t.dimension === dim);

const respondentsOf = (pool: PublishedPool | undefined, wave: Wave): number | undefined => {
  const r = pool?.[wave]?.respondents;
  return r && 'value' in r ? r.value : undefined;
};

/** Whole percent, half up, for census shares (public, not rounded by disclosure control). */
const whole = (x: number): number => Math.floor(x + 0.5);

/**
 * A published cell's count, base and percentage, when all three are shown. Every count used must
 * be a multiple of the publication's rounding: an exact count here would mean the figures were
 * published for a school's own view, and a list built on them could give an exact count away.
 */
function shownValue(cell: PublishedCell, roundTo: number, where: string): TargetFigureValue | null {
  if (!('value' in cell.count) || !('value' in cell.base) || !('value' in cell.percent))
    return null;
  for (const [what, n] of [
    ['count', cell.count.value],
    ['base', cell.base.value],
  ] as const)
    if (n % roundTo !== 0)
      fail(
        `${where}: the ${what} is ${n}, not a multiple of ${roundTo}. Targeting reads figures as an LA or trust sees them (rounded): publish with viewer 'local-authority' or 'trust'.`,
      );
  if (cell.base.value === 0) return null;
  return {
    count: Math.min(cell.count.value, cell.base.value),
    base: cell.base.value,
    percent: cell.percent.value,
  };
}

/** The area's average share of a group: weighted by number on roll when every school gives it. */
function areaShare(
  census: readonly (SchoolCensus | null)[],
  field: 'sendPercent' | 'fsmPercent',
): number | null {
  const given = census.filter((c): c is SchoolCensus => c !== null && c[field] !== null);
  if (given.length === 0) return null;
  const roll = given.reduce((n, c) => n + (c.numberOnRoll ?? 0), 0);
  if (given.every((c) => c.numberOnRoll !== null) && roll > 0)
    return given.reduce((n, c) => n + c[field]! * c.numberOnRoll!, 0) / roll;
  return given.reduce((n, c) => n + c[field]!, 0) / given.length;
}

interface Rule {
  indicator: string;
  confidence: number;
  strongConfidence: number;
  significantFactor: number;
  roundTo: number;
  k: number;
  minBase: number;
  minSchools: number;
}

/** One group of one school, in one pool at one wave, against the rest of the area. */
function figureOf(
  rule: Rule,
  group: (typeof GROUPS)[number],
  at: { pool: string; wave: Wave; id: string },
  mine: PublishedPool,
  area: PublishedPool | undefined,
  passingSchools: number,
  census: SchoolCensus | null,
  shares: { send: number | null; fsm: number | null },
): TargetFigure {
  const info = mine.indicators[rule.indicator]!;
  const where = { pool: at.pool, wave: at.wave, indicator: rule.indicator, group: group.id };
  const place = `school ${at.id}, ${at.pool} at ${at.wave}, ${group.dimension} "${group.key}"`;
  const table = tableOf(mine, at.wave, rule.indicator, group.dimension);
  if (!table)
    fail(
      `school ${at.id} has no published "${rule.indicator}" by ${group.dimension} (${at.pool}, ${at.wave}). Publish the schools with publishArea(…, { schoolDimensions: ['sen', 'fsm'] }).`,
    );
  const cell = cellOf(table, group.key);
  if (!cell || ('symbol' in cell.percent && cell.percent.symbol === '[z]'))
    return { status: 'no-pupils', ...where };
  if ('symbol' in cell.percent) return { status: 'hidden', ...where, reason: cell.percent.reason };
  const school = shownValue(cell, rule.roundTo, place);
  if (!school) return { status: 'no-pupils', ...where };

  // The rest of the area: the school's published comparison when it has one, otherwise the area's
  // published figure minus the school's (both rounded as published, so the rest is what any
  // viewer of the two can work out).
  let rest: TargetFigureValue | null;
  let source: 'comparison' | 'area-minus-school';
  const compared = mine.comparisons
    .find(
      (t) =>
        t.wave === at.wave && t.indicator === rule.indicator && t.dimension === group.dimension,
    )
    ?.groups.find((g) => g.key === group.key);
  if (compared) {
    source = 'comparison';
    const c = compared.comparator;
    if (!mine.comparator[at.wave]?.allowed || ('symbol' in c.count && c.count.symbol === '[x]'))
      return { status: 'not-comparable', ...where, school, why: 'area-too-small' };
    rest = shownValue(c, rule.roundTo, `${place}, the rest of the area`);
    if (!rest) {
      const small = 'symbol' in c.percent && c.percent.reason === 'small-base';
      return {
        status: 'not-comparable',
        ...where,
        school,
        why: small ? 'rest-too-small' : 'rest-hidden',
      };
    }
  } else {
    source = 'area-minus-school';
    const a = respondentsOf(area, at.wave);
    const s = respondentsOf(mine, at.wave) ?? 0;
    if (passingSchools < rule.minSchools || a === undefined || a - s < rule.k)
      return { status: 'not-comparable', ...where, school, why: 'area-too-small' };
    const areaTable = tableOf(area, at.wave, rule.indicator, group.dimension);
    if (!areaTable)
      fail(
        `the area has no published "${rule.indicator}" by ${group.dimension} (${at.pool}, ${at.wave}). Publish the area with its default dimensions (or include 'sen' and 'fsm').`,
      );
    const areaCell = cellOf(areaTable, group.key);
    const areaFigure =
      areaCell && shownValue(areaCell, rule.roundTo, `the area, ${at.pool} at ${at.wave}`);
    if (!areaFigure) return { status: 'not-comparable', ...where, school, why: 'rest-hidden' };
    const base = areaFigure.base - school.base;
    if (base < rule.minBase)
      return { status: 'not-comparable', ...where, school, why: 'rest-too-small' };
    // Rounded figures can make the difference of counts exceed the difference of bases by a few.
    const count = Math.min(Math.max(0, areaFigure.count - school.count), base);
    rest = { count, base, percent: percentHalfUp(count, base) };
  }

  const test = compareWithComparator(school, rest, {
    direction: info.direction,
    confidence: rule.confidence,
    strongConfidence: rule.strongConfidence,
  });
  const difference = school.percent - rest.percent;
  const worse = info.direction === 'higher-is-worse' ? difference : -difference;
  const excess = Math.max(0, worse);
  const evidence =
    test.rag === 'red'
      ? 'strong'
      : test.rag === 'amber'
        ? 'significant'
        : test.rag === 'green'
          ? 'better'
          : 'not-significant';
  const factor =
    evidence === 'strong' ? 1 : evidence === 'significant' ? rule.significantFactor : 0;
  const share = group.share ? (census?.[group.share] ?? null) : null;
  const average = group.id === 'send' ? shares.send : group.id === 'fsm' ? shares.fsm : null;
  const weight = share !== null && average !== null && average > 0 ? share / average : 1;
  return {
    status: 'compared',
    ...where,
    source,
    school,
    rest,
    difference,
    excess,
    evidence,
    share,
    areaShare: average,
    weight,
    contribution: excess * factor * weight,
  };
}

/** The plain-English reason for one figure. */
function sentence(
  f: TargetFigure,
  labels: ReadonlyMap<string, string>,
  manyPools: boolean,
  rule: Rule,
): string {
  const label = labels.get(f.pool) ?? f.indicator;
  const group = GROUPS.find((g) => g.id === f.group)!;
  const ctx = `${group.name}${manyPools ? ` (${POOL_NAMES[f.pool] ?? f.pool})` : ''} at ${WAVE_NAMES[f.wave]}`;
  switch (f.status) {
    case 'hidden':
      return `${ctx}: hidden to protect privacy (${HIDDEN_WHY[f.reason] ?? 'not shown'}), so this school is not ranked on it. Hidden does not mean no problem: see the figure for the whole area.`;
    case 'no-pupils':
      return `${ctx}: no pupils in this group answered.`;
    case 'not-comparable': {
      const own = `${ctx}: ${f.school.percent}% ${label}`;
      if (f.why === 'rest-hidden')
        return `${own}; the rest of the area's figure is hidden to protect privacy, so it cannot be compared.`;
      if (f.why === 'rest-too-small')
        return `${own}; too few pupils in the rest of the area to compare with.`;
      return `${own}; the rest of the area is too small to compare with (it needs at least ${rule.minSchools} schools with at least ${rule.k} pupils each).`;
    }
    case 'compared': {
      const d = Math.abs(f.difference);
      const by =
        d === 0
          ? 'the same to the nearest point'
          : `${d} ${d === 1 ? 'point' : 'points'} ${f.difference > 0 ? 'higher' : 'lower'}`;
      const verdict =
        f.evidence === 'strong'
          ? ': significantly worse, and very unlikely to be chance'
          : f.evidence === 'significant'
            ? ': significantly worse'
            : f.evidence === 'better'
              ? ': significantly better'
              : f.excess > 0
                ? ', but not significantly: it may be chance'
                : '';
      return `${ctx}: ${f.school.percent}% ${label}, against ${f.rest.percent}% in the rest of the area — ${by}${verdict}.`;
    }
  }
}

/** The census lines: the school's share of each group against the area's average. */
function censusLines(
  census: SchoolCensus | null,
  shares: { send: number | null; fsm: number | null },
): string[] {
  return GROUPS.filter((g) => g.share).map((g) => {
    const share = census?.[g.share!] ?? null;
    const average = g.id === 'send' ? shares.send : shares.fsm;
    const who = g.name.charAt(0).toLowerCase() + g.name.slice(1);
    if (share === null || average === null)
      return `The share of pupils who ${g.has} was not given, so the figures for ${who} count as if at the area's average share.`;
    return `${whole(share)}% of pupils ${g.has}, against an area average of ${whole(average)}%.`;
  });
}

/**
 * Where an LA or trust should target support first: its schools ranked by how far, and how
 * significantly, their figures are worse than the rest of the area's, weighted by their share of
 * vulnerable pupils, each with its reasons in plain English. Published figures only.
 *
 * **The rule.** For each school, in each pool (KS1 apart from KS2 and secondary), at the latest
 * wave at which the school's answers are published, three figures of the headline indicator
 * (`victimisation.frequent` by default) are compared with the rest of the area at the same wave:
 * pupils with SEND, pupils on free school meals, and all pupils. The rest of the area is the area's
 * published figure minus the school's (or the school's published comparison, when given); it is
 * compared only when at least 3 schools with at least 10 pupils each have published answers and at
 * least 10 pupils are outside the school (the publication's own thresholds), and only with at
 * least 20 pupils in the rest for the percentage. Each figure contributes
 *
 *     points worse than the rest × evidence × weight
 *
 * where evidence is 1 when the difference is significant at 99.8%, 0.5 when at 95% only, and 0
 * when it is not significant (the same two-proportion test as every comparison of this package,
 * on the rounded figures), and weight is the school's census share of the group divided by the
 * area's average share (1 for all pupils, and for a share not given). The score is the sum, to one
 * decimal place. Schools are ranked by score, highest first, then by name, then by id; every
 * school has its own rank. A school whose figures are all hidden, or have nothing to compare with,
 * is listed apart in `notRanked`; a hidden figure is never ranked on and its reason says so
 * without a number. When no pool at any wave has 3 schools with 10 pupils, `schools` is empty and
 * `reason` says why.
 *
 * @throws Error when the figures were published for a school's own view (or are not rounded),
 *   the indicator is not published or declares no better way, a school's SEND or free-school-meals
 *   table is missing (publish with `schoolDimensions: ['sen', 'fsm']`), a school id is repeated, or
 *   a census row is invalid (the message names the row and field).
 * @example
 * const published = publishArea(
 *   { schools: laSchools.map((s) => ({ id: s.urn, baseline: [s.t1], end: [s.t2] })) },
 *   { viewer: 'local-authority', schoolDimensions: ['sen', 'fsm'] },
 * );
 * const list = targetSupport({ ...published, census: laSchools.map((s) => s.census) });
 * list.schools[0]; // { id: '100001', rank: 1, score: 14.3, reasons: ['Pupils with SEND at Time 2: 34% …'], basis: […] }
 */
export function targetSupport(
  input: TargetSupportInput,
  options: TargetSupportOptions = {},
): TargetSupport {
  const indicator = options.indicator ?? 'victimisation.frequent';
  const significantFactor = options.significantFactor ?? 0.5;
  if (!(significantFactor >= 0 && significantFactor <= 1))
    fail(`significantFactor must be between 0 and 1, got ${significantFactor}.`);
  const { area } = input;
  for (const [what, p] of [
    ['the area', area],
    ...input.schools.map((s) => [`school ${s.id}`, s.results] as const),
  ] as const)
    if (p.viewer === 'school')
      fail(
        `${what} was published for a school's own view (exact figures). Targeting reads figures as an LA or trust sees them: publish with viewer 'local-authority' or 'trust'.`,
      );
  const ids = new Set<string>();
  for (const s of input.schools) {
    if (ids.has(s.id)) fail(`school ${s.id} is listed twice.`);
    ids.add(s.id);
  }
  const parsed = SchoolCensus.array().safeParse(input.census);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    fail(`census[${issue.path.join('].')}${issue.path.length > 1 ? '' : ']'}: ${issue.message}`);
  }
  const census = new Map<string, SchoolCensus>();
  for (const [i, c] of parsed.data.entries()) {
    if (census.has(c.id)) fail(`census[${i}]: school ${c.id} has a census row already.`);
    census.set(c.id, c);
  }

  const infos = area.pools.flatMap((p) => {
    const i = p.indicators[indicator];
    return i ? [[p.comparableAs, i] as const] : [];
  });
  if (infos.length === 0 || infos.some(([, i]) => i.kind !== 'binary'))
    fail(
      `the area has no published yes/no indicator "${indicator}". It has: ${[...new Set(area.pools.flatMap((p) => Object.keys(p.indicators)))].join(', ') || 'none'}.`,
    );
  for (const [pool, i] of infos)
    if (i.direction === 'neither')
      fail(
        `"${indicator}" (${pool}) declares no better way (higher or lower), so it cannot rank schools.`,
      );
  // Each pool words the indicator its own way (KS1: "lots of times").
  const labels = new Map(
    infos.map(([pool, i]) => {
      const text = i.label['en-GB'] ?? Object.values(i.label)[0]!;
      return [pool, /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text];
    }),
  );
  const control = area.control;
  const rule: Rule = {
    indicator,
    confidence: options.confidence ?? 0.95,
    strongConfidence: options.strongConfidence ?? 0.998,
    significantFactor,
    roundTo: control.roundTo,
    k: control.minCellSize,
    minBase: Math.max(control.minBaseForPercentage, control.minCellSize),
    minSchools: control.minSchoolsForComparator,
  };

  const members = input.schools.map((s) => ({ ...s, census: census.get(s.id) ?? null }));
  const shares = {
    send: areaShare(
      members.map((m) => m.census),
      'sendPercent',
    ),
    fsm: areaShare(
      members.map((m) => m.census),
      'fsmPercent',
    ),
  };
  const areaPools = new Map(area.pools.map((p) => [p.comparableAs, p]));
  // A school with a shown, non-zero number of respondents has at least k of them.
  const passing = (pool: string, wave: Wave) =>
    members.filter(
      (m) =>
        (respondentsOf(
          m.results.pools.find((p) => p.comparableAs === pool),
          wave,
        ) ?? 0) > 0,
    ).length;
  const comparable = area.pools.some(
    (p) =>
      p.indicators[indicator] &&
      WAVES.some((w) => p[w] && passing(p.comparableAs, w) >= rule.minSchools),
  );
  const result = (
    schools: SupportTarget[],
    notRanked: UnrankedSchool[],
    reason: string | null,
  ): TargetSupport => ({
    kind: 'target-support',
    indicator,
    viewer: area.viewer,
    area: { sendPercent: shares.send, fsmPercent: shares.fsm },
    schools,
    notRanked,
    reason,
  });
  if (!comparable)
    return result(
      [],
      [],
      `Fewer than ${rule.minSchools} schools with at least ${rule.k} pupils each have published answers, so no school can be compared with the rest of the area.`,
    );

  const manyPools = infos.length > 1;

  const ranked: (SupportTarget & { name: string })[] = [];
  const notRanked: (UnrankedSchool & { name: string })[] = [];
  for (const m of members) {
    const basis: TargetFigure[] = [];
    const pools = [...m.results.pools]
      .filter((p) => p.indicators[indicator] && labels.has(p.comparableAs))
      .sort((a, b) =>
        a.comparableAs < b.comparableAs ? -1 : a.comparableAs > b.comparableAs ? 1 : 0,
      );
    for (const pool of pools) {
      const waves = WAVES.filter((w) => pool[w]);
      const wave = waves.find((w) => (respondentsOf(pool, w) ?? 0) > 0) ?? waves[0];
      if (!wave) continue;
      const at = { pool: pool.comparableAs, wave, id: m.id };
      for (const g of GROUPS)
        basis.push(
          figureOf(
            rule,
            g,
            at,
            pool,
            areaPools.get(pool.comparableAs),
            passing(pool.comparableAs, wave),
            m.census,
            shares,
          ),
        );
    }
    const say = (f: TargetFigure) => sentence(f, labels, manyPools, rule);
    const shown = basis
      .map((f, i) => ({ f, i }))
      .filter((x) => x.f.status === 'compared')
      .sort((a, b) => {
        const ca = a.f.status === 'compared' ? a.f.contribution : 0;
        const cb = b.f.status === 'compared' ? b.f.contribution : 0;
        return cb - ca || a.i - b.i;
      })
      .map((x) => say(x.f));
    const rest = basis.filter((f) => f.status !== 'compared').map(say);
    const censusSaid = censusLines(m.census, shares);
    if (shown.length === 0) {
      notRanked.push({
        id: m.id,
        name: m.census?.name ?? m.id,
        reasons: [
          basis.length === 0
            ? "No pupils' answers to this question have been published for this school."
            : 'Not enough data: no figure of this school can be compared with the rest of the area.',
          ...rest,
          ...censusSaid,
        ],
        basis,
      });
      continue;
    }
    const total = basis.reduce((n, f) => n + (f.status === 'compared' ? f.contribution : 0), 0);
    const score = Math.round(total * 10) / 10;
    ranked.push({
      id: m.id,
      name: m.census?.name ?? m.id,
      rank: 0,
      score,
      reasons: [
        ...(score === 0 ? ['No figure is significantly worse than the rest of the area.'] : []),
        ...shown,
        ...rest,
        ...censusSaid,
      ],
      basis,
    });
  }
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
    byText(a.name, b.name) || byText(a.id, b.id);
  ranked.sort((a, b) => b.score - a.score || byName(a, b));
  notRanked.sort(byName);
  return result(
    ranked.map(({ name: _name, ...r }, i) => ({ ...r, rank: i + 1 })),
    notRanked.map(({ name: _name, ...r }) => r),
    null,
  );
}

/**
 * The award (domain.md §4, revised): one place that gathers what a recommendation rests on
 * (`awardInputs`) and one that judges it (`recommendAward`). Every element, the demo server,
 * Storybook and tests call these two, so one school gets one award wherever it is shown.
 *
 * A recommendation judges **published figures only**: the pupil outcomes are the cells the school
 * sees in its own results, so a figure hidden there is never the ground of a decision, and where a
 * focus group cannot be shown the criterion needs the moderator's judgement — it is never met
 * automatically. Pure: no DOM, no clock, no locale.
 *
 * Over the 400-line aim (style.md): the inputs and the judging are the two halves of one contract
 * (`AwardInputs`), kept together so a criterion and the input it reads change in one place; the
 * 360° it reads is `perception.ts`, the figures `publish.ts`.
 *
 * @module
 */
import {
  AwardLevel,
  AwardRules,
  DEFAULT_DISCLOSURE_CONTROL,
  type ActionPlan,
  type Audience,
  type AuditDefinition,
  type AwardCriterion,
  type AwardCriterionId,
  type AwardCriterionStatus,
  type AwardMessage,
  type AwardRecommendation,
  type DisclosureControl,
  type EvidenceNote,
  type IndicatorDirection,
  type OutcomeGroup,
  type PublishedCell,
  type PublishedResults,
  type PublishedScoreCell,
  type PupilSummary,
  type Shown,
} from '@all-together/model';
import { scoreAudit, type AuditRatings } from './audit.js';
import {
  agreementGapsPublished,
  publishPerception,
  STAKEHOLDER_NAMES,
  type PerceptionSummary,
  type PublishedPerception,
} from './perception.js';
import { compareMeans, compareWaves } from './compare.js';
import { countActions } from './plan.js';
import { publishResults } from './publish.js';

// ─────────────────────────────────────── the inputs ───────────────────────────────────────

/** An audit as the award reads it: "Don't know" and unrated statements scored as not met. */
export interface AwardAudit {
  /** Overall %, with Don't know and blank as Not yet met; null when nothing is rated. */
  overall: number | null;
  areas: { area: number; percent: number | null }[];
  /** Share (0–100) of statements rated Fully, Partially or Not yet met. */
  definite: number;
  /** Statements rated Don't know or left blank, listed for the school to settle. */
  unsure: string[];
}

/** Everything a recommendation rests on, all of it publishable. */
export interface AwardInput {
  audits: { baseline: AwardAudit | null; end: AwardAudit | null };
  /** Respondents at each wave, as the school's own results publish them (null: no round yet). */
  questionnaires: { baseline: Shown<number> | null; end: Shown<number> | null };
  /** Actions that count (not dropped), those dropped and those done. */
  plan: { counted: number; dropped: number; done: number } | null;
  /** Evidence per area of the end audit: items that count, each counted once. */
  evidence: { perArea: Record<string, number>; notCounted: number } | null;
  /** Frequent victimisation per group and pool, as published in the school's own results. */
  outcomes: {
    group: OutcomeGroup;
    pool: string;
    baseline: PublishedCell | null;
    end: PublishedCell | null;
  }[];
  /** The wellbeing score per pool, as published. */
  wellbeing: {
    pool: string;
    direction: IndicatorDirection;
    baseline: PublishedScoreCell | null;
    end: PublishedScoreCell | null;
  }[];
  /** The 360°: stakeholder groups with published results at the end, and the baseline's gaps. */
  perception: {
    groups: { stakeholder: Audience; people: Shown<number> }[];
    gaps: { statement: string; status: 'improved' | 'explained' | 'open' }[];
    measured: boolean;
  };
}

/** What a school has: audits, plan, pupils' results and perception surveys. */
export interface AwardSources {
  audit: AuditDefinition;
  baselineAudit: AuditRatings | null;
  endAudit:
    (AuditRatings & { evidence?: Readonly<Record<string, readonly EvidenceNote[]>> }) | null;
  plan: ActionPlan | null;
  /**
   * The school's own published results (what its results page shows), or its summaries at each
   * wave, which are then published at the school's own view with the defaults.
   */
  pupils: PublishedResults | { baseline: readonly PupilSummary[]; end: readonly PupilSummary[] };
  /** Perception surveys at each wave (the 360°), summarised with `summarisePerception`. */
  perception?: { baseline?: readonly PerceptionSummary[]; end?: readonly PerceptionSummary[] };
  rules?: AwardRules;
  control?: DisclosureControl;
}

const words = (text: string) => text.trim().split(/\s+/).filter(Boolean).length;

/** An evidence item counts when it says what kind it is and describes itself in real words. */
function counts(item: EvidenceNote, minWords: number): boolean {
  return item.kind !== undefined && words(item.note) >= minWords;
}

/** The same item, wherever it was entered: its id, or else its words and link. */
const identity = (item: EvidenceNote) =>
  item.id ?? `${item.note.trim().toLowerCase().replace(/\s+/g, ' ')}|${item.url ?? ''}`;

function awardAudit(definition: AuditDefinition, ratings: AuditRatings): AwardAudit {
  const strict = scoreAudit(definition, ratings, { unsure: 'not-met' });
  const plain = scoreAudit(definition, ratings);
  const total = definition.areas.reduce((n, a) => n + a.statements.length, 0);
  const definite =
    plain.counts['fully-met'] + plain.counts['partially-met'] + plain.counts['not-yet-met'];
  const unsure = definition.areas.flatMap((a) =>
    a.statements
      .map((s) => s.id as string)
      .filter((id) => {
        const r = Object.hasOwn(ratings.ratings, id) ? ratings.ratings[id] : undefined;
        return r === undefined || r === 'dont-know';
      }),
  );
  return {
    overall: definite === 0 ? null : strict.overall,
    areas: strict.areas.map((a) => ({ area: a.area, percent: definite === 0 ? null : a.percent })),
    definite: total === 0 ? 0 : (definite * 100) / total,
    unsure,
  };
}

/**
 * Gathers what an award recommendation rests on, the one way every consumer does: audits scored
 * with "Don't know" and blanks as not met, completeness, actions, evidence per area counted once
 * wherever it was entered (an item on an action counts for the areas of its objective's
 * statements), pupil outcomes and wellbeing **as the school's own results publish them**, and the
 * 360° (stakeholder groups with published results; each baseline gap improved, explained by an
 * objective in the plan, or open).
 *
 * @example
 * const input = awardInputs({ audit, baselineAudit, endAudit, plan, pupils: published });
 * recommendAward(input).level; // 'bronze'
 */
export function awardInputs(sources: AwardSources): AwardInput {
  const rules = sources.rules ?? AwardRules.parse({});
  const control = sources.control ?? DEFAULT_DISCLOSURE_CONTROL;
  const { audit, plan } = sources;
  const published =
    'kind' in sources.pupils
      ? sources.pupils
      : publishResults(
          { baseline: sources.pupils.baseline, end: sources.pupils.end },
          { viewer: 'school', control },
        );

  // Evidence: areas of each statement, and of each action (through its objective's statements).
  const areaOf = new Map(
    audit.areas.flatMap((a) => a.statements.map((s) => [s.id as string, String(a.number)])),
  );
  const perArea = new Map<string, Set<string>>(
    audit.areas.map((a) => [String(a.number), new Set()]),
  );
  let notCounted = 0;
  const offer = (item: EvidenceNote, areas: Iterable<string>) => {
    if (!counts(item, rules.eligibility.minEvidenceWords)) {
      notCounted++;
      return;
    }
    for (const area of areas) perArea.get(area)?.add(identity(item));
  };
  const end = sources.endAudit;
  if (end) {
    for (const [statement, items] of Object.entries(end.evidence ?? {})) {
      const area = areaOf.get(statement);
      for (const item of items) offer(item, area ? [area] : []);
    }
    for (const action of plan?.actions ?? []) {
      const objective = plan!.objectives.find((o) => o.id === action.objective);
      const areas = new Set(
        (objective?.statements ?? []).flatMap((s) => (areaOf.has(s) ? [areaOf.get(s)!] : [])),
      );
      for (const item of action.evidence) offer(item, areas);
    }
  }

  // Pupil outcomes and wellbeing from the published results, per pool.
  const outcomes: AwardInput['outcomes'] = [];
  const wellbeing: AwardInput['wellbeing'] = [];
  for (const pool of published.pools) {
    for (const g of rules.outcomes.groups) {
      const cellAt = (wave: 'baseline' | 'end') => {
        const t = pool[wave]?.binary.find(
          (b) => b.indicator === rules.outcomes.indicator && b.dimension === g.dimension,
        );
        if (!t) return null;
        if (g.group === 'all') return t.total;
        return [...t.groups, ...t.derived].find((c) => c.key === g.group) ?? null;
      };
      if (!pool.indicators[rules.outcomes.indicator]) continue;
      outcomes.push({
        group: g.id,
        pool: pool.comparableAs,
        baseline: cellAt('baseline'),
        end: cellAt('end'),
      });
    }
    const score = pool.indicators[rules.outcomes.wellbeing];
    if (score) {
      const at = (wave: 'baseline' | 'end') =>
        pool[wave]?.scores.find(
          (t) => t.indicator === rules.outcomes.wellbeing && t.dimension === 'all',
        )?.total ?? null;
      wellbeing.push({
        pool: pool.comparableAs,
        direction: score.direction,
        baseline: at('baseline'),
        end: at('end'),
      });
    }
  }

  // The 360°.
  const perceptionEnd = sources.perception?.end
    ? publishPerception(sources.perception.end, control)
    : null;
  const perceptionBase = sources.perception?.baseline
    ? publishPerception(sources.perception.baseline, control)
    : null;
  const gaps = gapStatus(perceptionBase, perceptionEnd, sources.baselineAudit, end, plan, audit);

  return {
    audits: {
      baseline: sources.baselineAudit ? awardAudit(audit, sources.baselineAudit) : null,
      end: end ? awardAudit(audit, end) : null,
    },
    questionnaires: {
      baseline: respondentsAt(published, 'baseline'),
      end: respondentsAt(published, 'end'),
    },
    plan: plan ? countActions(plan) : null,
    evidence: end
      ? { perArea: Object.fromEntries([...perArea].map(([a, s]) => [a, s.size])), notCounted }
      : null,
    outcomes,
    wellbeing,
    perception: {
      groups: perceptionEnd?.stakeholders ?? [],
      gaps,
      measured: perceptionEnd !== null,
    },
  };
}

/** Respondents at a wave across pools, as published (a hidden pool hides the sum). */
function respondentsAt(results: PublishedResults, wave: 'baseline' | 'end'): Shown<number> | null {
  const waves = results.pools.flatMap((p) => (p[wave] ? [p[wave]!.respondents] : []));
  if (waves.length === 0) return null;
  const hidden = waves.find((w) => 'symbol' in w);
  if (hidden) return hidden;
  return { value: waves.reduce((n, w) => n + ('value' in w ? w.value : 0), 0) };
}

/** Each baseline gap: closed at the end, addressed by an objective linked to it, or open. */
function gapStatus(
  base: PublishedPerception | null,
  end: PublishedPerception | null,
  baselineAudit: AuditRatings | null,
  endAudit: AuditRatings | null,
  plan: ActionPlan | null,
  audit: AuditDefinition,
): AwardInput['perception']['gaps'] {
  if (!base || !baselineAudit) return [];
  const before = agreementGapsPublished(audit, baselineAudit, base).filter((g) => g.gap);
  const after = end && endAudit ? agreementGapsPublished(audit, endAudit, end) : [];
  const planned = new Set(plan?.objectives.flatMap((o) => o.statements as string[]) ?? []);
  return before.map((g) => {
    const later = after.find((a) => a.statement === g.statement);
    const status =
      later && !later.gap && later.judged
        ? 'improved'
        : planned.has(g.statement)
          ? 'explained'
          : 'open';
    return { statement: g.statement, status };
  });
}

// ──────────────────────────────────────── judging ────────────────────────────────────────

/**
 * Whether `x` is at least `min`, without floating-point dust deciding: an overall gain computed as
 * 59.99999999999999 − 49.99999999999999 is a gain of 10 (scores are rationals with small
 * denominators; anything within 1e-9 is the same figure).
 */
export const atLeast = (x: number, min: number) => x >= min - 1e-9;

/** A number as written in a reason: rounded to one decimal place, half up. */
const one = (x: number) => Math.round(x * 10 + 1e-9) / 10;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function list(items: readonly string[]): string {
  return items.length < 2
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const GROUP_NAMES: Readonly<Record<OutcomeGroup, string>> = {
  all: 'All pupils',
  send: 'Pupils with SEND',
  fsm: 'Pupils on free school meals',
};
const POOL_NAMES: Readonly<Record<string, string>> = {
  'pupil-ks1': 'key stage 1',
  'pupil-ks2-secondary': 'key stage 2 and secondary',
};
const poolName = (pool: string) => POOL_NAMES[pool] ?? pool;

type Finding = {
  status: AwardCriterionStatus;
  actual: number | boolean | null;
  required: number | boolean | null;
  reason: string;
  message: AwardMessage;
};
const finding = (
  status: AwardCriterionStatus | boolean,
  message: AwardMessage,
  reason: string,
  actual: number | boolean | null = null,
  required: number | boolean | null = null,
): Finding => ({
  status: typeof status === 'boolean' ? (status ? 'met' : 'not-met') : status,
  actual,
  required,
  reason,
  message,
});

function auditPresent(wave: 'baseline' | 'end', a: AwardAudit | null): Finding {
  if (!a) return finding(false, { key: 'auditMissing', params: { wave } }, `No ${wave} audit yet.`);
  if (a.overall === null)
    return finding(
      false,
      { key: 'auditUnrated', params: { wave } },
      `The ${wave} audit has no rated statements yet.`,
    );
  const o = one(a.overall);
  return finding(
    true,
    { key: 'auditDone', params: { wave, overall: o } },
    `${wave === 'baseline' ? 'Baseline' : 'End'} audit completed: overall ${o}%.`,
    true,
    true,
  );
}

function questionnairePresent(
  wave: 'baseline' | 'end',
  q: Shown<number> | null,
  control: DisclosureControl,
): Finding {
  const name = `${wave === 'baseline' ? 'Baseline' : 'End'} questionnaire`;
  if (!q)
    return finding(
      false,
      { key: 'questionnaireMissing', params: { wave } },
      `No ${wave} questionnaire yet.`,
      null,
      1,
    );
  if ('value' in q && q.value === 0)
    return finding(
      false,
      { key: 'questionnaireEmpty', params: { wave } },
      `The ${wave} questionnaire has no respondents yet.`,
      0,
      1,
    );
  if (!('value' in q)) {
    const k = control.minCellSize;
    return finding(
      true,
      { key: 'questionnaireFew', params: { wave, min: k } },
      `${name} answered by fewer than ${k} pupils (the number is hidden to protect privacy).`,
      null,
      1,
    );
  }
  return finding(
    true,
    { key: 'questionnaireDone', params: { wave, count: q.value } },
    `${name} answered by ${plural(q.value, 'pupil', 'pupils')}.`,
    q.value,
    1,
  );
}

function planPresent(plan: AwardInput['plan'], rules: AwardRules): Finding {
  const min = rules.eligibility.minActions;
  const each = rules.eligibility.actionsNeedOwnerAndDeadline
    ? ', each with an owner and a deadline'
    : '';
  if (!plan)
    return finding(
      false,
      { key: 'planMissing', params: { min } },
      `No action plan yet; it needs at least ${min} actions${each}.`,
      null,
      min,
    );
  const notCounting = plan.dropped > 0 ? ` (not counting ${plan.dropped} dropped)` : '';
  return finding(
    plan.counted >= min,
    { key: 'planActions', params: { count: plan.counted, dropped: plan.dropped, min } },
    `Action plan has ${plural(plan.counted, 'action', 'actions')}${notCounting}, needs at least ${min}${each}.`,
    plan.counted,
    min,
  );
}

function evidencePresent(input: AwardInput, rules: AwardRules): Finding {
  const min = rules.eligibility.minEvidencePerArea;
  const w = rules.eligibility.minEvidenceWords;
  const pieces = plural(min, 'piece', 'pieces');
  if (!input.evidence || !input.audits.end)
    return finding(
      false,
      { key: 'evidenceNoAudit', params: { min } },
      `No end audit yet, so evidence cannot be counted; every area needs at least ${pieces}.`,
      null,
      min,
    );
  const entries = Object.entries(input.evidence.perArea);
  const fewest = Math.min(...entries.map(([, n]) => n));
  const short = entries.filter(([, n]) => n < min).map(([a, n]) => `${a} (${n})`);
  const notCounted = input.evidence.notCounted;
  const skipped =
    notCounted > 0
      ? ` ${plural(notCounted, 'item was', 'items were')} not counted: evidence needs a kind and a description of at least ${w} words.`
      : '';
  if (short.length === 0)
    return finding(
      true,
      { key: 'evidenceMet', params: { fewest, min } },
      `Evidence in every area of the end audit: at least ${fewest} each, needs at least ${min}.${skipped}`,
      fewest,
      min,
    );
  return finding(
    false,
    {
      key: 'evidenceShort',
      params: { areas: short.join(', '), count: short.length, min, notCounted, words: w },
    },
    `Not enough evidence in ${short.length === 1 ? 'area' : 'areas'} ${list(short)}; every area of the end audit needs at least ${pieces}.${skipped}`,
    fewest,
    min,
  );
}

function completeAudits(input: AwardInput, rules: AwardRules): Finding {
  const min = rules.completeness.minDefinite;
  const { baseline, end } = input.audits;
  if (!baseline || !end)
    return finding(
      false,
      { key: 'auditsMissing', params: { min } },
      `Both audits are needed, each rating at least ${min}% of statements.`,
      null,
      min,
    );
  const unsure = [...new Set([...baseline.unsure, ...end.unsure])].sort((a, b) =>
    a.localeCompare(b, 'en', { numeric: true }),
  );
  const met = atLeast(baseline.definite, min) && atLeast(end.definite, min);
  const b = one(baseline.definite);
  const e = one(end.definite);
  if (met)
    return finding(
      true,
      { key: 'auditsComplete', params: { min, baseline: b, end: e } },
      `Both audits rate at least ${min}% of statements definitely (baseline ${b}%, end ${e}%).`,
      Math.min(b, e),
      min,
    );
  return finding(
    false,
    {
      key: 'auditsIncomplete',
      params: { min, baseline: b, end: e, statements: unsure.join(', '), count: unsure.length },
    },
    `Each audit must rate at least ${min}% of statements Fully, Partially or Not yet met (baseline ${b}%, end ${e}%). "Don't know" or blank: ${list(unsure)}.`,
    Math.min(b, e),
    min,
  );
}

function overallAtLeast(end: AwardAudit | null, min: number): Finding {
  if (!end || end.overall === null)
    return finding(
      false,
      { key: 'overallMissing', params: { min } },
      `No end audit score yet; needs at least ${min}% overall.`,
      null,
      min,
    );
  const o = one(end.overall);
  return finding(
    atLeast(end.overall, min),
    { key: 'overall', params: { overall: o, min } },
    `End audit overall ${o}%, needs at least ${min}% ("Don't know" and blank count as not met).`,
    end.overall,
    min,
  );
}

function everyArea(end: AwardAudit | null, min: number): Finding {
  if (!end || end.overall === null)
    return finding(
      false,
      { key: 'areaMissing', params: { min } },
      `No end audit score yet; every area needs at least ${min}%.`,
      null,
      min,
    );
  const scored = end.areas.map((a) => ({ area: a.area, percent: a.percent ?? 0 }));
  const lowest = scored.reduce((l, a) => (a.percent < l.percent ? a : l), scored[0]!);
  const below = scored.filter((a) => !atLeast(a.percent, min));
  if (below.length === 0)
    return finding(
      true,
      { key: 'areaMet', params: { min, area: lowest.area, lowest: one(lowest.percent) } },
      `Every area of the end audit is at least ${min}%; the lowest is area ${lowest.area} at ${one(lowest.percent)}%.`,
      lowest.percent,
      min,
    );
  const which = below.map((a) => `${a.area} (${one(a.percent)}%)`);
  return finding(
    false,
    { key: 'areaBelow', params: { min, below: which.join(', '), count: below.length } },
    `In the end audit, ${below.length === 1 ? 'area' : 'areas'} ${list(which)} ${below.length === 1 ? 'is' : 'are'} below ${min}%; every area needs at least ${min}%.`,
    lowest.percent,
    min,
  );
}

function attainment(input: AwardInput, rules: AwardRules): Finding {
  const { minGain, orMinOverall } = rules.silver;
  const from = input.audits.baseline?.overall ?? null;
  const to = input.audits.end?.overall ?? null;
  if (to === null || from === null)
    return finding(
      false,
      { key: 'attainmentMissing', params: { minGain, orMin: orMinOverall } },
      `Needs both audits: a gain of at least ${minGain} points, or an end overall of at least ${orMinOverall}%.`,
      null,
      minGain,
    );
  const gain = to - from;
  const g = one(gain);
  if (atLeast(gain, minGain))
    return finding(
      true,
      { key: 'attainmentGain', params: { gain: g, from: one(from), to: one(to), minGain } },
      `Overall gain ${g} points (${one(from)}% → ${one(to)}%), at least ${minGain}.`,
      gain,
      minGain,
    );
  if (atLeast(to, orMinOverall))
    return finding(
      true,
      { key: 'attainmentHigh', params: { overall: one(to), orMin: orMinOverall } },
      `End overall ${one(to)}% is at least ${orMinOverall}%: a school that started strong is not held back by a small gain.`,
      to,
      orMinOverall,
    );
  return finding(
    false,
    {
      key: 'attainmentShort',
      params: { gain: g, from: one(from), to: one(to), minGain, orMin: orMinOverall },
    },
    `Overall gain ${g} points (${one(from)}% → ${one(to)}%): needs a gain of at least ${minGain} points, or an end overall of at least ${orMinOverall}%.`,
    gain,
    minGain,
  );
}

function actionsDone(plan: AwardInput['plan'], min: number): Finding {
  if (!plan)
    return finding(
      false,
      { key: 'actionsDoneNoPlan', params: { min } },
      `No action plan yet; needs at least ${min}% of its actions done.`,
      null,
      min,
    );
  if (plan.counted === 0)
    return finding(
      false,
      { key: 'actionsDoneNone', params: { min } },
      `No actions to count; needs at least ${min}% done.`,
      null,
      min,
    );
  const percent = (plan.done * 100) / plan.counted;
  const notCounting = plan.dropped > 0 ? `, not counting ${plan.dropped} dropped` : '';
  return finding(
    atLeast(percent, min),
    {
      key: 'actionsDone',
      params: {
        done: plan.done,
        count: plan.counted,
        dropped: plan.dropped,
        percent: one(percent),
        min,
      },
    },
    `${plan.done} of ${plural(plan.counted, 'action', 'actions')} done (${one(percent)}%${notCounting}), needs at least ${min}%.`,
    percent,
    min,
  );
}

function perceptionGroups(input: AwardInput, min: number): Finding {
  const shown = input.perception.groups.filter((g) => 'value' in g.people && g.people.value > 0);
  const names = shown.map((g) => STAKEHOLDER_NAMES[g.stakeholder] ?? g.stakeholder);
  return finding(
    shown.length >= min,
    { key: 'perceptionGroups', params: { count: shown.length, groups: names.join(', '), min } },
    shown.length === 0
      ? `No perception survey results can be shown yet; needs results from at least ${min} stakeholder groups (each with at least 10 people).`
      : `Perception results from ${plural(shown.length, 'stakeholder group', 'stakeholder groups')} (${list(names)}), needs at least ${min}.`,
    shown.length,
    min,
  );
}

function agreementGapsClosed(input: AwardInput): Finding {
  if (!input.perception.measured)
    return finding(
      false,
      { key: 'gapsNoPerception', params: {} },
      'No perception surveys at the end, so agreement gaps cannot be checked.',
    );
  const open = input.perception.gaps.filter((g) => g.status === 'open').map((g) => g.statement);
  if (input.perception.gaps.length === 0)
    return finding(true, { key: 'gapsNone', params: {} }, 'No agreement gaps at the baseline.');
  if (open.length === 0)
    return finding(
      true,
      { key: 'gapsResolved', params: { count: input.perception.gaps.length } },
      `Every agreement gap of the baseline improved or is addressed in the plan (${input.perception.gaps.length}).`,
    );
  return finding(
    false,
    { key: 'gapsOpen', params: { count: open.length, statements: open.join(', ') } },
    `Agreement gaps neither improved nor addressed in the plan: ${list(open)}.`,
    open.length,
    0,
  );
}

/** Counts and base of a published cell, when its percentage is shown. */
const shownCounts = (c: PublishedCell | null) =>
  c && 'value' in c.percent && 'value' in c.count && 'value' in c.base
    ? { count: c.count.value, base: c.base.value, percent: c.percent.value }
    : null;

/**
 * Pupil outcomes for one group, every pool: not worse (no significant rise), worse (a significant
 * rise), a rise of at least `noticeableRise` points that is not significant (for judgement), or
 * not shown (for judgement — never met automatically).
 */
function outcome(group: OutcomeGroup, input: AwardInput, rules: AwardRules): Finding {
  const name = GROUP_NAMES[group];
  const mine = input.outcomes.filter((o) => o.group === group);
  if (mine.length === 0)
    return finding(
      'needs-judgement',
      { key: 'outcomeMissing', params: { group } },
      `${name}: no frequent-victimisation figures at both waves, so the moderator must judge pupil outcomes.`,
    );
  const judged: Finding[] = mine.map((o) => {
    const pool = poolName(o.pool);
    const many = input.outcomes.some((x) => x.pool !== o.pool);
    const where = many ? ` (${pool})` : '';
    const a = shownCounts(o.baseline);
    const b = shownCounts(o.end);
    if (!a || !b)
      return finding(
        'needs-judgement',
        { key: 'outcomeHidden', params: { group, pool: o.pool } },
        `${name}${where}: the figures are hidden to protect privacy (too few pupils to publish at a wave). This does not mean no pupils were affected; the moderator must judge, for example from the trust or LA figure.`,
      );
    const c = compareWaves(a, b, {
      direction: 'higher-is-worse',
      confidence: rules.outcomes.confidence,
    });
    const rise = b.percent - a.percent;
    const params = { group, pool: o.pool, baseline: a.percent, end: b.percent };
    if (c.direction === 'worse')
      return finding(
        false,
        { key: 'outcomeWorse', params },
        `${name}${where} frequently bullied: ${a.percent}% at baseline, ${b.percent}% at the end — significantly higher.`,
        b.percent,
        a.percent,
      );
    if (rise >= rules.outcomes.noticeableRise)
      return finding(
        'needs-judgement',
        { key: 'outcomeRise', params: { ...params, rise } },
        `${name}${where} frequently bullied rose from ${a.percent}% to ${b.percent}% (${rise} points). Too few pupils to tell whether this is a real change, so the moderator must judge it.`,
        b.percent,
        a.percent,
      );
    return finding(
      true,
      { key: 'outcomeNotWorse', params },
      `${name}${where} frequently bullied: ${a.percent}% at baseline, ${b.percent}% at the end — not significantly higher.`,
      b.percent,
      a.percent,
    );
  });
  return (
    judged.find((f) => f.status === 'not-met') ??
    judged.find((f) => f.status === 'needs-judgement') ??
    judged[0]!
  );
}

function wellbeingHeld(input: AwardInput, rules: AwardRules): Finding {
  if (input.wellbeing.length === 0)
    return finding(
      'needs-judgement',
      { key: 'wellbeingNotMeasured', params: {} },
      'The questionnaire used has no wellbeing measure, so the moderator must judge wellbeing.',
    );
  const judged = input.wellbeing.map((w) => {
    const pool = poolName(w.pool);
    const many = input.wellbeing.length > 1;
    const where = many ? ` (${pool})` : '';
    const stat = (c: PublishedScoreCell | null) =>
      c && 'value' in c.n && 'value' in c.mean && 'value' in c.sd
        ? {
            n: c.n.value,
            sum: c.mean.value * c.n.value,
            sumSquares: c.sd.value ** 2 * (c.n.value - 1) + c.n.value * c.mean.value ** 2,
          }
        : null;
    const a = stat(w.baseline);
    const b = stat(w.end);
    if (!a || !b)
      return finding(
        'needs-judgement',
        { key: 'wellbeingHidden', params: { pool: w.pool } },
        `Wellbeing${where}: the averages are hidden to protect privacy (too few pupils to publish), so the moderator must judge.`,
      );
    const c = compareMeans(a, b, { direction: w.direction, confidence: rules.outcomes.confidence });
    const better = w.direction === 'higher-is-better' ? 'higher' : 'lower';
    const params = {
      pool: w.pool,
      baseline: one(a.sum / a.n),
      end: one(b.sum / b.n),
      better,
    } as const;
    return c.direction === 'worse'
      ? finding(
          false,
          { key: 'wellbeingWorse', params },
          `Wellbeing${where} significantly worse: mean ${params.baseline} at baseline, ${params.end} at the end (${better} is better).`,
        )
      : finding(
          true,
          { key: 'wellbeingNotWorse', params },
          `Wellbeing${where} not significantly worse: mean ${params.baseline} at baseline, ${params.end} at the end (${better} is better).`,
        );
  });
  return (
    judged.find((f) => f.status === 'not-met') ??
    judged.find((f) => f.status === 'needs-judgement') ??
    judged[0]!
  );
}

/**
 * Recommends an award for moderation (domain.md §4, revised defaults; each with its reason in the
 * README):
 *
 * - **Eligible** (else a certificate of participation): both audits, both questionnaires with
 *   respondents, an action plan with at least 3 actions (each with an owner and a deadline), and
 *   evidence in every area — an item with a kind and a description of real length, counted once.
 * - **Every level** (with Bronze): both audits rate at least 90% of statements definitely; pupil
 *   outcomes — frequent victimisation for all pupils, pupils with SEND and pupils on free school
 *   meals not significantly higher, and wellbeing not significantly worse. A group that cannot be
 *   published, or a noticeable rise that cannot be tested, needs the moderator's judgement.
 * - **Bronze:** end overall ≥ 50%, no area below 25% ("Don't know" and blank count as not met).
 * - **Silver:** overall ≥ 70%; a gain of ≥ 10 points **or** an end overall ≥ 85%; ≥ 75% of actions
 *   done; perception results from ≥ 2 stakeholder groups.
 * - **Gold:** overall ≥ 85%, every area ≥ 70%, every baseline agreement gap improved or addressed.
 *
 * `level` is the highest level whose criteria (and every lower level's) are all met; a criterion
 * that needs judgement holds the level below it, and `levelIfJudged` says where the school would be
 * if the moderator judges every such criterion met.
 */
export function recommendAward(
  input: AwardInput,
  rules: AwardRules = AwardRules.parse({}),
  options: { control?: DisclosureControl } = {},
): AwardRecommendation {
  const control = options.control ?? DEFAULT_DISCLOSURE_CONTROL;
  const { baseline, end } = input.audits;
  const found: [AwardCriterionId, AwardLevel, Finding][] = [
    ['eligibility.baseline-audit', 'participation', auditPresent('baseline', baseline)],
    [
      'eligibility.baseline-questionnaire',
      'participation',
      questionnairePresent('baseline', input.questionnaires.baseline, control),
    ],
    ['eligibility.action-plan', 'participation', planPresent(input.plan, rules)],
    ['eligibility.end-audit', 'participation', auditPresent('end', end)],
    [
      'eligibility.end-questionnaire',
      'participation',
      questionnairePresent('end', input.questionnaires.end, control),
    ],
    ['eligibility.evidence', 'participation', evidencePresent(input, rules)],
    ['bronze.complete-audits', 'bronze', completeAudits(input, rules)],
    ['bronze.pupil-outcomes.all', 'bronze', outcome('all', input, rules)],
    ['bronze.pupil-outcomes.send', 'bronze', outcome('send', input, rules)],
    ['bronze.pupil-outcomes.fsm', 'bronze', outcome('fsm', input, rules)],
    ['bronze.wellbeing', 'bronze', wellbeingHeld(input, rules)],
    ['bronze.min-overall', 'bronze', overallAtLeast(end, rules.bronze.minOverall)],
    ['bronze.min-area', 'bronze', everyArea(end, rules.bronze.minArea)],
    ['silver.min-overall', 'silver', overallAtLeast(end, rules.silver.minOverall)],
    ['silver.attainment', 'silver', attainment(input, rules)],
    ['silver.min-actions-done', 'silver', actionsDone(input.plan, rules.silver.minActionsDone)],
    ['silver.perception', 'silver', perceptionGroups(input, rules.silver.minStakeholderGroups)],
    ['gold.min-overall', 'gold', overallAtLeast(end, rules.gold.minOverall)],
    ['gold.every-area', 'gold', everyArea(end, rules.gold.minArea)],
    ...(rules.gold.gapsImprovedOrExplained
      ? [
          ['gold.agreement-gaps', 'gold', agreementGapsClosed(input)] as [
            AwardCriterionId,
            AwardLevel,
            Finding,
          ],
        ]
      : []),
  ];
  const criteria = found.map(([id, level, f]): AwardCriterion => ({
    id,
    level,
    status: f.status,
    met: f.status === 'met',
    actual: f.actual,
    required: f.required,
    reason: f.reason,
    message: f.message,
  }));
  const highest = (passes: (c: AwardCriterion) => boolean): AwardLevel => {
    let level: AwardLevel = 'participation';
    for (const candidate of AwardLevel.options) {
      if (criteria.some((c) => c.level === candidate && !passes(c))) break;
      level = candidate;
    }
    return level;
  };
  return {
    level: highest((c) => c.status === 'met'),
    levelIfJudged: highest((c) => c.status !== 'not-met'),
    needsJudgement: criteria.filter((c) => c.status === 'needs-judgement').map((c) => c.id),
    status: 'recommended-for-moderation',
    criteria,
    rules,
  };
}

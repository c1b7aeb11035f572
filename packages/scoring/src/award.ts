/**
 * The award recommendation (domain.md §4): which of Bronze, Silver or Gold (or a certificate of
 * participation) the evidence supports, with every criterion, the figures behind it and a
 * plain-English reason. A recommendation for moderation, never a bare label. Pure: no DOM, no
 * clock, no locale; every threshold comes from the tenant's `AwardRules` or an option.
 */
import {
  AwardLevel,
  AwardRules,
  DEFAULT_DISCLOSURE_CONTROL,
  type ActionPlan,
  type AwardMessage,
  type DisclosureControl,
  type AwardCriterion,
  type AwardRecommendation,
} from '@all-together/model';
import { compareMeans, compareWaves, type ChangeDirection } from './compare.js';
import { countActions } from './plan.js';
import type { AuditScores, MeanStat, OutcomeComparison } from './types.js';

/** Everything a recommendation rests on. Missing pieces are `null`, never guessed. */
export interface AwardInput {
  baselineAudit: AuditScores | null;
  endAudit: AuditScores | null;
  baselineQuestionnaire: { respondents: number } | null;
  endQuestionnaire: { respondents: number } | null;
  plan: ActionPlan | null;
  /** Pieces of evidence per audit area in the end audit, keyed by area number (missing = 0). */
  evidencePerArea: Record<number, number>;
  /** Frequent victimisation at baseline and end for the groups `all`, `send` and `fsm`. */
  pupilOutcomes: OutcomeComparison[];
  /** Mean wellbeing scores; `higherIsBetter` is false for the default scale (higher = worse). */
  wellbeing?: { baseline: MeanStat; end: MeanStat; higherIsBetter: boolean };
}

/** Options for {@link recommendAward}. */
export interface RecommendAwardOptions {
  /**
   * A pupil group with fewer pupils than this at either wave is not reportable: it is listed as such
   * and does not block Gold. Default 10 (the disclosure-control minimum cell size).
   */
  minBase?: number;
  /** Confidence level of the baseline interval and of the wellbeing test; default 0.95. */
  confidence?: number;
  /**
   * Disclosure control for the figures written into reasons (reliability.md D1, D4); default
   * `DEFAULT_DISCLOSURE_CONTROL`. A reason never states a count of pupils; it states a group's
   * percentages, interval or mean scores only where `publishProportion` / `publishMean` would show
   * them (a base of at least `minBaseForPercentage`, 20 by default, at both waves), and otherwise
   * says `[c]`: hidden to protect privacy. A number of respondents below `minCellSize` is written
   * as "fewer than k". The decision (met or not) still rests on the exact figures.
   */
  control?: DisclosureControl;
}

const OUTCOME_GROUPS = ['all', 'send', 'fsm'] as const;
const GROUP_NAMES: Readonly<Record<OutcomeComparison['group'], string>> = {
  all: 'All pupils',
  send: 'SEND pupils',
  fsm: 'FSM pupils',
};

function rounded(x: number, places: number): string {
  const f = 10 ** places;
  const r = Math.round(x * f) / f;
  return String(r === 0 ? 0 : r);
}

/**
 * A number to one decimal place; with `against`, as many more places (up to 6) as it takes for a
 * value that differs from its threshold not to print as the threshold ("69.96%, needs 70%").
 */
function fmt(x: number, against?: number): string {
  let places = 1;
  if (against !== undefined && x !== against) {
    while (places < 6 && rounded(x, places) === rounded(against, places)) places++;
  }
  return rounded(x, places);
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function list(items: readonly string[]): string {
  return items.length < 2
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A criterion's fields other than its id and level, which each builder fixes. */
type Finding = Omit<AwardCriterion, 'id' | 'level'> & { message: AwardMessage };

/** A reason and its machine-readable twin. */
const says = (
  key: string,
  params: AwardMessage['params'],
  reason: string,
): { reason: string; message: AwardMessage } => ({ reason, message: { key, params } });

/** A number as published in a message: rounded as in the English reason. */
const num = (x: number, against?: number) => Number(fmt(x, against));

const areaWord = (n: number) => (n === 1 ? 'area' : 'areas');

function auditFinding(wave: 'baseline' | 'end', audit: AuditScores | null): Finding {
  const met = audit !== null && audit.overall !== null;
  const said = !audit
    ? says('auditMissing', { wave }, `No ${wave} audit yet.`)
    : audit.overall === null
      ? says('auditUnrated', { wave }, `The ${wave} audit has no rated statements yet.`)
      : says(
          'auditDone',
          { wave, overall: num(audit.overall) },
          `${wave === 'baseline' ? 'Baseline' : 'End'} audit completed: overall ${fmt(audit.overall)}%.`,
        );
  return { met, actual: met, required: true, ...said };
}

function questionnaireFinding(
  wave: 'baseline' | 'end',
  questionnaire: { respondents: number } | null,
  control: DisclosureControl,
): Finding {
  if (!questionnaire) {
    const said = says('questionnaireMissing', { wave }, `No ${wave} questionnaire yet.`);
    return { met: false, actual: null, required: 1, ...said };
  }
  const { respondents } = questionnaire;
  if (!(Number.isInteger(respondents) && respondents >= 0)) {
    throw new RangeError(
      `recommendAward: the ${wave} questionnaire's respondents must be a whole number ≥ 0, got ${respondents}.`,
    );
  }
  const name = `${wave === 'baseline' ? 'Baseline' : 'End'} questionnaire`;
  const k = control.minCellSize;
  // D1: a number of respondents below k is a figure resting on fewer than k pupils.
  const said =
    respondents === 0
      ? says('questionnaireEmpty', { wave }, `The ${wave} questionnaire has no respondents yet.`)
      : respondents < k
        ? says(
            'questionnaireFew',
            { wave, min: k },
            `${name} answered by fewer than ${k} pupils (the number is hidden to protect privacy).`,
          )
        : says(
            'questionnaireDone',
            { wave, count: respondents },
            `${name} answered by ${plural(respondents, 'pupil', 'pupils')}.`,
          );
  return {
    met: respondents > 0,
    actual: respondents >= k ? respondents : null,
    required: 1,
    ...said,
  };
}

function planFinding(plan: ActionPlan | null, rules: AwardRules['eligibility']): Finding {
  const min = rules.minActions;
  const each = rules.actionsNeedOwnerAndDeadline ? ', each with an owner and a deadline' : '';
  const needs = rules.actionsNeedOwnerAndDeadline ? 'OwnerDeadline' : '';
  if (!plan) {
    const reason = `No action plan yet; it needs at least ${min}${each}.`;
    return {
      met: false,
      actual: null,
      required: min,
      ...says(`planMissing${needs}`, { min }, reason),
    };
  }
  // The plan's schema requires an owner and a deadline on every action: only dropped ones are left out.
  const { dropped, counted } = countActions(plan);
  const notCounting = dropped > 0 ? ` (not counting ${dropped} dropped)` : '';
  const reason = `Action plan has ${plural(counted, 'action', 'actions')}${notCounting}, needs at least ${min}${each}.`;
  const said = says(`planActions${needs}`, { count: counted, dropped, min }, reason);
  return { met: counted >= min, actual: counted, required: min, ...said };
}

function evidenceFinding(
  end: AuditScores | null,
  evidencePerArea: Record<number, number>,
  min: number,
): Finding {
  const pieces = plural(min, 'piece', 'pieces');
  if (!end || end.areas.length === 0) {
    const reason = `No end audit yet, so evidence cannot be counted; every area needs at least ${pieces}.`;
    return { met: false, actual: null, required: min, ...says('evidenceNoAudit', { min }, reason) };
  }
  const counts = end.areas.map(({ area }) => {
    const count = Object.hasOwn(evidencePerArea, String(area)) ? evidencePerArea[area]! : 0;
    if (!(Number.isFinite(count) && count >= 0)) {
      throw new RangeError(
        `recommendAward: evidence for area ${area} must be a number ≥ 0, got ${count}.`,
      );
    }
    return { area, count };
  });
  const fewest = Math.min(...counts.map((c) => c.count));
  const short = counts.filter((c) => c.count < min).map((c) => `${c.area} (${c.count})`);
  const said =
    short.length === 0
      ? says(
          'evidenceMet',
          { fewest, min },
          `Evidence in every area of the end audit: at least ${fewest} each, needs at least ${min}.`,
        )
      : says(
          'evidenceShort',
          { count: short.length, areas: short.join(', '), min },
          `Not enough evidence in ${areaWord(short.length)} ${list(short)}; every area of the end audit needs at least ${pieces}.`,
        );
  return { met: short.length === 0, actual: fewest, required: min, ...said };
}

function overallFinding(end: AuditScores | null, min: number): Finding {
  const overall = end?.overall ?? null;
  const said =
    overall === null
      ? says(
          'overallMissing',
          { min: num(min) },
          `No end audit score yet; needs at least ${fmt(min)}% overall.`,
        )
      : says(
          'overall',
          { overall: num(overall, min), min: num(min) },
          `End audit overall ${fmt(overall, min)}%, needs at least ${fmt(min)}%.`,
        );
  return { met: overall !== null && overall >= min, actual: overall, required: min, ...said };
}

function areaFinding(end: AuditScores | null, min: number): Finding {
  const needs = `every area needs at least ${fmt(min)}%`;
  if (!end || end.areas.length === 0) {
    const said = says('areaMissing', { min: num(min) }, `No end audit score yet; ${needs}.`);
    return { met: false, actual: null, required: min, ...said };
  }
  const scored = end.areas.flatMap((a) =>
    a.percent === null ? [] : [{ ...a, percent: a.percent }],
  );
  const lowest = scored.reduce<(typeof scored)[number] | null>(
    (low, a) => (low === null || a.percent < low.percent ? a : low),
    null,
  );
  const below = scored.filter((a) => a.percent < min);
  // An area with no score (nothing rated) cannot be shown to reach the threshold.
  const unscored = end.areas.filter((a) => a.percent === null).map((a) => String(a.area));
  const met = below.length === 0 && unscored.length === 0;
  const parts: string[] = [];
  if (below.length > 0) {
    const which = below.map((a) => `${a.area} (${fmt(a.percent, min)}%)`);
    parts.push(
      `${areaWord(below.length)} ${list(which)} ${below.length === 1 ? 'is' : 'are'} below ${fmt(min)}%`,
    );
  }
  if (unscored.length > 0) {
    parts.push(
      `${areaWord(unscored.length)} ${list(unscored)} ${unscored.length === 1 ? 'has' : 'have'} no score (nothing rated)`,
    );
  }
  const said =
    met && lowest
      ? says(
          'areaMet',
          { min: num(min), area: lowest.area, lowest: num(lowest.percent) },
          `Every area of the end audit is at least ${fmt(min)}%; the lowest is area ${lowest.area} at ${fmt(lowest.percent)}%.`,
        )
      : says(
          below.length > 0 && unscored.length > 0
            ? 'areaBelowUnscored'
            : below.length > 0
              ? 'areaBelow'
              : 'areaUnscored',
          {
            min: num(min),
            below: below.map((a) => `${a.area} (${fmt(a.percent, min)}%)`).join(', '),
            belowCount: below.length,
            unscored: unscored.join(', '),
            unscoredCount: unscored.length,
          },
          `In the end audit, ${parts.join(', and ')}; ${needs}.`,
        );
  return { met, actual: lowest?.percent ?? null, required: min, ...said };
}

function gainFinding(baseline: AuditScores | null, end: AuditScores | null, min: number): Finding {
  const from = baseline?.overall ?? null;
  const to = end?.overall ?? null;
  if (from === null || to === null) {
    const reason = `The gain needs a scored baseline and end audit; needs at least ${fmt(min)} points.`;
    return {
      met: false,
      actual: null,
      required: min,
      ...says('gainMissing', { min: num(min) }, reason),
    };
  }
  const gain = to - from;
  const shown = fmt(gain, min);
  const points = shown === '1' ? 'point' : 'points';
  const reason = `Overall gain ${shown} ${points} (${fmt(from)}% → ${fmt(to)}%), needs at least ${fmt(min)}.`;
  const said = says(
    'gain',
    { gain: Number(shown), from: num(from), to: num(to), min: num(min) },
    reason,
  );
  return { met: gain >= min, actual: gain, required: min, ...said };
}

function actionsDoneFinding(plan: ActionPlan | null, min: number): Finding {
  if (!plan) {
    const reason = `No action plan yet; needs at least ${fmt(min)}% of its actions done.`;
    const said = says('actionsDoneNoPlan', { min: num(min) }, reason);
    return { met: false, actual: null, required: min, ...said };
  }
  const { done, dropped, counted, percentDone } = countActions(plan);
  if (percentDone === null) {
    const why = plan.actions.length === 0 ? 'the plan has none' : 'every action is dropped';
    const reason = `No actions to count (${why}); needs at least ${fmt(min)}% done.`;
    const key = plan.actions.length === 0 ? 'actionsDoneNone' : 'actionsDoneAllDropped';
    return { met: false, actual: null, required: min, ...says(key, { min: num(min) }, reason) };
  }
  const percent = percentDone;
  const notCounting = dropped > 0 ? `, not counting ${dropped} dropped` : '';
  const reason = `${done} of ${plural(counted, 'action', 'actions')} done (${fmt(percent, min)}%${notCounting}), needs at least ${fmt(min)}%.`;
  const said = says(
    'actionsDone',
    { done, count: counted, dropped, percent: num(percent, min), min: num(min) },
    reason,
  );
  return { met: percent >= min, actual: percent, required: min, ...said };
}

function outcomeFinding(
  group: OutcomeComparison['group'],
  outcome: OutcomeComparison | undefined,
  required: boolean,
  minBase: number,
  confidence: number,
  control: DisclosureControl,
): Finding {
  const name = GROUP_NAMES[group];
  const notBlocking = (said: ReturnType<typeof says>): Finding => ({
    met: true,
    actual: null,
    required: null,
    ...said,
  });
  if (!required) {
    return notBlocking(
      says(
        'outcomeNotRequired',
        { group },
        `${name}, frequent victimisation: not required by these award rules.`,
      ),
    );
  }
  if (!outcome) {
    // A group's figures may be missing because the characteristic is not recorded: not reportable.
    // Without figures for all pupils, though, nothing shows that outcomes are not worse.
    return group === 'all'
      ? {
          met: false,
          actual: null,
          required: null,
          ...says(
            'outcomeAllMissing',
            { group },
            'No frequent-victimisation figures for all pupils were given, so pupil outcomes cannot be checked.',
          ),
        }
      : notBlocking(
          says(
            'outcomeMissing',
            { group },
            `${name}: not reportable (no figures given), so this does not block Gold.`,
          ),
        );
  }
  const { baseline, end } = outcome;
  if (baseline.base < minBase || end.base < minBase) {
    // D1: neither base is stated; only that one of them is below the minimum.
    return notBlocking(
      says(
        'outcomeNotReportable',
        { group, min: minBase },
        `${name}: not reportable (fewer than ${minBase} pupils at a wave), so this does not block Gold.`,
      ),
    );
  }
  const c = compareWaves(baseline, end, { higherIsBetter: false, confidence });
  // Both bases are at least minBase ≥ 1, so both percentages and the interval exist.
  const upper = c.time1.interval!.upper;
  const atEnd = c.time2.percent!;
  const met = atEnd <= upper;
  const level = fmt(confidence * 100);
  // D1, D4: percentages (and the interval built on them) only where publishProportion would show
  // them, at both waves (D7); never a count. The decision above still uses the exact figures.
  const minShown = Math.max(control.minBaseForPercentage, control.minCellSize);
  if (baseline.base < minShown || end.base < minShown) {
    const verdict = met ? 'not worse' : 'worse';
    return {
      met,
      actual: null,
      required: null,
      ...says(
        met ? 'outcomeHiddenNotWorse' : 'outcomeHiddenWorse',
        { group, symbol: '[c]', min: minShown, level: Number(level) },
        `${name} frequently victimised: [c] — fewer than ${minShown} pupils at a wave, so the figures are hidden to protect privacy. Judged on the exact figures against the ${level}% interval, this is ${verdict}.`,
      ),
    };
  }
  const params = {
    group,
    end: num(atEnd, upper),
    baseline: num(c.time1.percent!),
    level: Number(level),
    upper: num(upper),
  };
  const endText = `${fmt(atEnd, upper)}% at the end`;
  const baseText = `${fmt(c.time1.percent!)}% at baseline (${level}% interval up to ${fmt(upper)}%)`;
  const said = met
    ? says(
        'outcomeNotWorse',
        params,
        `${name} frequently victimised: ${endText} against ${baseText}, so not worse.`,
      )
    : says(
        'outcomeWorse',
        params,
        `${name} frequently victimised: ${endText}, above the upper limit of ${baseText}.`,
      );
  return { met, actual: atEnd, required: upper, ...said };
}

function pValueText(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${rounded(p, 3)}`;
}

const WELLBEING_VERDICTS: Readonly<Record<ChangeDirection, string>> = {
  improved: 'Wellbeing significantly better',
  worse: 'Wellbeing significantly worse',
  'no-significant-change': 'Wellbeing not significantly different',
  'not-comparable': 'Wellbeing not comparable',
};
const WELLBEING_KEYS: Readonly<Record<ChangeDirection, string>> = {
  improved: 'wellbeingBetter',
  worse: 'wellbeingWorse',
  'no-significant-change': 'wellbeingSame',
  'not-comparable': 'wellbeingNotComparable',
};

function wellbeingFinding(
  wellbeing: AwardInput['wellbeing'],
  required: boolean,
  confidence: number,
  control: DisclosureControl,
): Finding {
  const notBlocking = (said: ReturnType<typeof says>): Finding => ({
    met: true,
    actual: null,
    required: null,
    ...said,
  });
  if (!required) {
    return notBlocking(
      says('wellbeingNotRequired', {}, 'Wellbeing: not required by these award rules.'),
    );
  }
  if (!wellbeing) {
    return notBlocking(says('wellbeingMissing', {}, 'Wellbeing: no scores given, so not checked.'));
  }
  const { higherIsBetter } = wellbeing;
  const c = compareMeans(wellbeing.baseline, wellbeing.end, { higherIsBetter, confidence });
  if (!c.test || c.time1.mean === null || c.time2.mean === null) {
    const reason =
      'Wellbeing: the mean scores cannot be tested (fewer than 2 scores at a wave, or no spread at either), so not shown to be worse.';
    return { met: true, actual: null, required: null, ...says('wellbeingUntestable', {}, reason) };
  }
  const met = c.direction !== 'worse';
  // D1, D4: a mean on a small base can tell every member's score (publishMean hides it).
  const minShown = Math.max(control.minBaseForPercentage, control.minCellSize);
  if (wellbeing.baseline.n < minShown || wellbeing.end.n < minShown) {
    const verdict = met ? 'not significantly worse' : 'significantly worse';
    return {
      met,
      actual: null,
      required: null,
      ...says(
        met ? 'wellbeingHiddenNotWorse' : 'wellbeingHiddenWorse',
        { symbol: '[c]', min: minShown },
        `Wellbeing: [c] — fewer than ${minShown} scores at a wave, so the means are hidden to protect privacy. Judged on the exact figures, it is ${verdict}.`,
      ),
    };
  }
  const better = higherIsBetter ? 'higher' : 'lower';
  const p = pValueText(c.test.pValue);
  const figures = `mean ${fmt(c.time1.mean)} at baseline, ${fmt(c.time2.mean)} at the end (${better} is better; ${p})`;
  const said = says(
    WELLBEING_KEYS[c.direction],
    {
      baseline: num(c.time1.mean),
      end: num(c.time2.mean),
      better,
      p: c.test.pValue < 0.001 ? '< 0.001' : `= ${rounded(c.test.pValue, 3)}`,
    },
    `${WELLBEING_VERDICTS[c.direction]}: ${figures}.`,
  );
  return { met, actual: c.difference, required: null, ...said };
}

/**
 * Recommends an award for moderation (domain.md §4) from a school's audits, questionnaires, action
 * plan, evidence and pupil outcomes, with the tenant's `rules` (default `AwardRules.parse({})`):
 *
 * - **Eligible**: a scored baseline audit, a baseline questionnaire with respondents, an action plan
 *   with at least `minActions` actions that are not dropped (each has an owner and a deadline: the
 *   plan's schema requires both), a scored end audit, an end questionnaire with respondents, and at
 *   least `minEvidencePerArea` pieces of evidence in every area of the end audit;
 * - **Bronze**: eligible, end overall ≥ `bronze.minOverall` and no area below `bronze.minArea` (an
 *   area with no score cannot be shown to reach it, so it fails);
 * - **Silver**: Bronze, overall ≥ `silver.minOverall`, gain (end − baseline overall) ≥
 *   `silver.minGain` points, and done ÷ (total − dropped) × 100 ≥ `silver.minActionsDone`;
 * - **Gold**: Silver, overall ≥ `gold.minOverall`, every area ≥ `gold.minArea`, and (when the rules
 *   ask) pupil outcomes not worse: for all, SEND and FSM pupils, frequent victimisation at the end
 *   is not above the upper limit of the baseline's Wilson interval (95%). A group with fewer than
 *   `minBase` pupils at either wave, or with no figures given, is not reportable: listed as such and
 *   not blocking; missing figures for all pupils do block. Wellbeing, when given, must not be
 *   significantly worse ({@link compareMeans}).
 *
 * The level is the highest whose criteria, and every lower level's, are all met; otherwise
 * `participation` (a certificate of participation). Every criterion is listed, even above a level
 * that failed, so the school sees all it needs. The result is a recommendation for the LA, MAT or
 * programme to moderate, with `rules` echoed.
 *
 * @throws RangeError when `minBase` is not a whole number ≥ 1, `confidence` is not between 0 and 1,
 *   a group appears twice in `pupilOutcomes`, or a count is not valid.
 * @example
 * const recommendation = recommendAward({
 *   baselineAudit, // overall 50%
 *   endAudit, //      overall 72%, areas 60, 75, 75, 70, 75, 75
 *   baselineQuestionnaire: { respondents: 212 },
 *   endQuestionnaire: { respondents: 198 },
 *   plan, //          8 actions: 6 done, 1 in progress, 1 dropped
 *   evidencePerArea: { 1: 3, 2: 2, 3: 1, 4: 4, 5: 2, 6: 1 },
 *   pupilOutcomes: [{ group: 'all', baseline: { count: 49, base: 212 }, end: { count: 40, base: 198 } }],
 * });
 * recommendation.level; // 'silver'
 * recommendation.criteria.find((c) => c.id === 'silver.min-overall')?.reason;
 * // 'End audit overall 72%, needs at least 70%.'
 * recommendation.criteria.filter((c) => !c.met).map((c) => c.id); // ['gold.min-overall', 'gold.every-area']
 */
export function recommendAward(
  input: AwardInput,
  rules: AwardRules = AwardRules.parse({}),
  options: RecommendAwardOptions = {},
): AwardRecommendation {
  const minBase = options.minBase ?? 10;
  const control = options.control ?? DEFAULT_DISCLOSURE_CONTROL;
  const confidence = options.confidence ?? 0.95;
  if (!(Number.isInteger(minBase) && minBase >= 1)) {
    throw new RangeError(`recommendAward: minBase must be a whole number ≥ 1, got ${minBase}.`);
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`recommendAward: confidence must be between 0 and 1, got ${confidence}.`);
  }
  const outcomes = new Map<OutcomeComparison['group'], OutcomeComparison>();
  for (const outcome of input.pupilOutcomes) {
    if (outcomes.has(outcome.group)) {
      throw new RangeError(`recommendAward: pupilOutcomes has the group "${outcome.group}" twice.`);
    }
    outcomes.set(outcome.group, outcome);
  }

  const { baselineAudit, endAudit, plan } = input;
  const { eligibility, bronze, silver, gold } = rules;
  const findings: [string, AwardLevel, Finding][] = [
    ['eligibility.baseline-audit', 'participation', auditFinding('baseline', baselineAudit)],
    [
      'eligibility.baseline-questionnaire',
      'participation',
      questionnaireFinding('baseline', input.baselineQuestionnaire, control),
    ],
    ['eligibility.action-plan', 'participation', planFinding(plan, eligibility)],
    ['eligibility.end-audit', 'participation', auditFinding('end', endAudit)],
    [
      'eligibility.end-questionnaire',
      'participation',
      questionnaireFinding('end', input.endQuestionnaire, control),
    ],
    [
      'eligibility.evidence',
      'participation',
      evidenceFinding(endAudit, input.evidencePerArea, eligibility.minEvidencePerArea),
    ],
    ['bronze.min-overall', 'bronze', overallFinding(endAudit, bronze.minOverall)],
    ['bronze.min-area', 'bronze', areaFinding(endAudit, bronze.minArea)],
    ['silver.min-overall', 'silver', overallFinding(endAudit, silver.minOverall)],
    ['silver.min-gain', 'silver', gainFinding(baselineAudit, endAudit, silver.minGain)],
    ['silver.min-actions-done', 'silver', actionsDoneFinding(plan, silver.minActionsDone)],
    ['gold.min-overall', 'gold', overallFinding(endAudit, gold.minOverall)],
    ['gold.every-area', 'gold', areaFinding(endAudit, gold.minArea)],
    ...OUTCOME_GROUPS.map((group): [string, AwardLevel, Finding] => [
      `gold.pupil-outcomes.${group}`,
      'gold',
      outcomeFinding(
        group,
        outcomes.get(group),
        gold.pupilOutcomesNotWorse,
        minBase,
        confidence,
        control,
      ),
    ]),
    [
      'gold.wellbeing',
      'gold',
      wellbeingFinding(input.wellbeing, gold.wellbeingNotWorse, confidence, control),
    ],
  ];
  const criteria = findings.map(([id, level, f]): AwardCriterion => ({ id, level, ...f }));

  // The highest level whose criteria, and all lower levels' criteria, are met.
  let level: AwardLevel = 'participation';
  // AwardLevel.options runs lowest first.
  for (const candidate of AwardLevel.options) {
    if (criteria.some((c) => c.level === candidate && !c.met)) break;
    level = candidate;
  }
  return { level, status: 'recommended-for-moderation', criteria, rules };
}

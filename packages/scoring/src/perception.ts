/**
 * The live 360° (domain.md §2): how far each stakeholder group (staff, pupils, parents and carers,
 * governors) agrees with the audit's statements, from their perception surveys; that agreement
 * published with people counted and small groups hidden; and the agreement gaps between a lead's
 * rating and what the groups say, which feed the action plan's priorities (`priorities.ts`).
 * Pure functions, every threshold an option with a default.
 */
import {
  itemsOf,
  RatingLevel,
  statementsOf,
  type Audience,
  type AuditDefinition,
  type QuestionnaireDefinition,
  type Rating,
  type StatementId,
  DEFAULT_DISCLOSURE_CONTROL,
  type DisclosureControl,
  type Shown,
} from '@all-together/model';
import type { PerceptionAgreement, Proportion } from './types.js';
import { ratingOf, type AuditRatings } from './ratings.js';

/** One perception-survey response: its answers keyed by item id. */
export interface PerceptionAnswers {
  answers: Readonly<Record<string, string | readonly string[]>>;
}

/**
 * How far one stakeholder group agrees with each perception item that gives evidence on audit
 * statements. Items are found by their declared scoring, never by id: every item with `statements`,
 * scored `values` and an `agree` cut-off (`scoring.cutoffs.agree`) is counted; others are skipped.
 *
 * Per item: `agree.count` = answers whose score is at or above the cut-off; `agree.base` = answers
 * with a scored value; `missing` = answers listed in `scoring.missing` ("Don't know") plus responses
 * that did not answer. An answer that is not one of the item's options (which `validateResponse`
 * refuses) counts as missing, never as agreement, so `base + missing` is always the number of
 * responses. `stakeholder` is the definition's audience.
 *
 * @example
 * // (Items are picked by position here because this package's source never names an item.)
 * const parents = getQuestionnaire('perception-parent-carer');
 * const item = itemsOf(parents)[1]!; // "I know where to find the school's anti-bullying policy." (2.10)
 * const rows = perceptionAgreement(parents, [
 *   { answers: { [item.id]: 'agree' } },
 *   { answers: { [item.id]: 'disagree' } },
 *   { answers: { [item.id]: 'dont-know' } },
 * ]);
 * rows[1];
 * // { stakeholder: 'parent-carer', definition: 'perception-parent-carer', item: item.id,
 * //   statements: ['2.10'], agree: { count: 1, base: 2 }, missing: 1 }
 */
export function perceptionAgreement(
  definition: QuestionnaireDefinition,
  responses: readonly PerceptionAnswers[],
): PerceptionAgreement[] {
  const rows: PerceptionAgreement[] = [];
  for (const item of itemsOf(definition)) {
    const { values, cutoffs } = item.scoring;
    const cutoff = cutoffs.agree;
    if (item.statements.length === 0 || !values || cutoff === undefined) continue;
    const agree: Proportion = { count: 0, base: 0 };
    let unanswered = 0;
    for (const response of responses) {
      const answer = Object.hasOwn(response.answers, item.id)
        ? response.answers[item.id]
        : undefined;
      if (typeof answer === 'string' && Object.hasOwn(values, answer)) {
        agree.base++;
        if (values[answer]! >= cutoff) agree.count++;
      } else {
        // No answer, "Don't know" (declared missing) or a value that is not an option.
        unanswered++;
      }
    }
    rows.push({
      stakeholder: definition.audience,
      definition: definition.id,
      item: item.id,
      statements: [...item.statements],
      agree,
      missing: unanswered,
    });
  }
  return rows;
}

/** One stakeholder survey summarised: how many people answered it, and each item's agreement. */
export interface PerceptionSummary {
  stakeholder: Audience;
  definition: string;
  /** People who answered the survey (one response each). */
  people: number;
  items: PerceptionAgreement[];
}

/**
 * Summarises one stakeholder survey for the 360° view: its people (responses) and, per item linked
 * to statements, agreement among the people who answered it. Every figure counts people, never
 * answers: each person answers an item once.
 */
export function summarisePerception(
  definition: QuestionnaireDefinition,
  responses: readonly PerceptionAnswers[],
): PerceptionSummary {
  return {
    stakeholder: definition.audience,
    definition: definition.id,
    people: responses.length,
    items: perceptionAgreement(definition, responses),
  };
}

/** One stakeholder group's published agreement with one statement. */
export interface PublishedStakeholderAgreement {
  stakeholder: Audience;
  /** People who answered the statement's items (the least-answered one). */
  people: Shown<number>;
  /**
   * Whole-number percentage agreeing, for the statement's weakest linked item (a group agrees with
   * a statement as much as with the item it agrees with least); hidden for fewer than
   * `minAdults` people.
   */
  agree: Shown<number>;
}

/** The 360° perception results, published: adults and pupils counted as people, small groups hidden. */
export interface PublishedPerception {
  stakeholders: { stakeholder: Audience; people: Shown<number> }[];
  statements: { statement: string; groups: PublishedStakeholderAgreement[] }[];
}

/**
 * Publishes perception results (the 360° view) under disclosure control for people, not answers:
 * a group with fewer than `minAdults` (default 10) people is `[c]` (`base`), its agreement too; a
 * statement's agreement for a group is its weakest linked item's. Percentages round half up.
 *
 * A group of fewer than `minAdults` people is hidden in every statement, even one that nobody in
 * it answered: showing that statement as 0 people would tell everyone that each member of the
 * small group said "Don't know" or skipped it (an all-or-none disclosure).
 */
export function publishPerception(
  summaries: readonly PerceptionSummary[],
  control: DisclosureControl = DEFAULT_DISCLOSURE_CONTROL,
): PublishedPerception {
  const k = control.minAdults;
  const hidden = { symbol: '[c]' as const, reason: 'base' as const };
  const people = (n: number): Shown<number> =>
    n === 0 ? { value: 0 } : n < k ? hidden : { value: n };
  const byStatement = new Map<string, PublishedStakeholderAgreement[]>();
  for (const s of summaries) {
    const statements = new Set(s.items.flatMap((i) => i.statements));
    for (const statement of statements) {
      const linked = s.items.filter((i) => i.statements.includes(statement));
      // The weakest item: the lowest share agreeing among those with answers.
      const answered = linked.filter((i) => i.agree.base > 0);
      const weakest = answered.sort(
        (a, b) => a.agree.count * b.agree.base - b.agree.count * a.agree.base,
      )[0];
      const base = weakest?.agree.base ?? 0;
      const small = s.people > 0 && s.people < k;
      const group: PublishedStakeholderAgreement = {
        stakeholder: s.stakeholder,
        people: small ? hidden : people(base),
        agree: small
          ? hidden
          : base === 0
            ? { symbol: '[z]', reason: 'no-pupils' }
            : base < k
              ? hidden
              : { value: Math.floor((200 * weakest!.agree.count + base) / (2 * base)) },
      };
      byStatement.set(statement, [...(byStatement.get(statement) ?? []), group]);
    }
  }
  return {
    stakeholders: summaries.map((s) => ({ stakeholder: s.stakeholder, people: people(s.people) })),
    statements: [...byStatement]
      .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
      .map(([statement, groups]) => ({ statement, groups })),
  };
}

/** One statement's 360° check from published perception results. */
export interface PublishedGap {
  statement: string;
  rating: Rating | null;
  /** The lead said Fully met, and a group whose agreement is shown agrees less than the threshold. */
  gap: boolean;
  /** At least one group's agreement is shown, so the statement could be checked. */
  judged: boolean;
  /** Groups below the threshold. */
  below: Audience[];
}

/**
 * The agreement gaps of the 360° view from **published** perception results (people, not answers;
 * small groups hidden): a gap is a statement the lead rated Fully met that a group with a shown
 * agreement agrees with less than `threshold` (default 60%). Hidden groups never make a gap, and a
 * statement with no shown group is not `judged`.
 */
export function agreementGapsPublished(
  audit: AuditDefinition,
  leadRatings: AuditRatings,
  perception: PublishedPerception,
  options: { threshold?: number } = {},
): PublishedGap[] {
  const threshold = (options.threshold ?? 0.6) * 100;
  const known = new Set(statementsOf(audit).map((s) => s.id as string));
  return perception.statements
    .filter((s) => known.has(s.statement))
    .map((s) => {
      const rating = ratingOf(leadRatings, s.statement) ?? null;
      const shown = s.groups.filter((g) => 'value' in g.agree);
      const below = shown
        .filter((g) => 'value' in g.agree && g.agree.value < threshold)
        .map((g) => g.stakeholder);
      return {
        statement: s.statement,
        rating,
        gap: rating === 'fully-met' && below.length > 0,
        judged: shown.length > 0,
        below,
      };
    });
}

/** Plain-English names of stakeholder groups, used in agreement-gap reasons. */
export const STAKEHOLDER_NAMES: Readonly<Record<Audience, string>> = {
  'pupil-ks1': 'pupils in key stage 1',
  'pupil-ks2': 'pupils in key stage 2',
  'pupil-secondary': 'secondary pupils',
  staff: 'staff',
  'parent-carer': 'parents and carers',
  governor: 'governors',
  'school-lead': 'school leads',
  'cpd-delegate': 'training delegates',
};

const LEVEL_NAMES: Readonly<Record<RatingLevel, string>> = {
  'fully-met': 'Fully met',
  'partially-met': 'Partially met',
  'not-yet-met': 'Not yet met',
};

/** Options for {@link agreementGaps}. */
export interface AgreementGapOptions {
  /** A group agreeing less than this share (0–1) shows a gap; default 0.6 (domain.md §2). */
  threshold?: number;
  /** Answers a group needs before its agreement can show a gap; default 5. */
  minBase?: number;
  /** Names used in reasons; defaults to {@link STAKEHOLDER_NAMES}. */
  stakeholderNames?: Partial<Record<Audience, string>>;
}

/** One stakeholder group's agreement with one statement. */
export interface StakeholderAgreement {
  stakeholder: Audience;
  /** The group's items linked to the statement, summed: agreeing answers of scored answers. */
  agree: Proportion;
  /** agree.count ÷ agree.base × 100, unrounded; null when nobody answered. */
  percent: number | null;
  /** True when `agree.base` is below `minBase`: listed, but never a gap. */
  tooFewAnswers: boolean;
}

/** The 360° check of one statement: the lead's rating against what stakeholders say. */
export interface AgreementGap {
  statement: StatementId;
  /** The lead's rating, or null when unrated. */
  rating: Rating | null;
  /** Every group with an item linked to the statement, in the order first met in `agreements`. */
  stakeholders: StakeholderAgreement[];
  /** Every group's answers together. */
  combined: Proportion;
  /** The lead said Fully met but a group with enough answers agrees less than the threshold. */
  gap: boolean;
  /** Why there is, or is not, a gap, in plain English with the groups and figures. */
  reason: string;
}

const sum = (a: Proportion, b: Proportion): Proportion => ({
  count: a.count + b.count,
  base: a.base + b.base,
});

/** A percentage rounded down to one decimal, so a figure below the threshold never reads as at it. */
function shown(p: Proportion): string {
  return `${Math.floor((p.count * 1000) / p.base) / 10}%`;
}

/** "a", "a and b", "a, b and c". */
function list(parts: readonly string[]): string {
  return parts.length <= 1
    ? (parts[0] ?? '')
    : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * The agreement gaps of the 360° view (domain.md §2). For each statement of the audit that has
 * linked agreements (from {@link perceptionAgreement}), in definition order: the lead's rating, each
 * stakeholder group's agreement (a group's items linked to the statement are summed, so `base`
 * counts answers, not people), and every group together.
 *
 * `gap` is true when the lead rated the statement Fully met and any group with at least `minBase`
 * answers agrees less than `threshold` (at exactly the threshold there is no gap). Groups with fewer
 * answers are listed, flagged `tooFewAnswers` and named in the reason, but never make a gap.
 * Percentages in `reason` are rounded down to one decimal. Agreements about statements the audit does
 * not have are ignored.
 *
 * @throws RangeError when `threshold` is outside 0–1 or `minBase` is negative or not a whole number.
 * @example
 * const gaps = agreementGaps(getAudit(), { ratings: { '3.4': 'fully-met' } }, [
 *   { stakeholder: 'parent-carer', definition: 'perception-parent-carer', item: 'example-item',
 *     statements: ['3.4'], agree: { count: 9, base: 20 }, missing: 2 },
 * ]);
 * gaps[0]!.gap; //    true
 * gaps[0]!.reason; // 'The lead rated this Fully met, but only 45% of parents and carers agreed (9 of 20).'
 */
export function agreementGaps(
  audit: AuditDefinition,
  leadRatings: AuditRatings,
  agreements: readonly PerceptionAgreement[],
  options: AgreementGapOptions = {},
): AgreementGap[] {
  const threshold = options.threshold ?? 0.6;
  const minBase = options.minBase ?? 5;
  if (!(threshold >= 0 && threshold <= 1)) {
    throw new RangeError(`agreementGaps: threshold must be between 0 and 1, got ${threshold}.`);
  }
  if (!(Number.isInteger(minBase) && minBase >= 0)) {
    throw new RangeError(`agreementGaps: minBase must be a whole number ≥ 0, got ${minBase}.`);
  }
  const names = { ...STAKEHOLDER_NAMES, ...options.stakeholderNames };
  const name = (s: Audience) => names[s] ?? s;
  const needed = `${Math.round(threshold * 1000) / 10}%`;

  const gaps: AgreementGap[] = [];
  for (const statement of statementsOf(audit)) {
    const linked = agreements.filter((a) => a.statements.includes(statement.id));
    if (linked.length === 0) continue;
    const groups = new Map<Audience, Proportion>();
    for (const a of linked) {
      groups.set(a.stakeholder, sum(groups.get(a.stakeholder) ?? { count: 0, base: 0 }, a.agree));
    }
    const stakeholders = [...groups].map(([stakeholder, agree]): StakeholderAgreement => ({
      stakeholder,
      agree,
      percent: agree.base === 0 ? null : (agree.count * 100) / agree.base,
      tooFewAnswers: agree.base < minBase,
    }));
    const combined = stakeholders.reduce((c, s) => sum(c, s.agree), { count: 0, base: 0 });
    const rating = ratingOf(leadRatings, statement.id) ?? null;
    const enough = stakeholders.filter((s) => !s.tooFewAnswers);
    const below = enough.filter((s) => s.agree.count / s.agree.base < threshold);
    const gap = rating === 'fully-met' && below.length > 0;
    gaps.push({
      statement: statement.id,
      rating,
      stakeholders,
      combined,
      gap,
      reason: reasonFor(rating, stakeholders, below, { name, needed, minBase }),
    });
  }
  return gaps;
}

function reasonFor(
  rating: Rating | null,
  stakeholders: readonly StakeholderAgreement[],
  below: readonly StakeholderAgreement[],
  words: { name: (s: Audience) => string; needed: string; minBase: number },
): string {
  const { name, needed, minBase } = words;
  if (rating === null) return 'No gap: the lead has not rated this statement yet.';
  if (rating === 'dont-know') {
    return "No gap: the lead answered Don't know, so there is no Fully met rating to check.";
  }
  if (rating !== 'fully-met') {
    return `No gap: the lead rated this ${LEVEL_NAMES[rating]}, so there is no Fully met rating to check.`;
  }
  const few = stakeholders.filter((s) => s.tooFewAnswers);
  const fewNote =
    few.length === 0
      ? ''
      : ` Too few answers from ${list(few.map((s) => `${name(s.stakeholder)} (${s.agree.base})`))} ` +
        `to judge: at least ${minBase} needed.`;
  if (below.length > 0) {
    const parts = below.map(
      (s) =>
        `${shown(s.agree)} of ${name(s.stakeholder)} agreed (${s.agree.count} of ${s.agree.base})`,
    );
    return `The lead rated this Fully met, but only ${list(parts)}.${fewNote}`;
  }
  const enough = stakeholders.filter((s) => !s.tooFewAnswers);
  if (enough.length === 0) {
    return `No gap can be shown: the lead rated this Fully met, but no group gave enough answers.${fewNote}`;
  }
  const parts = enough.map(
    (s) => `${name(s.stakeholder)} ${shown(s.agree)} (${s.agree.count} of ${s.agree.base})`,
  );
  return (
    `No gap: the lead rated this Fully met, and at least ${needed} of every group with enough ` +
    `answers agreed: ${list(parts)}.${fewNote}`
  );
}

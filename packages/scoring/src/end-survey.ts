/**
 * The end-of-programme school survey for an area: how many schools "somewhat or strongly agree"
 * with each outcome (staff more confident, bullying reduced, …), published under disclosure
 * control that counts schools as people, beside the figure the programme itself reported where
 * the definition declares one.
 *
 * Everything is found by the definition's declared scoring, never by item id: the outcomes are the
 * agreement items with scored `values` and an `agree` cut-off, and each one's indicator declaration
 * gives its label and any reported figure.
 *
 * @module
 */
import {
  DEFAULT_DISCLOSURE_CONTROL,
  producedIndicators,
  type DisclosureControl,
  type LocalisedText,
  type QuestionnaireDefinition,
  type ViewerLevel,
} from '@all-together/model';
import { publishProportion, type Shown, type SuppressionReason } from './disclosure.js';
import { suppressionNote } from './notes.js';

/** The notes in words about schools, not pupils: each figure here counts schools. */
function note(reason: SuppressionReason, control: DisclosureControl): string {
  const schools = (n: number) => `${n} ${n === 1 ? 'school' : 'schools'}`;
  switch (reason) {
    case 'base':
    case 'total':
      return `Fewer than ${schools(control.minCellSize)} answered — hidden to protect each school's answers`;
    case 'small-base':
      return `Fewer than ${schools(control.minBaseForPercentage)} answered — too few to show a percentage safely`;
    case 'no-pupils':
      return 'No school answered';
    default:
      return suppressionNote(reason, control);
  }
}
import { percentHalfUp, type PublishOptions } from './publish.js';

/** One school's answers (a validated response's `answers`). */
export interface EndSurveyAnswers {
  answers: Readonly<Record<string, unknown>>;
}

/** One outcome of the end survey, published. */
export interface PublishedEndSurveyItem {
  /** The item id in the definition (for its text). */
  item: string;
  /** The declared indicator key, e.g. `end-of-programme.bullying-reduced.agree`. */
  indicator: string;
  /** What was asked, from the indicator's declaration. */
  label: LocalisedText;
  /** Schools that gave a scored answer ("Don't know" and no answer are not counted). */
  base: Shown<number>;
  /** Schools that somewhat or strongly agree. */
  count: Shown<number>;
  /** Whole-number percentage agreeing; from the rounded figures outside the school's own view. */
  percent: Shown<number>;
  /** The figure the programme reported for this outcome, when the definition declares one. */
  reported: { percent: number; source: LocalisedText } | null;
}

/** The end survey of an area (or one school, for its own view), published. */
export interface PublishedEndSurvey {
  /** `id@version` of the definition answered. */
  definition: string;
  viewer: ViewerLevel;
  /** Schools that answered the survey at all. */
  schools: Shown<number>;
  items: PublishedEndSurveyItem[];
  /** Each suppression reason used, in words. */
  notes: string[];
}

/**
 * Publishes the end-of-programme survey: one response per school, so every figure counts schools
 * (people, not answers), and disclosure control applies as to pupils: a base below the minimum is
 * `[c]`, a percentage needs the larger base, counts are rounded outside the school's own view and
 * the percentage is then worked out from the rounded figures, so it never gives an exact count
 * back. Items are published on their own (nothing is summed across them). Responses to another
 * definition are the caller's to refuse (`validateResponse` first).
 *
 * @example
 * const end = getQuestionnaire('end-of-programme');
 * const published = publishEndSurvey(end, responses, { viewer: 'local-authority' });
 * published.items.find((i) => i.reported)?.reported; // { percent: 99, source: { 'en-GB': '…' } }
 */
export function publishEndSurvey(
  definition: QuestionnaireDefinition,
  responses: readonly EndSurveyAnswers[],
  options: Pick<PublishOptions, 'control' | 'viewer'> = {},
): PublishedEndSurvey {
  const control = options.control ?? DEFAULT_DISCLOSURE_CONTROL;
  const viewer = options.viewer ?? 'national';
  const reasons = new Set<SuppressionReason>();
  const seen = (s: Shown<number>) => {
    if ('symbol' in s) reasons.add(s.reason);
  };
  const declared = new Map((definition.indicators ?? []).map((d) => [d.key, d]));
  const items: PublishedEndSurveyItem[] = [];
  for (const produced of producedIndicators(definition)) {
    const item = definition.sections.flatMap((s) => s.items).find((i) => i.id === produced.from);
    if (!item || item.type === 'free-text' || item.scoring.kind !== 'agreement') continue;
    const values = item.scoring.values;
    const cutoff = item.scoring.cutoffs.agree;
    const declaration = declared.get(produced.key);
    if (!values || cutoff === undefined || !produced.key.endsWith('.agree') || !declaration)
      continue;
    let count = 0;
    let base = 0;
    for (const r of responses) {
      const answer = Object.hasOwn(r.answers, item.id) ? r.answers[item.id] : undefined;
      // "Don't know" (declared missing), no answer, or a value that is not an option: not counted.
      if (typeof answer !== 'string' || !Object.hasOwn(values, answer)) continue;
      base++;
      if (values[answer]! >= cutoff) count++;
    }
    const p = publishProportion({ count, base }, { shown: true }, control, viewer);
    const percent: Shown<number> =
      'value' in p.percent && 'value' in p.count && 'value' in p.base
        ? {
            value:
              viewer === 'school'
                ? Math.round(p.percent.value)
                : percentHalfUp(p.count.value, p.base.value),
          }
        : p.percent;
    [p.base, p.count, percent].forEach(seen);
    items.push({
      item: item.id,
      indicator: produced.key,
      label: declaration.label,
      base: p.base,
      count: p.count,
      percent,
      reported: declaration.reported
        ? { percent: declaration.reported.percent, source: declaration.reported.source }
        : null,
    });
  }
  const schools = publishProportion(
    { count: responses.length, base: responses.length },
    { shown: true },
    control,
    viewer,
  ).base;
  seen(schools);
  return {
    definition: `${definition.id}@${definition.version}`,
    viewer,
    schools,
    items,
    notes: [...reasons].map((r) => note(r, control)),
  };
}

/**
 * Training (CPD) confidence: how many delegates are "quite or very confident" on each statement,
 * before the training, straight after it and months later. Counts only, mergeable, published under
 * disclosure control.
 *
 * Everything is found by the definition's declared scoring, never by item id: the administration
 * (before, after, follow-up) is the answer to the `category` item whose indicator is
 * `administration` (default `cpd-timepoint`), its options in order; the confidence items are those
 * with scored `values` and a cut-off named `cutoff` (default `confident`).
 *
 * @module
 */
import {
  DEFAULT_DISCLOSURE_CONTROL,
  type Item,
  type QuestionnaireDefinition,
  type QuestionnaireResponse,
  type ViewerLevel,
} from '@all-together/model';
import { publishProportion, type Shown, type SuppressionReason } from './disclosure.js';
import { suppressionNote } from './notes.js';
import type { PublishOptions } from './publish.js';

/** One statement at one administration: confident answers of scored answers, and the rest. */
export interface CpdItemCounts {
  /** The item id in the definition (for its text). */
  item: string;
  /** Answers at or above the `confident` cut-off. */
  confident: number;
  /** Answers with a scored value (the base of the percentage). */
  base: number;
  /** Unanswered, or an answer declared missing or not one of the item's options. Reported, never dropped. */
  missing: number;
}

/** One administration of the survey (an option of the administration item, e.g. `before`). */
export interface CpdAdministration {
  /** The option value of the administration item. */
  key: string;
  /** Responses that said this administration. */
  responses: number;
  /** Every confidence item, in definition order: `base + missing` is always `responses`. */
  items: CpdItemCounts[];
}

/** Counts of a CPD confidence survey, per administration and item. No response rows, no ids. */
export interface CpdSummary {
  kind: 'cpd-summary';
  format: 1;
  /** `id@version` of the definition answered. */
  definition: string;
  /** The name of the cut-off that means "confident". */
  cutoff: string;
  /** The id of the item that says the administration (its options label the administrations). */
  administrationItem: string;
  /** Every administration the definition declares, in its order (empty ones with 0 responses). */
  administrations: CpdAdministration[];
  /** Responses that did not say which administration they were (counted, never guessed). */
  unplaced: number;
}

/** Where the administration and the confidence items are declared. */
export interface CpdOptions {
  /** The indicator of the `category` item that records the administration. Default `cpd-timepoint`. */
  administration?: string;
  /** The cut-off that means "confident". Default `confident`. */
  cutoff?: string;
}

interface CpdPlan {
  definition: string;
  cutoff: string;
  administration: { item: string; keys: string[] };
  items: { id: string; values: Readonly<Record<string, number>>; threshold: number }[];
}

function planCpd(definition: QuestionnaireDefinition, options: CpdOptions): CpdPlan {
  const indicator = options.administration ?? 'cpd-timepoint';
  const cutoff = options.cutoff ?? 'confident';
  const items: Item[] = definition.sections.flatMap((s) => s.items);
  const admin = items.find(
    (i) => i.scoring.kind === 'category' && i.scoring.indicator === indicator,
  );
  if (!admin || admin.type === 'free-text')
    throw new RangeError(
      `summariseCpd: ${definition.id} declares no single-choice item with the "${indicator}" category indicator, so no answer says which administration a response is.`,
    );
  const scored = items.flatMap((i) => {
    const threshold = i.scoring.cutoffs[cutoff];
    return i.scoring.values && threshold !== undefined
      ? [{ id: i.id, values: i.scoring.values, threshold }]
      : [];
  });
  if (scored.length === 0)
    throw new RangeError(
      `summariseCpd: ${definition.id} declares no scored item with a "${cutoff}" cut-off.`,
    );
  return {
    definition: `${definition.id}@${definition.version}`,
    cutoff,
    administration: { item: admin.id, keys: admin.options.map((o) => o.value) },
    items: scored,
  };
}

/**
 * Counts validated responses to a CPD confidence definition (`validateResponse` first): per
 * administration, each confidence item's confident answers, scored answers and missing ones.
 * Responses to another definition (or version) are refused with an error naming the response.
 *
 * @example
 * const cpd = getQuestionnaire('cpd-confidence');
 * const summary = summariseCpd(cpd, responses);
 * summary.administrations.map((a) => [a.key, a.items[0].confident, a.items[0].base]);
 * // [['before', 24, 62], ['after', 51, 60], ['follow-up', 30, 41]]
 */
export function summariseCpd(
  definition: QuestionnaireDefinition,
  responses: readonly QuestionnaireResponse[],
  options: CpdOptions = {},
): CpdSummary {
  const plan = planCpd(definition, options);
  const administrations: CpdAdministration[] = plan.administration.keys.map((key) => ({
    key,
    responses: 0,
    items: plan.items.map((i) => ({ item: i.id, confident: 0, base: 0, missing: 0 })),
  }));
  const byKey = new Map(administrations.map((a) => [a.key, a]));
  let unplaced = 0;
  for (const r of responses) {
    if (`${r.definition.id}@${r.definition.version}` !== plan.definition)
      throw new Error(
        `summariseCpd: response ${r.id} answers ${r.definition.id}@${r.definition.version}, not ${plan.definition}.`,
      );
    const said = r.answers[plan.administration.item];
    const a = typeof said === 'string' ? byKey.get(said) : undefined;
    if (!a) {
      unplaced++;
      continue;
    }
    a.responses++;
    plan.items.forEach((item, i) => {
      const counts = a.items[i]!;
      const answer = r.answers[item.id];
      const score = typeof answer === 'string' ? item.values[answer] : undefined;
      if (score === undefined) counts.missing++;
      else {
        counts.base++;
        if (score >= item.threshold) counts.confident++;
      }
    });
  }
  return {
    kind: 'cpd-summary',
    format: 1,
    definition: plan.definition,
    cutoff: plan.cutoff,
    administrationItem: plan.administration.item,
    administrations,
    unplaced,
  };
}

/**
 * Adds CPD summaries of the same definition (several courses, trainers or areas). Associative and
 * commutative (property-tested), and merging the parts equals summarising all the responses. The
 * inputs are not changed. Summaries of different definitions or cut-offs are refused.
 */
export function mergeCpdSummaries(summaries: readonly CpdSummary[]): CpdSummary {
  const first = summaries[0];
  if (!first) throw new Error('mergeCpdSummaries needs at least one summary.');
  const shape = (s: CpdSummary) =>
    JSON.stringify([
      s.definition,
      s.cutoff,
      s.administrationItem,
      s.administrations.map((a) => [a.key, a.items.map((i) => i.item)]),
    ]);
  const expected = shape(first);
  for (const s of summaries)
    if (shape(s) !== expected)
      throw new Error(
        `mergeCpdSummaries: cannot merge a summary of ${s.definition} (cut-off "${s.cutoff}") with one of ${first.definition} (cut-off "${first.cutoff}").`,
      );
  return {
    kind: 'cpd-summary',
    format: 1,
    definition: first.definition,
    cutoff: first.cutoff,
    administrationItem: first.administrationItem,
    administrations: first.administrations.map((a, ai) => ({
      key: a.key,
      responses: summaries.reduce((n, s) => n + s.administrations[ai]!.responses, 0),
      items: a.items.map((item, ii) => {
        const all = summaries.map((s) => s.administrations[ai]!.items[ii]!);
        return {
          item: item.item,
          confident: all.reduce((n, c) => n + c.confident, 0),
          base: all.reduce((n, c) => n + c.base, 0),
          missing: all.reduce((n, c) => n + c.missing, 0),
        };
      }),
    })),
    unplaced: summaries.reduce((n, s) => n + s.unplaced, 0),
  };
}

/** One statement at one administration, published. */
export interface PublishedCpdCell {
  /** The administration's key (`before`, `after`, `follow-up`). */
  key: string;
  base: Shown<number>;
  /** Confident answers. */
  count: Shown<number>;
  /** A whole-number percentage of scored answers, or a symbol. */
  percent: Shown<number>;
}

/** CPD confidence ready to leave the server or be rendered. */
export interface PublishedCpd {
  /** `id@version` of the definition. */
  definition: string;
  viewer: ViewerLevel;
  /** The id of the item that says the administration (its options label the administrations). */
  administrationItem: string;
  /** The administrations in declared order. */
  administrations: string[];
  /** Each confidence item with one cell per administration, in the order of `administrations`. */
  items: { item: string; cells: PublishedCpdCell[] }[];
  /** A plain-English note for each reason a figure is hidden, once each. */
  notes: string[];
}

/**
 * A CPD summary under disclosure control: each statement at each administration goes through
 * `publishProportion`, so a base below k is `[c]` (D1), a count and percentage on a base below
 * `minBaseForPercentage` are `[c]` (D4: 0% or 100% would tell every delegate's answer), counts and
 * bases are rounded outside the school's own view, and an administration nobody answered is `[z]`.
 * Percentages are whole numbers. Nothing is summed across items or administrations, so no figure
 * can be worked out from a total.
 *
 * @example
 * const published = publishCpd(summariseCpd(cpd, responses), { viewer: 'trust' });
 * published.items[0];
 * // { item: '…', cells: [{ key: 'before', base: { value: 60 }, count: { value: 25 },
 * //   percent: { value: 39 } }, …] }
 */
export function publishCpd(summary: CpdSummary, options: PublishOptions = {}): PublishedCpd {
  const control = options.control ?? DEFAULT_DISCLOSURE_CONTROL;
  const viewer = options.viewer ?? 'national';
  const reasons = new Set<SuppressionReason>();
  const note = (s: Shown<number>) => {
    if ('symbol' in s) reasons.add(s.reason);
  };
  const items = (summary.administrations[0]?.items ?? []).map((first, ii) => ({
    item: first.item,
    cells: summary.administrations.map((a): PublishedCpdCell => {
      const c = a.items[ii]!;
      const p = publishProportion(
        { count: c.confident, base: c.base },
        { shown: true },
        control,
        viewer,
      );
      const percent: Shown<number> =
        'value' in p.percent ? { value: Math.round(p.percent.value) } : p.percent;
      [p.base, p.count, percent].forEach(note);
      return { key: a.key, base: p.base, count: p.count, percent };
    }),
  }));
  return {
    definition: summary.definition,
    viewer,
    administrationItem: summary.administrationItem,
    administrations: summary.administrations.map((a) => a.key),
    items,
    // Delegates are adults, and some are not from a school: the notes count people.
    notes: [...reasons].map((r) => suppressionNote(r, control, 'people')),
  };
}

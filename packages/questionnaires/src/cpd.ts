import {
  conditionContext,
  evaluateCondition,
  type QuestionnaireDefinition,
  type QuestionnaireResponse,
} from '@all-together/model';
import { seededRandom } from './random.js';

/** Options of {@link generateCpdResponses}. */
export interface CpdCohortOptions {
  seed: number;
  /** A CPD confidence definition (for example `getQuestionnaire('cpd-confidence')`). */
  definition: QuestionnaireDefinition;
  /** Delegates answering at each administration, in the definition's order (default 64, 60, 41). */
  delegates?: readonly number[];
  /**
   * Chance of a confident answer at each administration, in order (default 0.45, 0.85, 0.75: more
   * confident straight after the training, a little less months later). Each item gets its own
   * seeded shift of up to ±0.1.
   */
  confident?: readonly number[];
  /** Chance that a delegate skips a question (default 0.02). */
  skip?: number;
  /** The indicator of the item recording the administration (default `cpd-timepoint`). */
  administration?: string;
  /** The cut-off that means confident (default `confident`). */
  cutoff?: string;
  /** The date of the first administration (ISO date); later ones follow 1 and 120 days on. */
  date?: string;
}

/**
 * Seeded synthetic responses to a CPD confidence survey: `delegates[i]` delegates answer at the
 * i-th administration (the options of the item whose scoring indicator is `administration`), and
 * each item with a `cutoff` cut-off is answered at or above it with that administration's chance.
 * Items are found by their declared scoring, never by id; conditions are honoured (the rating of the
 * training is asked only after it). Responses are anonymous and valid against the definition; the
 * administration is the answer to its item, and `wave` is `baseline` for the first administration
 * and `end` for later ones.
 *
 * @example
 * const responses = generateCpdResponses({ seed: 7, definition: getQuestionnaire('cpd-confidence') });
 */
export function generateCpdResponses(options: CpdCohortOptions): QuestionnaireResponse[] {
  const { definition } = options;
  const random = seededRandom(options.seed);
  const indicator = options.administration ?? 'cpd-timepoint';
  const cutoff = options.cutoff ?? 'confident';
  const delegates = options.delegates ?? [64, 60, 41];
  const confident = options.confident ?? [0.45, 0.85, 0.75];
  const skip = options.skip ?? 0.02;
  const items = definition.sections.flatMap((s) => s.items);
  const admin = items.find(
    (i) => i.scoring.kind === 'category' && i.scoring.indicator === indicator,
  );
  if (!admin || admin.type === 'free-text')
    throw new RangeError(`${definition.id} has no "${indicator}" item to say the administration.`);
  const shift = new Map(items.map((i) => [i.id, (random.next() - 0.5) * 0.2]));
  const start = new Date(`${options.date ?? '2026-09-14'}T09:00:00Z`).getTime();
  const responses: QuestionnaireResponse[] = [];
  admin.options.forEach((option, a) => {
    const day = start + [0, 1, 120][Math.min(a, 2)]! * 86_400_000;
    for (let d = 0; d < (delegates[a] ?? 0); d++) {
      const answers: Record<string, string | string[]> = { [admin.id]: option.value };
      for (const section of definition.sections) {
        if (
          section.visibleIf &&
          !evaluateCondition(section.visibleIf, conditionContext(definition, answers))
        )
          continue;
        for (const item of section.items) {
          if (item.id === admin.id || item.type === 'free-text') continue;
          if (
            item.visibleIf &&
            !evaluateCondition(item.visibleIf, conditionContext(definition, answers))
          )
            continue;
          if (random.chance(skip)) continue;
          const values = item.scoring.values;
          const threshold = item.scoring.cutoffs[cutoff];
          const plain = item.options.filter((o) => !item.scoring.missing.includes(o.value));
          if (values && threshold !== undefined) {
            const p = Math.min(1, Math.max(0, (confident[a] ?? 0.5) + shift.get(item.id)!));
            const want = random.chance(p);
            const choices = plain.filter(
              (o) => values[o.value] !== undefined && values[o.value]! >= threshold === want,
            );
            if (choices.length > 0) answers[item.id] = random.pick(choices).value;
          } else if (item.type === 'multi-select') {
            answers[item.id] = [random.pick(plain).value];
          } else {
            answers[item.id] = random.pick(plain).value;
          }
        }
      }
      const minutes = random.int(0, 300);
      const at = (m: number) => new Date(day + m * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
      responses.push({
        id: random.uuid(),
        definition: { id: definition.id, version: definition.version },
        wave: a === 0 ? 'baseline' : 'end',
        school: String(900000 + random.int(1, 99999)),
        mode: 'anonymous',
        characteristics: { source: 'self-report' },
        answers,
        startedAt: at(minutes),
        submittedAt: at(minutes + random.int(2, 8)),
      } as QuestionnaireResponse);
    }
  });
  return responses;
}
